import { describe, expect, it } from 'vitest';
import { enrolmentCodeFromHash, enrolmentLink, enrolmentRequest, groupEnrolmentCode, isEnrolmentCode, normaliseEnrolmentCode } from './enrolment.ts';

describe('enrolment codes', () => {
  it('are accepted with or without the dash, in any case, with spaces', () => {
    expect(normaliseEnrolmentCode(' k7m4-q2xp ')).toBe('K7M4Q2XP');
    expect(isEnrolmentCode('K7M4Q2XP')).toBe(true);
    expect(groupEnrolmentCode('k7m4q2xp')).toBe('K7M4-Q2XP');
  });

  it('refuse look-alike characters and other lengths', () => {
    for (const code of ['K7M4Q2X0', 'K7M4Q2XO', 'K7M4Q2X1', 'K7M4Q2XI', 'K7M4Q2XL', 'K7M4Q2X', 'K7M4Q2XPP']) expect(isEnrolmentCode(code), code).toBe(false);
  });

  it('ride in the fragment of the QR link, and come back out of it', () => {
    const link = enrolmentLink('https://sotay.example.gov.vn', 'K7M4-Q2XP');
    expect(link).toBe('https://sotay.example.gov.vn/#enrol=K7M4Q2XP');
    expect(enrolmentCodeFromHash(new URL(link).hash)).toBe('K7M4Q2XP');
    expect(enrolmentCodeFromHash('#/record/abc')).toBeUndefined();
  });

  it('are normalised by the request schema, which names the field when wrong', () => {
    const ok = enrolmentRequest.safeParse({ code: 'k7m4-q2xp', pin: '1234', deviceId: '2f1c8a7e-4b5d-4c3e-9f10-0a1b2c3d4e5f' });
    expect(ok.success && ok.data.code).toBe('K7M4Q2XP');
    const bad = enrolmentRequest.safeParse({ code: 'K7M4-Q2X0', pin: '1234', deviceId: '2f1c8a7e-4b5d-4c3e-9f10-0a1b2c3d4e5f' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['code']);
  });
});
