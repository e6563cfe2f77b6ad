// Every 4xx/5xx answer has one shape: a machine-readable code, a Vietnamese message for
// the user, and the fields at fault. Messages never echo what was sent (it may be sensitive).
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody } from '../../src/domain/index.ts';

export type FieldError = { path: string; code: string };

export const errorMessages = {
  invalid_body: 'Dữ liệu gửi lên không hợp lệ.',
  invalid_query: 'Tham số truy vấn không hợp lệ.',
  body_too_large: 'Dữ liệu gửi lên quá lớn.',
  unauthorized: 'Phiên đăng nhập không hợp lệ. Vui lòng đăng nhập lại.',
  forbidden: 'Tài khoản này không có quyền thực hiện thao tác này.',
  bad_credentials: 'Tên đăng nhập hoặc mã PIN không đúng.',
  device_mismatch: 'Mã thiết bị không khớp với phiên đăng nhập.',
  change_id_reused: 'Mã thay đổi đã được dùng cho một nội dung khác.',
  seq_jump: 'Số thứ tự của thay đổi vượt quá xa so với các thay đổi đã nhận từ thiết bị này.',
  not_found: 'Không tìm thấy địa chỉ này.',
  internal: 'Máy chủ gặp lỗi. Vui lòng thử lại sau.',
  unit_exists: 'Mã đơn vị này đã được dùng.',
  review_state: 'Kỳ báo cáo này không ở trạng thái cho phép thao tác này.',
  sign_in_locked: 'Đã nhập sai quá nhiều lần nên tạm thời không thể đăng nhập. Hãy thử lại sau 15 phút hoặc nhờ công chức xã mở khoá.',
  device_revoked: 'Thiết bị này đã bị thu hồi quyền truy cập. Dữ liệu của ứng dụng trên máy này sẽ được xoá.',
  client_header_missing: 'Yêu cầu không đến từ ứng dụng nên không được thực hiện.',
  cross_site_request: 'Yêu cầu đến từ một trang web khác nên không được thực hiện.',
  account_disabled: 'Tài khoản này đã bị công chức xã tạm khoá. Hãy liên hệ công chức xã.',
  username_taken: 'Tên đăng nhập này đã được dùng.',
  enrolment_code_invalid: 'Mã kích hoạt không đúng. Hãy kiểm tra lại từng ký tự.',
  enrolment_code_expired: 'Mã kích hoạt đã hết hạn. Hãy nhờ công chức xã cấp mã mới.',
  enrolment_code_used: 'Mã kích hoạt này đã được dùng hoặc đã được thay bằng mã mới. Hãy nhờ công chức xã cấp mã mới.',
  enrolment_locked: 'Đã nhập sai mã kích hoạt quá nhiều lần nên tạm thời không thể kích hoạt. Hãy thử lại sau 15 phút.',
  rate_limited: 'Có quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau ít phút.',
  date_after_today: 'Có ngày ghi sau ngày hôm nay. Hãy kiểm tra lại ngày đã nhập và ngày giờ của máy.',
  period_not_begun: 'Kỳ báo cáo này chưa bắt đầu nên chưa thể gửi duyệt.',
} as const;

export type ErrorCode = keyof typeof errorMessages;

export function errorBody(code: ErrorCode, fields?: FieldError[]): ErrorBody {
  return fields ? { error: code, message: errorMessages[code], fields } : { error: code, message: errorMessages[code] };
}

export function apiError(c: Context, status: ContentfulStatusCode, code: ErrorCode, fields?: FieldError[]): Response {
  return c.json(errorBody(code, fields), status);
}
