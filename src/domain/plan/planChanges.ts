// What an officer changed in a year's plan (a commune's, or the province's), named for the audit
// trail: an indicator by its id, a deadline by its name, any other setting by its field. Names
// only, never the values.
import { changedFields } from '../audit.ts';
import type { Plan } from './plan.ts';
import type { ProvincePlan } from './provincePlan.ts';

export function planChanges<P extends Plan | ProvincePlan>(before: P, after: P): string[] {
  const names: string[] = [];
  for (const field of changedFields({ ...before }, { ...after })) {
    if (field === 'indicators') {
      const earlier = new Map(before.indicators.map((indicator) => [indicator.id, JSON.stringify(indicator)]));
      for (const indicator of after.indicators) if (earlier.get(indicator.id) !== JSON.stringify(indicator)) names.push(`indicators.${indicator.id}`);
    } else if (field === 'deadlines') {
      names.push(...changedFields(before.deadlines, after.deadlines).map((name) => `deadlines.${name}`));
    } else names.push(field);
  }
  return names;
}
