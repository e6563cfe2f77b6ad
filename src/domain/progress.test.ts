import { describe, expect, it } from 'vitest';
import { daysBetween, unitProgress, type DatedRecord } from './progress.ts';

const news = (date: string): DatedRecord => ({ kind: 'newsPost', date });
const session = (date: string): DatedRecord => ({ kind: 'propagandaSession', date });
const violence = (date: string): DatedRecord => ({ kind: 'violenceCase', date });

describe('a unit’s progress', () => {
  it('counts news posts of this quarter only, against 4', () => {
    // Q3 2026 runs 01/07 – 30/09: the June and October posts are outside it.
    const records = [news('2026-06-30'), news('2026-07-01'), news('2026-09-30'), news('2026-10-01'), violence('2026-08-01')];
    expect(unitProgress(records, '2026-08-15').newsThisQuarter).toEqual({ done: 2, target: 4 });
  });

  it('counts propaganda sessions of this year only, against 1', () => {
    const records = [session('2025-12-31'), session('2026-01-01'), session('2026-11-02'), news('2026-03-03')];
    expect(unitProgress(records, '2026-05-20').propagandaThisYear).toEqual({ done: 2, target: 1 });
    expect(unitProgress([session('2025-12-31')], '2026-01-01').propagandaThisYear).toEqual({ done: 0, target: 1 });
  });

  it('reminds of the 25/11 report from 30 days before until the day itself', () => {
    const enough = [news('2026-10-02'), news('2026-10-03'), news('2026-10-04'), news('2026-10-05')];
    expect(unitProgress(enough, '2026-10-25').reminders).toEqual([]); // 31 days before
    expect(unitProgress(enough, '2026-10-26').reminders).toEqual([{ kind: 'report', deadline: '2026-11-25', daysLeft: 30 }]);
    expect(unitProgress(enough, '2026-11-25').reminders).toEqual([{ kind: 'report', deadline: '2026-11-25', daysLeft: 0 }]);
    expect(unitProgress(enough, '2026-11-26').reminders).toEqual([]);
  });

  it('reminds of missing news posts in the last 14 days of a quarter', () => {
    // Q1 2026 ends 31/03: 17/03 is 14 days before it, 16/03 is 15.
    const two = [news('2026-01-10'), news('2026-02-10')];
    expect(unitProgress(two, '2026-03-16').reminders).toEqual([]);
    expect(unitProgress(two, '2026-03-17').reminders).toEqual([{ kind: 'quarterNews', deadline: '2026-03-31', daysLeft: 14, missing: 2 }]);
    const four = [...two, news('2026-03-01'), news('2026-03-02')];
    expect(unitProgress(four, '2026-03-31').reminders).toEqual([]);
  });

  it('counts days across months and leap years', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-11-25', '2026-11-20')).toBe(-5);
  });
});
