export * from './plan.ts';
export * from './calendar.ts';
export * from './planChanges.ts';
