// The small reads a push makes before and after it decides (the device's row, the batch's
// records, its earlier answers, the units' communes, the counter's bump, the device's missing
// seqs, the facts' contributions), by engine. PostgreSQL gets Kysely's queries (with their
// row locks). On SQLite a prepared statement of a fixed shape (an IN list passed as one JSON
// array) costs less than building and compiling a Kysely query each push. Either way the
// statements are bound to the connection they run on: Kysely's to the push's transaction
// (kyselyStatements(trx, traits)), SQLite's to the push writer's connection (pushWriterThread.ts),
// inside the push's transaction and savepoint because that transaction is on the same
// connection, so they see the rows the push (and the pushes before it in the group) wrote.
import type BetterSqlite3 from 'better-sqlite3';
import type { CompiledQuery, Selectable, Transaction } from 'kysely';
import type { EngineTraits } from '../engine.ts';
import type { PushWrites } from './pushWrites.ts';
import { kyselyWrites, sqliteWrites } from './pushWrites.ts';
import type { Database, RecordTable } from '../schema/tables.ts';

export interface EarlierAnswer {
  change_id: string;
  body_hash: string;
  result: string;
}

export interface PushReads {
  /** The device's highest seq; on PostgreSQL its row is locked. */
  deviceLastSeq(deviceId: string): Promise<number>;
  /** The records of `ids` (sorted, distinct) in id order; on PostgreSQL their rows are locked. */
  records(ids: string[]): Promise<Array<Selectable<RecordTable>>>;
  earlierAnswers(changeIds: string[]): Promise<EarlierAnswer[]>;
  unitCommunes(unitIds: string[]): Promise<Array<{ id: string; commune_id: string }>>;
  /** Adds `count` to the server_seq counter; its new value. */
  bumpServerSeq(count: number): Promise<number>;
  missingSeqs(deviceId: string, limit: number): Promise<number[]>;
  /** Runs a query compiled elsewhere (the facts' contributions). */
  compiled<Row>(query: CompiledQuery<Row>): Promise<Row[]>;
}

/** Everything a push reads and writes. */
export type PushStatements = PushReads & PushWrites;

/** The reads as Kysely queries in the push's transaction. */
export function kyselyReads(trx: Transaction<Database>, traits: EngineTraits): PushReads {
  return {
    async deviceLastSeq(deviceId) {
      const query = trx.selectFrom('devices').select('last_seq').where('id', '=', deviceId);
      const device = await (traits.rowLocks ? query.forUpdate() : query).executeTakeFirstOrThrow();
      return Number(device.last_seq);
    },
    records(ids) {
      const query = trx.selectFrom('records').selectAll().where('id', 'in', ids).orderBy('id');
      return (traits.rowLocks ? query.forUpdate() : query).execute();
    },
    earlierAnswers: (changeIds) => trx.selectFrom('applied_changes').select(['change_id', 'body_hash', 'result']).where('change_id', 'in', changeIds).execute(),
    unitCommunes: (unitIds) => trx.selectFrom('units').select(['id', 'commune_id']).where('id', 'in', unitIds).execute(),
    async bumpServerSeq(count) {
      const counter = await trx
        .updateTable('counters')
        .set((eb) => ({ value: eb('value', '+', count) }))
        .where('name', '=', 'server_seq')
        .returning('value')
        .executeTakeFirstOrThrow();
      return Number(counter.value);
    },
    async missingSeqs(deviceId, limit) {
      const rows = await trx.selectFrom('device_missing_seqs').select('seq').where('device_id', '=', deviceId).orderBy('seq').limit(limit).execute();
      return rows.map((row) => Number(row.seq));
    },
    compiled: async (query) => (await trx.executeQuery(query)).rows,
  };
}

export const kyselyStatements = (trx: Transaction<Database>, traits: EngineTraits): PushStatements => ({ ...kyselyReads(trx, traits), ...kyselyWrites(trx) });

/** The same reads as prepared SQLite statements. */
export function sqliteReads(database: BetterSqlite3.Database): PushReads {
  // Prepared on first use (after the migrations) and kept by the connection's one cache (sqlite/connection.ts).
  const prepared = (text: string) => () => database.prepare(text);
  const inList = (column: string) => `${column} in (select value from json_each(?))`;
  const device = prepared('select last_seq from devices where id = ?');
  const records = prepared(`select * from records where ${inList('id')} order by id`);
  const answers = prepared(`select change_id, body_hash, result from applied_changes where ${inList('change_id')}`);
  const units = prepared(`select id, commune_id from units where ${inList('id')}`);
  const bump = prepared(`update counters set value = value + ? where name = 'server_seq' returning value`);
  const missing = prepared('select seq from device_missing_seqs where device_id = ? order by seq limit ?');
  return {
    deviceLastSeq(deviceId) {
      const row = device().get(deviceId) as { last_seq: number } | undefined;
      if (!row) return Promise.reject(new Error(`no device ${deviceId}`));
      return Promise.resolve(Number(row.last_seq));
    },
    records: (ids) => Promise.resolve(records().all(JSON.stringify(ids)) as Array<Selectable<RecordTable>>),
    earlierAnswers: (changeIds) => Promise.resolve(answers().all(JSON.stringify(changeIds)) as EarlierAnswer[]),
    unitCommunes: (unitIds) => Promise.resolve(units().all(JSON.stringify(unitIds)) as Array<{ id: string; commune_id: string }>),
    bumpServerSeq(count) {
      const row = bump().get(count) as { value: number } | undefined;
      if (!row) return Promise.reject(new Error('no server_seq counter'));
      return Promise.resolve(Number(row.value));
    },
    missingSeqs: (deviceId, limit) => Promise.resolve((missing().all(deviceId, limit) as Array<{ seq: number }>).map((row) => Number(row.seq))),
    // The text is the facts' own (one per engine); the connection keeps prepared statements by text (cacheStatements in sqlite/connection.ts).
    compiled: <Row>(query: CompiledQuery<Row>) => Promise.resolve(database.prepare(query.sql).all(...query.parameters) as Row[]),
  };
}

export function sqliteStatements(database: BetterSqlite3.Database): PushStatements {
  return { ...sqliteReads(database), ...sqliteWrites(database) };
}
