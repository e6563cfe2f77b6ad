// What an indicator computes to, and how a value is judged against its target. Every value
// carries the ids of the records it was computed from, so a figure can always be traced.
import type { LocalDate } from '../dates.ts';
import { passes, type Target } from '../plan/plan.ts';
import { periodDates, periodOver, quartersIn, type Period } from './period.ts';

export interface QuarterCount {
  year: number;
  quarter: 1 | 2 | 3 | 4;
  count: number;
  recordIds: string[];
}

export type IndicatorValue =
  | { kind: 'count'; count: number; recordIds: string[]; byQuarter: QuarterCount[] }
  | {
      kind: 'ratio';
      numerator: number;
      denominator: number;
      /** The records behind the denominator (those behind the numerator are among them). */
      recordIds: string[];
      /** Cases still inside their time limit and not handled yet: counted in neither term. */
      pendingIds?: string[];
    }
  /** The app collects no records for this indicator yet: shown as such, never guessed. */
  | { kind: 'noData' };

/**
 * met / notMet: judged (notMet only once the period is over); behind: below target while the
 * period runs; notApplicable: nothing to count (0 of 0); noTarget: the plan sets none here.
 */
export type Verdict = 'met' | 'notMet' | 'behind' | 'notApplicable' | 'noData' | 'noTarget';

export interface IndicatorCell {
  value: IndicatorValue;
  verdict: Verdict;
}

/** Percent rounded to one decimal; null for 0 of 0. */
export function percentOf(value: IndicatorValue): number | null {
  if (value.kind !== 'ratio' || value.denominator === 0) return null;
  return Math.round((1000 * value.numerator) / value.denominator) / 10;
}

export function evaluate(value: IndicatorValue, target: Target | null, period: Period, asOf: LocalDate): Verdict {
  if (value.kind === 'noData') return 'noData';
  if (!target) return 'noTarget';
  const short = periodOver(period, asOf) ? 'notMet' : 'behind';
  if (target.kind === 'percent') {
    if (value.kind !== 'ratio') return 'noTarget';
    if (value.denominator === 0) return 'notApplicable';
    return passes(target, value.numerator * 100, target.min * value.denominator) ? 'met' : short;
  }
  if (value.kind !== 'count') return 'noTarget';
  if (target.kind === 'countPerYear') {
    if (period.quarter) return 'noTarget';
    return passes(target, value.count, target.min) ? 'met' : short;
  }
  // countPerQuarter: every quarter that has begun must reach the minimum; before any has
  // begun there is nothing to judge yet, so it is behind rather than met.
  let verdict: Verdict = 'met';
  let begun = 0;
  for (const q of quartersIn(period)) {
    const quarterPeriod = { year: q.year, quarter: q.quarter };
    if (periodDates(quarterPeriod).first > asOf) continue;
    begun++;
    const count = value.byQuarter.find((b) => b.quarter === q.quarter && b.year === q.year)?.count ?? 0;
    if (passes(target, count, target.min)) continue;
    if (periodOver(quarterPeriod, asOf)) return 'notMet';
    verdict = 'behind';
  }
  return begun === 0 && target.min > 0 ? 'behind' : verdict;
}

/** The verdicts a dashboard marks as behind target. */
export function isBehind(verdict: Verdict): boolean {
  return verdict === 'notMet' || verdict === 'behind';
}
