// The case list printed as LibreOffice prints the workbook: MẬT at the top of every page, a
// header row on every page, the cases all there, whatever their number.
import { beforeAll, describe, expect, it } from 'vitest';
import { caseListXlsx } from '../../server/exports/caseListXlsx.ts';
import { buildYearlyReport } from '../../server/exports/yearlyReport.ts';
import { defaultPlan } from '../../src/domain/plan/index.ts';
import { violenceCase } from '../fixtures/records.ts';
import { docxPages, ensureLibreOffice } from '../support/libreoffice.ts';

const COMMUNE = { id: 'xa-mau', name: 'Phường Nam Gia Nghĩa', provinceName: 'Lâm Đồng' };
const CASE_COUNT = 120;

describe('the case list in pages', () => {
  let pages: string[];

  beforeAll(async () => {
    ensureLibreOffice();
    const units = [
      { id: COMMUNE.id, communeId: COMMUNE.id, name: 'UBND phường Nam Gia Nghĩa', type: 'commune', households: 0 },
      { id: 'tdp-1', communeId: COMMUNE.id, name: 'Tổ dân phố 1', type: 'toDanPho', households: 190 },
    ];
    const records = Array.from({ length: CASE_COUNT }, (_, i) => ({
      deleted: false,
      record: violenceCase({ caseCode: `TDP1-2026-${String(i + 1).padStart(3, '0')}` }),
    }));
    const report = buildYearlyReport({ commune: COMMUNE, units, records, plan: defaultPlan(COMMUNE.id, 2026), asOf: '2026-11-20' });
    pages = docxPages(new Map([['cases', await caseListXlsx(report)]]), 'xlsx').get('cases') ?? [];
  }, 600_000);

  it('marks every page MẬT and repeats the header row on each', () => {
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.filter((page) => /^\s*MẬT\s*$/m.test(page))).toHaveLength(pages.length);
    expect(pages.filter((page) => page.includes('Mã vụ việc'))).toHaveLength(pages.length);
  });

  it('lists every case once', () => {
    const codes = pages.join('\n').match(/TDP1-2026-\d{3}/g) ?? [];
    expect(new Set(codes).size).toBe(CASE_COUNT);
    expect(codes).toHaveLength(CASE_COUNT);
  });
});
