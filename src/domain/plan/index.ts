export * from './plan.ts';
export * from './calendar.ts';
