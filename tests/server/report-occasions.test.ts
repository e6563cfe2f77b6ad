// Activities held for the occasions of the year (seed 001: Family Day 28/6, Women's Day 20/10,
// the Action Month 15/11 – 15/12) are said so in the report, counted from the records.
import { describe, expect, it } from 'vitest';
import type { RecordEntry, UnitEntry } from '../../src/domain/indicators/index.ts';
import { defaultPlan } from '../../src/domain/plan/index.ts';
import { occasionsText } from '../../server/exports/reportText.ts';
import { buildYearlyReport } from '../../server/exports/yearlyReport.ts';
import { newsPost, propagandaSession } from '../fixtures/records.ts';

const units: UnitEntry[] = [
  { id: 'x', communeId: 'x', name: 'UBND xã X', type: 'commune', households: 0 },
  { id: 'tdp-1', communeId: 'x', name: 'Tổ dân phố 1', type: 'toDanPho', households: 100 },
];
const live = (record: RecordEntry['record']): RecordEntry => ({ deleted: false, record });
const report = (records: RecordEntry[]) =>
  buildYearlyReport({
    commune: { id: 'x', name: 'Xã X', provinceName: 'Lâm Đồng' },
    units,
    records,
    plan: defaultPlan('x', 2026),
    asOf: '2026-12-20',
  });

describe('the occasions in the report', () => {
  it('counts the sessions and posts held on each occasion, the Action Month from its first to its last day', () => {
    const records = [
      live(propagandaSession({ unitId: 'tdp-1', date: '2026-11-15' })),
      live(propagandaSession({ unitId: 'tdp-1', date: '2026-12-15' })),
      live(newsPost({ unitId: 'x', date: '2026-11-25' })),
      live(propagandaSession({ unitId: 'tdp-1', date: '2026-06-28' })),
      // Outside any occasion, and deleted: not counted.
      live(propagandaSession({ unitId: 'tdp-1', date: '2026-11-14' })),
      { deleted: true, record: propagandaSession({ unitId: 'tdp-1', date: '2026-10-20' }) },
    ];
    expect(occasionsText(report(records))).toBe(
      ' Hưởng ứng Ngày Gia đình Việt Nam (28/6): 1 buổi tuyên truyền; ' +
        'Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới (15/11 - 15/12): 2 buổi tuyên truyền, 1 tin, bài.',
    );
  });

  it('says nothing when nothing was held for an occasion', () => {
    expect(occasionsText(report([live(propagandaSession({ unitId: 'tdp-1', date: '2026-03-12' }))]))).toBe('');
  });
});
