// A group of the store (store.ts): the queries of one module, built over the engine's
// connection, with the rule the session cache (server/auth/sessionCache.ts) applies to all of
// them, declared next to the group in its module file.
import type { Kysely } from 'kysely';
import type { Engine, EngineTraits } from './engine.ts';
import type { Database } from './schema/tables.ts';
import type { PushInput, PushOutcome } from './store.ts';

/**
 * `keeps`: no call of the group writes users or devices, so none changes who a token names and
 * the cached sessions stay; `clears`: every call of the group empties the cache before and after.
 */
export type SessionRule = 'keeps' | 'clears';

/** How an engine applies pushes, and what a pull's answer waits for. */
export interface PushPath {
  push(input: PushInput): Promise<PushOutcome>;
  /** Resolves once every push committed so far is on disk (SQLite's WAL flush, walFlush.ts). */
  durable?(): Promise<void>;
}

/** What a group is built over. */
export interface StoreContext {
  db: Kysely<Database>;
  engine: Engine;
  traits: EngineTraits;
  pushPath: PushPath;
}

type Queries = Record<string, (...args: never[]) => Promise<unknown>>;

export interface StoreGroup<G extends Queries> {
  sessions: SessionRule;
  build(context: StoreContext): G;
}

export const storeGroup = <G extends Queries>(sessions: SessionRule, build: (context: StoreContext) => G): StoreGroup<G> => ({ sessions, build });
