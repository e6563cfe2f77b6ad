// The built app: files from the build folder, the service worker and the page always
// revalidated, hashed assets cached for a year, and any other path answered with the
// page so the app's own router handles it (SPA fallback).
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

type StaticEnv = { Variables: { staticFile?: string } };

const ALWAYS_REVALIDATE = new Set(['sw.js', 'index.html', 'manifest.webmanifest']);

function cacheControlFor(file: string): string | undefined {
  const name = file.split(/[\\/]/).pop() ?? '';
  if (ALWAYS_REVALIDATE.has(name)) return 'no-cache';
  if (/[\\/]assets[\\/]/.test(file)) return 'public, max-age=31536000, immutable';
  return undefined;
}

export function staticRoutes(staticDir: string) {
  const remember = (file: string, c: { set: (key: 'staticFile', value: string) => void }) => c.set('staticFile', file);
  const page = serveStatic<StaticEnv>({ root: staticDir, path: 'index.html', onFound: remember });
  return new Hono<StaticEnv>()
    .use('*', async (c, next) => {
      await next();
      const file = c.get('staticFile');
      const cacheControl = file && c.res.ok ? cacheControlFor(file) : undefined;
      if (cacheControl) c.header('Cache-Control', cacheControl);
    })
    .get('*', serveStatic<StaticEnv>({ root: staticDir, onFound: remember }))
    .get('*', async (c, next) => {
      // A missing hashed asset is a 404, never the page under a one-year cache.
      if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/assets/')) return next();
      return page(c, next);
    });
}
