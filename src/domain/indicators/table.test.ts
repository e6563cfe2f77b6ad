// A hand-built commune with answers worked out by hand (see the comments beside each record).
import { describe, expect, it } from 'vitest';
import { dayInVietnam } from '../dates.ts';
import type { NewsPost, PropagandaSession, ViolenceCase } from '../records/index.ts';
import { defaultPlan } from '../plan/plan.ts';
import { computeIndicators, type RecordEntry } from './table.ts';
import type { UnitEntry } from './units.ts';

const units: UnitEntry[] = [
  { id: 'x', communeId: 'x', name: 'UBND phường X', type: 'commune', households: 0 },
  { id: 'a', communeId: 'x', name: 'Tổ A', type: 'toDanPho', households: 100 },
  { id: 'b', communeId: 'x', name: 'Tổ B', type: 'toDanPho', households: 50 },
  { id: 'c', communeId: 'x', name: 'Tổ C (no records)', type: 'toDanPho', households: 80 },
  // Merged into B in the middle of the year: its records count for B.
  { id: 'old', communeId: 'x', name: 'Tổ cũ', type: 'toDanPho', households: 40, retired: true, mergedInto: 'b' },
];

const session = (
  id: string,
  unitId: string,
  date: string,
  form: PropagandaSession['form'],
  men: number,
  women: number,
  households: number,
): PropagandaSession => ({
  kind: 'propagandaSession',
  id,
  unitId,
  reporterId: 'r',
  date,
  form,
  topics: ['genderEqualityLaw'],
  menCount: men,
  womenCount: women,
  householdsReached: households,
  language: 'vi',
});
const post = (id: string, unitId: string, date: string): NewsPost => ({
  kind: 'newsPost',
  id,
  unitId,
  reporterId: 'r',
  date,
  channel: 'communePortal',
  title: 'Tin bình đẳng giới',
});
const violence = (id: string, unitId: string, date: string, o: Partial<ViolenceCase>): ViolenceCase => ({
  kind: 'violenceCase',
  id,
  unitId,
  reporterId: 'r',
  date,
  caseCode: `C-${id}`,
  reportedBy: 'neighbour',
  acts: ['physical'],
  victimSex: 'female',
  victimAgeBand: 'from16to59',
  perpetratorSex: 'male',
  perpetratorRelation: 'spouse',
  victimNeedsSupport: false,
  supportServices: [],
  measures: [],
  perpetratorCounselled: false,
  referredToPolice: false,
  status: 'received',
  statusDates: { received: date },
  notes: 'must never matter',
  ...o,
});

const live = (record: RecordEntry['record']): RecordEntry => ({ deleted: false, record });
const gone = (record: RecordEntry['record']): RecordEntry => ({ deleted: true, record });

const records: RecordEntry[] = [
  live(session('s1', 'a', '2026-02-10', 'villageMeeting', 10, 20, 60)),
  live(session('s2', 'a', '2026-05-10', 'conference', 5, 5, 70)),
  live(session('s3', 'old', '2026-03-01', 'thematicSession', 3, 7, 30)),
  // 31/12 at 23:30 in Vietnam is still 2026 there: the phone stores that day.
  live(session('s4', 'b', dayInVietnam(new Date('2026-12-31T16:30:00Z')), 'loudspeaker', 1, 1, 10)),
  gone(session('s5', 'c', '2026-04-04', 'villageMeeting', 4, 4, 4)),
  live(session('s6', 'a', '2027-01-01', 'villageMeeting', 2, 2, 2)),
  // News: Q1 4 (x), Q2 2 (x) + 1 (a), Q3 4 (x), Q4 1 (x).
  ...['01-05', '02-05', '03-05', '03-31'].map((d, i) => live(post(`n1${i}`, 'x', `2026-${d}`))),
  live(post('n20', 'x', '2026-04-01')),
  live(post('n21', 'x', '2026-06-30')),
  live(post('n22', 'a', '2026-05-15')),
  ...['07-01', '08-01', '09-01', '09-30'].map((d, i) => live(post(`n3${i}`, 'x', `2026-${d}`))),
  live(post('n40', 'x', '2026-11-02')),
  gone(post('n41', 'x', '2026-11-03')),
  // Detected 30/3, intervened 2/4: in time (3 days), counted in Q1.
  live(
    violence('k1', 'a', '2026-03-30', {
      status: 'intervening',
      statusDates: { received: '2026-03-30', verified: '2026-03-31', intervening: '2026-04-02' },
      victimNeedsSupport: true,
      supportServices: ['medical'],
      perpetratorCounselled: true,
      prosecution: 'notProsecuted',
    }),
  ),
  // Intervened after 19 days: late. Needed support, reached none.
  live(
    violence('k2', 'b', '2026-06-01', {
      status: 'intervening',
      statusDates: { received: '2026-06-01', verified: '2026-06-10', intervening: '2026-06-20' },
      victimNeedsSupport: true,
      prosecution: 'prosecuted',
    }),
  ),
  // In the merged unit, never handled, limit long passed: late, and it counts for B.
  live(violence('k3', 'old', '2026-08-01', { prosecution: 'notProsecuted' })),
  // Two days before asOf, not handled yet: pending, in neither term. Recorded without a prosecution (not known).
  live(violence('k4', 'a', '2026-11-20', { victimNeedsSupport: true, supportServices: ['legalAid'], perpetratorCounselled: true })),
  gone(
    violence('k5', 'a', '2026-02-01', {
      status: 'closed',
      statusDates: { received: '2026-02-01', verified: '2026-02-01', intervening: '2026-02-01', closed: '2026-02-02' },
    }),
  ),
];

