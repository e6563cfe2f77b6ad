import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer } from './harness.ts';
import type { TestServer } from './harness.ts';

let server: TestServer;
let dist: string;
beforeEach(async () => {
  dist = mkdtempSync(join(tmpdir(), 'sotay-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Sổ tay Bình đẳng</title>');
  writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(dist, 'manifest.webmanifest'), '{"name":"Sổ tay Bình đẳng"}');
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1);');
  writeFileSync(join(dist, 'icon.png'), 'png');
  server = await startServer({ staticDir: dist });
});
afterEach(async () => {
  await server.close();
  rmSync(dist, { recursive: true, force: true });
});

const get = (path: string) => server.app.request(path);

describe('the built app', () => {
  it('serves the page, the worker and the manifest with no-cache', async () => {
    for (const path of ['/', '/index.html', '/sw.js', '/manifest.webmanifest']) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('Cache-Control'), path).toBe('no-cache');
    }
    expect(await (await get('/')).text()).toContain('Sổ tay Bình đẳng');
  });

  it('caches hashed assets for a year', async () => {
    const response = await get('/assets/index-abc123.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(await response.text()).toBe('console.log(1);');
  });

  it('sends text files gzip-compressed to a browser that accepts gzip, and plain otherwise', async () => {
    const script = `console.log(${JSON.stringify('Sổ tay Bình đẳng '.repeat(200))});`;
    writeFileSync(join(dist, 'assets', 'index-big.js'), script);
    const zipped = await server.app.request('/assets/index-big.js', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(zipped.headers.get('Content-Encoding')).toBe('gzip');
    expect(zipped.headers.get('Vary')).toContain('Accept-Encoding');
    expect(zipped.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    const wire = Buffer.from(await zipped.arrayBuffer());
    expect(wire.length).toBeLessThan(script.length / 10);
    expect(gunzipSync(wire).toString('utf8')).toBe(script);
    const page = await server.app.request('/', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(page.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await page.arrayBuffer())).toString('utf8')).toContain('Sổ tay Bình đẳng');

    const plain = await get('/assets/index-big.js');
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
    // Not a text file: as it is.
    const png = await server.app.request('/icon.png', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(png.headers.get('Content-Encoding')).toBeNull();
  });

  it('answers an app route with the page (SPA fallback)', async () => {
    const response = await get('/bao-cao/2026');
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-cache');
    expect(await response.text()).toContain('<title>Sổ tay Bình đẳng</title>');
  });

  it('does not cache other files as immutable', async () => {
    const response = await get('/icon.png');
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBeNull();
  });

  it('answers a missing asset and an unknown API path with 404 JSON, never the page', async () => {
    const asset = await get('/assets/gone-000.js');
    expect(asset.status).toBe(404);
    const api = await get('/api/v1/nothing-here');
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: 'not_found', message: 'Không tìm thấy địa chỉ này.' });
    const otherApi = await get('/api/v2/sessions');
    expect(otherApi.status).toBe(404);
    expect((await otherApi.json()).error).toBe('not_found');
  });

  it('answers health', async () => {
    const response = await get('/api/v1/health');
    expect(await response.json()).toEqual({ ok: true });
  });
});
