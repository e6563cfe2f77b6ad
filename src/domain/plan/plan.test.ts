import { describe, expect, it } from 'vitest';
import { comingDates, occasionOn, overdueDeadlines } from './calendar.ts';
import { defaultPlan, effectiveTarget, plan } from './plan.ts';

describe('the default plan', () => {
  const p = defaultPlan('nam-gia-nghia', 2026);

  it('carries the seeds’ targets and deadlines', () => {
    const byId = Object.fromEntries(p.indicators.map((i) => [i.id, i]));
    expect(byId.newsPostsPerQuarter?.target).toEqual({ kind: 'countPerQuarter', min: 4 });
    expect(byId.conferencesHeld?.target).toEqual({ kind: 'countPerYear', min: 2 });
    expect(byId.victimsReachedService).toMatchObject({ target: { kind: 'percent', min: 100 }, provinceTarget: { kind: 'percent', min: 88 } });
    expect(effectiveTarget(byId.perpetratorsCounselled!)).toEqual({ kind: 'percent', min: 85 });
    expect(byId.inspections?.target).toEqual({ kind: 'countPerYear', min: 1 });
    expect(p.deadlines).toEqual({ unitsToCommune: '2026-11-25', communeToProvince: '2026-12-01' });
    expect(plan.safeParse(p).success).toBe(true);
  });

  it('lists the dates still ahead, the running Action Month included', () => {
    expect(comingDates(p, '2026-11-22').map((d) => d.id)).toEqual(['actionMonth', 'unitsToCommune', 'communeToProvince']);
    expect(comingDates(p, '2026-06-01').map((d) => d.id)).toEqual(['familyDay', 'womensDay', 'actionMonth', 'unitsToCommune', 'communeToProvince']);
  });

  it('lists the report deadlines already past, and only those (not the days of the year gone by)', () => {
    expect(overdueDeadlines(p, '2026-11-25')).toEqual([]);
    expect(overdueDeadlines(p, '2026-11-26').map((d) => d.id)).toEqual(['unitsToCommune']);
    expect(overdueDeadlines(p, '2026-12-20').map((d) => d.id)).toEqual(['unitsToCommune', 'communeToProvince']);
  });
});

describe('the occasions of the year', () => {
  it('names the day of an occasion, the Action Month from its first to its last day, and nothing else', () => {
    expect(occasionOn('2026-06-28')).toBe('familyDay');
    expect(occasionOn('2026-10-20')).toBe('womensDay');
    expect(['2026-11-14', '2026-11-15', '2026-12-15', '2026-12-16'].map(occasionOn)).toEqual([null, 'actionMonth', 'actionMonth', null]);
    expect(occasionOn('2026-06-27')).toBeNull();
  });
});
