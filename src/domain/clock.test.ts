import { describe, expect, it } from 'vitest';
import { clockDriftDays, clockOffsetOf, correctedNow, DAY_MS, latestRecordDay } from './clock.ts';
import { addDays } from './dates.ts';
import { daysAfter } from './records/recordDays.ts';

describe('the phone’s clock against the server’s', () => {
  it('warns only past a day, in whole days either way', () => {
    expect(clockDriftDays(undefined)).toBe(0);
    expect(clockDriftDays(DAY_MS)).toBe(0);
    expect(clockDriftDays(-DAY_MS - 1)).toBe(1);
    expect(clockDriftDays(clockOffsetOf(Date.UTC(2026, 10, 20), Date.UTC(2026, 10, 13, 5)))).toBe(7);
    expect(correctedNow(1_000, 500).getTime()).toBe(1_500);
  });

  it('lets the server take records up to the day after today in Vietnam', () => {
    expect(latestRecordDay(new Date('2026-11-20T16:59:00Z'))).toBe('2026-11-21');
    expect(latestRecordDay(new Date('2026-11-20T17:00:00Z'))).toBe('2026-11-22');
    expect(latestRecordDay(new Date('2026-12-31T17:30:00Z'))).toBe('2027-01-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('names every day of a record after the latest, a case’s status dates and a stop included', () => {
    const record = {
      kind: 'violenceCase',
      date: '2026-11-01',
      caseCode: '2026-11-30',
      statusDates: { received: '2026-11-01', closed: '2026-11-25' },
      stoppedOn: '2026-12-01',
      handledOn: '2026-11-20',
    };
    expect(daysAfter(record, '2026-11-21')).toEqual(['statusDates.closed', 'stoppedOn']);
    expect(daysAfter(record, '2026-12-01')).toEqual([]);
  });
});
