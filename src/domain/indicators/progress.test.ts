// The home card on a hand-counted commune: an officer's plan that asks 2 news posts a quarter
// (the commune's target, not the village's), 90% of households, and units reporting by 15/12.
// Every expected figure is counted by hand beside the records.
import { describe, expect, it } from 'vitest';
import { defaultPlan, type Plan } from '../plan/plan.ts';
import { checklistRecord, type ChecklistRecord, type ContactPoint, type NewsPost, type PropagandaSession, type ViolenceCase } from '../records/index.ts';
import { unitProgress } from './progress.ts';
import type { RecordEntry } from './table.ts';
import type { UnitEntry } from './units.ts';

const defaults = defaultPlan('x', 2026);
const plan: Plan = {
  ...defaults,
  deadlines: { ...defaults.deadlines, unitsToCommune: '2026-12-15' },
  indicators: defaults.indicators.map((i) =>
    i.id === 'newsPostsPerQuarter'
      ? { ...i, target: { kind: 'countPerQuarter', min: 2 } }
      : i.id === 'householdsReached'
        ? { ...i, target: { kind: 'percent', min: 90 } }
        : i,
  ),
};

const units: UnitEntry[] = [
  { id: 'x', communeId: 'x', name: 'UBND xã X', type: 'commune', households: 0 },
  { id: 'a', communeId: 'x', name: 'Thôn A', type: 'thon', households: 120 },
  { id: 'b', communeId: 'x', name: 'Thôn B', type: 'thon', households: 80 },
];

const base = (id: string, unitId: string, date: string) => ({ id, unitId, reporterId: 'r', date });
const session = (id: string, unitId: string, date: string, householdsReached: number): PropagandaSession => ({
  kind: 'propagandaSession',
  ...base(id, unitId, date),
  form: 'villageMeeting',
  topics: ['genderEqualityLaw'],
  menCount: 10,
  womenCount: 12,
  householdsReached,
  language: 'vi',
});
const post = (id: string, unitId: string, date: string): NewsPost => ({
  kind: 'newsPost',
  ...base(id, unitId, date),
  channel: 'loudspeaker',
  title: 'Tin về bình đẳng giới',
});
const contact = (id: string, unitId: string, date: string): ContactPoint => ({ kind: 'contactPoint', ...base(id, unitId, date), keeper: 'womenUnion' });
const violence = (id: string, date: string, intervening?: string): ViolenceCase => ({
  kind: 'violenceCase',
  ...base(id, 'a', date),
  caseCode: `A-${id.toUpperCase()}`,
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
  ...(intervening
    ? { status: 'intervening', statusDates: { received: date, verified: date, intervening } }
    : { status: 'received', statusDates: { received: date } }),
});
const live = (record: ChecklistRecord): RecordEntry => ({ deleted: false, record });

const records: RecordEntry[] = [
  // Thôn A: 50 + 40 = 90 households named this year (of 120; 90% is 108: 18 short).
  live(session('s1', 'a', '2026-03-10', 50)),
  live(session('s2', 'a', '2026-11-02', 40)),
  // A session of 2025 is not this year's.
  live(session('s0', 'a', '2025-12-30', 70)),
  // A's contact point, set up in February, still serving.
  live(contact('c1', 'a', '2026-02-01')),
  // News: A posted one in Q3 and one in Q4; B one in Q4; the commune one in Q4. A's Q4 share: 1; the commune's Q4: 3.
  live(post('n1', 'a', '2026-08-01')),
  live(post('n2', 'a', '2026-10-05')),
  live(post('n3', 'b', '2026-10-06')),
  live(post('n4', 'x', '2026-10-10')),
  { deleted: true, record: post('n5', 'a', '2026-10-07') },
  // Cases of A (7 days allowed): v1 handled in 2 days, v2 in 19 (late), v3 detected on 18/11 and not handled (pending on 20/11).
  live(violence('v1', '2026-11-10', '2026-11-12')),
  live(violence('v2', '2026-09-01', '2026-09-20')),
  live(violence('v3', '2026-11-18')),
];

const card = (unitId: string, today: string) => unitProgress({ plan, units, records, unitId, today });
const lineOf = (lines: ReturnType<typeof card>['lines'], id: string) => lines.find((l) => l.id === id);

