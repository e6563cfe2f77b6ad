// The province's facts: every live record's contribution to the indicators (the numbers each
// definition of indicators.ts stores), summed per unit and quarter in unit_quarter_facts
// so that the province's year reads a few rows per unit instead of every record.
//
// A record's contribution is one SQL SELECT over the records table (`contributions`), built from
// those definitions, and nothing else computes it: a push reads it for the batch's records
// before and after writing them and adds the difference (maintainFacts); a rebuild sums it
// over every record in one statement (rebuildFacts). Being SQL, it reads the same fields as the
// definitions (the generated columns on PostgreSQL) and needs no copy of them in TypeScript.
// At start-up the digest of that SELECT is compared with the one stored with the facts: a new
// or changed definition rebuilds them (ensureFacts).
import { createHash } from 'node:crypto';
import { CompiledQuery, sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Engine } from '../engine.ts';
import { jsonSql } from './jsonSql.ts';
import { indicatorSql, type RecordContext } from './indicators.ts';
import { recordFieldsOf } from './recordFields.ts';
import { inChunks } from '../rowChunks.ts';
import type { Database } from '../schema/tables.ts';

export const FACTS_TABLE = 'unit_quarter_facts';

const column = (name: string) => {
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`not a column name: ${name}`);
  return sql.raw(name);
};

interface FactColumns {
  /** The row's key: commune, unit, year, quarter, then the indicators' own keys. */
  keys: Map<string, RawBuilder<unknown>>;
  /** Summed numbers: 'records' (how many), then each stored number. */
  sums: Map<string, RawBuilder<unknown>>;
}

/** The columns of the facts, as expressions over the records table aliased r. */
function factColumns(engine: Engine): FactColumns {
  const record: RecordContext = { json: jsonSql(engine), field: recordFieldsOf(engine, 'r'), kind: sql.ref('r.kind'), date: sql.ref('r.date') };
  const keys = new Map<string, RawBuilder<unknown>>([
    ['commune_id', sql.ref('r.commune_id')],
    ['unit_id', sql.ref('r.unit_id')],
    ['year', sql`cast(substr(r.date, 1, 4) as integer)`],
    ['quarter', sql`(cast(substr(r.date, 6, 2) as integer) + 2) / 3`],
  ]);
  const sums = new Map<string, RawBuilder<unknown>>([['records', sql`1`]]);
  for (const indicator of indicatorSql) {
    for (const [name, expression] of Object.entries(indicator.keys?.(record) ?? {})) keys.set(name, expression);
    for (const [name, expression] of Object.entries(indicator.stored?.(record) ?? {})) {
      if (sums.has(name)) throw new Error(`stored twice: ${name}`);
      sums.set(name, expression);
    }
  }
  return { keys, sums };
}

const columnNames = new Map<Engine, { keys: string[]; sums: string[] }>();

/** The names of the key columns and of the summed columns (the migration's table must have them). */
export function factColumnNames(engine: Engine): { keys: string[]; sums: string[] } {
  let names = columnNames.get(engine);
  if (!names) {
    const { keys, sums } = factColumns(engine);
    names = { keys: [...keys.keys()], sums: [...sums.keys()] };
    columnNames.set(engine, names);
  }
  return names;
}

/**
 * The contribution of live records (of the ids the one parameter `ids` lists, or of all): one
 * row per facts key with its sums. Tombstones and records without a day contribute nothing.
 */
function contributions(engine: Engine, ids?: unknown) {
  const { keys, sums } = factColumns(engine);
  const list = (parts: RawBuilder<unknown>[]) => sql.join(parts, sql`, `);
  const inner = [...keys, ...sums].map(([name, expression]) => sql`${expression} as ${column(name)}`);
  const keyNames = [...keys.keys()].map(column);
  const summed = [...sums.keys()].map((name) => sql`sum(c.${column(name)}) as ${column(name)}`);
  const only = ids === undefined ? sql`` : engine === 'postgres' ? sql`and r.id = any(${ids}::text[])` : sql`and r.id in (select value from json_each(${ids}))`;
  return sql<Record<string, string | number>>`
    select ${list(keyNames.map((name) => sql`c.${name}`))}, ${list(summed)}
    from (select ${list(inner)} from records r where r.deleted = 0 and r.date is not null ${only}) c
    group by ${list(keyNames.map((name) => sql`c.${name}`))}`;
}

