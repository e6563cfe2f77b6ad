// The store for a province or the country: PostgreSQL through the `pg` pool, with the same
// Kysely queries as SQLite. Several server processes can share one database.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { kyselyStore } from './kysely.ts';
import { pushChanges } from './sync/push.ts';
import type { Database } from './schema/tables.ts';
import type { Store } from './store.ts';

export interface PostgresStore extends Store {
  /** The Kysely instance, for tests and maintenance scripts. */
  readonly db: Kysely<Database>;
}

const INT8_OID = 20;

/** bigint (server_seq, count(*)) arrives as text; our values stay far below 2^53, so read numbers. */
function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`bigint beyond a safe integer: ${text}`);
  return value;
}

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary' ? parseInt8 : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export function openPostgresStore(connectionString: string, options: { maxConnections?: number } = {}): PostgresStore {
  const pool = new pg.Pool({ connectionString, max: options.maxConnections ?? 10, types });
  // An idle client that loses its connection emits here; without a listener it would crash the process.
  pool.on('error', (error) => console.error(`[postgres] idle connection: ${error.message}`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  // Many writers and row locks: each push commits alone (push.ts).
  return { ...kyselyStore(db, 'postgres', (traits) => ({ push: (input) => pushChanges(db, traits, input) })), db };
}
