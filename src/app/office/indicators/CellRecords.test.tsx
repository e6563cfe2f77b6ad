// @vitest-environment happy-dom
// The records behind a figure say which activities were held for an occasion of the year
// (seed 001: Family Day, Women's Day, the Action Month).
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { propagandaSession } from '../../../../tests/fixtures/records.ts';
import type { UnitEntry } from '../../../domain/indicators/index.ts';
import { CellRecords } from './CellRecords.tsx';

const units: UnitEntry[] = [{ id: 'tdp-1', communeId: 'x', name: 'Tổ dân phố 1', type: 'toDanPho', households: 100 }];

describe('the records behind a figure', () => {
  it('marks a session held in the Action Month, and not one held the day before', () => {
    const inMonth = propagandaSession({ unitId: 'tdp-1', date: '2026-11-15' });
    const before = propagandaSession({ unitId: 'tdp-1', date: '2026-11-14' });
    const records = [inMonth, before].map((record) => ({ deleted: false, record }));
    const root = document.createElement('div');
    document.body.append(root);
    render(<CellRecords title="Buổi tuyên truyền" ids={[inMonth.id, before.id]} records={records} units={units} onClose={() => undefined} />, root);
    const occasion = (id: string) => root.querySelector(`li[data-cell-record="${id}"] .occasion`)?.textContent ?? null;
    expect(occasion(inMonth.id)).toBe(' · Tháng hành động vì bình đẳng giới');
    expect(occasion(before.id)).toBeNull();
    render(null, root);
  });
});
