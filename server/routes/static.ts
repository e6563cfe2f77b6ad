// The built app: files from the build folder, the service worker and the page always
// revalidated, hashed assets cached for a year, and any other path answered with the
// page so the app's own router handles it (SPA fallback).
import { gzipSync } from 'node:zlib';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { acceptsGzip } from '../http/compression.ts';

type StaticEnv = { Variables: { staticFile?: string } };

const ALWAYS_REVALIDATE = new Set(['sw.js', 'index.html', 'manifest.webmanifest']);

function cacheControlFor(file: string): string | undefined {
  const name = file.split(/[\\/]/).pop() ?? '';
  if (ALWAYS_REVALIDATE.has(name)) return 'no-cache';
  if (/[\\/]assets[\\/]/.test(file)) return 'public, max-age=31536000, immutable';
  return undefined;
}

/** Text files go out gzip-compressed: the shell's JS is 218 kB raw, 72 kB gzipped (2G/3G phones). */
const COMPRESSIBLE = /^(?:text\/|application\/(?:javascript|json|manifest\+json)|image\/svg\+xml)/i;

/** The build does not change under a running server: each file is compressed once. */
function gzippedFiles() {
  const cache = new Map<string, { plainBytes: number; gzip: Uint8Array<ArrayBuffer> }>();
  return (file: string, plain: Uint8Array): Uint8Array<ArrayBuffer> => {
    const cached = cache.get(file);
    if (cached && cached.plainBytes === plain.length) return cached.gzip;
    const gzip = new Uint8Array(gzipSync(plain, { level: 9 }));
    cache.set(file, { plainBytes: plain.length, gzip });
    return gzip;
  };
}

export function staticRoutes(staticDir: string) {
  const gzipped = gzippedFiles();
  const remember = (file: string, c: { set: (key: 'staticFile', value: string) => void }) => c.set('staticFile', file);
  const page = serveStatic<StaticEnv>({ root: staticDir, path: 'index.html', onFound: remember });
  return new Hono<StaticEnv>()
    .use('*', async (c, next) => {
      await next();
      const file = c.get('staticFile');
      const cacheControl = file && c.res.ok ? cacheControlFor(file) : undefined;
      if (cacheControl) c.header('Cache-Control', cacheControl);
      if (!file || c.res.status !== 200 || c.req.method !== 'GET' || c.res.headers.has('content-encoding')) return;
      if (!COMPRESSIBLE.test(c.res.headers.get('content-type') ?? '')) return;
      c.header('Vary', 'Accept-Encoding', { append: true });
      if (!acceptsGzip(c.req.header('accept-encoding'))) return;
      const res = c.res;
      const headers = new Headers(res.headers);
      headers.set('content-encoding', 'gzip');
      headers.delete('content-length');
      const body = gzipped(file, new Uint8Array(await res.arrayBuffer()));
      c.res = undefined as never; // Hono merges headers into a replaced response unless cleared first
      c.res = new Response(body, { status: 200, headers });
    })
    .get('*', serveStatic<StaticEnv>({ root: staticDir, onFound: remember }))
    .get('*', async (c, next) => {
      // A missing hashed asset is a 404, never the page under a one-year cache.
      if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/assets/')) return next();
      return page(c, next);
    });
}
