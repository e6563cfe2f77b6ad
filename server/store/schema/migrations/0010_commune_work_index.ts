// Migration 0010_commune_work_index: shipped, so never edited (the list and the rules: ../migrations.ts).
import { type Kysely, type Migration } from 'kysely';

export function migration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // The province view reads the commune's own work (contact points, models, inspections,
      // trainings, complaints) of every year by kind: a few records among a commune's many.
      await db.schema.createIndex('records_kind_commune').on('records').columns(['kind', 'commune_id', 'date']).execute();
    },
  };
}
