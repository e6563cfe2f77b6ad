// The province's SQL indicators give the same numbers as the pure functions of
// src/domain/indicators, on random communes: units in service, retired and merged (in
// chains), deleted records, dates on both sides of the period's edges, cases handled early,
// late or not yet, plans with their own time limit. Runs on SQLite and on PostgreSQL.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeIndicators, inPeriod, type Period, type RecordEntry, type UnitEntry } from '../../src/domain/indicators/index.ts';
import { defaultPlan, type Plan } from '../../src/domain/plan/index.ts';
import { provinceIndicatorIds, provinceTable } from '../../src/domain/province/index.ts';
import { rebuildFacts } from '../../server/store/facts.ts';
import { indicatorSql } from '../../server/store/provinceIndicators.ts';
import type { Change, ChecklistRecord, LocalDate, Quarter } from '../../src/domain/index.ts';
import type { Actor } from '../../server/store/store.ts';
import { propagandaForms } from '../../src/domain/records/index.ts';
import { newsPost, propagandaSession, violenceCase } from '../fixtures/records.ts';
import { startServer, type TestServer } from './harness.ts';

const RUNS = Number(process.env.PROVINCE_RUNS ?? 25);
const YEAR = 2026;

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

const shift = (date: LocalDate, days: number): LocalDate => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Days near the edges of the year and of its quarters, and any day of the year. */
const dateArb = fc.oneof(
  fc.constantFrom('2025-12-31', '2026-01-01', '2026-03-31', '2026-04-01', '2026-06-30', '2026-07-01', '2026-09-30', '2026-10-01', '2026-12-31', '2027-01-01'),
  fc.integer({ min: 0, max: 364 }).map((d) => shift('2026-01-01', d)),
);

/** What a record's version says, besides its kind and unit. */
const versionArb = fc.record({
  date: dateArb,
  /** Set: the record is dated this many days before asOf instead (cases at their time limit). */
  daysBeforeAsOf: fc.option(fc.integer({ min: 0, max: 15 }), { nil: null }),
  form: fc.constantFrom(...propagandaForms),
  households: fc.integer({ min: 0, max: 400 }),
  /** Days from detection to intervention (or closing); null: not handled yet. */
  handledAfter: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
  closedOnly: fc.boolean(),
  needsSupport: fc.boolean(),
  services: fc.nat({ max: 2 }),
  counselled: fc.boolean(),
});

const recordArb = fc.record({
  kind: fc.constantFrom('propagandaSession', 'newsPost', 'violenceCase'),
  unitIndex: fc.nat(),
  version: versionArb,
  /** Set: the record was first pushed with this version, then edited (another day, quarter, year, status …). */
  earlier: fc.option(versionArb, { nil: null }),
  /** One record in five is deleted (after being pushed). */
  deleted: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  /** The edit or the deletion goes in the same push as the first version. */
  sameBatch: fc.boolean(),
});

const communeArb = fc.record({
  units: fc.array(
    fc.record({ households: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 300 })), retired: fc.boolean(), mergeAhead: fc.option(fc.nat({ max: 3 }), { nil: null }) }),
    { maxLength: 6 },
  ),
  records: fc.array(recordArb, { maxLength: 30 }),
  handledInTimeDays: fc.option(fc.integer({ min: 0, max: 14 }), { nil: null }),
});

const scenarioArb = fc.record({
  communes: fc.array(communeArb, { minLength: 1, maxLength: 3 }),
  quarter: fc.option(fc.constantFrom<Quarter>(1, 2, 3, 4), { nil: null }),
  asOf: fc.integer({ min: 0, max: 380 }).map((d) => shift('2026-01-01', d)),
});

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;
type Version = typeof versionArb extends fc.Arbitrary<infer T> ? T : never;

let runNo = 0;

