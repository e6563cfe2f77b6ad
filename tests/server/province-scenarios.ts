// The random communes of the province equality test (province-indicators.test.ts): units with
// households, retirements, merges and start dates; records of every kind near the edges of the
// year and its quarters, edited, deleted, in one batch or several.
import fc from 'fast-check';
import type { LocalDate, Quarter } from '../../src/domain/index.ts';
import { countsAttendees, propagandaForms, type ChecklistRecord } from '../../src/domain/records/index.ts';
import { complaint, contactPoint, inspection, newsPost, preventionModel, propagandaSession, training, violenceCase } from '../fixtures/records.ts';

export const shift = (date: LocalDate, days: number): LocalDate => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Days near the edges of the year and of its quarters, and any day of the year. */
const dateArb = fc.oneof(
  fc.constantFrom('2025-12-31', '2026-01-01', '2026-03-31', '2026-04-01', '2026-06-30', '2026-07-01', '2026-09-30', '2026-10-01', '2026-12-31', '2027-01-01'),
  fc.integer({ min: 0, max: 364 }).map((d) => shift('2026-01-01', d)),
);

/** What a record's version says, besides its kind and unit. */
const versionArb = fc.record({
  date: dateArb,
  /** Contact points and models: set up this many years before `date` (still running, or not). */
  yearsBefore: fc.constantFrom(0, 0, 1, 2),
  /** Complaints are handled so many days after they were received (or not yet). */
  endsAfter: fc.option(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 800 })), { nil: null }),
  /** Contact points and models stop: so many days after they were set up, on an edge day, or on asOf itself. */
  stop: fc.option(fc.oneof(fc.integer({ min: 0, max: 800 }), dateArb, fc.constant('asOf' as const)), { nil: null }),
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
  /** The case's prosecution; undefined: recorded by an older phone without the field (not known). */
  prosecution: fc.constantFrom('notKnown', 'prosecuted', 'notProsecuted', undefined),
  /** A broadcast, banners or a post carries no attendees, or (an older phone) some it had to invent. */
  inventedAttendees: fc.boolean(),
});

const recordArb = fc.record({
  kind: fc.constantFrom('propagandaSession', 'newsPost', 'violenceCase', 'contactPoint', 'preventionModel', 'inspection', 'training', 'complaint'),
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
    fc.record({
      households: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 300 })),
      retired: fc.boolean(),
      mergeAhead: fc.option(fc.nat({ max: 3 }), { nil: null }),
      // Added by the officer on that day (a unit added on 03/12 is not one "not reached" in Q1–Q3); none: from before.
      startedOn: fc.option(dateArb, { nil: null }),
    }),
    { maxLength: 6 },
  ),
  records: fc.array(recordArb, { maxLength: 30 }),
  handledInTimeDays: fc.option(fc.integer({ min: 0, max: 14 }), { nil: null }),
});

export const scenarioArb = fc.record({
  communes: fc.array(communeArb, { minLength: 1, maxLength: 3 }),
  quarter: fc.option(fc.constantFrom<Quarter>(1, 2, 3, 4), { nil: null }),
  asOf: fc.integer({ min: 0, max: 380 }).map((d) => shift('2026-01-01', d)),
});

export type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;
export type Version = typeof versionArb extends fc.Arbitrary<infer T> ? T : never;

type RecordKindName = Scenario['communes'][number]['records'][number]['kind'];

/** A record of the kind as the version says it, for a unit and reporter, on a day relative to `asOf` when asked. */
export function buildRecord(kind: RecordKindName, v: Version, at: { id: string; unitId: string; reporterId: string; asOf: LocalDate }): ChecklistRecord {
  const date = v.daysBeforeAsOf === null ? v.date : shift(at.asOf, -v.daysBeforeAsOf);
  const common = { id: at.id, unitId: at.unitId, reporterId: at.reporterId, date };
  if (kind === 'newsPost') return newsPost(common);
  if (kind === 'propagandaSession') {
    const session = propagandaSession({ ...common, form: v.form, householdsReached: v.households });
    if (countsAttendees(v.form) || v.inventedAttendees) return session;
    const { menCount: _men, womenCount: _women, ...withoutAttendees } = session;
    return withoutAttendees;
  }
  const setUp = shift(date, -365 * v.yearsBefore);
  const stop = v.stop === null ? undefined : typeof v.stop === 'number' ? shift(setUp, v.stop) : v.stop === 'asOf' ? at.asOf : v.stop;
  const standing = { ...common, date: setUp, ...(stop !== undefined && stop >= setUp ? { stoppedOn: stop } : {}) };
  if (kind === 'contactPoint') return contactPoint(standing);
  if (kind === 'preventionModel') return preventionModel(standing);
  if (kind === 'inspection') return inspection(common);
  if (kind === 'training') return training({ ...common, menCount: v.households % 7, womenCount: 1 + (v.households % 5) });
  if (kind === 'complaint') return complaint({ ...common, handledOn: v.endsAfter === null ? undefined : shift(date, v.endsAfter) });
  const handled = v.handledAfter === null ? undefined : shift(date, v.handledAfter);
  const statusDates =
    handled === undefined ? { received: date } : v.closedOnly ? { received: date, closed: handled } : { received: date, intervening: handled };
  return violenceCase({
    ...common,
    status: handled === undefined ? 'received' : v.closedOnly ? 'closed' : 'intervening',
    statusDates,
    victimNeedsSupport: v.needsSupport,
    supportServices: (['medical', 'legalAid'] as const).slice(0, v.services),
    perpetratorCounselled: v.counselled,
    ...(v.prosecution === undefined ? {} : { prosecution: v.prosecution }),
  });
}
