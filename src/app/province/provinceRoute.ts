// The province screen lives at "#/province?p=2026" (a year) or "#/province?p=2026-Q3" (a quarter).
import { parsePeriodKey, periodKey, type Period } from '../../domain/indicators/period.ts';

export function provincePeriod(hash: string, fallback: Period): Period {
  const query = hash.split('?')[1] ?? '';
  return parsePeriodKey(new URLSearchParams(query).get('p') ?? '') ?? fallback;
}

export function provinceHref(period: Period): string {
  return `#/province?p=${periodKey(period)}`;
}
