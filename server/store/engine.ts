// What differs between the two engines, named once: column types for the big counters, and
// whether rows can be locked (PostgreSQL) or the whole file is one writer anyway (SQLite).
export type Engine = 'sqlite' | 'postgres';

export interface EngineTraits {
  engine: Engine;
  /** PostgreSQL takes row locks (SELECT … FOR UPDATE); SQLite has one writer at a time. */
  rowLocks: boolean;
}

export const engineTraits = (engine: Engine): EngineTraits => ({ engine, rowLocks: engine === 'postgres' });
