// Vietnamese wording of the exported documents. The app's catalogue (src/app/i18n) is not
// shared with the server, so the option labels are repeated here, typed against the domain's
// lists so a new option cannot be forgotten.
import type { IndicatorId, Target } from '../../src/domain/plan/index.ts';
import type { Verdict } from '../../src/domain/indicators/index.ts';
import type {
  ageBands,
  caseMeasures,
  caseReporters,
  caseStatuses,
  newsChannels,
  perpetratorRelations,
  propagandaForms,
  propagandaLanguages,
  propagandaTopics,
  sexes,
  supportServices,
  unitTypes,
  violenceActGroups,
} from '../../src/domain/index.ts';

type Labels<T extends readonly string[]> = Record<T[number], string>;

export const unitTypeLabels: Labels<typeof unitTypes> = {
  thon: 'thôn',
  ap: 'ấp',
  ban: 'bản',
  buon: 'buôn',
  toDanPho: 'tổ dân phố',
  khuPho: 'khu phố',
  commune: 'xã, phường',
};

/** "tổ dân phố" when every village unit is one; "thôn, tổ dân phố" for a mix. */
export function unitWord(types: readonly string[]): string {
  const distinct = [...new Set(types)].filter((t): t is keyof typeof unitTypeLabels => t in unitTypeLabels && t !== 'commune');
  return distinct.length === 0 ? 'thôn, tổ dân phố' : distinct.map((t) => unitTypeLabels[t]).join(', ');
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
    complaintsHandled: 'Phản ánh, kiến nghị liên quan đến bình đẳng giới được xem xét, xử lý',
    officerTrainings: 'Cán bộ phụ trách bình đẳng giới được tập huấn, bồi dưỡng ít nhất 01 lần/năm',
  };
  return names[id];
}

/** Counts in official documents are written with two digits below ten ("04 tin, bài"). */
export const twoDigits = (n: number) => (n < 10 ? `0${n}` : String(n));

const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
export const formatDecimal = (n: number) => decimal.format(n);

export function targetText(target: Target | null): string {
  if (!target) return 'Không đặt chỉ tiêu';
  switch (target.kind) {
    case 'countPerQuarter':
      return `Ít nhất ${twoDigits(target.min)}/quý`;
    case 'countPerYear':
      return `Ít nhất ${twoDigits(target.min)}/năm`;
    case 'percent':
      return `${formatDecimal(target.min)}%`;
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

export const optionLabels = {
  form: {
    loudspeaker: 'Phát thanh trên loa',
    villageMeeting: 'Họp thôn, tổ dân phố',
    conference: 'Hội nghị',
    thematicSession: 'Sinh hoạt chuyên đề',
    contest: 'Hội thi',
    talk: 'Tọa đàm, nói chuyện',
    bannersPosters: 'Băng rôn, pano, áp phích',
    socialMedia: 'Mạng xã hội',
    greatUnityDay: 'Ngày hội Đại đoàn kết',
    other: 'Hình thức khác',
  } satisfies Labels<typeof propagandaForms>,
  topics: {
    genderEqualityLaw: 'Luật Bình đẳng giới',
    domesticViolencePrevention: 'Phòng, chống bạo lực gia đình',
    genderBasedViolence: 'Phòng ngừa, ứng phó bạo lực trên cơ sở giới',
    sexRatioAtBirth: 'Mất cân bằng giới tính khi sinh',
    childMarriage: 'Tảo hôn, hôn nhân cận huyết thống',
    womenAdvancement: 'Vì sự tiến bộ của phụ nữ',
    other: 'Nội dung khác',
  } satisfies Labels<typeof propagandaTopics>,
  language: { vi: 'Tiếng Việt', minority: 'Tiếng dân tộc thiểu số' } satisfies Labels<typeof propagandaLanguages>,
  channel: {
    communePortal: 'Trang thông tin điện tử xã, phường',
    loudspeaker: 'Hệ thống truyền thanh cơ sở',
    socialMedia: 'Trang mạng xã hội',
    pressRadio: 'Báo, đài',
  } satisfies Labels<typeof newsChannels>,
  reportedBy: {
    villageHead: 'Trưởng thôn, tổ trưởng',
    victim: 'Nạn nhân',
    familyMember: 'Người trong gia đình',
    neighbour: 'Hàng xóm',
    police: 'Công an',
    school: 'Nhà trường',
    healthStation: 'Trạm Y tế',
    hotline: 'Đường dây nóng',
    massOrganisation: 'Đoàn thể (Hội Phụ nữ, …)',
    other: 'Khác',
  } satisfies Labels<typeof caseReporters>,
  acts: {
    physical: 'Bạo lực thể chất',
    psychological: 'Bạo lực tinh thần',
    sexual: 'Bạo lực tình dục',
    economic: 'Bạo lực kinh tế',
  } satisfies Labels<typeof violenceActGroups>,
  sex: { female: 'Nữ', male: 'Nam' } satisfies Labels<typeof sexes>,
  ageBand: { under16: 'Dưới 16 tuổi', from16to59: 'Từ 16 đến 59 tuổi', from60: 'Từ 60 tuổi trở lên' } satisfies Labels<typeof ageBands>,
  relation: {
    spouse: 'Vợ, chồng',
    formerSpouse: 'Vợ, chồng cũ',
    partner: 'Người chung sống',
    parent: 'Cha, mẹ',
    child: 'Con',
    sibling: 'Anh, chị, em',
    grandparentOrGrandchild: 'Ông bà, cháu',
    inLaw: 'Thông gia, dâu, rể',
    otherFamily: 'Người thân khác',
    other: 'Khác',
  } satisfies Labels<typeof perpetratorRelations>,
  support: {
    medical: 'Chăm sóc y tế',
    psychological: 'Tư vấn tâm lý',
    legalAid: 'Trợ giúp pháp lý',
    safePlace: 'Nơi tạm lánh, Địa chỉ tin cậy',
    socialAssistance: 'Trợ giúp xã hội',
  } satisfies Labels<typeof supportServices>,
  measures: {
    orderedToStop: 'Buộc chấm dứt hành vi bạo lực',
    medicalEmergency: 'Cấp cứu, điều trị',
    summoned: 'Mời làm việc, nhắc nhở',
    preventiveMeasure: 'Biện pháp ngăn chặn theo pháp luật',
    noContactOrder: 'Cấm tiếp xúc',
    safeShelter: 'Bố trí nơi tạm lánh',
    behaviourChangeEducation: 'Giáo dục, hỗ trợ chuyển đổi hành vi',
    childSeparation: 'Tạm thời tách trẻ em khỏi người gây bạo lực',
    communityService: 'Buộc thực hiện công việc phục vụ cộng đồng',
  } satisfies Labels<typeof caseMeasures>,
  status: { received: 'Đã tiếp nhận', verified: 'Đã xác minh', intervening: 'Đang can thiệp', closed: 'Đã kết thúc' } satisfies Labels<
    typeof caseStatuses
  >,
};

/** "2026-11-22" → "22/11/2026" */
export function slashDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}
