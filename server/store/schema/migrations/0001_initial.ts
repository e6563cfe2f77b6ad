// Migration 0001_initial: shipped, so never edited (the list and the rules: ../migrations.ts).
import { sql, type Kysely, type Migration } from 'kysely';
import type { Engine } from '../../engine.ts';
import { counterType } from '../steps.ts';

export function migration(engine: Engine): Migration {
  const counter = counterType(engine);
  return {
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
  };
}
