import { describe, expect, it } from 'vitest';
import { errorText } from '../i18n/index.ts';
import { fieldIssueCode } from './issueText.ts';

describe('what a refused field says', () => {
  it('names a day that does not exist, and a date half typed', () => {
    expect(errorText(fieldIssueCode({ kind: 'newsPost', date: '31/02/2026' }, 'date', 'invalid_format'))).toBe('ngày không có thật');
    expect(errorText(fieldIssueCode({ kind: 'violenceCase', statusDates: { closed: '30/02/2026' } }, 'statusDates.closed', 'invalid_format'))).toBe(
      'ngày không có thật',
    );
    expect(errorText(fieldIssueCode({ kind: 'newsPost', date: '12/11' }, 'date', 'invalid_format'))).toBe('ghi đủ ngày/tháng/năm, ví dụ 25/11/2026');
  });

  it('says how a link starts and how long a text may be', () => {
    expect(errorText(fieldIssueCode({ kind: 'newsPost', link: 'xa.gov.vn' }, 'link', 'invalid_format'))).toBe('địa chỉ phải bắt đầu bằng https://');
    expect(errorText(fieldIssueCode({ kind: 'newsPost', note: 'a'.repeat(1001) }, 'note', 'too_big'))).toBe('quá dài: tối đa 1.000 ký tự');
    expect(errorText(fieldIssueCode({ kind: 'violenceCase', notes: 'a'.repeat(2001) }, 'notes', 'too_big'))).toBe('quá dài: tối đa 2.000 ký tự');
  });

  it('leaves every other code as the schema said it', () => {
    expect(fieldIssueCode({ kind: 'newsPost' }, 'channel', 'notChosen')).toBe('notChosen');
    expect(fieldIssueCode({ kind: 'violenceCase', caseCode: '/12' }, 'caseCode', 'invalid_format')).toBe('invalid_format');
  });
});
