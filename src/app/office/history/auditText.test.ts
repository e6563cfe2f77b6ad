// The officer reads the trail in words: names instead of ids, a unit's field as a unit's, a
// plan's change by indicator, a case by its code and unit.
import { describe, expect, it } from 'vitest';
import type { AuditEntry, CaseAccess } from '../../../domain/audit.ts';
import { auditFields, auditTitle, caseReadText } from './auditText.ts';

const units: Record<string, string> = { 'tdp-4': 'Tổ dân phố 4' };
const unitName = (id: string) => units[id] ?? id;
const event = (
  action: Extract<AuditEntry, { kind: 'event' }>['action'],
  target: string,
  fields: string[] = [],
  targetName: string | null = null,
): AuditEntry => ({
  kind: 'event',
  at: '2026-11-20T03:00:00.000Z',
  action,
  userId: 'canbo',
  displayName: 'Cán bộ',
  deviceId: null,
  target,
  targetName,
  fields,
});

describe('the audit trail in words', () => {
  it('names the unit and the period of a review, not "tdp-4 2026"', () => {
    expect(auditTitle(event('review.accept', 'tdp-4 2026-Q4'), unitName)).toBe('Duyệt báo cáo · Tổ dân phố 4 · quý 4/2026');
    expect(auditTitle(event('review.submit', 'tdp-4 2026'), unitName)).toBe('Gửi duyệt · Tổ dân phố 4 · năm 2026');
  });

  it('labels a unit’s fields as a unit’s (its name is not a model’s name), in Vietnamese', () => {
    const changed = event('unit.update', 'tdp-4', ['households', 'name', 'type']);
    expect(auditTitle(changed, unitName)).toBe('Sửa đơn vị · Tổ dân phố 4');
    expect(auditFields(changed)).toBe('Trường: Số hộ, Tên, Loại đơn vị');
  });

  it('names a plan’s changes by indicator and deadline', () => {
    const plan = event('plan.update', '2026', ['deadlines.unitsToCommune', 'indicators.newsPostsPerQuarter']);
    expect(auditTitle(plan, unitName)).toBe('Sửa kế hoạch · kế hoạch năm 2026');
    expect(auditFields(plan)).toMatch(/^Trường: Hạn các đơn vị gửi báo cáo, Tin, bài/);
  });

  it('names a phone by its owner and a short id, and an export by its period, file and records', () => {
    expect(auditTitle(event('device.revoke', '1a53a054-e162-4066-89b5-668d4206864a', ['revokedAt'], 'Tổ trưởng Tổ dân phố 1'), unitName)).toBe(
      'Thu hồi thiết bị · điện thoại của Tổ trưởng Tổ dân phố 1 (mã …864a)',
    );
    expect(auditTitle(event('report.export', '2026 cases.xlsx all'), unitName)).toBe('Tải báo cáo · báo cáo năm 2026 · danh sách vụ việc (MẬT) · mọi bản ghi');
  });

  it('names a case read by its code and unit', () => {
    const read: CaseAccess = {
      id: 1,
      at: '2026-11-20T03:00:00.000Z',
      userId: 'canbo',
      displayName: 'Cán bộ',
      deviceId: 'd',
      recordId: 'r',
      caseCode: 'TDP4-2026-01',
      unitId: 'tdp-4',
      via: 'export',
    };
    expect(caseReadText(read, unitName)).toBe('Vụ việc TDP4-2026-01 (Tổ dân phố 4) · báo cáo Excel');
    expect(caseReadText({ ...read, caseCode: null, unitId: null }, unitName)).toBe('Vụ việc đã xoá · báo cáo Excel');
  });
});