type FactRow = { key: Array<string | number>; sums: number[] };

/** Stands for the ids while the query is compiled (once per engine: a push runs it twice). */
const IDS = '\u0000ids';
const compiledContributions = new Map<Engine, { query: CompiledQuery; idsAt: number }>();

/** The contributions of the records `ids`, as one parameter: an array on PostgreSQL, JSON text on SQLite. */
function contributionsOf(trx: Kysely<Database>, engine: Engine, ids: readonly string[]): CompiledQuery<Record<string, string | number>> {
  let compiled = compiledContributions.get(engine);
  if (!compiled) {
    const query = contributions(engine, IDS).compile(trx);
    compiled = { query, idsAt: query.parameters.indexOf(IDS) };
    compiledContributions.set(engine, compiled);
  }
  const parameters = [...compiled.query.parameters];
  parameters[compiled.idsAt] = engine === 'postgres' ? ids : JSON.stringify(ids);
  return CompiledQuery.raw(compiled.query.sql, parameters) as CompiledQuery<Record<string, string | number>>;
}

/** Runs a compiled query in the push's transaction (by Kysely, or as a prepared SQLite statement: pushReads.ts). */
export type RunCompiled = <Row>(query: CompiledQuery<Row>) => Promise<Row[]>;

async function readContributions(trx: Kysely<Database>, engine: Engine, ids: readonly string[], run: RunCompiled): Promise<Map<string, FactRow>> {
  const { keys, sums } = factColumnNames(engine);
  const rows = new Map<string, FactRow>();
  if (ids.length === 0) return rows;
  // One row per key (the query groups): keys come back as the text or integers they are, sums
  // as numbers (bigint parsed, postgres.ts).
  for (const row of await run(contributionsOf(trx, engine, ids))) {
    const key = keys.map((name) => row[name]!);
    rows.set(JSON.stringify(key), { key, sums: sums.map((name) => Number(row[name] ?? 0)) });
  }
  return rows;
}

/** Adds each row's sums to the facts (a new key is inserted), in key order. */
async function addToFacts(trx: Kysely<Database>, engine: Engine, rows: FactRow[]): Promise<void> {
  const { keys, sums } = factColumnNames(engine);
  const columns = sql.join([...keys, ...sums].map(column), sql`, `);
  const updates = sql.join(
    sums.map((name) => sql`${column(name)} = ${sql.raw(FACTS_TABLE)}.${column(name)} + excluded.${column(name)}`),
    sql`, `,
  );
  for (const chunk of inKeyOrder(rows)) {
    const values = chunk.map((row) => tupleOf([...row.key, ...row.sums]));
    await sql`insert into ${sql.raw(FACTS_TABLE)} (${columns}) values ${sql.join(values, sql`, `)}
      on conflict (${sql.join(keys.map(column), sql`, `)}) do update set ${updates}`.execute(trx);
  }
}

/** Removes the rows of these keys that no record contributes to any more (a record moved or deleted). */
async function removeEmpty(trx: Kysely<Database>, engine: Engine, rows: FactRow[]): Promise<void> {
  const { keys } = factColumnNames(engine);
  const tuple = sql`(${sql.join(keys.map(column), sql`, `)})`;
  for (const chunk of inKeyOrder(rows)) {
    const values = chunk.map((row) => tupleOf(row.key));
    await sql`delete from ${sql.raw(FACTS_TABLE)} where records = 0 and ${tuple} in (${sql.join(values, sql`, `)})`.execute(trx);
  }
}

const tupleOf = (values: Array<string | number>) =>
  sql`(${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )})`;

/** The rows sorted by key (every transaction takes the facts' row locks in that order), in chunks. */
function* inKeyOrder(rows: FactRow[]): Generator<FactRow[]> {
  const sorted = [...rows].sort((a, b) => compareKeys(a.key, b.key));
  yield* inChunks(sorted);
}

