export * from './plan.ts';
export * from './calendar.ts';
export * from './planChanges.ts';
export * from './provincePlan.ts';
