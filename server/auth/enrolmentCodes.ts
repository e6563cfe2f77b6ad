// Enrolment codes: random from the no-look-alike alphabet (src/domain/enrolment.ts), stored
// only as an scrypt hash. The salt is fixed so that the hash can be looked up (the phone sends
// the code alone); the cost makes a copied database useless for trying all codes before they expire.
import { randomInt, randomUUID, scrypt } from 'node:crypto';
import { ENROLMENT_ALPHABET, ENROLMENT_CODE_LENGTH, groupEnrolmentCode, normaliseEnrolmentCode, type IssuedEnrolment } from '../../src/domain/enrolment.ts';
import type { ThrottleRule } from '../store/accounts/signInThrottle.ts';

const SALT = 'so-tay-binh-dang/enrolment-code/v1';
const COST = { N: 16384, r: 8, p: 1 } as const;

export function newEnrolmentCode(): string {
  let code = '';
  for (let i = 0; i < ENROLMENT_CODE_LENGTH; i++) code += ENROLMENT_ALPHABET[randomInt(ENROLMENT_ALPHABET.length)];
  return code;
}

export function hashEnrolmentCode(code: string): Promise<string> {
  return new Promise((resolve, reject) => {
    scrypt(normaliseEnrolmentCode(code), SALT, 32, COST, (error, key) => (error ? reject(error) : resolve(key.toString('base64url'))));
  });
}

export interface EnrolmentSettings {
  /** How long a code works after it is issued: 72 hours unless set. */
  codeLifetimeMs: number;
  /** Wrong codes from one address. */
  address: ThrottleRule;
  /**
   * Wrong codes from all addresses together: a wrong code names no account, so this stands
   * for the per-account count against a guesser spread over many addresses.
   */
  everyone: ThrottleRule;
}

const FIFTEEN_MINUTES = 15 * 60_000;

export const DEFAULT_ENROLMENT_SETTINGS: EnrolmentSettings = {
  codeLifetimeMs: 72 * 3600_000,
  address: { maxFailures: 10, lockMs: FIFTEEN_MINUTES },
  everyone: { maxFailures: 200, lockMs: FIFTEEN_MINUTES },
};

export const enrolmentAddressKey = (address: string) => `enrolment-address:${address}`;
export const ENROLMENT_EVERYONE_KEY = 'enrolment:everyone';

/** A fresh code issued at `at`: what its owner is shown (once), and what the store keeps. */
export async function freshEnrolmentCode(
  at: string,
  lifetimeMs: number,
): Promise<{ issued: IssuedEnrolment; codeId: string; codeHash: string; expiresAt: string }> {
  const code = newEnrolmentCode();
  const issued: IssuedEnrolment = { code: groupEnrolmentCode(code), expiresAt: new Date(Date.parse(at) + lifetimeMs).toISOString() };
  return { issued, codeId: randomUUID(), codeHash: await hashEnrolmentCode(code), expiresAt: issued.expiresAt };
}
