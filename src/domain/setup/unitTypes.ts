// The kinds of village unit a commune has (thôn, ấp, bản, buôn, tổ dân phố, khu phố …): a list
// each commune's officer keeps. Types are renamed or retired, never removed, so a unit always
// finds the name of its type; a retired type is kept by the units that have it but given to no new one.
import * as z from 'zod/mini';

/** The commune's own unit (its office's records) has this reserved type, never in the list. */
export const COMMUNE_UNIT_TYPE = 'commune';

export const unitTypeId = z.string().check(z.regex(/^[a-zA-Z][a-zA-Z0-9-]{0,39}$/));

export const unitType = z.strictObject({
  id: unitTypeId.check(z.refine((id) => id !== COMMUNE_UNIT_TYPE, { message: 'reserved' })),
  name: z.string().check(z.trim(), z.minLength(2), z.maxLength(40)),
  retired: z.boolean(),
});
export type UnitType = z.infer<typeof unitType>;

export const unitTypeList = z.strictObject({
  types: z.array(unitType).check(
    z.minLength(1),
    z.maxLength(30),
    z.refine((list) => new Set(list.map((t) => t.id)).size === list.length, { message: 'duplicate' }),
    z.refine((list) => list.some((t) => !t.retired), { message: 'noneInService' }),
  ),
});
export type UnitTypeList = z.infer<typeof unitTypeList>;

/** The list a commune starts with: the names the seeds use. The ids are those units had before lists. */
export const defaultUnitTypes: readonly UnitType[] = [
  { id: 'thon', name: 'Thôn', retired: false },
  { id: 'ap', name: 'Ấp', retired: false },
  { id: 'ban', name: 'Bản', retired: false },
  { id: 'buon', name: 'Buôn', retired: false },
  { id: 'toDanPho', name: 'Tổ dân phố', retired: false },
  { id: 'khuPho', name: 'Khu phố', retired: false },
];

/**
 * Whether `next` may replace `previous`: every type stored before is still there (renamed or
 * retired, not removed). Returns the ids that went missing.
 */
export function removedTypeIds(previous: readonly UnitType[], next: readonly UnitType[]): string[] {
  const kept = new Set(next.map((t) => t.id));
  return previous.filter((t) => !kept.has(t.id)).map((t) => t.id);
}

/** The name of a unit's type in the commune's list; the id itself if the list has lost it. */
export function unitTypeName(types: readonly UnitType[], id: string): string {
  return types.find((t) => t.id === id)?.name ?? id;
}

/** A new type's id made from its name: "Tổ dân phố" → "to-dan-pho"; the list's ids are avoided. */
export function newUnitTypeId(name: string, taken: readonly string[]): string {
  const base =
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 30) || 'loai';
  const start = /^[a-z]/.test(base) ? base : `t-${base}`;
  let id = start;
  for (let n = 2; taken.includes(id) || id === COMMUNE_UNIT_TYPE; n++) id = `${start}-${n}`;
  return id;
}
