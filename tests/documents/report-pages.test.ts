// The commune's yearly Word report laid out in pages by LibreOffice, as the chairman signs it:
// the closing line, "Nơi nhận" and the signature block stay whole on one page, whatever the length
// of the body. The body grows with the communes' units (one row each in the table by unit): a
// short commune, a long one, and lengths in between, so that some body ends near a page's foot.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildYearlyReport } from '../../server/exports/yearlyReport.ts';
import { yearlyReportDocx } from '../../server/exports/yearlyReportDocx.ts';
import type { UnitEntry } from '../../src/domain/indicators/index.ts';
import { defaultPlan } from '../../src/domain/plan/index.ts';
import { docxPages, ensureLibreOffice, pagesWith } from '../support/libreoffice.ts';

const COMMUNE = { id: 'xa-mau', name: 'Phường Nam Gia Nghĩa', provinceName: 'Lâm Đồng' };
const UNIT_COUNTS = [3, 5, 8, 10, 12, 15, 20, 30, 60];

function communeOf(unitCount: number): UnitEntry[] {
  return [
    { id: COMMUNE.id, communeId: COMMUNE.id, name: 'UBND phường Nam Gia Nghĩa', type: 'commune', households: 0 },
    ...Array.from({ length: unitCount }, (_, i): UnitEntry => ({
      id: `tdp-${i + 1}`,
      communeId: COMMUNE.id,
      name: `Tổ dân phố ${i + 1}`,
      type: 'toDanPho',
      households: 150 + i,
    })),
  ];
}

/** What the signer's page must hold: the closing line, every line of both columns. */
const SIGNATURE_PAGE = [/Trên đây là báo cáo/, /Nơi nhận:/, /Sở Nội vụ tỉnh Lâm Đồng/, /Lưu: VT, VHXH\./, /TM\. ỦY BAN NHÂN DÂN/, /KT\. CHỦ TỊCH/, /PHÓ CHỦ TỊCH/];

describe('the yearly Word report in pages', () => {
  let pages: Map<string, string[]>;

  beforeAll(async () => {
    ensureLibreOffice();
    const files = new Map<string, Buffer>();
    for (const count of UNIT_COUNTS) {
      const report = buildYearlyReport({ commune: COMMUNE, units: communeOf(count), records: [], plan: defaultPlan(COMMUNE.id, 2026), asOf: '2026-11-20' });
      files.set(`units-${count}`, await yearlyReportDocx(report));
    }
    pages = docxPages(files);
  }, 600_000);

  it.each(UNIT_COUNTS)('keeps the closing line, Nơi nhận and the signature block on one page (%i units)', (count) => {
    const doc = pages.get(`units-${count}`) ?? [];
    expect(doc.length).toBeGreaterThan(1);
    const where = SIGNATURE_PAGE.map((pattern) => ({ pattern: String(pattern), pages: pagesWith(doc, pattern) }));
    const lastPage = doc.length;
    // Every line on the last page, and on that page only.
    expect(where).toEqual(SIGNATURE_PAGE.map((pattern) => ({ pattern: String(pattern), pages: [lastPage] })));
  });

  it('grows with the commune: the long commune runs to more pages than the short one', () => {
    expect(pages.get('units-60')?.length).toBeGreaterThan(pages.get('units-3')?.length ?? Infinity);
  });
});
