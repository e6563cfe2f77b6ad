// The report's sentences from its figures, for the period it is about (the year or a quarter):
// propaganda, violence cases, the commune's own work, and what was not met.
import { occasionIds, occasionOn, type OccasionId } from '../../src/domain/plan/index.ts';
import { COMPLAINTS } from '../../src/domain/terms.ts';
import type { PeriodFigures } from '../../src/domain/indicators/index.ts';
import { lowerFirst, optionLabels, quarterNames, twoDigits } from './labels.ts';
import { ratioText, type YearlyReport } from './yearlyReport.ts';

/** "năm 2026" or "quý III năm 2026". */
export const periodName = (report: YearlyReport) =>
  report.quarter ? `${lowerFirst(quarterNames[report.quarter - 1]!)} năm ${report.year}` : `năm ${report.year}`;

/** "Trong năm" or "Trong quý". */
const within = (report: YearlyReport) => (report.quarter ? 'Trong quý' : 'Trong năm');

const occasionNames: Record<OccasionId, string> = {
  actionMonth: 'Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới (15/11 - 15/12)',
  familyDay: 'Ngày Gia đình Việt Nam (28/6)',
  womensDay: 'Ngày Phụ nữ Việt Nam (20/10)',
};

/** What was held for the occasions of the year (calendar.ts): " Hưởng ứng …: 3 buổi tuyên truyền, 2 tin, bài; …." or nothing. */
export function occasionsText(report: YearlyReport): string {
  const held = new Map<OccasionId, { sessions: number; posts: number }>();
  for (const entry of report.records) {
    const record = entry.record;
    if (entry.deleted || !record || record.date < report.range.first || record.date > report.figuresTo) continue;
    if (record.kind !== 'propagandaSession' && record.kind !== 'newsPost') continue;
    const occasion = occasionOn(record.date);
    if (!occasion) continue;
    const counts = held.get(occasion) ?? { sessions: 0, posts: 0 };
    if (record.kind === 'propagandaSession') counts.sessions += 1;
    else counts.posts += 1;
    held.set(occasion, counts);
  }
  const parts = occasionIds.flatMap((id) => {
    const counts = held.get(id);
    if (!counts) return [];
    const what = [counts.sessions > 0 ? `${counts.sessions} buổi tuyên truyền` : '', counts.posts > 0 ? `${counts.posts} tin, bài` : ''].filter(Boolean);
    return [`${occasionNames[id]}: ${what.join(', ')}`];
  });
  return parts.length === 0 ? '' : ` Hưởng ứng ${parts.join('; ')}.`;
}

export function propagandaText(report: YearlyReport, level: string, f: PeriodFigures): string {
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
    `(${quarters})${channels ? `, gồm ${channels}` : ''}.${occasionsText(report)}`
  );
}

export function violenceText(report: YearlyReport, f: PeriodFigures): string {
  if (f.violenceCases === 0) return `${within(report)}, ứng dụng không ghi nhận vụ việc bạo lực gia đình, bạo lực trên cơ sở giới nào.`;
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
export function communeWorkText(report: YearlyReport, level: string, f: PeriodFigures): string {
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
      ? `${within(report)} không tiếp nhận ${COMPLAINTS.lower} nào liên quan đến bình đẳng giới.`
      : `Tiếp nhận ${twoDigits(f.complaintsReceived)} ${COMPLAINTS.lower}; đã giải quyết xong ${handledText}.`)
  );
}

/** Each indicator not met (or behind), and the units no session reached, as lines of section III. */
export function shortcomingLines(report: YearlyReport): string[] {
  const lines = report.lines
    .filter((l) => l.cell.verdict === 'notMet' || l.cell.verdict === 'behind')
    .map((l) => `- Chỉ tiêu “${l.name}” chưa đạt: kết quả ${l.resultText}; kế hoạch: ${lowerFirst(l.targetText)}.`);
  const unreached = report.table.rows.filter((r) => !r.communeLevel && r.cells.unitsReachedByPropaganda.verdict !== 'met');
  if (unreached.length > 0) {
    lines.push(`- Các ${report.unitWord} chưa tổ chức tuyên truyền ${within(report).toLowerCase()}: ${unreached.map((r) => r.unit.name).join(', ')}.`);
  }
  return lines;
}
