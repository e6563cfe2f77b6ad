// Compressed bodies both ways: a gzip push is inflated and stored, bad gzip is a 400, a body
// that inflates past the limit is a 413 (a zip bomb is never inflated further), and large
// JSON answers go out gzip-compressed to a client that accepts gzip.
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { propagandaSession, upsertOf } from '../fixtures/records.ts';
import { startServer, type Json, type TestServer } from './harness.ts';

let server: TestServer;
afterEach(async () => {
  await server.close();
});

async function signedIn(settings: { bodyLimitBytes?: number } = {}) {
  server = await startServer(settings);
  const phone = await server.device('tdp1');
  const send = async (body: Uint8Array<ArrayBuffer> | string, extra: Record<string, string> = {}) => {
    const response = await server.app.request('/api/v1/sync/push', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${phone.token}`, ...extra },
      body,
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Json };
  };
  return { phone, send };
}

describe('gzip request bodies', () => {
  it('accepts a gzip push and stores its records', async () => {
    const { phone, send } = await signedIn();
    const changes = Array.from({ length: 20 }, (_, i) => upsertOf(propagandaSession(), i + 1));
    const json = JSON.stringify({ deviceId: phone.deviceId, changes });
    const response = await send(gzipSync(json), { 'Content-Encoding': 'gzip' });
    expect(response.status).toBe(200);
    expect(response.body.results.map((r: Json) => r.status)).toEqual(changes.map(() => 'applied'));
    expect(await server.countRows('records')).toBe(20);
  });

  it('answers bad gzip with 400 and stores nothing', async () => {
    const { phone, send } = await signedIn();
    const json = JSON.stringify({ deviceId: phone.deviceId, changes: [upsertOf(propagandaSession(), 1)] });
    const response = await send(json, { 'Content-Encoding': 'gzip' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: 'invalid_body', fields: [{ path: '', code: 'invalid_gzip' }] });
    const truncated = gzipSync(json).subarray(0, 30);
    expect((await send(truncated, { 'Content-Encoding': 'gzip' })).status).toBe(400);
    expect(await server.countRows('records')).toBe(0);
  });

  it('refuses an encoding it does not know', async () => {
    const { phone, send } = await signedIn();
    const json = JSON.stringify({ deviceId: phone.deviceId, changes: [upsertOf(propagandaSession(), 1)] });
    const response = await send(json, { 'Content-Encoding': 'br' });
    expect(response.status).toBe(400);
    expect(response.body.fields).toEqual([{ path: '', code: 'unsupported_encoding' }]);
  });

  it('counts the limit after inflating: a small body that inflates past it is a 413', async () => {
    const { phone, send } = await signedIn({ bodyLimitBytes: 64 * 1024 });
    // About 1 MB of JSON that gzips to about 1 kB: far under the limit on the wire.
    const bomb = gzipSync(JSON.stringify({ deviceId: phone.deviceId, changes: [], pad: ' '.repeat(1_000_000) }));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const response = await send(bomb, { 'Content-Encoding': 'gzip' });
    expect(response.status).toBe(413);
    expect(response.body.error).toBe('body_too_large');
    expect(await server.countRows('records')).toBe(0);
  });

  it('still accepts a gzip body whose inflated size is within the limit', async () => {
    const { phone, send } = await signedIn({ bodyLimitBytes: 64 * 1024 });
    const changes = Array.from({ length: 50 }, (_, i) => upsertOf(propagandaSession(), i + 1));
    const json = JSON.stringify({ deviceId: phone.deviceId, changes });
    expect(json.length).toBeLessThan(64 * 1024);
    expect((await send(gzipSync(json), { 'Content-Encoding': 'gzip' })).status).toBe(200);
  });
});

describe('compressed answers', () => {
  it('gzips a large pull for a client that accepts gzip, and not for one that does not', async () => {
    const { phone } = await signedIn();
    const changes = Array.from({ length: 50 }, (_, i) => upsertOf(propagandaSession(), i + 1));
    expect((await phone.push(changes)).status).toBe(200);
    const pull = (acceptEncoding?: string) =>
      server.app.request('/api/v1/sync/pull?since=0', {
        headers: { Authorization: `Bearer ${phone.token}`, ...(acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {}) },
      });
    const zipped = await pull('gzip, deflate, br');
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toMatch(/accept-encoding/i);
    const wire = Buffer.from(await zipped.arrayBuffer());
    const body = JSON.parse(gunzipSync(wire).toString('utf8'));
    expect(body.records).toHaveLength(50);
    expect(wire.length).toBeLessThan(gunzipSync(wire).length / 4);

    const plain = await pull();
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect((await plain.json()).records).toHaveLength(50);
    expect((await pull('gzip;q=0')).headers.get('content-encoding')).toBeNull();
  });

  it('leaves a small answer as it is', async () => {
    const { phone } = await signedIn();
    const response = await phone.pull();
    expect(response.status).toBe(200);
    const raw = await server.app.request('/api/v1/sync/pull?since=0', { headers: { Authorization: `Bearer ${phone.token}`, 'Accept-Encoding': 'gzip' } });
    expect(raw.headers.get('content-encoding')).toBeNull();
    expect((await raw.json()).records).toEqual([]);
  });
});
