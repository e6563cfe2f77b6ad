export * from './api.ts';
export * from './backoff.ts';
export * from './engine.ts';
export * from './session.ts';
export * from './status.ts';
export * from './triggers.ts';
export * from './exclusive.ts';
