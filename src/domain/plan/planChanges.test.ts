import { describe, expect, it } from 'vitest';
import { defaultPlan } from './plan.ts';
import { planChanges } from './planChanges.ts';

describe('the names of what changed in a plan', () => {
  const before = defaultPlan('nam-gia-nghia', 2026);

  it('names each indicator whose target moved, each deadline moved, and nothing else', () => {
    const after = structuredClone(before);
    const news = after.indicators.find((i) => i.id === 'newsPostsPerQuarter')!;
    news.target = { kind: 'countPerQuarter', min: 2 };
    after.deadlines.unitsToCommune = '2026-12-15';
    expect(planChanges(before, after)).toEqual(['deadlines.unitsToCommune', 'indicators.newsPostsPerQuarter']);
  });

  it('names a plain setting by its field, and an unchanged plan by nothing', () => {
    expect(planChanges(before, { ...before, handledInTimeDays: 3 })).toEqual(['handledInTimeDays']);
    expect(planChanges(before, structuredClone(before))).toEqual([]);
  });
});
