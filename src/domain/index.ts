export * from './ids.ts';
export * from './dates.ts';
export * from './clock.ts';
export * from './accounts.ts';
export * from './records/index.ts';
export * from './sync/protocol.ts';
export * from './sync/merge.ts';
export * from './sync/keptNotes.ts';
