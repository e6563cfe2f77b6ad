// The province screen's words, in Vietnamese. Kept apart from vi.ts so that they travel in the
// province screen's own chunk and a village head's phone never downloads them; province.en.ts
// holds the same keys in English, and catalogue.test.ts keeps the two in step.
export const provinceVi = {
  title: 'Chỉ tiêu bình đẳng giới các xã, phường',
  notReportedTitle: 'Xã, phường chưa có số liệu {period}',
  notReportedNone: 'Tất cả xã, phường đã có số liệu {period}.',
  overdue: 'quá hạn {date}',
  dueBy: 'hạn {date}',
  tableTitle: 'Kết quả theo xã, phường',
  commune: 'Xã, phường',
  serverNote: 'Số liệu do máy chủ tính từ các bản ghi các xã, phường đã gửi, đến ngày {date}. Mỗi xã, phường được so với kế hoạch của chính mình.',
  behindSummary: '{n}/{total} xã, phường có chỉ tiêu chưa đạt.',
  notReportedMark: 'chưa có số liệu',
  periodQuarter: 'quý {q}/{year}',
  periodYear: 'năm {year}',
  target: 'Kế hoạch: {target}',
  pending: '{n} vụ đang trong hạn xử lý',
  offline: 'Không có mạng. Đang xem số liệu tải lần trước ({date}).',
  offlineEmpty: 'Cần có mạng để xem số liệu các xã, phường.',
  failed: 'Không tải được số liệu. Hãy thử lại.',
  retry: 'Thử lại',
};

export type ProvinceCatalogue = typeof provinceVi;
