// The province's SQL indicators give the same numbers as the pure functions of
// src/domain/indicators, on random communes: units in service, retired and merged (in
// chains), deleted records, dates on both sides of the period's edges, cases handled early,
// late or not yet, plans with their own time limit, perpetrators prosecuted, not prosecuted or
// not known (and cases from older phones without the field), broadcasts, banners and posts
// without attendees (or with some an older phone invented); and the commune's own work: contact points
// and prevention models set up in earlier years or stopped mid-year, inspections, trainings,
// complaints handled in the next January. Records go through the real push path, so the
// facts the query reads are the ones pushes maintain. Runs on SQLite and on PostgreSQL.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeIndicators, inPeriod, type Period, type RecordEntry, type UnitEntry } from '../../src/domain/indicators/index.ts';
import { defaultPlan, indicatorIds, type Plan } from '../../src/domain/plan/index.ts';
import { provinceIndicatorIds, provinceTable } from '../../src/domain/province/index.ts';
import { rebuildFacts } from '../../server/store/province/facts.ts';
import { indicatorSql } from '../../server/store/province/indicators.ts';
import { communeWorkIndicatorIds } from '../../server/store/province/communeWork.ts';
import type { Change, ChecklistRecord } from '../../src/domain/index.ts';
import type { Actor } from '../../server/store/store.ts';
import { complaint, contactPoint, inspection, preventionModel, training } from '../fixtures/records.ts';
import { UNUSABLE_PIN_HASH } from '../../server/auth/secrets.ts';
import { startServer, type TestServer } from './harness.ts';
import { handPickedScenario } from './province-examples.ts';
import { buildRecord, scenarioArb, type Scenario, type Version } from './province-scenarios.ts';
import { call, tokenFor } from './roles.ts';

const RUNS = Number(process.env.PROVINCE_RUNS ?? 25);
const YEAR = 2026;

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

let runNo = 0;

/**
 * The records as the server stores them (deleted ones flagged), for a commune, written around the
 * push path: only for the commune's own work, which the province reads from the records (not from
 * the facts); the tests of the facts below run before it.
 */
async function insertRecords(communeId: string, records: readonly RecordEntry[]): Promise<void> {
  if (records.length === 0) return;
  const db = server.store.db;
  const seq = Number(
    (
      await db
        .selectFrom('records')
        .select((eb) => eb.fn.max('server_seq').as('s'))
        .executeTakeFirst()
    )?.s ?? 0,
  );
  await db
    .insertInto('records')
    .values(
      records.map(({ record, deleted }, i) => ({
        id: record!.id,
        kind: record!.kind,
        unit_id: record!.unitId,
        commune_id: communeId,
        reporter_id: 'r',
        date: record!.date,
        rev: 1,
        deleted: deleted ? 1 : 0,
        body: JSON.stringify(record),
        server_seq: seq + i + 1,
        received_at: '2026-06-01T00:00:00.000Z',
        last_device_id: 'd',
        last_user_id: 'r',
      })),
    )
    .execute();
}