const plan = defaultPlan('x', 2026);
const asOf = '2026-11-22';
const year = computeIndicators({ plan, units, records, period: { year: 2026 }, asOf });
const rowOf = (table: typeof year, unitId: string) => table.rows.find((r) => r.unit.id === unitId)!;

describe('indicators of a year', () => {
  it('lists the village units in service and the commune row, not the merged unit', () => {
    expect(year.rows.map((r) => [r.unit.id, r.communeLevel])).toEqual([
      ['a', false],
      ['b', false],
      ['c', false],
      ['x', true],
    ]);
  });

  it('counts news posts per quarter, deleted ones out, and judges every quarter begun', () => {
    const cell = year.commune.newsPostsPerQuarter;
    expect(cell.value).toMatchObject({ kind: 'count', count: 12 });
    if (cell.value.kind !== 'count') throw new Error('count expected');
    expect(cell.value.byQuarter.map((q) => q.count)).toEqual([4, 3, 4, 1]);
    expect(cell.value.recordIds).not.toContain('n41');
    // Q2 ended with 3 < 4.
    expect(cell.verdict).toBe('notMet');
  });

  it('counts conferences and thematic sessions against the yearly target', () => {
    expect(year.commune.conferencesHeld.value).toMatchObject({ count: 2, recordIds: ['s2', 's3'] });
    expect(year.commune.conferencesHeld.verdict).toBe('met');
  });

  it('counts a merged unit’s records for the unit it joined, and a unit with no records as not reached', () => {
    expect(year.commune.unitsReachedByPropaganda.value).toMatchObject({ kind: 'ratio', numerator: 2, denominator: 3 });
    expect(year.commune.unitsReachedByPropaganda.verdict).toBe('behind');
    expect(rowOf(year, 'b').cells.unitsReachedByPropaganda.value).toMatchObject({ numerator: 1, denominator: 1, recordIds: ['s3', 's4'] });
    expect(rowOf(year, 'c').cells.unitsReachedByPropaganda).toMatchObject({ value: { numerator: 0, denominator: 1 }, verdict: 'behind' });
    expect(year.silentUnitIds).toEqual(['c']);
  });

  it('caps households reached at each unit’s count', () => {
    // a: min(60 + 70, 100) = 100; b: 30 + 10 = 40; c: 0. Over 100 + 50 + 80.
    expect(year.commune.householdsReached.value).toMatchObject({ numerator: 140, denominator: 230 });
    expect(year.commune.householdsReached.verdict).toBe('noTarget');
  });

  it('judges cases handled in time within the plan’s days, leaving pending ones out', () => {
    expect(year.commune.casesHandledInTime.value).toEqual({
      kind: 'ratio',
      numerator: 1,
      denominator: 3,
      recordIds: ['k1', 'k2', 'k3'],
      pendingIds: ['k4'],
    });
    expect(rowOf(year, 'a').cells.casesHandledInTime).toMatchObject({ value: { numerator: 1, denominator: 1 }, verdict: 'met' });
    expect(rowOf(year, 'b').cells.casesHandledInTime).toMatchObject({ value: { numerator: 0, denominator: 2 }, verdict: 'behind' });
    expect(rowOf(year, 'c').cells.casesHandledInTime.verdict).toBe('notApplicable');
  });

  it('counts victims who reached a service and perpetrators counselled', () => {
    expect(year.commune.victimsReachedService.value).toMatchObject({ numerator: 2, denominator: 3, recordIds: ['k1', 'k2', 'k4'] });
    // Not prosecuted: k1 (counselled) and k3; k2 was prosecuted; k4's prosecution is not known (missing).
    expect(year.commune.perpetratorsCounselled.value).toEqual({ kind: 'ratio', numerator: 1, denominator: 2, recordIds: ['k1', 'k3'], missingIds: ['k4'] });
    // The commune sets no target for counselling: the province's 85% applies.
    expect(year.commune.perpetratorsCounselled.verdict).toBe('behind');
  });

  it('judges the commune checklist as not met when nothing of it was recorded', () => {
    expect(year.commune.inspections).toMatchObject({ value: { count: 0 }, verdict: 'behind' });
    expect(year.commune.unitsWithContactPoint).toMatchObject({ value: { numerator: 0, denominator: 3 }, verdict: 'behind' });
    expect(year.commune.complaintsHandled.verdict).toBe('notApplicable');
  });

  it('keeps count targets for the commune and percent targets for every unit', () => {
    expect(rowOf(year, 'x').cells.newsPostsPerQuarter).toMatchObject({ value: { count: 11 }, verdict: 'noTarget' });
    expect(rowOf(year, 'a').cells.newsPostsPerQuarter.value).toMatchObject({ count: 1, recordIds: ['n22'] });
  });
});

