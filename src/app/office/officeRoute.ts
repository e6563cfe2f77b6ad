// The office view lives at "#/office?p=2026" (a year) or "#/office?p=2026-Q3" (a quarter).
import type { Period } from '../../domain/indicators/period.ts';
import { parsePeriodKey, periodKey } from '../../domain/indicators/period.ts';

export function isOfficeHash(hash: string): boolean {
  return hash === '#/office' || hash.startsWith('#/office?');
}

/** An officer landing on the bare app goes to the office view. */
export function isLandingHash(hash: string): boolean {
  return hash === '' || hash === '#' || hash === '#/';
}

export function officePeriod(hash: string, fallback: Period): Period {
  const query = hash.split('?')[1] ?? '';
  return parsePeriodKey(new URLSearchParams(query).get('p') ?? '') ?? fallback;
}

export function officeHref(period: Period): string {
  return `#/office?p=${periodKey(period)}`;
}
