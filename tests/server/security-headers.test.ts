// Hardening of every answer: the security headers on the page, its assets and the API; HSTS
// only behind TLS said by a trusted proxy; and the API's request-rate limit per address.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppSettings } from '../../server/app.ts';
import { startServer, START_TIME, type TestServer } from './harness.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function server(settings: AppSettings = {}): Promise<TestServer> {
  const dist = mkdtempSync(join(tmpdir(), 'sotay-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Sổ tay Bình đẳng</title>');
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1);');
  const s = await startServer({ staticDir: dist, ...settings });
  cleanups.push(
    () => rmSync(dist, { recursive: true, force: true }),
    () => s.close(),
  );
  return s;
}

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; " +
  "manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

describe('security headers', () => {
  it('are on the page, an asset, the SPA fallback, an API answer and an API error', async () => {
    const s = await server();
    for (const path of ['/', '/assets/index-abc123.js', '/office/anything', '/api/v1/health', '/api/v1/me', '/api/v1/nowhere']) {
      const response = await s.app.request(path);
      const headers = response.headers;
      expect([path, headers.get('Content-Security-Policy')]).toEqual([path, CSP]);
      expect(headers.get('Content-Security-Policy')).not.toContain('unsafe-inline');
      expect(headers.get('Referrer-Policy')).toBe('no-referrer');
      expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(headers.get('X-Frame-Options')).toBe('DENY');
      expect(headers.get('Strict-Transport-Security')).toBeNull();
    }
  });

  it('keep every API answer out of the HTTP cache, errors included, and leave the page to its own caching', async () => {
    const s = await server();
    const head = await s.device('tdp1');
    const bearer = { Authorization: `Bearer ${head.token}` };
    const json = { ...bearer, 'Content-Type': 'application/json' };
    const requests: Array<[string, RequestInit]> = [
      ['/api/v1/health', {}],
      ['/api/v1/me', {}],
      ['/api/v1/me', { headers: bearer }],
      ['/api/v1/sync/pull?since=0', { headers: bearer }],
      ['/api/v1/sync/pull?since=-1', { headers: bearer }],
      ['/api/v1/sync/push', { method: 'POST', headers: json, body: JSON.stringify({ deviceId: head.deviceId, changes: [] }) }],
      ['/api/v1/nowhere', {}],
      ['/api/elsewhere', {}],
    ];
    const answers = [];
    for (const [path, init] of requests) answers.push([path, (await s.app.request(path, init)).headers.get('Cache-Control')]);
    expect(answers).toEqual(requests.map(([path]) => [path, 'no-store']));
    expect((await s.app.request('/assets/index-abc123.js')).headers.get('Cache-Control')).not.toBe('no-store');
  });

  it('add HSTS only when a trusted proxy says the request came over TLS', async () => {
    const overTls = { 'X-Forwarded-Proto': 'https' };
    const untrusted = await server();
    expect((await untrusted.app.request('/', { headers: overTls })).headers.get('Strict-Transport-Security')).toBeNull();
    const behindProxy = await server({ trustProxy: true });
    expect((await behindProxy.app.request('/', { headers: overTls })).headers.get('Strict-Transport-Security')).toBe('max-age=31536000');
    expect((await behindProxy.app.request('/', { headers: { 'X-Forwarded-Proto': 'http' } })).headers.get('Strict-Transport-Security')).toBeNull();
  });
});

describe('the API request-rate limit', () => {
  it('answers 429 past the limit of an address, in Vietnamese, while other addresses go on', async () => {
    const s = await server({ trustProxy: true, rateLimit: { requests: 3, windowMs: 60_000 } });
    const from = (address: string, path = '/api/v1/health') => s.app.request(path, { headers: { 'X-Forwarded-For': address } });
    for (let i = 0; i < 3; i++) expect((await from('198.51.100.1')).status).toBe(200);
    const over = await from('198.51.100.1');
    expect(over.status).toBe(429);
    expect(over.headers.get('Retry-After')).toBe('60');
    expect(await over.json()).toEqual({ error: 'rate_limited', message: 'Có quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau ít phút.' });
    expect((await from('198.51.100.2')).status).toBe(200);
    // The page itself is not counted; the next window opens the API again.
    expect((await from('198.51.100.1', '/')).status).toBe(200);
    s.setNow(new Date(START_TIME.getTime() + 60_000));
    expect((await from('198.51.100.1')).status).toBe(200);
  });
});
