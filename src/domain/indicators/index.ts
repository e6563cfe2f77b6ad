export * from './period.ts';
export * from './units.ts';
export * from './values.ts';
export * from './rules.ts';
export * from './table.ts';
export * from './figures.ts';
export * from './progress.ts';