function compareKeys(a: Array<string | number>, b: Array<string | number>): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    return a[i]! < b[i]! ? -1 : 1;
  }
  return 0;
}

/**
 * Runs `write` (the batch's writes to the records `ids`) and keeps the facts in step: the
 * records' contributions before, subtracted, and after, added, as one upsert of the
 * differences in key order (so that two transactions take the facts' row locks in the same
 * order). A record deleted contributes nothing after; one moved to another day moves its
 * contribution; a row no record contributes to any more is removed. Called once per push,
 * inside its transaction.
 */
export async function maintainFacts(
  trx: Transaction<Database>,
  engine: Engine,
  ids: readonly string[],
  write: () => Promise<void>,
  run: RunCompiled = async (query) => (await trx.executeQuery(query)).rows,
): Promise<void> {
  const unique = [...new Set(ids)].sort();
  const before = await readContributions(trx, engine, unique, run);
  await write();
  const after = await readContributions(trx, engine, unique, run);
  const differences: FactRow[] = [];
  for (const [id, row] of after) {
    const old = before.get(id);
    differences.push(old ? { key: row.key, sums: row.sums.map((value, i) => value - old.sums[i]!) } : row);
  }
  for (const [id, row] of before) if (!after.has(id)) differences.push({ key: row.key, sums: row.sums.map((value) => -value) });
  await addToFacts(
    trx,
    engine,
    differences.filter((row) => row.sums.some((value) => value !== 0)),
  );
  // The sums of 'records' come first: a key some record left may now count none.
  await removeEmpty(
    trx,
    engine,
    differences.filter((row) => row.sums[0]! < 0),
  );
}

/** Every fact computed again from the records, in one statement (and the digest it was made with). */
export async function rebuildFacts(db: Kysely<Database>, engine: Engine): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockFacts(trx, engine);
    await recompute(trx, engine);
  });
}

/** Rebuilds the facts when they were made with other definitions (or never); true when it did. */
export async function ensureFacts(db: Kysely<Database>, engine: Engine): Promise<boolean> {
  const digest = factsDigest(db, engine);
  if ((await storedDigest(db)) === digest) return false;
  return db.transaction().execute(async (trx) => {
    await lockFacts(trx, engine);
    // Another process starting at the same time may have rebuilt them meanwhile.
    if ((await storedDigest(trx)) === digest) return false;
    await recompute(trx, engine);
    return true;
  });
}

/** What the facts are computed with: a digest of the contribution SELECT. */
export function factsDigest(db: Kysely<Database>, engine: Engine): string {
  return createHash('sha256').update(contributions(engine).compile(db).sql).digest('hex').slice(0, 32);
}

async function storedDigest(db: Kysely<Database>): Promise<string | undefined> {
  const row = await db.selectFrom('fact_definitions').select('digest').where('name', '=', FACTS_TABLE).executeTakeFirst();
  return row?.digest;
}

/**
 * Pushes wait for a rebuild (and it for the pushes under way): none adds to a fact being
 * recounted. Reads go on. SQLite has one writer anyway.
 */
async function lockFacts(trx: Transaction<Database>, engine: Engine): Promise<void> {
  if (engine === 'postgres') await sql`lock table ${sql.raw(FACTS_TABLE)} in exclusive mode`.execute(trx);
}

async function recompute(trx: Transaction<Database>, engine: Engine): Promise<void> {
  const { keys, sums } = factColumnNames(engine);
  const columns = sql.join([...keys, ...sums].map(column), sql`, `);
  await sql`delete from ${sql.raw(FACTS_TABLE)}`.execute(trx);
  await sql`insert into ${sql.raw(FACTS_TABLE)} (${columns}) ${contributions(engine)}`.execute(trx);
  await trx
    .insertInto('fact_definitions')
    .values({ name: FACTS_TABLE, digest: factsDigest(trx, engine) })
    .onConflict((oc) => oc.column('name').doUpdateSet({ digest: factsDigest(trx, engine) }))
    .execute();
}
