// The commune's report as a Word document (Decree 30/2020/NĐ-CP, Appendix I), for the year or for
// a quarter: the heading block with the agency lines and the report's number, the title, the
// sections with the figures and tables filled from the data and the officer's own words, "Nơi
// nhận" and the signature block, all from the year's report settings. A setting left empty leaves
// its words out; nothing is left for the officer to write by hand.
import { COMPLAINTS } from '../../src/domain/terms.ts';
import { AlignmentType, Document, Header, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import type { LocalDate } from '../../src/domain/index.ts';
import { periodFigures } from '../../src/domain/indicators/index.ts';
import { communeParts } from '../../src/domain/plan/reportSettings.ts';
import { A4, FONT, MARGINS, body, centred, columnWidth, dataTable, heading, rule, run, spacer, twoColumns } from './docxParts.ts';
import { lowerFirst, quarterNames, slashDate, twoDigits } from './labels.ts';
import { communeWorkText, periodName, propagandaText, shortcomingLines, violenceText } from './reportText.ts';
import type { UnitReview, YearlyReport } from './yearlyReport.ts';
import type { ReviewStatus } from '../../src/domain/review/review.ts';

/** "ngày 05 tháng 01 năm 2026": days below 10 and months below 3 take a leading zero. */
export function officialDate(date: LocalDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `ngày ${twoDigits(d)} tháng ${m < 3 ? twoDigits(m) : m} năm ${y}`;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];

/** The report's number of its period: the year's or the quarter's. */
const reportNumber = (report: YearlyReport) => (report.quarter ? report.settings.reportNumbers[`q${report.quarter}`] : report.settings.reportNumbers.year);

/** The officer's text as paragraphs, one per line written. */
const paragraphs = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => body(line));

function headingBlock(report: YearlyReport, place: string) {
  const leftWidth = columnWidth(0.4);
  const rightWidth = columnWidth(0.6);
  const number = reportNumber(report);
  return twoColumns(
    [
      ...report.settings.agencyLines.map((line) => centred(line, { bold: true, size: 12 })),
      rule(leftWidth / 3, leftWidth),
      ...(number ? [centred(`Số: ${number}/BC-UBND`, { size: 13 })] : []),
    ],
    [
      centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 12 }),
      centred('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 14 }),
      rule(rightWidth * 0.6, rightWidth),
      centred(`${place}, ${officialDate(report.asOf)}`, { italics: true, size: 14 }),
    ],
    0.4,
  );
}

