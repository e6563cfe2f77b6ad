import { describe, expect, it } from 'vitest';
import { defaultPlan, indicatorIds, type Target } from './plan.ts';
import { planChanges } from './planChanges.ts';
import { applyProvincePlan, belowProvinceTarget, defaultProvincePlan, provincePlan, provinceTargetOf } from './provincePlan.ts';

describe("the province's plan", () => {
  const plan = defaultProvincePlan('lam-dong', 2026);

  it("holds seed 003's targets that the app computes, and its deadline, as seed 003 words them", () => {
    // tests/server/province-plan.test.ts reads these lines in seed 003 itself.
    expect(provinceTargetOf(plan, 'victimsReachedService')).toEqual({ kind: 'percent', min: 88 });
    expect(provinceTargetOf(plan, 'perpetratorsCounselled')).toEqual({ kind: 'percent', min: 85 });
    expect(provinceTargetOf(plan, 'newsPostsPerQuarter')).toEqual({ kind: 'countPerQuarter', min: 4 });
    expect(plan.indicators.filter((i) => i.target).map((i) => i.id)).toEqual(['newsPostsPerQuarter', 'victimsReachedService', 'perpetratorsCounselled']);
    expect(plan.deadlines).toEqual({ communeToProvince: '2026-12-01' });
    expect(provincePlan.safeParse(plan).success).toBe(true);
  });

  it('refuses a target of the wrong kind by the indicator it sits on, and a missing or repeated indicator', () => {
    const wrong = structuredClone(plan);
    wrong.indicators[5] = { id: wrong.indicators[5]!.id, target: { kind: 'countPerYear', min: 3 } };
    const issues = provincePlan.safeParse(wrong).error?.issues.map((i) => i.path.join('.'));
    expect(issues).toEqual(['indicators.5.target.kind']);
    expect(provincePlan.safeParse({ ...plan, indicators: plan.indicators.slice(1) }).success).toBe(false);
    expect(provincePlan.safeParse({ ...plan, indicators: [...plan.indicators, plan.indicators[0]] }).success).toBe(false);
  });

  it("puts the province's targets and deadline into a commune's plan, keeping the commune's own targets", () => {
    const province = structuredClone(plan);
    province.indicators.find((i) => i.id === 'conferencesHeld')!.target = { kind: 'countPerYear', min: 3 };
    province.indicators.find((i) => i.id === 'perpetratorsCounselled')!.target = null;
    province.deadlines.communeToProvince = '2026-11-28';
    const commune = defaultPlan('nam-gia-nghia', 2026);
    const applied = applyProvincePlan(commune, province);
    const byId = Object.fromEntries(applied.indicators.map((i) => [i.id, i]));
    expect(byId.conferencesHeld).toEqual({ id: 'conferencesHeld', target: { kind: 'countPerYear', min: 2 }, provinceTarget: { kind: 'countPerYear', min: 3 } });
    expect(byId.perpetratorsCounselled).toEqual({ id: 'perpetratorsCounselled', target: null });
    expect(byId.victimsReachedService!.provinceTarget).toEqual({ kind: 'percent', min: 88 });
    expect(applied.deadlines).toEqual({ unitsToCommune: '2026-11-25', communeToProvince: '2026-11-28' });
    expect(applied.indicators.map((i) => i.id)).toEqual([...indicatorIds]);
  });

  it("names each changed target and the deadline for the audit trail, as a commune plan's", () => {
    const after = structuredClone(plan);
    after.indicators.find((i) => i.id === 'newsPostsPerQuarter')!.target = { kind: 'countPerQuarter', min: 5 };
    after.deadlines.communeToProvince = '2026-11-30';
    expect(planChanges(plan, after)).toEqual(['deadlines.communeToProvince', 'indicators.newsPostsPerQuarter']);
  });
});

describe("a commune's target below the province's", () => {
  const count = (min: number, compare?: 'moreThan'): Target => ({ kind: 'countPerQuarter', min, ...(compare ? { compare } : {}) });
  const percent = (min: number, compare?: 'moreThan'): Target => ({ kind: 'percent', min, ...(compare ? { compare } : {}) });

  it.each([
    [count(3), count(4), true],
    [count(4), count(4), false],
    [count(5), count(4), false],
    [count(3, 'moreThan'), count(4), false],
    [count(4), count(4, 'moreThan'), true],
    [percent(85), percent(88), true],
    [percent(88), percent(88), false],
    [percent(88), percent(88, 'moreThan'), true],
    [percent(88, 'moreThan'), percent(88), false],
    [percent(90), percent(88, 'moreThan'), false],
    [null, percent(88), false],
    [percent(10), null, false],
  ])('%j under %j: %s', (own, province, below) => {
    expect(belowProvinceTarget(own, province)).toBe(below);
  });
});
