// The province account and GET /api/v1/province/indicators: who may read it (a province user,
// their own province only), what it answers (each commune's indicators beside its plan, the
// ones behind target, the communes that have not reported), and bad queries.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPin, UNUSABLE_PIN_HASH } from '../../server/auth/secrets.ts';
import { DEMO_PIN, demoSeed } from '../../server/store/demo.ts';
import { dayInVietnam } from '../../src/domain/index.ts';
import { defaultPlan } from '../../src/domain/plan/index.ts';
import { deleteOf, newsPost, propagandaSession, upsertOf, violenceCase } from '../fixtures/records.ts';
import { startServer, type TestServer } from './harness.ts';
import { call, tokenFor } from './roles.ts';

let server: TestServer;
let province: string;
beforeEach(async () => {
  server = await startServer();
  // The demo as main.ts seeds it: the second ward of Lâm Đồng and the province account…
  const seed = await demoSeed();
  await server.store.seedCommune(seed.communes[1]!);
  await server.store.seedProvince(seed.province);
  // … and a commune of another province, with its own province account.
  await server.store.seedCommune({
    province: { id: 'dak-lak', name: 'Tỉnh Đắk Lắk' },
    commune: { id: 'xa-ea-kao', name: 'Xã Ea Kao', provinceName: 'Đắk Lắk' },
    units: [
      { id: 'xa-ea-kao', communeId: 'xa-ea-kao', name: 'UBND xã Ea Kao', type: 'commune', households: 0 },
      { id: 'buon-1', communeId: 'xa-ea-kao', name: 'Buôn 1', type: 'buon', households: 90 },
    ],
    users: [
      { id: 'eakao-buon1', username: 'eakao-buon1', displayName: 'Trưởng buôn 1', role: 'villageHead', unitId: 'buon-1', pinHash: await hashPin(DEMO_PIN) },
    ],
  });
  await server.store.seedProvince({
    province: { id: 'dak-lak', name: 'Tỉnh Đắk Lắk' },
    users: [{ id: 'tinh-dl', username: 'tinh-dl', displayName: 'Sở Nội vụ', pinHash: UNUSABLE_PIN_HASH }],
  });
  province = (await tokenFor(server, 'tinh')).token;
  server.setNow(new Date('2026-11-22T03:00:00.000Z'));
});
afterEach(async () => {
  await server.close();
});

const indicators = (query: string, token = province) => call(server, 'GET', `/api/v1/province/indicators${query}`, token);

describe('the province account', () => {
  it('signs in to its province, with no commune, no unit and no units to record for', async () => {
    const response = await call(server, 'POST', '/api/v1/sessions', undefined, { username: 'tinh', pin: DEMO_PIN, deviceId: crypto.randomUUID() });
    expect(response.status).toBe(200);
    expect(response.json.user).toEqual({
      id: 'tinh',
      displayName: 'Sở Nội vụ',
      role: 'province',
      communeId: '',
      communeName: '',
      unitId: '',
      provinceId: 'lam-dong',
      provinceName: 'Tỉnh Lâm Đồng',
    });
    expect(response.json.units).toEqual([]);
    const me = await call(server, 'GET', '/api/v1/me', response.json.token);
    expect(me.json).toEqual({ user: response.json.user, units: [] });
  });

  it('is refused a record, a plan, the commune screens, and writes nothing', async () => {
    const head = await server.device('tdp1');
    await head.push([upsertOf(propagandaSession({ note: 'MARK-SESSION' }), 1)]);
    const pulled = await call(server, 'GET', '/api/v1/sync/pull?since=0', province);
    expect(pulled.json.records).toEqual([]);
    for (const path of ['/api/v1/plans/2026', '/api/v1/units', '/api/v1/reviews', '/api/v1/devices', '/api/v1/reports/yearly.csv?year=2026']) {
      expect((await call(server, 'GET', path, province)).status, path).toBe(403);
    }
    const { deviceId } = (await server.store.sessions.findActor((await import('../../server/auth/secrets.ts')).sha256Hex(province)))!;
    const pushed = await call(server, 'POST', '/api/v1/sync/push', province, { deviceId, changes: [upsertOf(newsPost({ reporterId: 'tinh' }), 1)] });
    expect(pushed.json.results[0]).toMatchObject({ status: 'rejected', reason: 'forbidden_unit' });
    expect(await server.countRows('records')).toBe(1);
  });
});