function indicatorTable(report: YearlyReport) {
  const centre = [true, false, true, false, true];
  if (report.yearToDate) {
    const ytd = report.yearToDate;
    const rows = report.lines.map((line, i) => [String(i + 1), line.name, line.targetText, line.resultText, ytd[i]?.resultText ?? '', line.verdictText]);
    const headers = ['TT', 'Chỉ tiêu', 'Kế hoạch', `Kết quả ${lowerFirst(report.judged.name)}`, 'Lũy kế năm', 'Đánh giá'];
    return dataTable(headers, rows, [0.06, 0.29, 0.15, 0.19, 0.19, 0.12], [true, false, true, false, false, true]);
  }
  const rows = report.lines.map((line, i) => [String(i + 1), line.name, line.targetText, line.resultText, line.verdictText]);
  return dataTable(['TT', 'Chỉ tiêu', 'Kế hoạch', 'Kết quả', 'Đánh giá'], rows, [0.06, 0.36, 0.17, 0.27, 0.14], centre);
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function unitTable(report: YearlyReport) {
  const rows = report.table.rows.map((row, i) => {
    const ids = new Set(row.recordIds);
    const f = periodFigures(
      report.records.filter((e) => e.record && ids.has(e.record.id)),
      report.period,
    );
    return [
      String(i + 1),
      row.unit.name,
      String(f.propagandaSessions),
      `${f.womenParticipants}/${f.menParticipants}`,
      row.communeLevel ? '—' : `${f.householdVisits}/${row.unit.households}`,
      String(f.newsPosts),
      String(f.violenceCases),
      reviewText(report.review.get(row.unit.id), report.quarter),
    ];
  });
  const column = (index: number) => sum(rows.map((r) => Number(r[index]) || 0));
  const women = sum(rows.map((r) => Number(r[3]!.split('/')[0])));
  const men = sum(rows.map((r) => Number(r[3]!.split('/')[1])));
  rows.push(['', 'Tổng cộng', String(column(2)), `${women}/${men}`, '', String(column(5)), String(column(6)), '']);
  return dataTable(
    ['TT', 'Đơn vị', 'Buổi tuyên truyền', 'Lượt người dự (nữ/nam)', 'Lượt hộ/số hộ', 'Tin, bài', 'Vụ việc', 'Duyệt số liệu'],
    rows,
    [0.06, 0.24, 0.11, 0.14, 0.12, 0.08, 0.09, 0.16],
    [true, false, true, true, true, true, true, true],
  );
}

const yearWords: Record<ReviewStatus, string> = { accepted: 'Đã duyệt năm', submitted: 'Năm: chờ duyệt', returned: 'Năm: đã trả lại' };
const quarterWords: Record<ReviewStatus, string> = { accepted: 'đã duyệt', submitted: 'chờ duyệt', returned: 'đã trả lại' };

/**
 * The year's: "Đã duyệt năm", "Năm: đã trả lại", "Quý: 2 đã duyệt, 1 đã trả lại" or "Chưa gửi duyệt";
 * a quarter's: "Quý III: đã duyệt", "Quý III: đã trả lại" or "Chưa gửi duyệt". A period sent back is said so.
 */
export function reviewText(review: UnitReview | undefined, quarter?: 1 | 2 | 3 | 4): string {
  if (quarter) {
    const status = review?.byQuarter[quarter - 1];
    return status ? `${quarterNames[quarter - 1]}: ${quarterWords[status]}` : 'Chưa gửi duyệt';
  }
  if (review?.year) return yearWords[review.year];
  const quarters = (['accepted', 'submitted', 'returned'] as const).filter((status) => (review?.quarters[status] ?? 0) > 0);
  if (!review || quarters.length === 0) return 'Chưa gửi duyệt';
  return `Quý: ${quarters.map((status) => `${review.quarters[status]} ${quarterWords[status]}`).join(', ')}`;
}

function signatureBlock(report: YearlyReport) {
  const { recipients, signerLines, signerName } = report.settings;
  const recipient = (text: string, last: boolean) => new Paragraph({ children: [run(`- ${text.replace(/[;.,\s]+$/u, '')}${last ? '.' : ';'}`, { size: 11 })] });
  return twoColumns(
    [
      new Paragraph({ spacing: { before: 120 }, children: [run('Nơi nhận:', { bold: true, italics: true, size: 12 })] }),
      ...recipients.map((text, i) => recipient(text, i === recipients.length - 1)),
    ],
    [
      spacer(0),
      ...signerLines.map((line, i) => centred(line, { bold: true }, i === signerLines.length - 1 ? 1400 : 0)),
      ...(signerName.trim() ? [centred(signerName.trim(), { bold: true })] : []),
    ],
    0.5,
  );
}

function acceptedUnits(report: YearlyReport): string {
  const village = report.table.rows.filter((r) => !r.communeLevel);
  const accepted = (review: UnitReview | undefined) => (report.quarter ? review?.byQuarter[report.quarter - 1] : review?.year) === 'accepted';
  return `${village.filter((r) => accepted(report.review.get(r.unit.id))).length}/${village.length}`;
}

/** "Thực hiện Kế hoạch số 125/KH-UBND ngày 15/01/2026 của …": the number and the date only when given. */
function planReference(report: YearlyReport): string {
  const { planNumber, planDate } = report.settings;
  return `Kế hoạch${planNumber ? ` số ${planNumber}/KH-UBND` : ''}${planDate ? ` ngày ${slashDate(planDate)}` : ''}`;
}

export function yearlyReportDocument(report: YearlyReport): Document {
  const { level, place } = communeParts(report.commune.name);
  const f = report.figures;
  const asOf = slashDate(report.figuresTo);
  const period = periodName(report);
  const settings = report.settings;
  const sections: Array<{ title: string; children: Array<Paragraph | ReturnType<typeof dataTable>> }> = [];
  if (settings.direction.trim()) sections.push({ title: 'CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI', children: paragraphs(settings.direction) });
  sections.push({
    title: 'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU',
    children: [
      heading('1. Công tác thông tin, tuyên truyền'),
      body(propagandaText(report, level, f)),
      heading('2. Phòng ngừa, ứng phó với bạo lực trên cơ sở giới'),
      body(violenceText(report, f)),
      heading(`3. Mô hình, kiểm tra, tập huấn, xử lý ${COMPLAINTS.lower}`),
      body(communeWorkText(report, level, f)),
      heading('4. Kết quả thực hiện các chỉ tiêu'),
      indicatorTable(report),
      body([
        run(
          `Ghi chú: Vụ việc được xử lý kịp thời là vụ việc được chuyển sang bước can thiệp hoặc kết thúc trong vòng ` +
            `${report.plan.handledInTimeDays} ngày kể từ ngày phát hiện; vụ việc chưa xử lý nhưng còn trong thời hạn không tính. ` +
            `Số hộ được tiếp cận tính theo từng ${report.unitWord}, không vượt quá số hộ của đơn vị. ` +
            `Đầu mối tiếp nhận thông tin và mô hình tính khi đang hoạt động vào ngày cuối kỳ (hoặc ngày lập báo cáo nếu kỳ chưa kết thúc); ` +
            `${COMPLAINTS.lower} tính theo ngày tiếp nhận. Kết quả tính đến ngày ${asOf}.`,
          { italics: true, size: 12 },
        ),
      ]),
      heading(`5. Kết quả theo từng ${report.unitWord}`),
      unitTable(report),
      spacer(),
    ],
  });
  const shortcomings = [...shortcomingLines(report).map((line) => body(line)), ...paragraphs(settings.causes)];
  if (shortcomings.length > 0) sections.push({ title: 'HẠN CHẾ, NGUYÊN NHÂN', children: shortcomings });
  const ahead = [
    { title: 'Phương hướng', text: settings.nextSteps },
    { title: 'Kiến nghị, đề xuất', text: settings.proposals },
  ].filter((part) => part.text.trim());
  if (ahead.length > 0) {
    sections.push({
      title: 'PHƯƠNG HƯỚNG, KIẾN NGHỊ',
      children: ahead.flatMap((part, i) => [heading(`${i + 1}. ${part.title}`), ...paragraphs(part.text)]),
    });
  }
  const accepted = report.quarter ? `số liệu ${lowerFirst(quarterNames[report.quarter - 1]!)}` : 'số liệu năm';
  const children = [
    headingBlock(report, place),
    spacer(240),
    centred('BÁO CÁO', { bold: true }),
    centred(`Kết quả thực hiện công tác bình đẳng giới ${period}`, { bold: true }),
    rule(columnWidth(0.25), columnWidth(1), 240),
    body(
      `Thực hiện ${planReference(report)} của Ủy ban nhân dân ${level} ${place} về triển khai công tác bình đẳng giới ` +
        `trên địa bàn ${level} năm ${report.year}, Ủy ban nhân dân ${level} báo cáo kết quả thực hiện ${period} như sau (số liệu tổng hợp từ ` +
        `${report.recordCount} bản ghi của các ${report.unitWord} và của ${level} trên ứng dụng Sổ tay Bình đẳng, tính đến ngày ${asOf}; ` +
        `${accepted} của ${acceptedUnits(report)} ${report.unitWord} đã được duyệt` +
        `${report.basis === 'accepted' ? '; chỉ tính số liệu đã được duyệt' : ''}):`,
    ),
    ...sections.flatMap((section, i) => [heading(`${ROMAN[i]}. ${section.title}`), ...section.children]),
    body(`Trên đây là báo cáo kết quả thực hiện công tác bình đẳng giới ${period} trên địa bàn ${level} ${place}./.`, {}, true),
    signatureBlock(report),
  ];
  return new Document({
    creator: 'Sổ tay Bình đẳng',
    title: `Báo cáo kết quả thực hiện công tác bình đẳng giới ${period}`,
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [
      {
        properties: { page: { size: A4, margin: MARGINS }, titlePage: true },
        headers: {
          // Decree 30: page numbers centred at the top, from the second page.
          default: new Header({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 28 })] })],
          }),
          first: new Header({ children: [] }),
        },
        children,
      },
    ],
  });
}

export async function yearlyReportDocx(report: YearlyReport): Promise<Buffer> {
  return Packer.toBuffer(yearlyReportDocument(report));
}
