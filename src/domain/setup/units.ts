// What the commune officer sends to set up the commune's village units: add one, change its
// name, type or household count, retire it, or merge it into another when units are reorganised;
// and keep the commune's list of unit types (unitTypes.ts).
import * as z from 'zod/mini';
import { localDate, type LocalDate } from '../dates.ts';
import { slug } from '../ids.ts';
import { COMMUNE_UNIT_TYPE, unitTypeId } from './unitTypes.ts';

const name = z.string().check(z.trim(), z.minLength(2), z.maxLength(120));
const households = z.int().check(z.minimum(0), z.maximum(100_000));
/** A type from the commune's list, in service: the server checks the list (unit_type_unknown / retired). */
const villageType = unitTypeId.check(z.refine((id) => id !== COMMUNE_UNIT_TYPE, { message: 'reserved' }));

export const newUnit = z.strictObject({ id: slug, name, type: villageType, households });

/**
 * Unit ids are one namespace for the whole server, but a commune's officer must not learn which
 * ids other communes use (a 409 for another commune's id would say so). So a new unit's id is
 * the commune's id, a dash, and the code the officer typed (kept as typed when it already starts
 * so): "nam-gia-nghia-to-6". Only the officer's own ids can then be taken. Undefined when too long.
 */
export function communeUnitId(communeId: string, code: string): string | undefined {
  const id = code.startsWith(`${communeId}-`) ? code : `${communeId}-${code}`;
  return slug.safeParse(id).success ? id : undefined;
}
export type NewUnit = z.infer<typeof newUnit>;
/** A new unit as stored: with the day it was added (today in Vietnam, by the server's clock). */
export type StartedUnit = NewUnit & { startedOn: LocalDate };

export const unitChange = z
  .strictObject({ name: z.optional(name), type: z.optional(villageType), households: z.optional(households) })
  .check(z.refine((c) => Object.keys(c).length > 0, { message: 'required' }));
export type UnitChange = z.infer<typeof unitChange>;

export const unitMerge = z.strictObject({ into: slug });
export type UnitMerge = z.infer<typeof unitMerge>;

/** A unit as the officer's setup screen sees it: retired ones included. */
export const setupUnit = z.object({
  id: slug,
  name: z.string(),
  type: z.string(),
  households: z.int(),
  retired: z.boolean(),
  mergedInto: z.nullable(slug),
  /** The day the officer added it; null for units from before, which count in every period. */
  startedOn: z.optional(z.nullable(localDate)),
});
export type SetupUnit = z.infer<typeof setupUnit>;

/** The answer of GET /units and of every change to a unit: the commune's units after it. */
export const unitList = z.object({ units: z.array(setupUnit) });

/** A merge refused, naming the field: the unit (`id`) or the one it would join (`into`). */
export type MergeRefusal =
  | { path: 'id'; code: 'not_found' | 'retired' }
  /** invalid_value: itself, the commune's own level, or no unit of this commune (another commune's is not named). */
  | { path: 'into'; code: 'invalid_value' | 'retired' | 'merged' | 'cycle' };

/**
 * Why `unitId` may not merge into `into`, among the commune's units; undefined when it may.
 * The unit joined must be a village unit in service, and the chain of merges from it must never
 * come back to the unit (A→B then B→A, or longer), so every record keeps one unit to count for.
 */
export function mergeRefusal(units: readonly SetupUnit[], unitId: string, into: string): MergeRefusal | undefined {
  const byId = new Map(units.map((u) => [u.id, u]));
  const unit = byId.get(unitId);
  if (!unit || unit.type === COMMUNE_UNIT_TYPE) return { path: 'id', code: 'not_found' };
  if (unit.retired) return { path: 'id', code: 'retired' };
  const target = byId.get(into);
  if (!target || target.type === COMMUNE_UNIT_TYPE || target.id === unitId) return { path: 'into', code: 'invalid_value' };
  // Follow the merges from the unit joined: a chain back to the unit is a cycle, whatever the flags say.
  const seen = new Set<string>();
  for (let id: string | null | undefined = into; id && !seen.has(id); id = byId.get(id)?.mergedInto) {
    if (id === unitId) return { path: 'into', code: 'cycle' };
    seen.add(id);
  }
  if (target.mergedInto && target.mergedInto !== target.id) return { path: 'into', code: 'merged' };
  if (target.retired) return { path: 'into', code: 'retired' };
  return undefined;
}