describe('GET /api/v1/province/indicators', () => {
  it("lists its own province's communes only, side by side, with those that have not reported", async () => {
    const response = await indicators('?year=2026');
    expect(response.status).toBe(200);
    expect(response.json.province).toEqual({ id: 'lam-dong', name: 'Tỉnh Lâm Đồng' });
    expect(response.json.communes.map((c: { communeId: string }) => c.communeId)).toEqual(['bac-gia-nghia', 'nam-gia-nghia']);
    expect(response.text).not.toContain('xa-ea-kao');
    // Nothing recorded yet: nobody has reported, and the 01/12 deadline is still ahead.
    expect(response.json.notReportedIds).toEqual(['bac-gia-nghia', 'nam-gia-nghia']);
    expect(response.json.communes[0]).toMatchObject({ reported: false, deadline: '2026-12-01', overdue: false, recordCount: 0 });
    // The other province's account sees its own commune and none of these.
    const other = await indicators('?year=2026', (await tokenFor(server, 'tinh-dl')).token);
    expect(other.json.communes.map((c: { communeId: string }) => c.communeId)).toEqual(['xa-ea-kao']);
  });

  it('counts what the communes recorded, in the database, and marks the cells behind target', async () => {
    const head = await server.device('tdp1');
    const office = await server.device('canbo');
    const lateCase = violenceCase({
      date: '2026-05-04',
      status: 'intervening',
      statusDates: { received: '2026-05-04', verified: '2026-05-05', intervening: '2026-05-30' },
      prosecution: 'notProsecuted',
      notes: 'CASE-NOTES',
    });
    const gone = propagandaSession({ date: '2026-08-01', form: 'conference', note: 'DELETED-ONE' });
    await head.push([
      upsertOf(propagandaSession({ date: '2026-03-12', householdsReached: 500, note: 'SESSION-NOTE' }), 1),
      upsertOf(lateCase, 2),
      upsertOf(gone, 3),
      deleteOf(gone.id, 'propagandaSession', 4, 1),
    ]);
    await office.push(
      ['2026-01-10', '2026-02-10', '2026-03-10', '2026-03-20', '2026-04-02'].map((date, i) => upsertOf(newsPost({ date, title: `TITLE-${i}` }), i + 1)),
    );
    const response = await indicators('?year=2026');
    const ward = response.json.communes.find((c: { communeId: string }) => c.communeId === 'nam-gia-nghia');
    expect(ward).toMatchObject({ reported: true, recordCount: 7 });
    expect(ward.cells.newsPostsPerQuarter).toEqual({
      value: {
        kind: 'count',
        count: 5,
        byQuarter: [
          { year: 2026, quarter: 1, count: 4 },
          { year: 2026, quarter: 2, count: 1 },
          { year: 2026, quarter: 3, count: 0 },
          { year: 2026, quarter: 4, count: 0 },
        ],
      },
      verdict: 'notMet',
    });
    expect(ward.cells.conferencesHeld).toEqual({ value: { kind: 'count', count: 0, byQuarter: expect.any(Array) }, verdict: 'behind' });
    expect(ward.cells.unitsReachedByPropaganda.value).toEqual({ kind: 'ratio', numerator: 1, denominator: 5, pending: 0 });
    // Tổ dân phố 1 named 500 households; it has 214.
    expect(ward.cells.householdsReached.value).toEqual({ kind: 'ratio', numerator: 214, denominator: 214 + 187 + 256 + 173 + 198, pending: 0 });
    expect(ward.cells.casesHandledInTime).toEqual({ value: { kind: 'ratio', numerator: 0, denominator: 1, pending: 0 }, verdict: 'behind' });
    // The commune's own work is computed too: no inspection this year, behind the plan's one.
    expect(ward.cells.inspections).toEqual({ value: { kind: 'count', count: 0, byQuarter: expect.any(Array) }, verdict: 'behind' });
    // The case's perpetrator, not prosecuted, was not counselled: 0 of 1 against the province's 85 %.
    expect(ward.behind).toEqual([
      'newsPostsPerQuarter',
      'conferencesHeld',
      'unitsReachedByPropaganda',
      'casesHandledInTime',
      'perpetratorsCounselled',
      // No contact point, model, inspection or training recorded in the ward.
      'unitsWithContactPoint',
      'preventionModels',
      'inspections',
      'officerTrainings',
    ]);
    expect(response.json.notReportedIds).toEqual(['bac-gia-nghia']);
    // Aggregates only: no note, title, case code or record id reaches the province.
    for (const text of ['CASE-NOTES', 'SESSION-NOTE', 'TITLE-', 'DELETED-ONE', lateCase.caseCode, lateCase.id, gone.id])
      expect(response.text).not.toContain(text);
  });

  it("judges each commune against its own plan: the ward's own time limit for cases", async () => {
    const head = await server.device('tdp1');
    await head.push([
      upsertOf(
        violenceCase({ date: '2026-05-04', status: 'intervening', statusDates: { received: '2026-05-04', verified: '2026-05-05', intervening: '2026-05-14' } }),
        1,
      ),
    ]);
    const before = await indicators('?year=2026&quarter=2');
    expect(before.json.communes[1].cells.casesHandledInTime).toMatchObject({ value: { numerator: 0, denominator: 1 }, verdict: 'notMet' });
    await server.store.plans.save({ plan: { ...defaultPlan('nam-gia-nghia', 2026), handledInTimeDays: 10 }, userId: 'canbo', now: '2026-11-01T00:00:00.000Z' });
    const after = await indicators('?year=2026&quarter=2');
    expect(after.json.communes[1].cells.casesHandledInTime).toMatchObject({ value: { numerator: 1, denominator: 1 }, verdict: 'met' });
    expect(after.json.period).toEqual({ year: 2026, quarter: 2 });
  });

  it('puts a record made at 23:30 on 31/12 in Vietnam in that year, and one made at 00:30 on 1/1 in the next', async () => {
    const head = await server.device('tdp1');
    const lateEvening = dayInVietnam(new Date('2026-12-31T16:30:00.000Z'));
    const newYear = dayInVietnam(new Date('2026-12-31T17:30:00.000Z'));
    expect([lateEvening, newYear]).toEqual(['2026-12-31', '2027-01-01']);
    server.setNow(new Date('2027-01-05T03:00:00.000Z'));
    await head.push([upsertOf(propagandaSession({ date: lateEvening }), 1), upsertOf(propagandaSession({ date: newYear, form: 'conference' }), 2)]);
    const q4 = await indicators('?year=2026&quarter=4');
    expect(q4.json.communes[1]).toMatchObject({ communeId: 'nam-gia-nghia', recordCount: 1 });
    expect(q4.json.communes[1].cells.conferencesHeld.value.count).toBe(0);
    const next = await indicators('?year=2027');
    expect(next.json.communes[1]).toMatchObject({ recordCount: 1 });
    expect(next.json.communes[1].cells.conferencesHeld.value.count).toBe(1);
    // Nothing from the second ward in 2026, and its deadline has passed: overdue.
    const year = await indicators('?year=2026');
    expect(year.json.communes[0]).toMatchObject({ communeId: 'bac-gia-nghia', reported: false, overdue: true });
  });

  it('answers 400 naming the fields of a bad query, another province asked for included', async () => {
    const cases: Array<[string, string[]]> = [
      ['?year=20x6', ['year']],
      ['?year=1999', ['year']],
      ['?year=2026&quarter=5', ['quarter']],
      ['?provinceId=dak-lak', ['provinceId']],
    ];
    for (const [query, fields] of cases) {
      const response = await indicators(query);
      expect(response.status, query).toBe(400);
      expect(response.json.error).toBe('invalid_query');
      expect(response.json.fields.map((f: { path: string }) => f.path)).toEqual(fields);
    }
  });

  it('is refused to every commune role', async () => {
    for (const username of ['tdp1', 'canbo']) {
      const { token } = await server.device(username);
      const response = await indicators('?year=2026', token);
      expect(response.status).toBe(403);
      expect(response.json.error).toBe('forbidden');
    }
  });
});
