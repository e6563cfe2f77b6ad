// The report's data as an Excel workbook (the year's or a quarter's): the indicators by unit and
// period, then one sheet per checklist with Vietnamese headers. No violence case has a row of its own here: the cases
// count in the indicators only, and their list is a separate export (caseListXlsx.ts).
import { COMPLAINTS } from '../../src/domain/terms.ts';
import ExcelJS from 'exceljs';
import {
  countsAttendees,
  type Complaint,
  type ContactPoint,
  type Inspection,
  type NewsPost,
  type PreventionModel,
  type PropagandaSession,
  type Training,
} from '../../src/domain/index.ts';
import { defaultUnitTypes, unitTypeName } from '../../src/domain/setup/unitTypes.ts';
import { indicatorRows, indicatorSheetHeaders, indicatorSheetRow } from './indicatorRows.ts';
import { optionLabels, slashDate } from './labels.ts';
import type { YearlyReport } from './yearlyReport.ts';
import { addSheet, list, numeric } from './xlsxParts.ts';

export async function yearlyReportXlsx(report: YearlyReport): Promise<Buffer> {
  const unitName = new Map(report.units.map((u) => [u.id, u.name]));
  const { first, last } = report.range;
  const ofYear = report.records
    .filter((e) => !e.deleted && e.record && e.record.date >= first && e.record.date <= last)
    .map((e) => e.record!)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const sessions = ofYear.filter((r): r is PropagandaSession => r.kind === 'propagandaSession');
  const posts = ofYear.filter((r): r is NewsPost => r.kind === 'newsPost');
  const unit = (id: string) => unitName.get(id) ?? id;
  // Contact points and models set up before the period and still running in it are listed too.
  const standing = report.records
    .filter((e) => !e.deleted && e.record && e.record.date <= last)
    .map((e) => e.record!)
    .filter((r): r is ContactPoint | PreventionModel => (r.kind === 'contactPoint' || r.kind === 'preventionModel') && (r.stoppedOn ?? '9999') >= first)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const inspections = ofYear.filter((r): r is Inspection => r.kind === 'inspection');
  const trainings = ofYear.filter((r): r is Training => r.kind === 'training');
  const complaints = ofYear.filter((r): r is Complaint => r.kind === 'complaint');
  const day = (date: string | undefined) => (date ? slashDate(date) : '');

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sổ tay Bình đẳng';
  const figureWidths = report.columns.map(() => (report.columns.length > 2 ? 9 : 12));
  addSheet(
    workbook,
    'Chỉ tiêu',
    indicatorSheetHeaders(report),
    indicatorRows(report).map((row) => indicatorSheetRow(row).map(numeric)),
    [20, 46, 22, ...figureWidths, 14],
  );
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
      // A broadcast, a banner or a post counts no attendees: left blank.
      countsAttendees(s.form) ? (s.menCount ?? '') : '',
      countsAttendees(s.form) ? (s.womenCount ?? '') : '',
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
    COMPLAINTS.name,
    ['Ngày tiếp nhận', 'Nội dung', 'Ngày giải quyết xong', 'Ghi chú'],
    complaints.map((r) => [slashDate(r.date), optionLabels.complaintSubject[r.subject], day(r.handledOn), r.note ?? '']),
    [14, 24, 16, 40],
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
