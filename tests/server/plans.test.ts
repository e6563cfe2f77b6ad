// The plan of a year: the seeds' defaults until the officer saves one; only the officer may;
// a bad plan is refused with its fields named and nothing stored; the report follows the plan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Json, type TestServer } from './harness.ts';

let server: TestServer;
let officer: string;
let head: string;

async function call(method: string, path: string, token?: string, body?: unknown) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await server.app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: (text.startsWith('{') ? JSON.parse(text) : text) as Json };
}

beforeAll(async () => {
  server = await startServer();
  officer = (await server.device('canbo')).token;
  head = (await server.device('tdp1')).token;
  server.setNow(new Date('2026-11-22T03:00:00Z'));
});
afterAll(async () => {
  await server?.close();
});

const withNews = (plan: Json, min: number) => ({
  ...plan,
  indicators: plan.indicators.map((i: Json) => (i.id === 'newsPostsPerQuarter' ? { ...i, target: { kind: 'countPerQuarter', min } } : i)),
});

describe('the plan of a year', () => {
  it('starts from the seeds’ defaults, readable by a village head of the commune', async () => {
    const { status, body } = await call('GET', '/api/v1/plans/2026', head);
    expect(status).toBe(200);
    expect(body.saved).toBe(false);
    expect(body.plan).toMatchObject({
      communeId: 'nam-gia-nghia',
      year: 2026,
      handledInTimeDays: 7,
      deadlines: { unitsToCommune: '2026-11-25', communeToProvince: '2026-12-01' },
    });
    expect(body.plan.indicators.find((i: Json) => i.id === 'newsPostsPerQuarter').target).toEqual({ kind: 'countPerQuarter', min: 4 });
  });

  it('refuses a change from a village head (403) and without a token (401)', async () => {
    const { body } = await call('GET', '/api/v1/plans/2026', head);
    expect((await call('PUT', '/api/v1/plans/2026', head, withNews(body.plan, 9))).status).toBe(403);
    expect((await call('PUT', '/api/v1/plans/2026', undefined, withNews(body.plan, 9))).status).toBe(401);
    expect(await server.countRows('plans')).toBe(0);
  });

  it('names the fields of a bad plan and stores nothing', async () => {
    const { body } = await call('GET', '/api/v1/plans/2026', officer);
    const bad = {
      ...body.plan,
      handledInTimeDays: -1,
      indicators: [...body.plan.indicators.slice(0, 2), { id: 'householdsReached', target: { kind: 'percent', min: 120 } }, ...body.plan.indicators.slice(2)],
    };
    const refused = await call('PUT', '/api/v1/plans/2026', officer, bad);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('invalid_body');
    const paths = refused.body.fields.map((f: Json) => f.path);
    expect(paths).toContain('handledInTimeDays');
    expect(paths).toContain('indicators.2.target.min');
    const mismatch = await call('PUT', '/api/v1/plans/2027', officer, body.plan);
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.fields).toEqual([{ path: 'year', code: 'mismatch' }]);
    expect(await server.countRows('plans')).toBe(0);
  });

  it('keeps the officer’s plan, and the report judges against it', async () => {
    const { body } = await call('GET', '/api/v1/plans/2026', officer);
    const saved = await call('PUT', '/api/v1/plans/2026', officer, { ...withNews(body.plan, 2), handledInTimeDays: 3 });
    expect(saved.status).toBe(200);
    const again = await call('GET', '/api/v1/plans/2026', head);
    expect(again.body.saved).toBe(true);
    expect(again.body.plan.handledInTimeDays).toBe(3);
    expect(again.body.plan.indicators.find((i: Json) => i.id === 'newsPostsPerQuarter').target).toEqual({ kind: 'countPerQuarter', min: 2 });
    // Another year keeps the defaults.
    expect((await call('GET', '/api/v1/plans/2027', officer)).body.saved).toBe(false);

    const csv = await call('GET', '/api/v1/reports/yearly.csv?year=2026', officer);
    expect(csv.body.split('\r\n')[1]).toBe(
      // No post in any quarter: a count per period, its denominator and percentage columns empty.
      'Toàn phường,"Tin, bài tuyên truyền về bình đẳng giới được đăng tải mỗi quý",Ít nhất 02/quý; tỉnh giao: Ít nhất 04/quý,0,,,0,,,0,,,0,,,0,,,Chưa đạt',
    );
  });
});
