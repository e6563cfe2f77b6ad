export * from './db.ts';
export * from './records.ts';
export * from './outbox.ts';
export * from './device.ts';
export * from './live.ts';
export * from './office.ts';