describe('the home card of a village', () => {
  it('is built from valid records', () => {
    // Short ids keep the answers readable; the schema wants a uuid there.
    for (const entry of records) {
      const checked = checklistRecord.safeParse({ ...entry.record, id: '0b9c4a52-7c0e-4b7e-9d3e-4f2a1c6d8e90' });
      expect(checked.error?.issues ?? []).toEqual([]);
    }
  });

  it('shows the news target of 2 as the commune’s, with what the village added this quarter', () => {
    const news = lineOf(card('a', '2026-11-20').communeTargets, 'newsPostsPerQuarter');
    expect(news?.target).toEqual({ kind: 'countPerQuarter', min: 2 });
    expect(news?.period).toEqual({ year: 2026, quarter: 4 });
    expect(news?.cell.value).toMatchObject({ kind: 'count', count: 1, recordIds: ['n2'] });
    // The village is not judged on the commune's count target.
    expect(news?.cell.verdict).toBe('noTarget');
  });

  it('counts one more than the share for a target to pass ("trên 75%"), none more for one to reach', () => {
    // Thôn A: 90 of 120 households named; 75% of 120 is exactly 90.
    const withHouseholds = (compare: 'atLeast' | 'moreThan'): Plan => ({
      ...plan,
      indicators: plan.indicators.map((i) => (i.id === 'householdsReached' ? { ...i, target: { kind: 'percent', min: 75, compare } } : i)),
    });
    const short = (compare: 'atLeast' | 'moreThan') =>
      lineOf(unitProgress({ plan: withHouseholds(compare), units, records, unitId: 'a', today: '2026-11-20' }).lines, 'householdsReached');
    expect(short('atLeast')).toMatchObject({ cell: { verdict: 'met' }, short: 0 });
    expect(short('moreThan')).toMatchObject({ cell: { verdict: 'behind' }, short: 1 });
  });

  it('counts what the village still owes this year against the plan', () => {
    const lines = card('a', '2026-11-20').lines;
    expect(lines.map((l) => l.id)).toEqual(['unitsReachedByPropaganda', 'householdsReached', 'unitsWithContactPoint', 'casesHandledInTime']);
    expect(lineOf(lines, 'unitsReachedByPropaganda')).toMatchObject({ cell: { value: { numerator: 1, denominator: 1 }, verdict: 'met' }, short: 0 });
    expect(lineOf(lines, 'householdsReached')).toMatchObject({ cell: { value: { numerator: 90, denominator: 120 }, verdict: 'behind' }, short: 18 });
    expect(lineOf(lines, 'unitsWithContactPoint')).toMatchObject({ cell: { value: { numerator: 1, denominator: 1 }, verdict: 'met' }, short: 0 });
    expect(lineOf(lines, 'casesHandledInTime')).toMatchObject({
      cell: { value: { numerator: 1, denominator: 2, pendingIds: ['v3'] }, verdict: 'behind' },
      short: 1,
    });
  });

  it('tells a village with nothing yet what it owes', () => {
    const lines = card('b', '2026-11-20').lines;
    expect(lineOf(lines, 'unitsReachedByPropaganda')).toMatchObject({ cell: { value: { numerator: 0, denominator: 1 } }, short: 1 });
    // 90% of 80 households: 72.
    expect(lineOf(lines, 'householdsReached')).toMatchObject({ short: 72 });
    expect(lineOf(lines, 'unitsWithContactPoint')).toMatchObject({ short: 1 });
  });

  it('reminds of the plan’s 15/12 deadline with the days left, then says it has passed', () => {
    expect(card('a', '2026-11-10').deadlines).toEqual([{ id: 'unitsToCommune', date: '2026-12-15', daysLeft: 35, state: 'coming' }]);
    expect(card('a', '2026-11-20').deadlines).toEqual([{ id: 'unitsToCommune', date: '2026-12-15', daysLeft: 25, state: 'soon' }]);
    // 25/11, the seeds' default, is no deadline of this plan.
    expect(card('a', '2026-11-26').deadlines).toEqual([{ id: 'unitsToCommune', date: '2026-12-15', daysLeft: 19, state: 'soon' }]);
    expect(card('a', '2026-12-15').deadlines).toEqual([{ id: 'unitsToCommune', date: '2026-12-15', daysLeft: 0, state: 'today' }]);
    expect(card('a', '2026-12-16').deadlines).toEqual([{ id: 'unitsToCommune', date: '2026-12-15', daysLeft: -1, state: 'overdue' }]);
  });
});

describe('the home card of a commune-level account', () => {
  it('shows the commune’s totals, judged, and both deadlines', () => {
    const progress = card('x', '2026-11-20');
    expect(progress.scope).toBe('commune');
    const news = lineOf(progress.communeTargets, 'newsPostsPerQuarter');
    expect(news?.cell).toMatchObject({ value: { count: 3 }, verdict: 'met' });
    // Units reached this year: A only, of A and B.
    expect(lineOf(progress.lines, 'unitsReachedByPropaganda')).toMatchObject({ cell: { value: { numerator: 1, denominator: 2 } }, short: 1 });
    // 90 of 200 households; 90% is 180.
    expect(lineOf(progress.lines, 'householdsReached')).toMatchObject({ short: 90 });
    expect(progress.deadlines.map((d) => [d.id, d.daysLeft])).toEqual([
      ['unitsToCommune', 25],
      ['communeToProvince', 11],
    ]);
  });
});
