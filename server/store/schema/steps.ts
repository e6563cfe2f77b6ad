// Steps of the migrations (migrations.ts) that are more than a table's definition: the
// append-only triggers (0005) and the province's columns, indexes and accounts (0008). Like the
// migrations themselves, never edited once shipped.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Engine } from '../engine.ts';
import { fieldColumns, fieldExpressions, type RecordField } from '../province/recordFields.ts';

/**
 * The big counters' column type: SQLite's integer is already 64-bit; PostgreSQL's is 32-bit, and
 * the server's sequence over a whole country may outgrow it. The driver parses bigint back to a number (postgres.ts).
 */
export const counterType = (engine: Engine) => (engine === 'postgres' ? 'bigint' : 'integer');

/** A row number the database assigns: SQLite's rowid alias, PostgreSQL's bigserial. */
export const serialType = (engine: Engine) => (engine === 'postgres' ? 'bigserial' : 'integer');

/** The database itself refuses to change or remove a row of these tables (history, audit, access log). */
export async function appendOnly(db: Kysely<unknown>, engine: Engine, tables: string[]): Promise<void> {
  if (engine === 'postgres') {
    await sql`create function refuse_append_only_change() returns trigger language plpgsql as $$
      begin raise exception '% is append-only', tg_table_name; end $$`.execute(db);
    for (const table of tables) {
      await sql`create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.table(table)}
        for each row execute function refuse_append_only_change()`.execute(db);
      await sql`create trigger ${sql.raw(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
        for each statement execute function refuse_append_only_change()`.execute(db);
    }
    return;
  }
  for (const table of tables) {
    for (const event of ['update', 'delete']) {
      await sql`create trigger ${sql.raw(`${table}_no_${event}`)} before ${sql.raw(event)} on ${sql.table(table)}
        begin select raise(abort, ${sql.lit(`${table} is append-only`)}); end`.execute(db);
    }
  }
}

/**
 * The province view reads one period of many communes: records by commune and date. On
 * PostgreSQL the few body fields its indicators need are kept in stored generated columns
 * (recordFields.ts; one table rewrite) and carried in the index, so that the query over a
 * million records is an index-only scan that parses no JSON. SQLite reads them from the body.
 */
export async function provinceIndexes(db: Kysely<unknown>, engine: Engine): Promise<void> {
  if (engine === 'sqlite') {
    await db.schema.createIndex('records_commune_date').on('records').columns(['commune_id', 'date']).execute();
    return;
  }
  const body = sql`(body::jsonb)`;
  const expressions = fieldExpressions('postgres', body);
  // The six fields of this migration, frozen here: a later field gets its own migration.
  const types = {
    form: 'text',
    householdsReached: 'integer',
    handledAfterDays: 'integer',
    victimNeedsSupport: 'integer',
    supportServiceCount: 'integer',
    perpetratorCounselled: 'integer',
  } as const satisfies Partial<Record<RecordField, string>>;
  const fields = Object.keys(types) as Array<keyof typeof types>;
  const additions = fields.map(
    (field) => sql`add column ${sql.raw(fieldColumns[field])} ${sql.raw(types[field])} generated always as (${expressions[field]}) stored`,
  );
  await sql`alter table records ${sql.join(additions, sql`, `)}`.execute(db);
  const carried = ['deleted', 'kind', 'unit_id', ...fields.map((field) => fieldColumns[field])].map((name) => sql.raw(name));
  await sql`create index records_commune_date on records (commune_id, date) include (${sql.join(carried, sql`, `)})`.execute(db);
}

/** "Lâm Đồng" → "lam-dong". */
export function provinceSlug(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
  return ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'tinh';
}

/**
 * users gains province_id, and commune_id / unit_id become optional: a province user has a
 * province and no commune, every other user a commune and a unit (a check says so). SQLite
 * cannot drop NOT NULL, so there the table is copied into a new one, with foreign keys off.
 */
export async function usersOfProvinces(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const accountShape = sql`check ((role = 'province' and province_id is not null and commune_id is null and unit_id is null)
    or (role <> 'province' and commune_id is not null and unit_id is not null))`;
  // Province users made before (tied to a commune for want of a province) move to their commune's province.
  const moveProvinceUsers = sql`update users set province_id = (select province_id from communes where communes.id = users.commune_id),
    commune_id = null, unit_id = null where role = 'province'`;
  if (engine === 'postgres') {
    await db.schema
      .alterTable('users')
      .addColumn('province_id', 'text', (c) => c.references('provinces.id'))
      .execute();
    await db.schema
      .alterTable('users')
      .alterColumn('commune_id', (c) => c.dropNotNull())
      .execute();
    await db.schema
      .alterTable('users')
      .alterColumn('unit_id', (c) => c.dropNotNull())
      .execute();
    await moveProvinceUsers.execute(db);
    await sql`alter table users add constraint users_account_shape ${accountShape}`.execute(db);
    return;
  }
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      await sql`create table users_new (
        id text primary key,
        username text not null unique,
        display_name text not null,
        role text not null,
        commune_id text references communes (id),
        unit_id text references units (id),
        pin_hash text not null,
        disabled_at text,
        pin_set integer not null default 1,
        province_id text references provinces (id),
        constraint users_account_shape ${accountShape})`.execute(trx);
      await sql`insert into users_new (id, username, display_name, role, commune_id, unit_id, pin_hash, disabled_at, pin_set, province_id)
        select id, username, display_name, role,
          case when role = 'province' then null else commune_id end,
          case when role = 'province' then null else unit_id end,
          pin_hash, disabled_at, pin_set,
          case when role = 'province' then (select province_id from communes where communes.id = users.commune_id) end
        from users`.execute(trx);
      await sql`drop table users`.execute(trx);
      await sql`alter table users_new rename to users`.execute(trx);
      const broken = await sql`pragma foreign_key_check`.execute(trx);
      if (broken.rows.length > 0) throw new Error('0008_province: the copied users break a foreign key');
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