/** Writes the scenario as a new province; returns what the pure functions need per commune. */
async function write(scenario: Scenario) {
  const run = ++runNo;
  const provinceId = `p-${run}`;
  const db = server.store.db;
  await db
    .insertInto('provinces')
    .values({ id: provinceId, name: `Tỉnh ${run}` })
    .execute();
  const communes: Array<{ id: string; units: UnitEntry[]; records: RecordEntry[]; plan: Plan }> = [];
  for (const [c, spec] of scenario.communes.entries()) {
    const communeId = `p${run}-c${c}`;
    await db
      .insertInto('communes')
      .values({ id: communeId, name: `Xã ${run}-${c}`, province_name: `${run}`, province_id: provinceId })
      .execute();
    const units: UnitEntry[] = [{ id: communeId, communeId, name: 'UBND', type: 'commune', households: 0 }];
    spec.units.forEach((u, i) => {
      // Merges point only forward (to a later unit), so chains never loop.
      const into = u.mergeAhead !== null && i + 1 + u.mergeAhead < spec.units.length ? `${communeId}-u${i + 1 + u.mergeAhead}` : undefined;
      const retired = u.retired || into !== undefined;
      units.push({
        id: `${communeId}-u${i}`,
        communeId,
        name: `Thôn ${i}`,
        type: 'thon',
        households: u.households,
        retired,
        ...(into ? { mergedInto: into } : {}),
        ...(u.startedOn ? { startedOn: u.startedOn } : {}),
      });
    });
    await db
      .insertInto('units')
      .values(
        units.map((u) => ({
          id: u.id,
          commune_id: communeId,
          name: u.name,
          type: u.type,
          households: u.households,
          retired: u.retired ? 1 : 0,
          merged_into: u.mergedInto ?? null,
          started_on: u.startedOn ?? null,
        })),
      )
      .execute();
    // Every record goes through the real push path (server/store/push.ts), so the facts the
    // query reads are the ones pushes maintain: first versions, then edits and deletions.
    const actor: Actor = { userId: `officer-${communeId}`, role: 'communeOfficer', communeId, unitId: communeId, deviceId: randomUUID() };
    await db
      .insertInto('users')
      .values({
        id: actor.userId,
        username: actor.userId,
        display_name: 'Cán bộ',
        role: 'communeOfficer',
        commune_id: communeId,
        unit_id: communeId,
        pin_hash: 'x',
      })
      .execute();
    await db
      .insertInto('devices')
      .values({ id: actor.deviceId, user_id: actor.userId, token_hash: actor.deviceId, created_at: '2026-01-01T00:00:00Z', revoked_at: null })
      .execute();
    const build = (r: (typeof spec.records)[number], v: Version, id: string) =>
      buildRecord(r.kind, v, { id, unitId: units[r.unitIndex % units.length]!.id, reporterId: actor.userId, asOf: scenario.asOf });
    let seq = 0;
    const upsert = (record: ChecklistRecord, baseRev: number): Change => ({
      changeId: randomUUID(),
      seq: ++seq,
      op: 'upsert',
      recordId: record.id,
      baseRev,
      record,
    });
    const batches: Change[][] = [[], []];
    const records: RecordEntry[] = spec.records.map((r) => {
      const id = randomUUID();
      const record = build(r, r.version, id);
      const later = batches[r.sameBatch ? 0 : 1]!;
      if (r.earlier) {
        batches[0]!.push(upsert(build(r, r.earlier, id), 0));
        later.push(upsert(record, 1));
      } else {
        batches[0]!.push(upsert(record, 0));
      }
      if (r.deleted) later.push({ changeId: randomUUID(), seq: ++seq, op: 'delete', recordId: id, kind: record.kind, baseRev: r.earlier ? 2 : 1 });
      return { deleted: r.deleted, record };
    });
    for (const changes of batches.filter((batch) => batch.length > 0)) {
      const outcome = await server.store.sync.push({ actor, changes, receivedAt: '2026-06-01T00:00:00.000Z' });
      if (!outcome.ok) throw new Error('push refused');
      expect(outcome.response.results.map((result) => result.status)).toEqual(changes.map(() => 'applied'));
    }
    const plan = { ...defaultPlan(communeId, YEAR), ...(spec.handledInTimeDays === null ? {} : { handledInTimeDays: spec.handledInTimeDays }) };
    if (spec.handledInTimeDays !== null) await server.store.plans.save({ plan, userId: 'officer', now: '2026-01-02T00:00:00.000Z' });
    communes.push({ id: communeId, units, records, plan });
  }
  return { provinceId, communes };
}

const withData = provinceIndicatorIds;

it('has one SQL definition for each indicator the province view shows, and no other', () => {
  expect([...indicatorSql.map((definition) => definition.id), ...communeWorkIndicatorIds].sort()).toEqual([...provinceIndicatorIds].sort());
  expect([...provinceIndicatorIds].sort()).toEqual([...indicatorIds].sort());
});

describe('the province indicators computed in SQL', () => {
  it('equal the pure functions on random communes, verdicts included', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        const { provinceId, communes } = await write(scenario);
        const period: Period = scenario.quarter ? { year: YEAR, quarter: scenario.quarter } : { year: YEAR };
        const figures = await server.store.province.figures({ provinceId, period, asOf: scenario.asOf, defaultHandledInTimeDays: 7 });
        expect(figures.map((f) => f.communeId).sort()).toEqual(communes.map((c) => c.id).sort());
        const plans = await server.store.province.listPlans(provinceId, YEAR);
        const table = provinceTable({
          province: { id: provinceId, name: '' },
          figures,
          planOf: (id) => plans.get(id) ?? defaultPlan(id, YEAR),
          period,
          asOf: scenario.asOf,
        });
        for (const commune of communes) {
          const pure = computeIndicators({ plan: commune.plan, units: commune.units, records: commune.records, period, asOf: scenario.asOf });
          const sqlRow = figures.find((f) => f.communeId === commune.id)!;
          const judged = table.communes.find((c) => c.communeId === commune.id)!;
          // Every live record dated in the period, whatever its unit (retired ones included).
          expect(sqlRow.recordCount, `${commune.id} records`).toBe(
            commune.records.filter((r) => !r.deleted && r.record && inPeriod(r.record.date, period)).length,
          );
          for (const id of withData) {
            const expected = pure.commune[id];
            const actual = sqlRow.values[id];
            const where = `${commune.id} ${id}`;
            if (expected.value.kind === 'count') {
              expect(actual, where).toEqual({
                kind: 'count',
                count: expected.value.count,
                byQuarter: expected.value.byQuarter.map(({ year, quarter, count }) => ({ year, quarter, count })),
              });
            } else if (expected.value.kind === 'ratio') {
              expect(actual, where).toEqual({
                kind: 'ratio',
                numerator: expected.value.numerator,
                denominator: expected.value.denominator,
                pending: expected.value.pendingIds?.length ?? 0,
              });
            } else {
              throw new Error(`${where}: the pure function gave no value`);
            }
            expect(judged.cells[id].verdict, where).toBe(expected.verdict);
          }
        }
      }),
      { numRuns: RUNS, examples: [[handPickedScenario as Scenario]], ...(process.env.PROPERTY_SEED ? { seed: Number(process.env.PROPERTY_SEED) } : {}) },
    );
  }, 120_000);
});

