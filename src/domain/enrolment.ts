// One-time enrolment codes: the officer creates an account and hands its owner a short code
// (or its QR); the phone sends it once with a new PIN. Eight characters from an alphabet
// without look-alikes (no 0/O, 1/I/L), shown as K7M4-Q2XP, typed with or without the dash.
import * as z from 'zod/mini';
import { signInResponse } from './accounts.ts';
import { uuid } from './ids.ts';

export const ENROLMENT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const ENROLMENT_CODE_LENGTH = 8;

/** Upper case, without spaces and dashes: the form that is hashed and compared. */
export function normaliseEnrolmentCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}

export function isEnrolmentCode(code: string): boolean {
  return code.length === ENROLMENT_CODE_LENGTH && [...code].every((ch) => ENROLMENT_ALPHABET.includes(ch));
}

/** K7M4Q2XP → K7M4-Q2XP, easier to read aloud and to type. */
export function groupEnrolmentCode(code: string): string {
  const plain = normaliseEnrolmentCode(code);
  return `${plain.slice(0, 4)}-${plain.slice(4)}`;
}

/** The link in the QR: the code rides in the fragment, which browsers never send to a server. */
export function enrolmentLink(origin: string, code: string): string {
  return `${origin}/#enrol=${normaliseEnrolmentCode(code)}`;
}

/** The code of a link opened from a QR ("#enrol=K7M4Q2XP"), if the fragment carries one. */
export function enrolmentCodeFromHash(hash: string): string | undefined {
  const match = /^#enrol=([A-Za-z0-9-]{1,16})$/.exec(hash);
  return match?.[1] ? normaliseEnrolmentCode(match[1]) : undefined;
}

export const enrolmentCode = z.pipe(
  z.string().check(z.maxLength(32)),
  z.pipe(
    z.transform((typed: string) => normaliseEnrolmentCode(typed)),
    z.string().check(z.refine(isEnrolmentCode, { message: 'invalid_format' })),
  ),
);

export const enrolmentRequest = z.strictObject({
  code: enrolmentCode,
  pin: z.string().check(z.regex(/^\d{4,8}$/)),
  deviceId: uuid,
});
export type EnrolmentRequest = z.infer<typeof enrolmentRequest>;

/** A successful enrolment answers exactly like a sign-in. */
export const enrolmentResponse = signInResponse;

/** What the officer gets when a code is issued: the code (shown once) and when it stops working. */
export const issuedEnrolment = z.object({
  code: z.string(),
  expiresAt: z.string(),
});
export type IssuedEnrolment = z.infer<typeof issuedEnrolment>;
