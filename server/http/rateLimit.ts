// A simple request-rate limit on the API: at most `requests` per address in each window,
// counted in this process (a limit per process is enough to blunt a flood; sign-in guessing
// has its own limit, counted in the database). Over the limit: 429 with Retry-After.
import { createMiddleware } from 'hono/factory';
import { clientAddress } from './address.ts';
import { apiError } from './errors.ts';

export interface RateLimit {
  requests: number;
  windowMs: number;
}

const MAX_TRACKED = 10_000;

export function rateLimit(limit: RateLimit, options: { trustProxy: boolean; clock: () => Date }) {
  const windows = new Map<string, { start: number; count: number }>();
  return createMiddleware(async (c, next) => {
    const now = options.clock().getTime();
    const key = clientAddress(c, options.trustProxy) ?? 'unknown';
    let window = windows.get(key);
    if (!window || now - window.start >= limit.windowMs) {
      if (windows.size >= MAX_TRACKED) {
        for (const [k, w] of windows) if (now - w.start >= limit.windowMs) windows.delete(k);
      }
      window = { start: now, count: 0 };
      windows.set(key, window);
    }
    window.count += 1;
    if (window.count > limit.requests) {
      c.header('Retry-After', String(Math.max(1, Math.ceil((window.start + limit.windowMs - now) / 1000))));
      return apiError(c, 429, 'rate_limited');
    }
    await next();
  });
}
