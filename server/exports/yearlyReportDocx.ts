// The commune's yearly report as a Word document (Decree 30/2020/NĐ-CP, Appendix I): the
// heading block, the title, sections I–IV with the figures and tables filled from the data,
// brackets where the officer writes, "Nơi nhận" and the signature block.
import { AlignmentType, Document, Header, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import type { LocalDate } from '../../src/domain/index.ts';
import { periodFigures, type PeriodFigures } from '../../src/domain/indicators/index.ts';
import { A4, FONT, MARGINS, body, centred, columnWidth, dataTable, heading, placeholder, rule, run, spacer, twoColumns } from './docxParts.ts';
import { optionLabels, quarterNames, slashDate, twoDigits } from './labels.ts';
import { ratioText, type UnitReview, type YearlyReport } from './yearlyReport.ts';
import type { ReviewStatus } from '../../src/domain/review/review.ts';
import { COMPLAINTS } from '../../src/domain/terms.ts';

/** "Phường Nam Gia Nghĩa" → { level: "phường", place: "Nam Gia Nghĩa" }. */
export function communeParts(name: string): { level: string; place: string } {
  const match = /^(xã|phường|đặc khu|thị trấn)\s+(.+)$/iu.exec(name.trim());
  return match ? { level: match[1]!.toLowerCase(), place: match[2]! } : { level: 'xã', place: name.trim() };
}

/** "ngày 05 tháng 01 năm 2026": days below 10 and months below 3 take a leading zero. */
export function officialDate(date: LocalDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `ngày ${twoDigits(d)} tháng ${m < 3 ? twoDigits(m) : m} năm ${y}`;
}

function headingBlock(report: YearlyReport, level: string, place: string) {
  const leftWidth = columnWidth(0.4);
  const rightWidth = columnWidth(0.6);
  return twoColumns(
    [
      centred('ỦY BAN NHÂN DÂN', { bold: true, size: 12 }),
      centred(`${level} ${place}`.toUpperCase(), { bold: true, size: 12 }),
      rule(leftWidth / 3, leftWidth),
      centred('Số:        /BC-UBND', { size: 13 }),
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

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function propagandaText(report: YearlyReport, level: string, f: PeriodFigures): string {
  const reached = report.table.commune.unitsReachedByPropaganda.value;
  const news = report.table.commune.newsPostsPerQuarter.value;
  const quarters = news.kind === 'count' ? news.byQuarter.map((q) => `${quarterNames[q.quarter - 1]}: ${q.count}`).join('; ') : '';
  const channels = Object.entries(f.postsByChannel)
    .filter(([, n]) => n > 0)
    .map(([channel, n]) => `${optionLabels.channel[channel as keyof typeof optionLabels.channel].toLowerCase()}: ${n}`)
    .join('; ');
  const minority = f.minorityLanguageSessions > 0 ? ` Có ${f.minorityLanguageSessions} buổi tuyên truyền bằng tiếng dân tộc thiểu số.` : '';
  const reachedText = reached.kind === 'ratio' ? `${reached.numerator}/${reached.denominator} ${report.unitWord}` : '';
  return (
    `Toàn ${level} tổ chức ${f.propagandaSessions} buổi tuyên truyền, trong đó ${f.sessionsByForm.conference} hội nghị và ` +
    `${f.sessionsByForm.thematicSession} buổi sinh hoạt chuyên đề; thu hút ${f.menParticipants + f.womenParticipants} lượt người tham dự ` +
    `(${f.womenParticipants} lượt nữ, ${f.menParticipants} lượt nam); tiếp cận ${f.householdVisits} lượt hộ gia đình; ` +
    `${reachedText} được tuyên truyền ít nhất 01 lần.${minority} Đăng tải ${f.newsPosts} tin, bài về bình đẳng giới ` +
    `(${quarters})${channels ? `, gồm ${channels}` : ''}.`
  );
}

function violenceText(report: YearlyReport, f: PeriodFigures): string {
  if (f.violenceCases === 0) return 'Trong năm, ứng dụng không ghi nhận vụ việc bạo lực gia đình, bạo lực trên cơ sở giới nào.';
  const c = report.table.commune;
  const ratio = (id: 'casesHandledInTime' | 'victimsReachedService' | 'perpetratorsCounselled') => {
    const v = c[id].value;
    return v.kind === 'ratio' ? ratioText(v.numerator, v.denominator) : '';
  };
  const handled = c.casesHandledInTime.value;
  const pending = handled.kind === 'ratio' && handled.pendingIds?.length ? ` (${handled.pendingIds.length} vụ còn trong thời hạn xử lý)` : '';
  const ages = Object.entries(f.victimsByAgeBand)
    .filter(([, n]) => n > 0)
    .map(([band, n]) => `${optionLabels.ageBand[band as keyof typeof optionLabels.ageBand].toLowerCase()}: ${n}`)
    .join('; ');
  return (
    `Phát hiện, tiếp nhận ${f.violenceCases} vụ việc bạo lực gia đình, bạo lực trên cơ sở giới (nạn nhân nữ: ${f.victimsBySex.female}, ` +
    `nam: ${f.victimsBySex.male}; ${ages}). Số vụ được xử lý, can thiệp kịp thời: ${ratio('casesHandledInTime')}${pending}. ` +
    `Nạn nhân có nhu cầu được tiếp cận ít nhất 01 dịch vụ hỗ trợ: ${ratio('victimsReachedService')}. ` +
    `Người gây bạo lực được tư vấn, tham vấn: ${ratio('perpetratorsCounselled')}. Chuyển cơ quan Công an: ${f.casesReferredToPolice} vụ.`
  );
}

/** The commune checklist in words: contact points, models, inspections, trainings, complaints. */
function communeWorkText(report: YearlyReport, level: string, f: PeriodFigures): string {
  const c = report.table.commune;
  const contact = c.unitsWithContactPoint.value;
  const models = c.preventionModels.value;
  const complaints = c.complaintsHandled.value;
  const contactText = contact.kind === 'ratio' ? `${contact.numerator}/${contact.denominator} ${report.unitWord}` : '';
  const modelCount = models.kind === 'count' ? models.count : 0;
  const handledText = complaints.kind === 'ratio' ? ratioText(complaints.numerator, complaints.denominator) : '';
  return (
    `${contactText} có đầu mối (địa chỉ tin cậy) tiếp nhận thông tin về bạo lực đang hoạt động; ` +
    `duy trì ${twoDigits(modelCount)} mô hình phòng, chống bạo lực gia đình. ` +
    `Ủy ban nhân dân ${level} tổ chức ${twoDigits(f.inspections)} cuộc kiểm tra, giám sát về bình đẳng giới; ` +
    `${twoDigits(f.trainings)} lớp tập huấn, bồi dưỡng với ${f.trainingMen + f.trainingWomen} lượt người tham dự ` +
    `(${f.trainingWomen} lượt nữ, ${f.trainingMen} lượt nam). ` +
    (f.complaintsReceived === 0
      ? `Trong năm không tiếp nhận ${COMPLAINTS.lower} nào liên quan đến bình đẳng giới.`
      : `Tiếp nhận ${twoDigits(f.complaintsReceived)} ${COMPLAINTS.lower}; đã giải quyết xong ${handledText}.`)
  );
}

function indicatorTable(report: YearlyReport) {
  const rows = report.lines.map((line, i) => [String(i + 1), line.name, line.targetText, line.resultText, line.verdictText]);
  return dataTable(['TT', 'Chỉ tiêu', 'Kế hoạch', 'Kết quả', 'Đánh giá'], rows, [0.06, 0.36, 0.17, 0.27, 0.14], [true, false, true, false, true]);
}

function unitTable(report: YearlyReport) {
  const rows = report.table.rows.map((row, i) => {
    const ids = new Set(row.recordIds);
    const f = periodFigures(
      report.records.filter((e) => e.record && ids.has(e.record.id)),
      { year: report.year },
    );
    return [
      String(i + 1),
      row.unit.name,
      String(f.propagandaSessions),
      `${f.womenParticipants}/${f.menParticipants}`,
      row.communeLevel ? '—' : `${f.householdVisits}/${row.unit.households}`,
      String(f.newsPosts),
      String(f.violenceCases),
      reviewText(report.review.get(row.unit.id)),
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

/** "Đã duyệt năm", "Năm: đã trả lại", "Quý: 2 đã duyệt, 1 đã trả lại" or "Chưa gửi duyệt": a period sent back is said so. */
export function reviewText(review: UnitReview | undefined): string {
  if (review?.year) return yearWords[review.year];
  const quarters = (['accepted', 'submitted', 'returned'] as const).filter((status) => (review?.quarters[status] ?? 0) > 0);
  if (!review || quarters.length === 0) return 'Chưa gửi duyệt';
  return `Quý: ${quarters.map((status) => `${review.quarters[status]} ${quarterWords[status]}`).join(', ')}`;
}

function shortcomings(report: YearlyReport): Paragraph[] {
  const lines = report.lines
    .filter((l) => l.cell.verdict === 'notMet' || l.cell.verdict === 'behind')
    .map((l) => body(`- Chỉ tiêu “${l.name}” chưa đạt: kết quả ${l.resultText}; kế hoạch: ${lowerFirst(l.targetText)}.`));
  const unreached = report.table.rows.filter((r) => !r.communeLevel && r.cells.unitsReachedByPropaganda.verdict !== 'met');
  if (unreached.length > 0) {
    lines.push(body(`- Các ${report.unitWord} chưa tổ chức tuyên truyền trong năm: ${unreached.map((r) => r.unit.name).join(', ')}.`));
  }
  const noData = report.lines.filter((l) => l.cell.value.kind === 'noData').length;
  if (noData > 0) lines.push(body(`- ${noData} chỉ tiêu chưa có số liệu trên ứng dụng, cán bộ tổng hợp bổ sung.`));
  return lines;
}

function signatureBlock(report: YearlyReport, level: string) {
  const recipient = (text: string) => new Paragraph({ children: [run(text, { size: 11 })] });
  return twoColumns(
    [
      new Paragraph({ spacing: { before: 120 }, children: [run('Nơi nhận:', { bold: true, italics: true, size: 12 })] }),
      recipient(`- Sở Nội vụ tỉnh ${report.commune.provinceName} (b/c);`),
      recipient(`- TT. Đảng ủy ${level};`),
      recipient(`- TT. HĐND ${level};`),
      recipient(`- CT, các PCT UBND ${level};`),
      recipient('- Lưu: VT, VHXH.'),
    ],
    [
      spacer(0),
      centred('TM. ỦY BAN NHÂN DÂN', { bold: true }),
      centred('KT. CHỦ TỊCH', { bold: true }),
      centred('PHÓ CHỦ TỊCH', { bold: true }, 1400),
      centred('[Họ và tên]', { bold: true }),
    ],
    0.5,
  );
}

function acceptedUnits(report: YearlyReport): string {
  const village = report.table.rows.filter((r) => !r.communeLevel);
  return `${village.filter((r) => report.review.get(r.unit.id)?.year === 'accepted').length}/${village.length}`;
}

export function yearlyReportDocument(report: YearlyReport): Document {
  const { level, place } = communeParts(report.commune.name);
  const f = report.figures;
  const asOf = slashDate(report.asOf);
  const children = [
    headingBlock(report, level, place),
    spacer(240),
    centred('BÁO CÁO', { bold: true }),
    centred(`Kết quả thực hiện công tác bình đẳng giới năm ${report.year}`, { bold: true }),
    rule(columnWidth(0.25), columnWidth(1), 240),
    body(
      `Thực hiện Kế hoạch số      /KH-UBND ngày      của Ủy ban nhân dân ${level} ${place} về triển khai công tác bình đẳng giới ` +
        `trên địa bàn ${level} năm ${report.year}, Ủy ban nhân dân ${level} báo cáo kết quả thực hiện như sau (số liệu tổng hợp từ ` +
        `${report.recordCount} bản ghi của các ${report.unitWord} và của ${level} trên ứng dụng Sổ tay Bình đẳng, tính đến ngày ${asOf}; ` +
        `số liệu năm của ${acceptedUnits(report)} ${report.unitWord} đã được duyệt` +
        `${report.basis === 'accepted' ? '; chỉ tính số liệu đã được duyệt' : ''}):`,
    ),
    heading('I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI'),
    placeholder('Cán bộ bổ sung: các văn bản chỉ đạo, kế hoạch đã ban hành; việc kiện toàn Ban Vì sự tiến bộ của phụ nữ; phân công cán bộ phụ trách'),
    heading('II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU'),
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
    heading('III. HẠN CHẾ, NGUYÊN NHÂN'),
    ...shortcomings(report),
    placeholder('Cán bộ bổ sung nguyên nhân của các hạn chế'),
    heading('IV. PHƯƠNG HƯỚNG, KIẾN NGHỊ'),
    heading('1. Phương hướng'),
    placeholder(`Cán bộ bổ sung phương hướng, nhiệm vụ năm ${report.year + 1}`),
    heading('2. Kiến nghị, đề xuất'),
    placeholder('Cán bộ bổ sung kiến nghị, đề xuất (nếu có)'),
    body(`Trên đây là báo cáo kết quả thực hiện công tác bình đẳng giới năm ${report.year} trên địa bàn ${level} ${place}./.`, {}, true),
    signatureBlock(report, level),
  ];
  return new Document({
    creator: 'Sổ tay Bình đẳng',
    title: `Báo cáo kết quả thực hiện công tác bình đẳng giới năm ${report.year}`,
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
