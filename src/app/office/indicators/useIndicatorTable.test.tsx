// @vitest-environment happy-dom
// The office's figures from the phone's database (no server: they work offline): a quarter
// counts the records dated in it and not deleted, the year all of its own, a unit with none
// is silent, and a record reaching the phone is counted without reopening the screen.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { newsPost } from '../../../../tests/fixtures/records.ts';
import { mountHook, until } from '../../../../tests/app/signedInKit.tsx';
import { throwawayDbs } from '../../../../tests/support/notebook-db.ts';
import { applyPulled } from '../../../data/index.ts';
import type { Period, UnitEntry } from '../../../domain/indicators/index.ts';
import { defaultPlan } from '../../../domain/plan/index.ts';
import { useYearRecords } from '../../commune/useYearRecords.ts';
import { useIndicatorTable } from './useIndicatorTable.ts';

const freshDb = throwawayDbs();
const COMMUNE = 'nam-gia-nghia';
const plan = defaultPlan(COMMUNE, 2026);
const units: UnitEntry[] = [
  { id: COMMUNE, communeId: COMMUNE, name: 'UBND', type: 'commune', households: 0, retired: false },
  { id: 'tdp-1', communeId: COMMUNE, name: 'Tổ dân phố 1', type: 'toDanPho', households: 100, retired: false },
  { id: 'tdp-2', communeId: COMMUNE, name: 'Tổ dân phố 2', type: 'toDanPho', households: 90, retired: false },
];

let serverSeq = 0;
const pulled = (record: ReturnType<typeof newsPost>, deleted = false) => ({
  id: record.id,
  kind: record.kind,
  unitId: record.unitId,
  rev: 1,
  serverSeq: ++serverSeq,
  receivedAt: '2026-06-01T01:00:00.000Z',
  deleted,
  record,
});

function useTables(quarter: Period) {
  const records = useYearRecords(2026);
  return {
    quarter: useIndicatorTable({ records, plan, units, period: quarter, asOf: '2026-06-01' }),
    year: useIndicatorTable({ records, plan, units, period: { year: 2026 }, asOf: '2026-06-01' }),
  };
}

describe('the indicator tables', () => {
  it("count the period's live records of each unit, and follow the phone's database", async () => {
    const db = freshDb();
    const inQ2 = newsPost({ unitId: 'tdp-1', date: '2026-05-03' });
    const inQ1 = newsPost({ unitId: 'tdp-1', date: '2026-02-03' });
    const deleted = newsPost({ unitId: 'tdp-1', date: '2026-05-04' });
    const lastYear = newsPost({ unitId: 'tdp-1', date: '2025-11-04' });
    await applyPulled(db, [pulled(inQ2), pulled(inQ1), pulled(deleted, true), pulled(lastYear)]);
    const view = await mountHook(() => useTables({ year: 2026, quarter: 2 }), { db });
    await until(() => view.current().quarter !== undefined, 'the tables');
    const row = (table: 'quarter' | 'year', id: string) => view.current()[table]!.rows.find((r) => r.unit.id === id)!;
    expect(row('quarter', 'tdp-1').recordIds).toEqual([inQ2.id]);
    expect(row('year', 'tdp-1').recordIds.sort()).toEqual([inQ1.id, inQ2.id].sort());
    expect(view.current().quarter!.silentUnitIds).toEqual(['tdp-2']);

    const arrived = newsPost({ unitId: 'tdp-2', date: '2026-04-20' });
    await applyPulled(db, [pulled(arrived)]);
    await until(() => view.current().quarter!.silentUnitIds.length === 0, 'the new record counted');
    expect(row('quarter', 'tdp-2').recordIds).toEqual([arrived.id]);
    await view.unmount();
  });
});
