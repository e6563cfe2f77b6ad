// The commune's yearly Word report, and a quarter's, laid out in pages by LibreOffice, as the
// chairman signs it: the closing line, "Nơi nhận" and the signature block (with the signer's name
// from the report settings) stay whole on one page, whatever the length of the body. The body grows with the communes' units (one row each in the table by unit): a
// short commune, a long one, and lengths in between, so that some body ends near a page's foot.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildQuarterlyReport } from '../../server/exports/quarterlyReport.ts';
import { buildYearlyReport } from '../../server/exports/yearlyReport.ts';
import { yearlyReportDocx } from '../../server/exports/yearlyReportDocx.ts';
import type { UnitEntry } from '../../src/domain/indicators/index.ts';
import { defaultPlan } from '../../src/domain/plan/index.ts';
import { defaultReportSettings, type ReportSettings } from '../../src/domain/plan/reportSettings.ts';
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
const SIGNATURE_PAGE = [
  /Trên đây là báo cáo/,
  /Nơi nhận:/,
  /Sở Nội vụ tỉnh Lâm Đồng/,
  /Lưu: VT, VHXH\./,
  /TM\. ỦY BAN NHÂN DÂN/,
  /KT\. CHỦ TỊCH/,
  /PHÓ CHỦ TỊCH/,
];

/** Settings as an officer fills them: a signer, a longer list of recipients, words in every section. */
const SETTINGS: ReportSettings = {
  ...defaultReportSettings(COMMUNE),
  planNumber: '125',
  planDate: '2026-01-15',
  reportNumbers: { year: '245', q1: '', q2: '', q3: '178', q4: '' },
  signerName: 'Nguyễn Thị Hoa',
  recipients: [...defaultReportSettings(COMMUNE).recipients.slice(0, -1), 'Hội Liên hiệp Phụ nữ phường', 'Mặt trận Tổ quốc phường', 'Lưu: VT, VHXH'],
  direction: 'Ban hành Kế hoạch triển khai công tác bình đẳng giới năm 2026 và Tháng hành động vì bình đẳng giới.',
  causes: 'Một số tổ dân phố chưa bố trí được người phụ trách.\nKinh phí dành cho tuyên truyền còn hạn chế.',
  nextSteps: 'Tiếp tục tuyên truyền tại các tổ dân phố chưa được tiếp cận; duy trì các mô hình.',
  proposals: 'Đề nghị Sở Nội vụ tổ chức tập huấn cho cán bộ cơ sở.',
};
const SIGNED_PAGE = [...SIGNATURE_PAGE, /Mặt trận Tổ quốc phường;/, /Nguyễn Thị Hoa/];

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

describe("a quarter's Word report in pages, with the report settings", () => {
  let pages: Map<string, string[]>;

  beforeAll(async () => {
    ensureLibreOffice();
    const files = new Map<string, Buffer>();
    for (const count of UNIT_COUNTS) {
      const source = { commune: COMMUNE, units: communeOf(count), records: [], plan: defaultPlan(COMMUNE.id, 2026), asOf: '2026-11-20', settings: SETTINGS };
      files.set(`units-${count}`, await yearlyReportDocx(buildQuarterlyReport(source, 3)));
    }
    pages = docxPages(files);
  }, 600_000);

  it.each(UNIT_COUNTS)('keeps the closing line, Nơi nhận and the signed block on one page (%i units)', (count) => {
    const doc = pages.get(`units-${count}`) ?? [];
    expect(doc.length).toBeGreaterThan(1);
    const where = SIGNED_PAGE.map((pattern) => ({ pattern: String(pattern), pages: pagesWith(doc, pattern) }));
    expect(where).toEqual(SIGNED_PAGE.map((pattern) => ({ pattern: String(pattern), pages: [doc.length] })));
  });

  it('prints the numbers and words of the settings, and no blank to fill by hand', () => {
    const text = (pages.get('units-5') ?? []).join('\n');
    expect(text).toMatch(/Số: 178\/BC-UBND/);
    expect(text).toMatch(/Kế hoạch số 125\/KH-UBND ngày 15\/01\/2026/);
    expect(text).toMatch(/quý III năm 2026/);
    expect(text).toMatch(/Kinh phí dành cho tuyên truyền còn hạn chế\./);
    expect(text).not.toMatch(/\[|…/);
  });
});
