// One connection to the SQLite file, as the server's thread and the push writer's thread
// (pushWriter.ts) each open it: WAL, synchronous=FULL, foreign keys on, a busy timeout, the
// statements Kysely prepares kept for reuse, and write transactions that take the write lock
// when they begin.
import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';
import type { Database } from '../schema/tables.ts';

export interface SqliteConnection {
  readonly database: BetterSqlite3.Database;
  readonly db: Kysely<Database>;
}

export function openSqliteConnection(file: string): SqliteConnection {
  const database = new BetterSqlite3(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  cacheStatements(database);
  return { database, db: new Kysely<Database>({ dialect: new WriterFirstDialect({ database }) }) };
}

/**
 * Two connections write to the file (the server's and the push writer's). A transaction that
 * began with a plain BEGIN reads first and asks for the write lock at its first write; if the
 * other connection committed in between, SQLite refuses it (SQLITE_BUSY_SNAPSHOT) instead of
 * waiting. BEGIN IMMEDIATE takes the write lock first, waiting up to the busy timeout. Every
 * transaction of the store writes, so nothing waits that would not have to.
 */
class WriterFirstDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class WriterFirstDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new WriterFirstDriver(this.#config);
  }
}

/**
 * Kysely prepares every query anew; a push runs the same few statements for each change, so
 * prepared statements are kept by their SQL text (a bounded number: the app has a few hundred).
 * Safe because Kysely runs one query at a time on this one connection.
 */
function cacheStatements(database: BetterSqlite3.Database, max = 1000): void {
  const prepare = database.prepare.bind(database);
  const cache = new Map<string, BetterSqlite3.Statement>();
  database.prepare = ((sql: string) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = prepare(sql);
      if (cache.size >= max) cache.delete(cache.keys().next().value!);
      cache.set(sql, statement);
    }
    return statement;
  }) as typeof database.prepare;
}
