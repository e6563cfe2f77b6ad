export * from './db.ts';
export * from './records.ts';
export * from './outbox.ts';
export * from './device.ts';
export * from './live.ts';
export * from './reopen.ts';
export * from './drafts.ts';
export * from './year.ts';
