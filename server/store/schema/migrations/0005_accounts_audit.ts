// Migration 0005_accounts_audit: shipped, so never edited (the list and the rules: ../migrations.ts).
import { type Kysely, type Migration } from 'kysely';
import type { Engine } from '../../engine.ts';
import { appendOnly, serialType } from '../steps.ts';

export function migration(engine: Engine): Migration {
  const serial = serialType(engine);
  return {
    async up(db: Kysely<unknown>) {
      // Accounts the officer disables, and those still waiting for their owner to choose a PIN.
      await db.schema.alterTable('users').addColumn('disabled_at', 'text').execute();
      await db.schema
        .alterTable('users')
        .addColumn('pin_set', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
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
  };
}
