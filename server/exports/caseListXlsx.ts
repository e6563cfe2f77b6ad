// The commune's violence cases of a year, one row per case: a workbook of its own, for the
// commune's officer, never part of what goes to the province. Enough to point to a family in a
// group of 190 households, so it is marked MẬT at the top of every printed page, its file name
// says so, and each case it lists is logged as read (case access, via "export"). The case's
// free-text notes are never written.
import ExcelJS from 'exceljs';
import type { ViolenceCase } from '../../src/domain/index.ts';
import { optionLabels, slashDate } from './labels.ts';
import type { YearlyReport } from './yearlyReport.ts';
import { addSheet, list, yesNo } from './xlsxParts.ts';

export const CASE_SHEET = 'Vụ việc (MẬT)';
/** Centred, bold, 14 pt, at the top of every page (Excel's header codes). */
export const SECRECY_HEADER = '&C&"Times New Roman,Bold"&14MẬT';

/** The year's live cases, by date of detection: the rows of the list, each one logged as read. */
export function casesOfYear(report: YearlyReport): ViolenceCase[] {
  return report.records
    .filter((e) => !e.deleted && e.record?.kind === 'violenceCase' && e.record.date.startsWith(`${report.year}-`))
    .map((e) => e.record as ViolenceCase)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export async function caseListXlsx(report: YearlyReport): Promise<Buffer> {
  const unitName = new Map(report.units.map((u) => [u.id, u.name]));
  const unit = (id: string) => unitName.get(id) ?? id;
  const cases = casesOfYear(report);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sổ tay Bình đẳng';
  workbook.title = `Danh sách vụ việc năm ${report.year} (MẬT)`;
  addSheet(
    workbook,
    CASE_SHEET,
    [
      'Mã vụ việc',
      'Ngày phát hiện',
      'Đơn vị',
      'Người báo tin',
      'Hành vi bạo lực',
      'Giới tính nạn nhân',
      'Độ tuổi nạn nhân',
      'Giới tính người gây bạo lực',
      'Quan hệ với nạn nhân',
      'Nạn nhân cần hỗ trợ',
      'Dịch vụ hỗ trợ đã tiếp cận',
      'Biện pháp đã áp dụng',
      'Người gây bạo lực được tư vấn',
      'Chuyển Công an',
      'Tình trạng',
      'Ngày can thiệp',
      'Ngày kết thúc',
    ],
    // Only listed fields: the case's free-text notes stay out of every export.
    cases.map((c) => [
      c.caseCode,
      slashDate(c.date),
      unit(c.unitId),
      optionLabels.reportedBy[c.reportedBy],
      list(optionLabels.acts, c.acts),
      optionLabels.sex[c.victimSex],
      optionLabels.ageBand[c.victimAgeBand],
      optionLabels.sex[c.perpetratorSex],
      optionLabels.relation[c.perpetratorRelation],
      yesNo(c.victimNeedsSupport),
      list(optionLabels.support, c.supportServices),
      list(optionLabels.measures, c.measures),
      yesNo(c.perpetratorCounselled),
      yesNo(c.referredToPolice),
      optionLabels.status[c.status],
      c.statusDates.intervening ? slashDate(c.statusDates.intervening) : '',
      c.statusDates.closed ? slashDate(c.statusDates.closed) : '',
    ]),
    [14, 12, 20, 18, 24, 10, 14, 10, 16, 10, 24, 28, 10, 10, 14, 12, 12],
    { pageHeader: SECRECY_HEADER },
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
