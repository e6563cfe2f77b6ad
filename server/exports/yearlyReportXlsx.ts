// The report's data as an Excel workbook: the indicators by unit and quarter, then one sheet
// per checklist with Vietnamese headers. A violence case's free-text notes are never written.
import ExcelJS from 'exceljs';
import type { Complaint, ContactPoint, Inspection, NewsPost, PreventionModel, PropagandaSession, Training, ViolenceCase } from '../../src/domain/index.ts';
import { defaultUnitTypes, unitTypeName } from '../../src/domain/setup/unitTypes.ts';
import { indicatorRows, indicatorSheetHeaders, indicatorSheetRow } from './indicatorRows.ts';
import { optionLabels, slashDate } from './labels.ts';
import type { YearlyReport } from './yearlyReport.ts';

type Cell = string | number;

/**
 * One sheet: a bold, shaded header row that stays on screen and repeats on every printed page;
 * wrapped text in columns of set widths; A4, landscape when the columns are wider than a
 * portrait page, scaled to the page's width (LibreOffice and Excel print it on whole pages).
 */
function addSheet(workbook: ExcelJS.Workbook, name: string, headers: string[], rows: Cell[][], widths: number[]): void {
  const totalWidth = headers.reduce((sum, _, i) => sum + (widths[i] ?? 14), 0);
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: {
      paperSize: 9,
      orientation: totalWidth > 95 ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `${name} – Trang &P/&N` },
  });
  const border = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
  const borders = { top: border, left: border, bottom: border, right: border };
  // Styles set on the columns before the rows are added: every new cell takes them (cheap on 10,000 rows).
  sheet.columns = headers.map((_, i) => {
    const width = widths[i] ?? 14;
    // Narrow columns hold figures: centred, so "4" and "1/5" line up.
    return { width, style: { alignment: { wrapText: true, vertical: 'top', horizontal: width <= 10 ? 'center' : 'left' }, border: borders } };
  });
  const header = sheet.addRow(headers);
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF0' } };
  });
  // Row heights are set here: LibreOffice does not grow a row to its wrapped text on opening.
  const heightOf = (cells: readonly Cell[]) => {
    let lines = 1;
    cells.forEach((value, i) => {
      const perLine = Math.max(1, Math.floor((widths[i] ?? 14) * 0.95));
      lines = Math.max(lines, Math.ceil(String(value).length / perLine));
    });
    return 15 * Math.min(lines, 8) + 2;
  };
  header.height = heightOf(headers);
  for (const row of rows) sheet.addRow(row).height = heightOf(row);
  if (rows.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
}

/** A count written as text ("4") becomes a number, so the sheet can add it up; "2/3" stays text. */
const numeric = (value: string): Cell => (/^\d+$/.test(value) ? Number(value) : value);

const yesNo = (value: boolean) => (value ? 'Có' : 'Không');
const list = <K extends string>(labels: Record<K, string>, keys: readonly K[]) => keys.map((k) => labels[k]).join('; ');

/** The violence cases the workbook lists one per row (its "Vụ việc" sheet): each is logged as read. */
export function casesListedInXlsx(report: YearlyReport): string[] {
  return report.records
    .filter((e) => !e.deleted && e.record?.kind === 'violenceCase' && e.record.date.startsWith(`${report.year}-`))
    .map((e) => e.record!.id);
}

