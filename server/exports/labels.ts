// Vietnamese wording of the exported documents. The options' labels come from the domain
// (src/domain/optionLabels.ts), the same words the phone shows.
import { COMPLAINTS } from '../../src/domain/terms.ts';
import { optionLabelsVi } from '../../src/domain/optionLabels.ts';
import type { IndicatorId, Target } from '../../src/domain/plan/index.ts';
import type { Verdict } from '../../src/domain/indicators/index.ts';
import { defaultUnitTypes, unitTypeName, type UnitType } from '../../src/domain/setup/unitTypes.ts';

/** A type's name inside a sentence: "Tổ dân phố" → "tổ dân phố". */
export const lowerFirstWord = (name: string) => name.charAt(0).toLocaleLowerCase('vi') + name.slice(1);

/**
 * "tổ dân phố" when every village unit is one; "thôn, tổ dân phố" for a mix; the names come
 * from the commune's own list of unit types (a renamed type is written with its new name).
 */
export function unitWord(types: readonly string[], list: readonly UnitType[] = defaultUnitTypes): string {
  const distinct = [...new Set(types)].filter((t) => t !== 'commune');
  return distinct.length === 0 ? 'thôn, tổ dân phố' : distinct.map((t) => lowerFirstWord(unitTypeName(list, t))).join(', ');
}

export function indicatorName(id: IndicatorId, units: string): string {
  const names: Record<IndicatorId, string> = {
    newsPostsPerQuarter: 'Tin, bài tuyên truyền về bình đẳng giới được đăng tải mỗi quý',
    conferencesHeld: 'Hội nghị hoặc sinh hoạt chuyên đề về bình đẳng giới',
    unitsReachedByPropaganda: `Số ${units} được tuyên truyền ít nhất 01 lần/năm`,
    householdsReached: 'Hộ gia đình được tiếp cận thông tin về bình đẳng giới',
    casesHandledInTime: 'Vụ việc bạo lực gia đình, bạo lực trên cơ sở giới được phát hiện, xử lý hoặc can thiệp kịp thời',
    victimsReachedService: 'Nạn nhân có nhu cầu được tiếp cận ít nhất 01 dịch vụ hỗ trợ',
    perpetratorsCounselled: 'Người gây bạo lực được tư vấn, tham vấn',
    unitsWithContactPoint: `Số ${units} có đầu mối tiếp nhận thông tin về bạo lực`,
    preventionModels: 'Mô hình phòng, chống bạo lực gia đình được duy trì hiệu quả',
    inspections: 'Cuộc kiểm tra, giám sát về bình đẳng giới',
    complaintsHandled: `${COMPLAINTS.name} liên quan đến bình đẳng giới được xem xét, xử lý`,
    officerTrainings: 'Cán bộ phụ trách bình đẳng giới được tập huấn, bồi dưỡng ít nhất 01 lần/năm',
  };
  return names[id];
}

/** Counts in official documents are written with two digits below ten ("04 tin, bài"). */
export const twoDigits = (n: number) => (n < 10 ? `0${n}` : String(n));

const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
export const formatDecimal = (n: number) => decimal.format(n);

/** As the plan words it: "Ít nhất 04/quý", "100%", or with "Trên" for a target to pass ("Trên 90%"). */
export function targetText(target: Target | null): string {
  if (!target) return 'Không đặt chỉ tiêu';
  const word = target.compare === 'moreThan' ? 'Trên' : 'Ít nhất';
  switch (target.kind) {
    case 'countPerQuarter':
      return `${word} ${twoDigits(target.min)}/quý`;
    case 'countPerYear':
      return `${word} ${twoDigits(target.min)}/năm`;
    case 'percent':
      return target.compare === 'moreThan' ? `Trên ${formatDecimal(target.min)}%` : `${formatDecimal(target.min)}%`;
  }
}

export const verdictLabels: Record<Verdict, string> = {
  met: 'Đạt',
  notMet: 'Chưa đạt',
  behind: 'Chưa đạt',
  notApplicable: 'Không phát sinh',
  noData: '[Cán bộ đánh giá]',
  noTarget: '—',
};

export const quarterNames = ['Quý I', 'Quý II', 'Quý III', 'Quý IV'] as const;

export const optionLabels = optionLabelsVi;

/** "2026-11-22" → "22/11/2026" */
export function slashDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}