describe('the facts kept by the pushes', () => {
  const snapshot = async () =>
    (await server.store.db.selectFrom('unit_quarter_facts').selectAll().execute())
      .map((row) => JSON.stringify(Object.fromEntries(Object.entries(row).map(([name, value]) => [name, typeof value === 'string' ? value : Number(value)]))))
      .sort();

  it('equal the facts rebuilt from the records, and keep no empty row (after the random pushes above)', async () => {
    const kept = await snapshot();
    expect(kept.length).toBeGreaterThan(0);
    await rebuildFacts(server.store.db, server.store.engine);
    expect(await snapshot()).toEqual(kept);
  });

  it('are rebuilt at start-up when they were computed with other definitions (an older database)', async () => {
    const kept = await snapshot();
    await server.store.db.deleteFrom('unit_quarter_facts').execute();
    await server.store.db.updateTable('fact_definitions').set({ digest: 'older definitions' }).execute();
    expect(await server.store.migrate()).toEqual([]);
    expect(await snapshot()).toEqual(kept);
    // Up to date: nothing is recomputed (facts removed by hand stay removed).
    await server.store.db.deleteFrom('unit_quarter_facts').execute();
    await server.store.migrate();
    expect(await snapshot()).toEqual([]);
  });
});

describe("the commune's own work in the province view", () => {
  // Xã Mẫu: thôn 1 and thôn 3 in service, thôn 2 merged into thôn 1, thôn 4 retired.
  const communeId = 'xa-mau';
  const units: UnitEntry[] = [
    { id: communeId, communeId, name: 'UBND xã Mẫu', type: 'commune', households: 0 },
    { id: 'mau-1', communeId, name: 'Thôn 1', type: 'thon', households: 80 },
    { id: 'mau-2', communeId, name: 'Thôn 2', type: 'thon', households: 60, retired: true, mergedInto: 'mau-1' },
    { id: 'mau-3', communeId, name: 'Thôn 3', type: 'thon', households: 70 },
    { id: 'mau-4', communeId, name: 'Thôn 4', type: 'thon', households: 50, retired: true },
  ];
  const live = (record: ChecklistRecord): RecordEntry => ({ deleted: false, record });
  const deleted = (record: ChecklistRecord): RecordEntry => ({ deleted: true, record });
  const records: RecordEntry[] = [
    // Thôn 2's contact point, set up in 2024, counts for thôn 1 which it joined.
    live(contactPoint({ unitId: 'mau-2', date: '2024-05-01' })),
    // Thôn 3's stopped mid-year; the one still running there was deleted; thôn 4 is retired.
    live(contactPoint({ unitId: 'mau-3', date: '2025-02-01', stoppedOn: '2026-07-15' })),
    deleted(contactPoint({ unitId: 'mau-3', date: '2025-02-01' })),
    live(contactPoint({ unitId: 'mau-4', date: '2025-02-01' })),
    // A club set up in 2023 and still running; one stopped in August; one set up next year; one deleted.
    live(preventionModel({ unitId: 'mau-1', date: '2023-03-01' })),
    live(preventionModel({ unitId: 'mau-3', date: '2026-02-01', stoppedOn: '2026-08-20' })),
    live(preventionModel({ unitId: 'mau-3', date: '2027-01-01' })),
    deleted(preventionModel({ unitId: 'mau-1', date: '2026-01-10' })),
    // Stopped on 31/12 itself: not running that day (the stop day is off).
    live(preventionModel({ unitId: 'mau-1', date: '2025-06-01', stoppedOn: '2026-12-31' })),
    live(inspection({ unitId: communeId, date: '2026-09-10' })),
    deleted(inspection({ unitId: communeId, date: '2026-05-01' })),
    live(inspection({ unitId: communeId, date: '2025-12-31' })),
    live(training({ unitId: communeId, date: '2026-04-08' })),
    live(training({ unitId: communeId, date: '2026-12-31', menCount: 0, womenCount: 12 })),
    // Received on 20/12, handled on 1/1 of the next year; one in October handled in October; one of 2025.
    live(complaint({ unitId: communeId, date: '2026-12-20', handledOn: '2027-01-01' })),
    live(complaint({ unitId: communeId, date: '2026-10-02', handledOn: '2026-10-14' })),
    live(complaint({ unitId: communeId, date: '2025-12-30', handledOn: '2026-01-05' })),
    deleted(complaint({ unitId: communeId, date: '2026-11-02' })),
  ];
  let token: string;

  beforeAll(async () => {
    const db = server.store.db;
    await db.insertInto('provinces').values({ id: 'p-mau', name: 'Tỉnh Mẫu' }).execute();
    await db.insertInto('communes').values({ id: communeId, name: 'Xã Mẫu', province_name: 'Mẫu', province_id: 'p-mau' }).execute();
    await db
      .insertInto('units')
      .values(
        units.map((u) => ({
          id: u.id,
          commune_id: communeId,
          name: u.name,
          type: u.type,
          households: u.households,
          retired: u.retired ? 1 : 0,
          merged_into: u.mergedInto ?? null,
        })),
      )
      .execute();
    await insertRecords(communeId, records);
    await server.store.seedProvince({
      province: { id: 'p-mau', name: 'Tỉnh Mẫu' },
      users: [{ id: 'so-mau', username: 'so-mau', displayName: 'Sở Nội vụ', pinHash: UNUSABLE_PIN_HASH }],
    });
    token = (await tokenFor(server, 'so-mau')).token;
  });

  /** The commune's cells for 2026 as the route answers them at `now`, beside the pure functions' values. */
  async function cellsAt(now: string, period: Period = { year: YEAR }) {
    server.setNow(new Date(now));
    const query = period.quarter ? `?year=${period.year}&quarter=${period.quarter}` : `?year=${period.year}`;
    const response = await call(server, 'GET', `/api/v1/province/indicators${query}`, token);
    expect(response.status).toBe(200);
    const row = response.json.communes.find((c: { communeId: string }) => c.communeId === communeId);
    const pure = computeIndicators({ plan: defaultPlan(communeId, YEAR), units, records, period, asOf: response.json.asOf });
    for (const id of communeWorkIndicatorIds) expect(row.cells[id].verdict, id).toBe(pure.commune[id].verdict);
    return { asOf: response.json.asOf as string, values: Object.fromEntries(communeWorkIndicatorIds.map((id) => [id, row.cells[id].value])) };
  }

  const quarters = (counts: number[]) => counts.map((count, i) => ({ year: YEAR, quarter: i + 1, count }));

  it('judges the year on 31/12 in Vietnam: what runs on that day, complaints handled by then', async () => {
    // 23:59 on 31/12 in Hồ Chí Minh City (16:59 UTC).
    const { asOf, values } = await cellsAt('2026-12-31T16:59:00.000Z');
    expect(asOf).toBe('2026-12-31');
    expect(values).toEqual({
      unitsWithContactPoint: { kind: 'ratio', numerator: 1, denominator: 2, pending: 0 },
      preventionModels: { kind: 'count', count: 1, byQuarter: quarters([3, 3, 2, 1]) },
      inspections: { kind: 'count', count: 1, byQuarter: quarters([0, 0, 1, 0]) },
      officerTrainings: { kind: 'count', count: 2, byQuarter: quarters([0, 1, 0, 1]) },
      complaintsHandled: { kind: 'ratio', numerator: 1, denominator: 2, pending: 0 },
    });
  });

  it('counts the December complaint handled on 1/1 for the year it was received, once that day has come', async () => {
    // 00:00 on 1/1/2027 in Vietnam, still 31/12 in UTC.
    const { asOf, values } = await cellsAt('2026-12-31T17:00:00.000Z');
    expect(asOf).toBe('2027-01-01');
    expect(values.complaintsHandled).toEqual({ kind: 'ratio', numerator: 2, denominator: 2, pending: 0 });
    expect(values.preventionModels).toEqual({ kind: 'count', count: 1, byQuarter: quarters([3, 3, 2, 1]) });
  });

  it('judges a running quarter on today: the contact point stopped in July still counted at the end of June', async () => {
    const { values } = await cellsAt('2026-06-30T05:00:00.000Z', { year: YEAR, quarter: 2 });
    expect(values.unitsWithContactPoint).toEqual({ kind: 'ratio', numerator: 2, denominator: 2, pending: 0 });
    expect(values.preventionModels).toEqual({ kind: 'count', count: 3, byQuarter: [{ year: YEAR, quarter: 2, count: 3 }] });
    expect(values.officerTrainings).toEqual({ kind: 'count', count: 1, byQuarter: [{ year: YEAR, quarter: 2, count: 1 }] });
  });
});
