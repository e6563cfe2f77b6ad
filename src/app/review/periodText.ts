import { fill, text } from '../i18n/index.ts';

/** "2026-Q3" → "quý 3/2026" (as the home screen writes it); "2026" → "năm 2026". */
export function periodText(period: string): string {
  const [year = '', quarter] = period.split('-Q');
  return quarter ? fill(text.review.periodQuarter, { q: quarter, year }) : fill(text.review.periodYear, { year });
}
