// Review of a period: submit, send back with a comment, resubmit, accept; who may do what;
// the history stays and each village head sees only their own unit's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Json, type TestServer } from './harness.ts';

let server: TestServer;
const tokens: Record<string, string> = {};

async function call(method: string, path: string, who?: string, body?: unknown) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (who) headers.Authorization = `Bearer ${tokens[who]}`;
  const response = await server.app.request(`/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Json };
}

beforeAll(async () => {
  server = await startServer();
  for (const name of ['canbo', 'tdp1', 'tdp2']) tokens[name] = (await server.device(name)).token;
});
afterAll(async () => {
  await server?.close();
});

describe('reviewing a unit’s quarter', () => {
  it('lets only a village head submit, once while it is pending', async () => {
    expect((await call('POST', '/reviews/submit', undefined, { period: '2026-Q3' })).status).toBe(401);
    expect((await call('POST', '/reviews/submit', 'canbo', { period: '2026-Q3' })).status).toBe(403);
    const bad = await call('POST', '/reviews/submit', 'tdp1', { period: '2026-Q5' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual([{ path: 'period', code: 'invalid_format' }]);
    server.setNow(new Date('2026-10-02T01:00:00Z'));
    const submitted = await call('POST', '/reviews/submit', 'tdp1', { period: '2026-Q3', note: 'Đủ số liệu quý III' });
    expect(submitted.status).toBe(201);
    expect(submitted.body.event).toMatchObject({ unitId: 'tdp-1', period: '2026-Q3', action: 'submit', comment: 'Đủ số liệu quý III', userId: 'tdp1' });
    expect((await call('POST', '/reviews/submit', 'tdp1', { period: '2026-Q3' })).status).toBe(409);
  });

  it('needs a comment to send back, and only the officer decides', async () => {
    expect((await call('POST', '/reviews/decide', 'tdp1', { unitId: 'tdp-1', period: '2026-Q3', action: 'accept' })).status).toBe(403);
    const noComment = await call('POST', '/reviews/decide', 'canbo', { unitId: 'tdp-1', period: '2026-Q3', action: 'return' });
    expect(noComment.status).toBe(400);
    expect(noComment.body.fields).toEqual([{ path: 'comment', code: 'required' }]);
    expect((await call('POST', '/reviews/decide', 'canbo', { unitId: 'tdp-2', period: '2026-Q3', action: 'accept' })).status).toBe(409);
    expect((await call('POST', '/reviews/decide', 'canbo', { unitId: 'xa-khac', period: '2026-Q3', action: 'accept' })).body.fields).toEqual([
      { path: 'unitId', code: 'invalid_value' },
    ]);
    server.setNow(new Date('2026-10-03T01:00:00Z'));
    const returned = await call('POST', '/reviews/decide', 'canbo', {
      unitId: 'tdp-1',
      period: '2026-Q3',
      action: 'return',
      comment: 'Thiếu số hộ buổi họp 12/8',
    });
    expect(returned.status).toBe(201);
  });

  it('shows the village head what came back and why; the history stays through resubmission and acceptance', async () => {
    const seen = await call('GET', '/reviews?period=2026-Q3', 'tdp1');
    expect(seen.body.events.map((e: Json) => [e.action, e.comment])).toEqual([
      ['submit', 'Đủ số liệu quý III'],
      ['return', 'Thiếu số hộ buổi họp 12/8'],
    ]);
    server.setNow(new Date('2026-10-04T01:00:00Z'));
    expect((await call('POST', '/reviews/submit', 'tdp1', { period: '2026-Q3' })).status).toBe(201);
    server.setNow(new Date('2026-10-05T01:00:00Z'));
    expect((await call('POST', '/reviews/decide', 'canbo', { unitId: 'tdp-1', period: '2026-Q3', action: 'accept' })).status).toBe(201);
    expect((await call('POST', '/reviews/decide', 'canbo', { unitId: 'tdp-1', period: '2026-Q3', action: 'accept' })).status).toBe(409);
    const history = await call('GET', '/reviews', 'canbo');
    expect(history.body.events.map((e: Json) => e.action)).toEqual(['submit', 'return', 'submit', 'accept']);
    // Another village head sees none of it.
    expect((await call('GET', '/reviews', 'tdp2')).body.events).toEqual([]);
  });
});
