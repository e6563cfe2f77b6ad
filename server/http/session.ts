// The device's session: a random token whose sha256 the server keeps, carried by an HttpOnly
// cookie for the app (page scripts never see it) or as a Bearer header for non-browser
// clients. Sessions slide: each use pushes the end back, so a village head who opens the app
// now and then stays signed in, and one gone quiet for longer signs in again.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { TOKEN_IN_BODY, type SignInResponse } from '../../src/domain/index.ts';
import { newToken, sha256Hex } from '../auth/secrets.ts';
import { USER_AGENT_LENGTH, type Store } from '../store/store.ts';
import { apiError } from './errors.ts';

export const SESSION_COOKIE = 'so_tay_session';
/** A village head may be out of signal for weeks: 90 days from the last use. */
export const SESSION_LIFETIME_SECONDS = 90 * 86_400;
/** The end is moved at most once an hour per device, not on every request. */
const SLIDE_STEP_MS = 3_600_000;

/** The app's session lifetime (AppSettings.sessionLifetimeSeconds), set on the context by createApp. */
export function sessionLifetime(c: Context): number {
  return ((c as unknown as { get(key: string): unknown }).get('sessionLifetimeSeconds') as number | undefined) ?? SESSION_LIFETIME_SECONDS;
}

export function sessionEnd(now: Date, lifetimeSeconds = SESSION_LIFETIME_SECONDS): string {
  return new Date(now.getTime() + lifetimeSeconds * 1000).toISOString();
}

export function setSessionCookie(c: Context, token: string, maxAgeSeconds = sessionLifetime(c)): void {
  // Chromium treats http://localhost and 127.0.0.1 as secure, so Secure holds in tests too.
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, secure: true, sameSite: 'Strict', path: '/api', maxAge: maxAgeSeconds });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, secure: true, sameSite: 'Strict', path: '/api' });
}

/**
 * Asks the browser to drop this origin's HTTP cache (sign-out, a revoked device). Only "cache":
 * "storage" would also delete the other accounts' databases and their unsent records, which a
 * shared phone keeps by design, and the service worker's precache that opens the app offline.
 */
export function clearHttpCache(c: Context): void {
  c.header('Clear-Site-Data', '"cache"');
}

export function sessionCookieToken(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

/**
 * Signs a user in on a device after their credentials were checked (sign-in, enrolment): a new
 * token bound to the device, the cookie, and the answer with the profile (and the token only
 * for a client that asked for it).
 */
export async function startSession(c: Context, store: Store, input: { deviceId: string; userId: string; now: Date }): Promise<Response> {
  const token = newToken();
  const binding = await store.devices.bind({
    deviceId: input.deviceId,
    userId: input.userId,
    tokenHash: sha256Hex(token),
    now: input.now.toISOString(),
    expiresAt: sessionEnd(input.now, sessionLifetime(c)),
    userAgent: c.req.header('user-agent')?.slice(0, USER_AGENT_LENGTH),
  });
  const profile = await store.sessions.loadProfile(input.userId);
  if (!profile) return apiError(c, 401, 'bad_credentials');
  setSessionCookie(c, token);
  const wantsToken = c.req.header(TOKEN_IN_BODY.header) === TOKEN_IN_BODY.value;
  // The device id the session is bound to: the phone adopts it when it is not the one it sent.
  const bound = { ...profile, deviceId: binding.deviceId };
  const response: SignInResponse = wantsToken ? { token, ...bound } : bound;
  return c.json(response, 200);
}

/** Pushes the session's end back after a use; true when it moved (the cookie is then renewed). */
export async function slideSession(store: Store, deviceId: string, expiresAt: string | null, now: Date, lifetimeSeconds: number): Promise<boolean> {
  const next = sessionEnd(now, lifetimeSeconds);
  if (expiresAt !== null && Date.parse(next) - Date.parse(expiresAt) < SLIDE_STEP_MS) return false;
  await store.devices.setSessionExpiry(deviceId, next, now.toISOString());
  return true;
}
