// Migration 0007_office_setup: shipped, so never edited (the list and the rules: ../migrations.ts).
import { type Kysely, type Migration } from 'kysely';

export function migration(): Migration {
  return {
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
  };
}
