// Migration 0012_unit_start: shipped, so never edited (the list and the rules: ../migrations.ts).
import { type Kysely, type Migration } from 'kysely';

export function migration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // The day a unit was added (Vietnam's calendar day): a unit added in December is not a unit
      // "not reached" in the quarters before. Units from before have none: they count in every period.
      await db.schema.alterTable('units').addColumn('started_on', 'text').execute();
    },
  };
}
