// The rows a push writes (records, record_versions, applied_changes), by engine. PostgreSQL gets
// Kysely's multi-row statements (few round trips over the network). SQLite runs in-process:
// there a prepared one-row statement run once per row is cheaper than compiling a multi-row
// query each push (Kysely builds and compiles it anew, better-sqlite3 binds every value), and
// it runs on the push writer's connection, inside the push's transaction and savepoint.
import type BetterSqlite3 from 'better-sqlite3';
import type { Transaction } from 'kysely';
import { inChunks } from '../rowChunks.ts';
import type { AppliedChangeTable, Database, RecordTable, RecordVersionTable } from '../schema/tables.ts';

export interface PushWrites {
  /** Records that did not exist before the push. */
  insertRecords(rows: RecordTable[]): Promise<void>;
  /** Records that existed (their row locked by the push). */
  updateRecords(rows: RecordTable[]): Promise<void>;
  insertVersions(rows: RecordVersionTable[]): Promise<void>;
  insertAnswers(rows: AppliedChangeTable[]): Promise<void>;
}

/** What an update of a record changes (its id, unit, commune and reporter stay). */
const RECORD_CHANGES = ['kind', 'date', 'rev', 'deleted', 'body', 'server_seq', 'received_at', 'last_device_id', 'last_user_id'] as const;
const RECORD_COLUMNS = ['id', 'unit_id', 'commune_id', 'reporter_id', ...RECORD_CHANGES] as const;
const VERSION_COLUMNS = ['record_id', 'rev', 'deleted', 'body', 'device_id', 'user_id', 'received_at'] as const;
const ANSWER_COLUMNS = ['change_id', 'device_id', 'seq', 'record_id', 'body_hash', 'result', 'received_at'] as const;

async function insertChunked<T extends 'records' | 'record_versions' | 'applied_changes'>(
  trx: Transaction<Database>,
  table: T,
  rows: Array<Database[T]>,
): Promise<void> {
  for (const chunk of inChunks(rows))
    await trx
      .insertInto(table)
      .values(chunk as never)
      .execute();
}

/** The writes as Kysely statements in the push's transaction. */
export function kyselyWrites(trx: Transaction<Database>): PushWrites {
  return {
    insertRecords: (rows) => insertChunked(trx, 'records', rows),
    // One insert … on conflict update: the portable multi-row update.
    async updateRecords(rows) {
      for (const chunk of inChunks(rows)) {
        await trx
          .insertInto('records')
          .values(chunk)
          .onConflict((oc) => oc.column('id').doUpdateSet((eb) => Object.fromEntries(RECORD_CHANGES.map((column) => [column, eb.ref(`excluded.${column}`)]))))
          .execute();
      }
    },
    insertVersions: (rows) => insertChunked(trx, 'record_versions', rows),
    insertAnswers: (rows) => insertChunked(trx, 'applied_changes', rows),
  };
}

/** The same writes as prepared SQLite statements. */
export function sqliteWrites(database: BetterSqlite3.Database): PushWrites {
  // Prepared on first use (after the migrations) and kept by the connection's one cache (sqlite/connection.ts).
  const prepared = (text: string) => () => database.prepare(text);
  const insert = (table: string, columns: readonly string[]) =>
    prepared(`insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`);
  const insertRecord = insert('records', RECORD_COLUMNS);
  const updateRecord = prepared(`update records set ${RECORD_CHANGES.map((column) => `${column} = ?`).join(', ')} where id = ?`);
  const insertVersion = insert('record_versions', VERSION_COLUMNS);
  const insertAnswer = insert('applied_changes', ANSWER_COLUMNS);
  const runEach = <Row>(statement: () => BetterSqlite3.Statement, columns: readonly (keyof Row)[], rows: Row[]) => {
    for (const row of rows) statement().run(columns.map((column) => row[column]));
    return Promise.resolve();
  };
  return {
    insertRecords: (rows) => runEach(insertRecord, RECORD_COLUMNS, rows),
    updateRecords: (rows) => runEach(updateRecord, [...RECORD_CHANGES, 'id'], rows),
    insertVersions: (rows) => runEach(insertVersion, VERSION_COLUMNS, rows),
    insertAnswers: (rows) => runEach(insertAnswer, ANSWER_COLUMNS, rows),
  };
}
