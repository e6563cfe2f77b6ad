// Targets keep the plan's comparison: "Trên 90%" (seed 001, line 68) is more than 90, "ít nhất
// 04" (seed 000, line 81) is at least 4; plans saved before the choice read as "at least".
import { describe, expect, it } from 'vitest';
import { target as targetSchema, type Target } from '../plan/plan.ts';
import { evaluate, type IndicatorValue } from './values.ts';

const year = { year: 2026 };
const asOf = '2027-01-15'; // the year is over: short of the target is 'notMet'
const ratio = (numerator: number, denominator: number): IndicatorValue => ({ kind: 'ratio', numerator, denominator, recordIds: [] });
const count = (n: number): IndicatorValue => ({ kind: 'count', count: n, recordIds: [], byQuarter: [] });

describe('a target as the plan words it', () => {
  it('“trên 90%”: exactly 90% is not enough, 91% is', () => {
    const moreThan: Target = { kind: 'percent', min: 90, compare: 'moreThan' };
    expect(evaluate(ratio(90, 100), moreThan, year, asOf)).toBe('notMet');
    expect(evaluate(ratio(91, 100), moreThan, year, asOf)).toBe('met');
  });

  it('“ít nhất 90%” and a target saved without a comparison: exactly 90% is enough', () => {
    for (const atLeast of [
      { kind: 'percent', min: 90, compare: 'atLeast' },
      { kind: 'percent', min: 90 },
    ] satisfies Target[]) {
      expect(evaluate(ratio(90, 100), atLeast, year, asOf)).toBe('met');
      expect(evaluate(ratio(89, 100), atLeast, year, asOf)).toBe('notMet');
    }
  });

  it('counts too: “trên 01 cuộc/năm” needs two, “ít nhất 01” one', () => {
    expect(evaluate(count(1), { kind: 'countPerYear', min: 1, compare: 'moreThan' }, year, asOf)).toBe('notMet');
    expect(evaluate(count(2), { kind: 'countPerYear', min: 1, compare: 'moreThan' }, year, asOf)).toBe('met');
    expect(evaluate(count(1), { kind: 'countPerYear', min: 1 }, year, asOf)).toBe('met');
  });

  it('accepts a saved target without the field, and refuses an unknown comparison', () => {
    expect(targetSchema.safeParse({ kind: 'percent', min: 90 }).success).toBe(true);
    expect(targetSchema.safeParse({ kind: 'percent', min: 90, compare: 'moreThan' }).success).toBe(true);
    expect(targetSchema.safeParse({ kind: 'percent', min: 90, compare: 'about' }).success).toBe(false);
  });
});
