// The officer sets up the commune's units: add, change, retire, merge. Only the officer may;
// bad input names its fields and changes nothing; a merged unit's records count for the unit
// it joined in the report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSeed } from '../../server/store/demo.ts';
import { propagandaSession, upsertOf } from '../fixtures/records.ts';
import { startServer, type Json, type TestServer } from './harness.ts';

let server: TestServer;
let officer: string;
let head: string;

async function call(method: string, path: string, token?: string, body?: unknown) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await server.app.request(`/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: (text.startsWith('{') ? JSON.parse(text) : text) as Json };
}

beforeAll(async () => {
  server = await startServer();
  officer = (await server.device('canbo')).token;
  const tdp1 = await server.device('tdp1');
  head = tdp1.token;
  const tdp5 = await server.device('tdp5');
  const pushed = await tdp5.push([upsertOf(propagandaSession({ unitId: 'tdp-5', reporterId: 'tdp5' }), 1)]);
  expect(pushed.body.results[0].status).toBe('applied');
  server.setNow(new Date('2026-11-22T03:00:00Z'));
});
afterAll(async () => {
  await server?.close();
});

describe('setting up units', () => {
  it('is for the commune officer only', async () => {
    expect((await call('GET', '/units')).status).toBe(401);
    expect((await call('GET', '/units', head)).status).toBe(403);
    expect((await call('POST', '/units', head, { id: 'tdp-9', name: 'Tổ 9', type: 'toDanPho', households: 10 })).status).toBe(403);
    expect((await call('POST', '/units/tdp-1/retire', head)).status).toBe(403);
    expect(await server.countRows('units')).toBe(6);
  });

  it('adds a unit, refuses a taken id and names the fields of a bad one', async () => {
    const added = await call('POST', '/units', officer, { id: 'tdp-6', name: 'Tổ dân phố 6', type: 'toDanPho', households: 120 });
    expect(added.status).toBe(201);
    // Added on the server's today in Vietnam (22/11/2026); the demo's units are from before.
    expect(added.body.units.find((u: Json) => u.id === 'nam-gia-nghia-tdp-6')).toEqual({
      id: 'nam-gia-nghia-tdp-6',
      name: 'Tổ dân phố 6',
      type: 'toDanPho',
      households: 120,
      retired: false,
      mergedInto: null,
      startedOn: '2026-11-22',
    });
    expect(added.body.units.find((u: Json) => u.id === 'tdp-1').startedOn).toBeNull();
    const taken = await call('POST', '/units', officer, { id: 'tdp-6', name: 'Khác', type: 'thon', households: 1 });
    // Taken in the commune itself (its typed code goes in the commune's namespace: communeUnitId).
    expect(taken.status).toBe(409);
    expect(taken.body.fields).toEqual([{ path: 'id', code: 'taken' }]);
    const bad = await call('POST', '/units', officer, { id: 'tdp-7', name: 'x', type: 'commune', households: -1 });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: Json) => f.path).sort()).toEqual(['households', 'name', 'type']);
    expect(await server.countRows('units')).toBe(7);
  });

  it('renames a unit and changes its household count', async () => {
    const changed = await call('PATCH', '/units/nam-gia-nghia-tdp-6', officer, { name: 'Tổ dân phố 6A', households: 130 });
    expect(changed.status).toBe(200);
    expect(changed.body.units.find((u: Json) => u.id === 'nam-gia-nghia-tdp-6')).toMatchObject({ name: 'Tổ dân phố 6A', households: 130 });
    expect((await call('PATCH', '/units/nam-gia-nghia', officer, { name: 'Đổi tên' })).status).toBe(404);
  });

  it('merges a unit into another, and the report counts its records there', async () => {
    expect((await call('POST', '/units/tdp-5/merge', officer, { into: 'tdp-5' })).body.fields).toEqual([{ path: 'into', code: 'invalid_value' }]);
    expect((await call('POST', '/units/tdp-5/merge', officer, { into: 'nam-gia-nghia' })).status).toBe(400);
    const merged = await call('POST', '/units/tdp-5/merge', officer, { into: 'tdp-4' });
    expect(merged.status).toBe(200);
    expect(merged.body.units.find((u: Json) => u.id === 'tdp-5')).toMatchObject({ retired: true, mergedInto: 'tdp-4' });
    expect((await call('POST', '/units/tdp-5/retire', officer)).body.fields).toEqual([{ path: 'id', code: 'retired' }]);

    const csv = await call('GET', '/reports/yearly.csv?year=2026', officer);
    const lines: string[] = csv.body.split('\r\n').filter(Boolean);
    // Units in service: tdp-1 … tdp-4 and nam-gia-nghia-tdp-6, the ward's own row, the commune total.
    expect(lines).toHaveLength(1 + 7 * 12);
    expect(lines.some((l) => l.startsWith('Tổ dân phố 5,'))).toBe(false);
    expect(lines).toContain('Tổ dân phố 4,Số tổ dân phố được tuyên truyền ít nhất 01 lần/năm,100%,1,1,100,0,1,0,0,1,0,0,1,0,1,1,100,Đạt');
  });

  it('retires a unit: the phones’ profile no longer lists it', async () => {
    expect((await call('POST', '/units/tdp-3/retire', officer)).status).toBe(200);
    const me = await call('GET', '/me', head);
    expect(me.body.units.map((u: Json) => u.id)).toEqual(['nam-gia-nghia', 'nam-gia-nghia-tdp-6', 'tdp-1', 'tdp-2', 'tdp-4']);
  });

  it('refuses a merge that would loop or join a retired, merged or other commune’s unit, naming the field', async () => {
    await server.store.seedCommune((await demoSeed()).communes[1]!);
    const before = await call('GET', '/units', officer);
    const refused = async (unit: string, into: string) => {
      const answer = await call('POST', `/units/${unit}/merge`, officer, { into });
      expect(answer.status, `${unit} → ${into}`).toBe(400);
      return answer.body.fields;
    };
    // tdp-5 joined tdp-4 above: tdp-4 into tdp-5 would loop.
    expect(await refused('tdp-4', 'tdp-5')).toEqual([{ path: 'into', code: 'cycle' }]);
    expect(await refused('tdp-2', 'tdp-3')).toEqual([{ path: 'into', code: 'retired' }]);
    expect(await refused('tdp-5', 'tdp-1')).toEqual([{ path: 'id', code: 'retired' }]);
    // A unit of Bắc Gia Nghĩa is not one of this ward's: not named, just refused.
    const other = (await server.store.units.list('bac-gia-nghia')).find((u) => u.type !== 'commune')!;
    expect(await refused('tdp-2', other.id)).toEqual([{ path: 'into', code: 'invalid_value' }]);
    expect(await refused('tdp-2', 'nam-gia-nghia')).toEqual([{ path: 'into', code: 'invalid_value' }]);
    expect((await call('GET', '/units', officer)).body).toEqual(before.body);
  });

  it('lets only one of two merges sent at once go through when together they would loop', async () => {
    const [ab, ba] = await Promise.all([
      call('POST', '/units/tdp-1/merge', officer, { into: 'tdp-2' }),
      call('POST', '/units/tdp-2/merge', officer, { into: 'tdp-1' }),
    ]);
    expect([ab.status, ba.status].sort()).toEqual([200, 400]);
    // Refused inside the write (a cycle) or, when the other had already gone through, on the way in.
    expect([[{ path: 'into', code: 'cycle' }], [{ path: 'id', code: 'retired' }]]).toContainEqual((ab.status === 400 ? ab : ba).body.fields);
    const units = (await server.store.units.list('nam-gia-nghia')).filter((u) => u.id === 'tdp-1' || u.id === 'tdp-2');
    expect(units.filter((u) => u.mergedInto !== null)).toHaveLength(1);
  });

  it('keeps merges sent at once from looping, pair after pair, in the store itself', async () => {
    // The race A→B / B→A inside the store, five times: each time exactly one goes through.
    for (let pair = 0; pair < 5; pair++) {
      const [a, b] = [`race-${pair}-a`, `race-${pair}-b`];
      for (const id of [a, b])
        expect(await server.store.units.add('nam-gia-nghia', { id, name: `Tổ ${id}`, type: 'toDanPho', households: 10, startedOn: '2026-01-01' })).toBe(true);
      const refusals = await Promise.all([server.store.units.merge('nam-gia-nghia', a, b), server.store.units.merge('nam-gia-nghia', b, a)]);
      expect(
        refusals.filter((r) => r === undefined),
        `pair ${pair}`,
      ).toHaveLength(1);
      const merged = (await server.store.units.list('nam-gia-nghia')).filter((u) => (u.id === a || u.id === b) && u.mergedInto !== null);
      expect(merged, `pair ${pair}`).toHaveLength(1);
    }
  });
});
