// Reads for the commune's reports: the commune with all its units (retired ones too, so their
// records still find a name), and the live records of a date range (with the contact points and
// models set up before it). The plan of a year is in plans.ts.
import type { Kysely } from 'kysely';
import { standingKinds, type ChecklistRecord, type Unit } from '../../../src/domain/index.ts';
import type { RecordEntry, UnitEntry } from '../../../src/domain/indicators/index.ts';
import { storeGroup } from '../group.ts';
import type { Database } from '../schema/tables.ts';

export interface CommuneWithUnits {
  id: string;
  name: string;
  provinceName: string;
  units: UnitEntry[];
}

export async function loadCommune(db: Kysely<Database>, communeId: string): Promise<CommuneWithUnits | undefined> {
  const commune = await db.selectFrom('communes').selectAll().where('id', '=', communeId).executeTakeFirst();
  if (!commune) return undefined;
  const units = await db.selectFrom('units').selectAll().where('commune_id', '=', communeId).orderBy('id').execute();
  return {
    id: commune.id,
    name: commune.name,
    provinceName: commune.province_name,
    units: units.map((u) => ({
      id: u.id,
      communeId: u.commune_id,
      name: u.name,
      type: u.type as Unit['type'],
      households: Number(u.households),
      retired: Number(u.retired) === 1,
      mergedInto: u.merged_into ?? undefined,
      startedOn: u.started_on ?? undefined,
    })),
  };
}

export async function listCommuneRecords(db: Kysely<Database>, input: { communeId: string; from: string; to: string }): Promise<RecordEntry[]> {
  const rows = await db
    .selectFrom('records')
    .select('body')
    .where('commune_id', '=', input.communeId)
    .where('deleted', '=', 0)
    .where('date', '<=', input.to)
    // A contact point or a model set up in an earlier year may still run in this range.
    .where((eb) => eb.or([eb('date', '>=', input.from), eb('kind', 'in', [...standingKinds])]))
    .orderBy('date')
    .execute();
  return rows.flatMap((row) => (row.body ? [{ deleted: false, record: JSON.parse(row.body) as ChecklistRecord }] : []));
}

/** store.reports: reads only. */
export const reportsGroup = storeGroup('keeps', ({ db }) => ({
  /** A commune with all its units, retired ones included. */
  loadCommune: (communeId: string) => loadCommune(db, communeId),
  /** The commune's live records dated from `from` to `to`, both included, and the contact points and models set up before `from`. */
  listCommuneRecords: (input: { communeId: string; from: string; to: string }) => listCommuneRecords(db, input),
}));