describe('indicators of a quarter', () => {
  it('counts a case in the quarter it was detected, though handled in the next', () => {
    const q1 = computeIndicators({ plan, units, records, period: { year: 2026, quarter: 1 }, asOf });
    expect(q1.commune.casesHandledInTime).toMatchObject({ value: { numerator: 1, denominator: 1, recordIds: ['k1'] }, verdict: 'met' });
    const q2 = computeIndicators({ plan, units, records, period: { year: 2026, quarter: 2 }, asOf });
    expect(q2.commune.casesHandledInTime.value).toMatchObject({ numerator: 0, denominator: 1, recordIds: ['k2'] });
    expect(q2.commune.casesHandledInTime.verdict).toBe('notMet');
  });

  it('judges a running quarter as behind, not failed, and lists the units that sent nothing', () => {
    const q4 = computeIndicators({ plan, units, records, period: { year: 2026, quarter: 4 }, asOf });
    expect(q4.commune.newsPostsPerQuarter).toMatchObject({ value: { count: 1 }, verdict: 'behind' });
    expect(q4.commune.conferencesHeld.verdict).toBe('noTarget');
    const q3 = computeIndicators({ plan, units, records, period: { year: 2026, quarter: 3 }, asOf });
    expect(q3.silentUnitIds).toEqual(['a', 'c']);
    expect(q3.commune.newsPostsPerQuarter.verdict).toBe('met');
  });

  it('puts 31/12 in Q4 of its year and 01/01 in the next year', () => {
    const q4 = computeIndicators({ plan, units, records, period: { year: 2026, quarter: 4 }, asOf });
    expect(rowOf(q4, 'b').cells.unitsReachedByPropaganda.value).toMatchObject({ recordIds: ['s4'] });
    const next = computeIndicators({ plan, units, records, period: { year: 2027 }, asOf: '2027-01-02' });
    expect(next.commune.unitsReachedByPropaganda.value).toMatchObject({ numerator: 1, recordIds: ['s6'] });
    expect(dayInVietnam(new Date('2026-12-31T17:30:00Z'))).toBe('2027-01-01');
  });

  it('does not call a quarter met before it has begun', () => {
    const future = computeIndicators({ plan, units, records, period: { year: 2027, quarter: 2 }, asOf: '2027-01-02' });
    expect(future.commune.newsPostsPerQuarter).toMatchObject({ value: { count: 0 }, verdict: 'behind' });
  });
});
