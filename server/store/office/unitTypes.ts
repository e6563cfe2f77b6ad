// A commune's list of village unit types: the stored rows in their order, or the defaults
// while the officer has saved none. Saving replaces the list in one transaction.
import type { Kysely } from 'kysely';
import { defaultUnitTypes, type UnitType } from '../../../src/domain/setup/unitTypes.ts';
import { storeGroup } from '../group.ts';
import type { Database } from '../schema/tables.ts';

export async function listUnitTypes(db: Kysely<Database>, communeId: string): Promise<UnitType[]> {
  const rows = await db.selectFrom('unit_types').selectAll().where('commune_id', '=', communeId).orderBy('position').execute();
  if (rows.length === 0) return defaultUnitTypes.map((t) => ({ ...t }));
  return rows.map((r) => ({ id: r.id, name: r.name, retired: Number(r.retired) === 1 }));
}

export async function saveUnitTypes(db: Kysely<Database>, communeId: string, types: readonly UnitType[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('unit_types').where('commune_id', '=', communeId).execute();
    await trx
      .insertInto('unit_types')
      .values(types.map((t, position) => ({ commune_id: communeId, id: t.id, name: t.name, retired: t.retired ? 1 : 0, position })))
      .execute();
  });
}

/** store.unitTypes: no call writes users or devices. */
export const unitTypesGroup = storeGroup('keeps', ({ db }) => ({
  /** The commune's unit types in their order (the defaults until the officer saves a list). */
  list: (communeId: string) => listUnitTypes(db, communeId),
  save: (communeId: string, types: readonly UnitType[]) => saveUnitTypes(db, communeId, types),
}));
