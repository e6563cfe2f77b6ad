// @vitest-environment happy-dom
// The officer sees which cases perpetrators counselled cannot count yet: a case whose
// prosecution is not known (an older phone's, or not decided yet) is named in the cell and
// marked as missing in the records behind it, beside the cases it does count.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { violenceCase } from '../../../../tests/fixtures/records.ts';
import { computeIndicators, type UnitEntry } from '../../../domain/indicators/index.ts';
import { defaultPlan } from '../../../domain/plan/index.ts';
import { IndicatorGrid } from './IndicatorGrid.tsx';

const COMMUNE = 'nam-gia-nghia';
const units: UnitEntry[] = [
  { id: COMMUNE, communeId: COMMUNE, name: 'UBND', type: 'commune', households: 0 },
  { id: 'tdp-1', communeId: COMMUNE, name: 'Tổ dân phố 1', type: 'toDanPho', households: 100 },
];

describe('perpetrators counselled on the dashboard', () => {
  it('counts the case not prosecuted, names the one not known as missing, and lists both', async () => {
    const counted = violenceCase({ caseCode: 'VV-COUNTED', prosecution: 'notProsecuted', perpetratorCounselled: true });
    const prosecuted = violenceCase({ caseCode: 'VV-PROSECUTED', prosecution: 'prosecuted' });
    const older = violenceCase({ caseCode: 'VV-OLDER', perpetratorCounselled: true });
    const records = [counted, prosecuted, older].map((record) => ({ deleted: false, record }));
    const plan = defaultPlan(COMMUNE, 2026);
    const table = computeIndicators({ plan, units, records, period: { year: 2026 }, asOf: '2026-11-20' });
    const root = document.createElement('div');
    document.body.append(root);
    render(<IndicatorGrid table={table} plan={plan} communeName="Phường Nam Gia Nghĩa" records={records} units={units} />, root);

    const cell = root.querySelector<HTMLElement>('tr[data-unit-id="tdp-1"] td[data-indicator="perpetratorsCounselled"]')!;
    expect(cell.dataset.missing).toBe('1');
    expect(cell.querySelector('button')!.textContent).toBe('1/1');
    expect(cell.querySelector('.missing-note')!.textContent).toBe('1 vụ chưa rõ truy cứu trách nhiệm hình sự');
    await act(() => cell.querySelector('button')!.click());
    const listed = [...root.querySelectorAll<HTMLElement>('.cell-records li')].map((li) => [li.dataset.cellRecord, li.dataset.missing === 'true']);
    expect(listed).toEqual([
      [counted.id, false],
      [older.id, true],
    ]);
    expect(root.querySelector(`li[data-cell-record="${older.id}"] .missing-note`)!.textContent).toBe(' · Còn thiếu: có bị truy cứu trách nhiệm hình sự không');
    render(null, root);
  });
});
