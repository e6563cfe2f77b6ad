// Migration 0016_province_plans: shipped, so never edited (the list and the rules: ../migrations.ts).
import { type Kysely, type Migration } from 'kysely';

export function migration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // The province's plan of a year (src/domain/plan/provincePlan.ts), as JSON like the communes'
      // plans; a province without a row gets seed 003's defaults.
      await db.schema
        .createTable('province_plans')
        .addColumn('province_id', 'text', (c) => c.notNull().references('provinces.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('province_plans_pk', ['province_id', 'year'])
        .execute();
    },
  };
}
