// Migration 0009_unit_quarter_facts: shipped, so never edited (the list and the rules: ../migrations.ts).
import { type Kysely, type Migration } from 'kysely';

export function migration(): Migration {
  return {
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
  };
}
