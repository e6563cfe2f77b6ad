// Versioned schema changes, kept in code so the server needs no migration folder on disk.
// Add a migration by appending a new name; never edit one that has shipped. The same
// migrations run on both engines; they branch on the engine only where a type differs.
import { Migrator, sql } from 'kysely';
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { Engine } from '../engine.ts';
import { appendOnly, provinceIndexes, provinceSlug, usersOfProvinces } from './steps.ts';

function migrationsFor(engine: Engine): Record<string, Migration> {
  // SQLite's integer is already 64-bit; PostgreSQL's is 32-bit, and the server's sequence
  // over a whole country may outgrow it. The driver parses bigint back to a number (postgres.ts).
  const counter = engine === 'postgres' ? 'bigint' : 'integer';
  // A row number the database assigns: SQLite's rowid alias, PostgreSQL's bigserial.
  const serial = engine === 'postgres' ? 'bigserial' : 'integer';
  return {
    '0001_initial': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('communes')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('province_name', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('units')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('commune_id', 'text', (c) => c.notNull().references('communes.id'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('households', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('retired', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
        await db.schema.createIndex('units_commune').on('units').column('commune_id').execute();
        await db.schema
          .createTable('users')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('username', 'text', (c) => c.notNull().unique())
          .addColumn('display_name', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('commune_id', 'text', (c) => c.notNull().references('communes.id'))
          .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
          .addColumn('pin_hash', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('devices')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
          .addColumn('token_hash', 'text', (c) => c.notNull().unique())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('revoked_at', 'text')
          .execute();
        await db.schema
          .createTable('records')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
          .addColumn('commune_id', 'text', (c) => c.notNull().references('communes.id'))
          .addColumn('reporter_id', 'text', (c) => c.notNull())
          .addColumn('date', 'text')
          .addColumn('rev', 'integer', (c) => c.notNull())
          .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('body', 'text')
          .addColumn('server_seq', counter, (c) => c.notNull().unique())
          .addColumn('received_at', 'text', (c) => c.notNull())
          .addColumn('last_device_id', 'text', (c) => c.notNull())
          .addColumn('last_user_id', 'text', (c) => c.notNull())
          .execute();
        // Pulls read "changed since a cursor" within one unit or one commune.
        await db.schema.createIndex('records_unit_seq').on('records').columns(['unit_id', 'server_seq']).execute();
        await db.schema.createIndex('records_commune_seq').on('records').columns(['commune_id', 'server_seq']).execute();
        await db.schema
          .createTable('applied_changes')
          .addColumn('change_id', 'text', (c) => c.primaryKey())
          .addColumn('device_id', 'text', (c) => c.notNull())
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('record_id', 'text', (c) => c.notNull())
          .addColumn('body_hash', 'text', (c) => c.notNull())
          .addColumn('result', 'text', (c) => c.notNull())
          .addColumn('received_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('device_missing_seqs')
          .addColumn('device_id', 'text', (c) => c.notNull())
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('device_missing_seqs_pk', ['device_id', 'seq'])
          .execute();
        await db.schema
          .createTable('counters')
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('value', counter, (c) => c.notNull())
          .execute();
        await sql`insert into counters (name, value) values ('server_seq', 0)`.execute(db);
      },
    },
    '0002_record_versions': {
      async up(db: Kysely<unknown>) {
        // Every revision of every record: the base of a field-by-field merge, and the history.
        await db.schema
          .createTable('record_versions')
          .addColumn('record_id', 'text', (c) => c.notNull())
          .addColumn('rev', 'integer', (c) => c.notNull())
          .addColumn('deleted', 'integer', (c) => c.notNull())
          .addColumn('body', 'text')
          .addColumn('device_id', 'text', (c) => c.notNull())
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addColumn('received_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('record_versions_pk', ['record_id', 'rev'])
          .execute();
        // Records written before this migration get their current revision as history.
        await sql`insert into record_versions (record_id, rev, deleted, body, device_id, user_id, received_at)
          select id, rev, deleted, body, last_device_id, last_user_id, received_at from records`.execute(db);
      },
    },
    '0003_office': {
      async up(db: Kysely<unknown>) {
        // A unit merged into another (units reorganised): its records count for that one.
        await db.schema.alterTable('units').addColumn('merged_into', 'text').execute();
        // A commune's plan of a year as the officer edited it (the Plan schema, as JSON).
        await db.schema
          .createTable('plans')
          .addColumn('commune_id', 'text', (c) => c.notNull().references('communes.id'))
          .addColumn('year', 'integer', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('updated_by', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('plans_pk', ['commune_id', 'year'])
          .execute();
        // Review of a unit's period, as a history of events (submit, accept, return).
        await db.schema
          .createTable('review_events')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('commune_id', 'text', (c) => c.notNull().references('communes.id'))
          .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
          .addColumn('period', 'text', (c) => c.notNull())
          // The event's place in its (unit, period) history: times can tie, this cannot.
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('comment', 'text')
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('review_events_commune').on('review_events').columns(['commune_id', 'period']).execute();
        await db.schema.createIndex('review_events_order').on('review_events').columns(['unit_id', 'period', 'seq']).unique().execute();
      },
    },
    '0004_sign_in_throttle': {
      async up(db: Kysely<unknown>) {
        // Failed sign-ins per account and per address, counted here so that every server
        // process sharing the database sees the same count and the same lock-out.
        await db.schema
          .createTable('sign_in_throttle')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('failures', 'integer', (c) => c.notNull())
          .addColumn('last_failure_at', 'text', (c) => c.notNull())
          .addColumn('locked_until', 'text')
          .execute();
      },
    },
    '0005_accounts_audit': {
      async up(db: Kysely<unknown>) {
        // Accounts the officer disables, and those still waiting for their owner to choose a PIN.
        await db.schema.alterTable('users').addColumn('disabled_at', 'text').execute();
        await db.schema.alterTable('users').addColumn('pin_set', 'integer', (c) => c.notNull().defaultTo(1)).execute();
        // One-time enrolment codes, kept only as a slow hash.
        await db.schema
          .createTable('enrolment_codes')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
          .addColumn('code_hash', 'text', (c) => c.notNull().unique())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .addColumn('used_at', 'text')
          .addColumn('replaced_at', 'text')
          .execute();
        await db.schema.createIndex('enrolment_codes_user').on('enrolment_codes').column('user_id').execute();
        // Account and office events: who did what, to what, which fields; never a value of a case.
        await db.schema
          .createTable('audit_events')
          .addColumn('id', serial, (c) => (engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
          .addColumn('commune_id', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addColumn('device_id', 'text')
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('target', 'text', (c) => c.notNull())
          .addColumn('fields', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('audit_events_commune_at').on('audit_events').columns(['commune_id', 'at']).execute();
        // Every read of a violence case's details that left the server.
        await db.schema
          .createTable('case_access')
          .addColumn('id', serial, (c) => (engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
          .addColumn('commune_id', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addColumn('device_id', 'text', (c) => c.notNull())
          .addColumn('record_id', 'text', (c) => c.notNull())
          .addColumn('via', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('case_access_commune_id').on('case_access').columns(['commune_id', 'id']).execute();
        // The trail reads the record history by time.
        await db.schema.createIndex('record_versions_received').on('record_versions').column('received_at').execute();
        await appendOnly(db, engine, ['record_versions', 'audit_events', 'case_access']);
      },
    },
    '0006_session_cookie': {
      async up(db: Kysely<unknown>) {
        // A device's session ends at this time unless used again (it slides on use); null for
        // sessions made before expiry existed, which get a time on their next use.
        await db.schema.alterTable('devices').addColumn('session_expires_at', 'text').execute();
      },
    },
    '0007_office_setup': {
      async up(db: Kysely<unknown>) {
        // The commune's own list of village unit types (thôn, ấp, tổ dân phố …). A commune with
        // no rows uses the defaults (src/domain/setup/unitTypes.ts); units keep their type's id.
        await db.schema
          .createTable('unit_types')
          .addColumn('commune_id', 'text', (c) => c.notNull().references('communes.id'))
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('retired', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('position', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('unit_types_pk', ['commune_id', 'id'])
          .execute();
      },
    },
    '0008_province': {
      async up(db: Kysely<unknown>) {
        // Provinces own communes; a province user belongs to a province, not to a commune.
        await db.schema
          .createTable('provinces')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .execute();
        await db.schema.alterTable('communes').addColumn('province_id', 'text', (c) => c.references('provinces.id')).execute();
        // Communes made before this migration: one province per province name they carry.
        const names = await sql<{ province_name: string }>`select distinct province_name from communes`.execute(db);
        for (const { province_name: name } of names.rows) {
          const id = provinceSlug(name);
          await sql`insert into provinces (id, name) values (${id}, ${`Tỉnh ${name}`})`.execute(db);
          await sql`update communes set province_id = ${id} where province_name = ${name}`.execute(db);
        }
        await db.schema.createIndex('communes_province').on('communes').column('province_id').execute();
        await usersOfProvinces(db, engine);
        await provinceIndexes(db, engine);
      },
    },
    '0009_unit_quarter_facts': {
      async up(db: Kysely<unknown>) {
        // The province's facts (facts.ts): per unit and quarter, and per the keys the plan and
        // today read later, the sums of what each live record contributes. Filled at start-up
        // by ensureFacts (existing records included), then kept by every push.
        await db.schema
          .createTable('unit_quarter_facts')
          .addColumn('commune_id', 'text', (c) => c.notNull())
          .addColumn('unit_id', 'text', (c) => c.notNull())
          .addColumn('year', 'integer', (c) => c.notNull())
          .addColumn('quarter', 'integer', (c) => c.notNull())
          .addColumn('handled_after', 'integer', (c) => c.notNull())
          .addColumn('pending_day', 'text', (c) => c.notNull())
          .addColumn('records', 'integer', (c) => c.notNull())
          .addColumn('news_posts', 'integer', (c) => c.notNull())
          .addColumn('conferences', 'integer', (c) => c.notNull())
          .addColumn('sessions', 'integer', (c) => c.notNull())
          .addColumn('households_named', 'integer', (c) => c.notNull())
          .addColumn('cases', 'integer', (c) => c.notNull())
          .addColumn('victims_needing', 'integer', (c) => c.notNull())
          .addColumn('victims_reached', 'integer', (c) => c.notNull())
          .addColumn('perpetrators_counselled', 'integer', (c) => c.notNull())
          // The province's year reads its communes' rows of one year: the key leads with them.
          .addPrimaryKeyConstraint('unit_quarter_facts_pk', ['commune_id', 'year', 'quarter', 'unit_id', 'handled_after', 'pending_day'])
          .execute();
        // The digest of the definitions the facts were computed with (facts.ts).
        await db.schema
          .createTable('fact_definitions')
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('digest', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '0010_commune_work_index': {
      async up(db: Kysely<unknown>) {
        // The province view reads the commune's own work (contact points, models, inspections,
        // trainings, complaints) of every year by kind: a few records among a commune's many.
        await db.schema.createIndex('records_kind_commune').on('records').columns(['kind', 'commune_id', 'date']).execute();
      },
    },
  };
}

/**
 * Runs what has not run yet; returns the names it ran (empty when up to date). On PostgreSQL
 * Kysely holds an advisory lock meanwhile, so processes starting together migrate once.
 */
export async function migrateToLatest(db: Kysely<unknown>, engine: Engine): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(engine) };
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Runs the migrations up to and including `name` (tests of an upgrade from an older schema). */
export async function migrateUpTo(db: Kysely<unknown>, engine: Engine, name: string): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(engine) };
  const { error } = await new Migrator({ db, provider }).migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
