// Migration 0003_office: shipped, so never edited (the list and the rules: ../migrations.ts).
import { type Kysely, type Migration } from 'kysely';

export function migration(): Migration {
  return {
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
  };
}