export async function yearlyReportXlsx(report: YearlyReport): Promise<Buffer> {
  const unitName = new Map(report.units.map((u) => [u.id, u.name]));
  const ofYear = report.records
    .filter((e) => !e.deleted && e.record && e.record.date.startsWith(`${report.year}-`))
    .map((e) => e.record!)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const sessions = ofYear.filter((r): r is PropagandaSession => r.kind === 'propagandaSession');
  const posts = ofYear.filter((r): r is NewsPost => r.kind === 'newsPost');
  const cases = ofYear.filter((r): r is ViolenceCase => r.kind === 'violenceCase');
  const unit = (id: string) => unitName.get(id) ?? id;
  // Contact points and models set up in earlier years and still running in this one are listed too.
  const standing = report.records
    .filter((e) => !e.deleted && e.record && e.record.date <= `${report.year}-12-31`)
    .map((e) => e.record!)
    .filter((r): r is ContactPoint | PreventionModel => (r.kind === 'contactPoint' || r.kind === 'preventionModel') && (r.stoppedOn ?? '9999') >= `${report.year}-01-01`)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const inspections = ofYear.filter((r): r is Inspection => r.kind === 'inspection');
  const trainings = ofYear.filter((r): r is Training => r.kind === 'training');
  const complaints = ofYear.filter((r): r is Complaint => r.kind === 'complaint');
  const day = (date: string | undefined) => (date ? slashDate(date) : '');

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sổ tay Bình đẳng';
  addSheet(workbook, 'Chỉ tiêu', indicatorSheetHeaders, indicatorRows(report).map((row) => indicatorSheetRow(row).map(numeric)), [20, 46, 22, 9, 9, 9, 9, 9, 14]);
  const types = report.unitTypes ?? defaultUnitTypes;
  addSheet(
    workbook,
    'Đơn vị',
    ['Mã', 'Tên đơn vị', 'Loại đơn vị', 'Số hộ', 'Tình trạng'],
    report.units.map((u) => [
      u.id,
      u.name,
      u.type === 'commune' ? 'UBND cấp xã' : unitTypeName(types, u.type),
      u.type === 'commune' ? '' : u.households,
      u.mergedInto ? `Đã sáp nhập vào ${unit(u.mergedInto)}` : u.retired ? 'Ngừng theo dõi' : 'Đang theo dõi',
    ]),
    [16, 28, 18, 10, 30],
  );
  addSheet(
    workbook,
    'Tuyên truyền',
    ['Ngày', 'Đơn vị', 'Hình thức', 'Nội dung', 'Nam', 'Nữ', 'Số hộ', 'Ngôn ngữ', 'Ghi chú'],
    sessions.map((s) => [
      slashDate(s.date),
      unit(s.unitId),
      optionLabels.form[s.form],
      list(optionLabels.topics, s.topics),
      s.menCount,
      s.womenCount,
      s.householdsReached,
      s.language === 'minority' ? (s.minorityLanguage ?? optionLabels.language.minority) : optionLabels.language.vi,
      s.note ?? '',
    ]),
    [12, 20, 22, 36, 8, 8, 8, 16, 30],
  );
  addSheet(
    workbook,
    'Tin, bài',
    ['Ngày', 'Đơn vị', 'Kênh đăng', 'Tiêu đề', 'Đường dẫn', 'Ghi chú'],
    posts.map((p) => [slashDate(p.date), unit(p.unitId), optionLabels.channel[p.channel], p.title, p.link ?? '', p.note ?? '']),
    [12, 20, 28, 48, 36, 30],
  );
  addSheet(
    workbook,
    'Vụ việc',
    [
      'Mã vụ việc', 'Ngày phát hiện', 'Đơn vị', 'Người báo tin', 'Hành vi bạo lực', 'Giới tính nạn nhân', 'Độ tuổi nạn nhân',
      'Giới tính người gây bạo lực', 'Quan hệ với nạn nhân', 'Nạn nhân cần hỗ trợ', 'Dịch vụ hỗ trợ đã tiếp cận', 'Biện pháp đã áp dụng',
      'Người gây bạo lực được tư vấn', 'Chuyển Công an', 'Tình trạng', 'Ngày can thiệp', 'Ngày kết thúc',
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
  );
  addSheet(
    workbook,
    'Đầu mối, mô hình',
    ['Đơn vị', 'Loại', 'Tên, người làm đầu mối', 'Bắt đầu', 'Ngừng', 'Ghi chú'],
    standing.map((r) =>
      r.kind === 'contactPoint'
        ? [unit(r.unitId), 'Đầu mối tiếp nhận thông tin', optionLabels.keeper[r.keeper], slashDate(r.date), day(r.stoppedOn), r.note ?? '']
        : [unit(r.unitId), `Mô hình: ${optionLabels.modelType[r.modelType]}`, r.name, slashDate(r.date), day(r.stoppedOn), r.note ?? ''],
    ),
    [20, 30, 36, 12, 12, 30],
  );
  addSheet(
    workbook,
    'Kiểm tra',
    ['Ngày', 'Nội dung', 'Đối tượng, địa bàn', 'Số vi phạm', 'Ghi chú'],
    inspections.map((r) => [slashDate(r.date), optionLabels.inspectionSubject[r.subject], r.scope, r.violationsFound, r.note ?? '']),
    [12, 30, 40, 10, 30],
  );
  addSheet(
    workbook,
    'Tập huấn',
    ['Ngày', 'Tên lớp', 'Thành phần', 'Nam', 'Nữ', 'Ghi chú'],
    trainings.map((r) => [slashDate(r.date), r.title, list(optionLabels.audience, r.audience), r.menCount, r.womenCount, r.note ?? '']),
    [12, 40, 30, 8, 8, 30],
  );
  addSheet(
    workbook,
    'Khiếu nại',
    ['Ngày tiếp nhận', 'Nội dung', 'Ngày giải quyết xong', 'Ghi chú'],
    complaints.map((r) => [slashDate(r.date), optionLabels.complaintSubject[r.subject], day(r.handledOn), r.note ?? '']),
    [14, 24, 16, 40],
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
