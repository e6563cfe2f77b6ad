// What the commune officer sends to set up the commune's village units: add one, change its
// name, type or household count, retire it, or merge it into another when units are reorganised;
// and keep the commune's list of unit types (unitTypes.ts).
import * as z from 'zod/mini';
import { slug } from '../ids.ts';
import { COMMUNE_UNIT_TYPE, unitTypeId } from './unitTypes.ts';

const name = z.string().check(z.trim(), z.minLength(2), z.maxLength(120));
const households = z.int().check(z.minimum(0), z.maximum(100_000));
/** A type from the commune's list, in service: the server checks the list (unit_type_unknown / retired). */
const villageType = unitTypeId.check(z.refine((id) => id !== COMMUNE_UNIT_TYPE, { message: 'reserved' }));

export const newUnit = z.strictObject({ id: slug, name, type: villageType, households });
export type NewUnit = z.infer<typeof newUnit>;

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
});
export type SetupUnit = z.infer<typeof setupUnit>;
