// The province's SQL indicators give the same numbers as the pure functions of
// src/domain/indicators, on random communes: units in service, retired and merged (in
// chains), deleted records, dates on both sides of the period's edges, cases handled early,
// late or not yet, plans with their own time limit. Runs on SQLite and on PostgreSQL.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeIndicators, inPeriod, type Period, type RecordEntry, type UnitEntry } from '../../src/domain/indicators/index.ts';
import { defaultPlan, type Plan } from '../../src/domain/plan/index.ts';
import { provinceIndicatorIds, provinceTable } from '../../src/domain/province/index.ts';
import { indicatorSql } from '../../server/store/provinceIndicators.ts';
import type { ChecklistRecord, LocalDate, Quarter } from '../../src/domain/index.ts';
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

const recordArb = fc.record({
  kind: fc.constantFrom('propagandaSession', 'newsPost', 'violenceCase'),
  unitIndex: fc.nat(),
  date: dateArb,
  /** Set: the record is dated this many days before asOf instead (cases at their time limit). */
  daysBeforeAsOf: fc.option(fc.integer({ min: 0, max: 15 }), { nil: null }),
  /** One record in five is deleted. */
  deleted: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  form: fc.constantFrom(...propagandaForms),
  households: fc.integer({ min: 0, max: 400 }),
  /** Days from detection to intervention (or closing); null: not handled yet. */
  handledAfter: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
  closedOnly: fc.boolean(),
  needsSupport: fc.boolean(),
  services: fc.nat({ max: 2 }),
  counselled: fc.boolean(),
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
    const records: RecordEntry[] = spec.records.map((r) => {
      const unitId = units[r.unitIndex % units.length]!.id;
      const date = r.daysBeforeAsOf === null ? r.date : shift(scenario.asOf, -r.daysBeforeAsOf);
      const common = { unitId, reporterId: 'r', date };
      let record: ChecklistRecord;
      if (r.kind === 'newsPost') record = newsPost(common);
      else if (r.kind === 'propagandaSession') record = propagandaSession({ ...common, form: r.form, householdsReached: r.households });
      else {
        const handled = r.handledAfter === null ? undefined : shift(date, r.handledAfter);
        const statusDates = handled === undefined ? { received: date } : r.closedOnly ? { received: date, closed: handled } : { received: date, intervening: handled };
        record = violenceCase({
          ...common,
          status: handled === undefined ? 'received' : r.closedOnly ? 'closed' : 'intervening',
          statusDates,
          victimNeedsSupport: r.needsSupport,
          supportServices: (['medical', 'legalAid'] as const).slice(0, r.services),
          perpetratorCounselled: r.counselled,
        });
      }
      return { deleted: r.deleted, record };
    });
    if (records.length > 0) {
      const seq = Number((await db.selectFrom('records').select((eb) => eb.fn.max('server_seq').as('s')).executeTakeFirst())?.s ?? 0);
      await db
        .insertInto('records')
        .values(
          records.map(({ record, deleted }, i) => ({
            id: record!.id, kind: record!.kind, unit_id: record!.unitId, commune_id: communeId, reporter_id: 'r', date: record!.date,
            rev: 1, deleted: deleted ? 1 : 0, body: JSON.stringify(record), server_seq: seq + i + 1, received_at: '2026-06-01T00:00:00.000Z',
            last_device_id: 'd', last_user_id: 'r',
          })),
        )
        .execute();
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
