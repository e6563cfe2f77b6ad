// The officer's setup of the commune's village units: list (retired ones too), add, change,
// retire, merge. Every write is scoped to the officer's commune by the caller.
import type { Kysely } from 'kysely';
import { mergeRefusal, type MergeRefusal, type SetupUnit, type StartedUnit, type UnitChange } from '../../../src/domain/setup/units.ts';
import type { Unit } from '../../../src/domain/index.ts';
import { appendAudit, withAudit, type AuditEventInput } from './audit.ts';
import type { EngineTraits } from '../engine.ts';
import { storeGroup } from '../group.ts';
import type { Database } from '../schema/tables.ts';

export async function listUnits(db: Kysely<Database>, communeId: string, lock = false): Promise<SetupUnit[]> {
  const query = db.selectFrom('units').selectAll().where('commune_id', '=', communeId).orderBy('id');
  const rows = await (lock ? query.forUpdate() : query).execute();
  return rows.map((u) => ({
    id: u.id,
    name: u.name,
    type: u.type as Unit['type'],
    households: Number(u.households),
    retired: Number(u.retired) === 1,
    mergedInto: u.merged_into ?? null,
    startedOn: u.started_on ?? null,
  }));
}

/** False when the id is taken (in any commune: unit ids are global keys). */
export async function addUnit(db: Kysely<Database>, communeId: string, unit: StartedUnit): Promise<boolean> {
  const taken = await db.selectFrom('units').select('id').where('id', '=', unit.id).executeTakeFirst();
  if (taken) return false;
  await db
    .insertInto('units')
    .values({ id: unit.id, commune_id: communeId, name: unit.name, type: unit.type, households: unit.households, started_on: unit.startedOn })
    .execute();
  return true;
}

export async function changeUnit(db: Kysely<Database>, unitId: string, change: UnitChange): Promise<void> {
  await db.updateTable('units').set(change).where('id', '=', unitId).execute();
}

export async function retireUnit(db: Kysely<Database>, unitId: string, mergedInto: string | null): Promise<void> {
  await db.updateTable('units').set({ retired: 1, merged_into: mergedInto }).where('id', '=', unitId).execute();
}

/**
 * Merges a unit into another of the same commune, or says why not (setup/units.ts mergeRefusal).
 * The check reads the units inside the write's transaction, rows locked on PostgreSQL (one
 * writer on SQLite), so two merges sent at once (A→B and B→A) cannot both pass and loop.
 */
export async function mergeUnit(
  db: Kysely<Database>,
  traits: EngineTraits,
  communeId: string,
  unitId: string,
  into: string,
  event?: AuditEventInput,
): Promise<MergeRefusal | undefined> {
  return db.transaction().execute(async (trx) => {
    const refusal = mergeRefusal(await listUnits(trx, communeId, traits.rowLocks), unitId, into);
    if (!refusal) await retireUnit(trx, unitId, into);
    // Recorded in the merge's own transaction (audit.ts withAudit).
    if (!refusal && event) await appendAudit(trx, event);
    return refusal;
  });
}

/** store.units: the officer's setup; no call writes users or devices. */
export const unitsGroup = storeGroup('keeps', ({ db, traits }) => ({
  /** The commune's units for its officer's setup screen, retired ones included. */
  list: (communeId: string) => listUnits(db, communeId),
  /** False when the id is already taken. */
  add: (communeId: string, unit: StartedUnit, audit?: AuditEventInput) =>
    withAudit(
      db,
      audit,
      (trx) => addUnit(trx, communeId, unit),
      (added) => added,
    ),
  change: (unitId: string, change: UnitChange, audit?: AuditEventInput) => withAudit(db, audit, (trx) => changeUnit(trx, unitId, change)),
  /** Retires a unit: it is no longer counted, nor offered to the phones. */
  retire: (unitId: string, audit?: AuditEventInput) => withAudit(db, audit, (trx) => retireUnit(trx, unitId, null)),
  /** Merges a unit into another of the commune (its records count there from then on), or says why not. */
  merge: (communeId: string, unitId: string, into: string, audit?: AuditEventInput) => mergeUnit(db, traits, communeId, unitId, into, audit),
}));
