// Headers on every answer, the app's page and the API alike: a Content-Security-Policy with
// no inline script or style (the built page has none; Preact's style props go through the
// CSSOM, which the policy allows), no referrer, no MIME sniffing, never framed. HSTS only when
// the request came over TLS: said by a proxy we trust, or seen on our own socket. Every API
// answer, errors included, says `Cache-Control: no-store`.
import { createMiddleware } from 'hono/factory';
import { isHttps } from './address.ts';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const HSTS = 'max-age=31536000';

export function securityHeaders(options: { trustProxy: boolean }) {
  return createMiddleware(async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    if (isHttps(c, options.trustProxy)) c.header('Strict-Transport-Security', HSTS);
    // No API answer rests in the browser's HTTP cache: a pull carries case notes, an export the commune's figures.
    if (c.req.path === '/api' || c.req.path.startsWith('/api/')) c.header('Cache-Control', 'no-store');
  });
}
