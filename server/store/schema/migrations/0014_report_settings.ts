// Migration 0014_report_settings: shipped, so never edited (the list and the rules: ../migrations.ts).
import { type Kysely, type Migration } from 'kysely';

export function migration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // What a commune's reports of a year say that no record holds (src/domain/plan/reportSettings.ts),
      // as JSON like the plans; a commune without a row gets the defaults.
      await db.schema
        .createTable('report_settings')
        .addColumn('commune_id', 'text', (c) => c.notNull().references('communes.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('report_settings_pk', ['commune_id', 'year'])
        .execute();
    },
  };
}
