// A unit has a start date: one the officer added on 03/12 is not a unit "not reached" (nor one
// without a contact point) in the quarters before it existed; it counts from its own quarter on.
import { describe, expect, it } from 'vitest';
import type { PropagandaSession } from '../records/index.ts';
import { defaultPlan } from '../plan/plan.ts';
import { computeIndicators, type RecordEntry } from './table.ts';
import type { UnitEntry } from './units.ts';

const units: UnitEntry[] = [
  { id: 'x', communeId: 'x', name: 'UBND xã X', type: 'commune', households: 0 },
  { id: 'a', communeId: 'x', name: 'Thôn A', type: 'thon', households: 100 },
  { id: 'new', communeId: 'x', name: 'Thôn Mới', type: 'thon', households: 60, startedOn: '2026-12-03' },
];
const session = (id: string, date: string): PropagandaSession => ({
  kind: 'propagandaSession',
  id,
  unitId: 'a',
  reporterId: 'r',
  date,
  form: 'villageMeeting',
  topics: ['genderEqualityLaw'],
  menCount: 5,
  womenCount: 5,
  householdsReached: 40,
  language: 'vi',
});
const records: RecordEntry[] = ['2026-02-10', '2026-05-10', '2026-08-10', '2026-10-10'].map((date, i) => ({ deleted: false, record: session(`s${i}`, date) }));
const plan = defaultPlan('x', 2026);
const tableOf = (quarter?: 1 | 2 | 3 | 4) =>
  computeIndicators({ plan, units, records, period: quarter ? { year: 2026, quarter } : { year: 2026 }, asOf: '2026-12-20' });

describe('a unit added mid-year', () => {
  it('is not counted in Q1–Q3: every unit that existed was reached, its households are not owed', () => {
    for (const quarter of [1, 2, 3] as const) {
      const table = tableOf(quarter);
      expect(table.commune.unitsReachedByPropaganda.value).toMatchObject({ numerator: 1, denominator: 1 });
      expect(table.commune.householdsReached.value).toMatchObject({ numerator: 40, denominator: 100 });
      // Its row stays (the same rows in every period), owing nothing.
      const added = table.rows.find((r) => r.unit.id === 'new')!;
      expect(added.cells.unitsReachedByPropaganda.value).toMatchObject({ numerator: 0, denominator: 0 });
      expect(added.cells.householdsReached.value).toMatchObject({ numerator: 0, denominator: 0 });
      expect(added.cells.unitsReachedByPropaganda.verdict).toBe('notApplicable');
      expect(table.silentUnitIds).toEqual([]);
    }
  });

  it('counts from the quarter it was added in, and in the year', () => {
    for (const table of [tableOf(4), tableOf()]) {
      expect(table.commune.unitsReachedByPropaganda.value).toMatchObject({ numerator: 1, denominator: 2 });
      expect(table.rows.find((r) => r.unit.id === 'new')!.cells.unitsReachedByPropaganda.value).toMatchObject({ numerator: 0, denominator: 1 });
      expect(table.silentUnitIds).toEqual(['new']);
    }
  });
});
