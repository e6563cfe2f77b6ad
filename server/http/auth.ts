// Who is calling: the device session's token, from the HttpOnly cookie (the app) or the
// Bearer header (scripts, tests); the server keeps only its sha256. A token of a revoked
// device gets its own code, so that the phone knows to wipe what it holds. A change carried by
// the cookie must come from the app: its client header, and the browser's word that the page
// is this site's own (Sec-Fetch-Site, or Origin).
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { CLIENT_HEADER } from '../../src/domain/index.ts';
import { sha256Hex } from '../auth/secrets.ts';
import type { Actor, Store } from '../store/store.ts';
import { isHttps } from './address.ts';
import { apiError } from './errors.ts';
import { clearHttpCache, sessionCookieToken, sessionLifetime, setSessionCookie, slideSession } from './session.ts';

export type AuthEnv = { Variables: { actor: Actor } };

const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The second line behind the client header, for changes carried by the cookie: the browser
 * says where the request comes from. `Sec-Fetch-Site` (every current browser) must say
 * same-origin (or none: typed by the user); without it, an `Origin` must be this server's own,
 * as the client sees it (behind the trusted proxy: its X-Forwarded-Proto and the Host it passes on).
 * Neither header (a script, an older browser): the client header alone decides.
 */
function crossSiteHeader(c: Context): 'Sec-Fetch-Site' | 'Origin' | undefined {
  const site = c.req.header('Sec-Fetch-Site');
  if (site !== undefined) return site === 'same-origin' || site === 'none' ? undefined : 'Sec-Fetch-Site';
  const origin = c.req.header('Origin');
  if (origin === undefined) return undefined;
  const trustProxy = ((c as unknown as { get(key: string): unknown }).get('trustProxy') as boolean | undefined) ?? false;
  const own = `${isHttps(c, trustProxy) ? 'https:' : 'http:'}//${c.req.header('Host') ?? new URL(c.req.url).host}`;
  return origin.toLowerCase() === own.toLowerCase() ? undefined : 'Origin';
}

export function requireActor(store: Store, clock: () => Date = () => new Date()) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const bearer = /^Bearer (.+)$/.exec(c.req.header('Authorization') ?? '')?.[1];
    const fromCookie = bearer === undefined;
    const token = bearer ?? sessionCookieToken(c);
    const tokenHash = token && TOKEN.test(token) ? sha256Hex(token) : undefined;
    const now = clock();
    const session = tokenHash ? await store.sessions.find(tokenHash, now.toISOString()) : undefined;
    if (!session) {
      const refusal = tokenHash ? await store.sessions.tokenRefusal(tokenHash) : undefined;
      // A revoked phone wipes the account's data; the browser drops the origin's HTTP cache with it.
      if (refusal === 'device_revoked') clearHttpCache(c);
      if (refusal) return apiError(c, 401, refusal);
      return apiError(c, 401, 'unauthorized');
    }
    // A cookie rides along with any request to this site: a change made with it must come from the app.
    if (fromCookie && !SAFE_METHODS.has(c.req.method)) {
      if (c.req.header(CLIENT_HEADER.name) !== CLIENT_HEADER.value) {
        return apiError(c, 403, 'client_header_missing', [{ path: CLIENT_HEADER.name, code: 'required' }]);
      }
      const foreign = crossSiteHeader(c);
      if (foreign) return apiError(c, 403, 'cross_site_request', [{ path: foreign, code: 'crossSite' }]);
    }
    if ((await slideSession(store, session.actor.deviceId, session.expiresAt, now, sessionLifetime(c))) && fromCookie) setSessionCookie(c, token!);
    c.set('actor', session.actor);
    await next();
  });
}
