// Migration 0013_case_prosecution: whether a case's perpetrator is criminally prosecuted
// (the case's `prosecution`, seed 003: perpetrators not prosecuted are the ones counted as
// counselled). Never edited once shipped (the list and the rules: ../migrations.ts).
import { sql, type Kysely, type Migration } from 'kysely';
import type { Engine } from '../../engine.ts';

export function migration(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // PostgreSQL keeps the field as a 0/1 generated column beside 0008's (recordFields.ts):
      // 1 for a perpetrator not prosecuted, 0 when prosecuted, not known, or never said (a case
      // from an older phone) and for every other record. Frozen here, one table rewrite.
      if (engine === 'postgres') {
        await sql`alter table records add column x_perpetrator_not_prosecuted integer generated always as
          (case when ((body::jsonb) ->> 'prosecution') = 'notProsecuted' then 1 else 0 end) stored`.execute(db);
      }
      // The facts count the perpetrators not prosecuted (and perpetrators_counselled now counts
      // the counselled among them): the definitions' digest changed, so the start-up rebuilds
      // every fact from the records (facts.ts, ensureFacts) and the 0 here never stays.
      await db.schema
        .alterTable('unit_quarter_facts')
        .addColumn('perpetrators_not_prosecuted', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
  };
}
