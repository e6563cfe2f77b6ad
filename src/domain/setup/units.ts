// What the commune officer sends to set up the commune's village units: add one, change its
// name, type or household count, retire it, or merge it into another when units are reorganised.
import * as z from 'zod/mini';
import { unitTypes } from '../accounts.ts';
import { slug } from '../ids.ts';

/** The types a village unit can have (the commune itself is not one of them). */
export const villageUnitTypes = unitTypes.filter((t): t is Exclude<(typeof unitTypes)[number], 'commune'> => t !== 'commune');

const name = z.string().check(z.trim(), z.minLength(2), z.maxLength(120));
const households = z.int().check(z.minimum(0), z.maximum(100_000));
const villageType = z.enum(villageUnitTypes as [typeof villageUnitTypes[number], ...typeof villageUnitTypes[number][]]);

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
  type: z.enum(unitTypes),
  households: z.int(),
  retired: z.boolean(),
  mergedInto: z.nullable(slug),
});
export type SetupUnit = z.infer<typeof setupUnit>;