/** Writes the scenario as a new province; returns what the pure functions need per commune. */
async function write(scenario: Scenario) {
  const run = ++runNo;
  const provinceId = `p-${run}`;
  const db = server.store.db;
  await db.insertInto('provinces').values({ id: provinceId, name: `Tỉnh ${run}` }).execute();
  const communes: Array<{ id: string; units: UnitEntry[]; records: RecordEntry[]; plan: Plan }> = [];
  for (const [c, spec] of scenario.communes.entries()) {
    const communeId = `p${run}-c${c}`;
    await db.insertInto('communes').values({ id: communeId, name: `Xã ${run}-${c}`, province_name: `${run}`, province_id: provinceId }).execute();
    const units: UnitEntry[] = [{ id: communeId, communeId, name: 'UBND', type: 'commune', households: 0 }];
    spec.units.forEach((u, i) => {
      // Merges point only forward (to a later unit), so chains never loop.
      const into = u.mergeAhead !== null && i + 1 + u.mergeAhead < spec.units.length ? `${communeId}-u${i + 1 + u.mergeAhead}` : undefined;
      const retired = u.retired || into !== undefined;
      units.push({ id: `${communeId}-u${i}`, communeId, name: `Thôn ${i}`, type: 'thon', households: u.households, retired, ...(into ? { mergedInto: into } : {}) });
    });
    await db
      .insertInto('units')
      .values(units.map((u) => ({ id: u.id, commune_id: communeId, name: u.name, type: u.type, households: u.households, retired: u.retired ? 1 : 0, merged_into: u.mergedInto ?? null })))
      .execute();
    // Every record goes through the real push path (server/store/push.ts), so the facts the
    // query reads are the ones pushes maintain: first versions, then edits and deletions.
    const actor: Actor = { userId: `officer-${communeId}`, role: 'communeOfficer', communeId, unitId: communeId, deviceId: randomUUID() };
    await db.insertInto('users').values({ id: actor.userId, username: actor.userId, display_name: 'Cán bộ', role: 'communeOfficer', commune_id: communeId, unit_id: communeId, pin_hash: 'x' }).execute();
    await db.insertInto('devices').values({ id: actor.deviceId, user_id: actor.userId, token_hash: actor.deviceId, created_at: '2026-01-01T00:00:00Z', revoked_at: null }).execute();
    const build = (r: (typeof spec.records)[number], v: Version, id: string): ChecklistRecord => {
      const unitId = units[r.unitIndex % units.length]!.id;
      const date = v.daysBeforeAsOf === null ? v.date : shift(scenario.asOf, -v.daysBeforeAsOf);
      const common = { id, unitId, reporterId: actor.userId, date };
      if (r.kind === 'newsPost') return newsPost(common);
      if (r.kind === 'propagandaSession') return propagandaSession({ ...common, form: v.form, householdsReached: v.households });
      const handled = v.handledAfter === null ? undefined : shift(date, v.handledAfter);
      const statusDates = handled === undefined ? { received: date } : v.closedOnly ? { received: date, closed: handled } : { received: date, intervening: handled };
      return violenceCase({
        ...common,
        status: handled === undefined ? 'received' : v.closedOnly ? 'closed' : 'intervening',
        statusDates,
        victimNeedsSupport: v.needsSupport,
        supportServices: (['medical', 'legalAid'] as const).slice(0, v.services),
        perpetratorCounselled: v.counselled,
      });
    };
    let seq = 0;
    const upsert = (record: ChecklistRecord, baseRev: number): Change => ({ changeId: randomUUID(), seq: ++seq, op: 'upsert', recordId: record.id, baseRev, record });
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
      const outcome = await server.store.push({ actor, changes, receivedAt: '2026-06-01T00:00:00.000Z' });
      if (!outcome.ok) throw new Error('push refused');
      expect(outcome.response.results.map((result) => result.status)).toEqual(changes.map(() => 'applied'));
    }
    const plan = { ...defaultPlan(communeId, YEAR), ...(spec.handledInTimeDays === null ? {} : { handledInTimeDays: spec.handledInTimeDays }) };
    if (spec.handledInTimeDays !== null) await server.store.savePlan({ plan, userId: 'officer', now: '2026-01-02T00:00:00.000Z' });
    communes.push({ id: communeId, units, records, plan });
  }
  return { provinceId, communes };
}

const withData = provinceIndicatorIds;

it('has one SQL definition for each indicator the province view shows, and no other', () => {
  expect(indicatorSql.map((definition) => definition.id).sort()).toEqual([...provinceIndicatorIds].sort());
});

describe('the province indicators computed in SQL', () => {
  it('equal the pure functions on random communes, verdicts included', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        const { provinceId, communes } = await write(scenario);
        const period: Period = scenario.quarter ? { year: YEAR, quarter: scenario.quarter } : { year: YEAR };
        const figures = await server.store.provinceFigures({ provinceId, period, asOf: scenario.asOf, defaultHandledInTimeDays: 7 });
        expect(figures.map((f) => f.communeId).sort()).toEqual(communes.map((c) => c.id).sort());
        const plans = await server.store.listProvincePlans(provinceId, YEAR);
        const table = provinceTable({ province: { id: provinceId, name: '' }, figures, planOf: (id) => plans.get(id) ?? defaultPlan(id, YEAR), period, asOf: scenario.asOf });
        for (const commune of communes) {
          const pure = computeIndicators({ plan: commune.plan, units: commune.units, records: commune.records, period, asOf: scenario.asOf });
          const sqlRow = figures.find((f) => f.communeId === commune.id)!;
          const judged = table.communes.find((c) => c.communeId === commune.id)!;
          // Every live record dated in the period, whatever its unit (retired ones included).
          expect(sqlRow.recordCount, `${commune.id} records`).toBe(commune.records.filter((r) => !r.deleted && r.record && inPeriod(r.record.date, period)).length);
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
      { numRuns: RUNS, ...(process.env.PROPERTY_SEED ? { seed: Number(process.env.PROPERTY_SEED) } : {}) },
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
