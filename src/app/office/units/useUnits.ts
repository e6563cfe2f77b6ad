// The commune's units and unit types for the office view, read from the phone's database:
// fetched from the server into it when online (retired and merged units included, so merged
// records count where they belong); offline the last copy seen; the signed-in profile's units
// and the default types before either.
import { useEffect, useMemo } from 'preact/hooks';
import { keepOfficeValue, officeKey, watchOfficeValue } from '../../../data/index.ts';
import type { UnitEntry } from '../../../domain/indicators/index.ts';
import { setupUnit, type NewUnit, type SetupUnit, type UnitChange } from '../../../domain/setup/units.ts';
import { defaultUnitTypes, unitTypeList, type UnitType } from '../../../domain/setup/unitTypes.ts';
import { useLive } from '../../hooks/useLive.ts';
import { useServices } from '../../services.ts';
import { officeCall } from '../officeApi.ts';

export type UnitOutcome = { ok: true } | { ok: false; fields: string[]; code: string } | { ok: false; failed: true };

export function toUnitEntries(units: readonly SetupUnit[], communeId: string): UnitEntry[] {
  return units.map((u) => ({ id: u.id, communeId, name: u.name, type: u.type, households: u.households, retired: u.retired, mergedInto: u.mergedInto ?? undefined }));
}

const asUnits = (value: unknown): SetupUnit[] | undefined => {
  if (!Array.isArray(value)) return undefined;
  const parsed = value.map((u) => setupUnit.safeParse(u));
  return parsed.every((p) => p.success) ? parsed.map((p) => p.data!) : undefined;
};
const asTypes = (value: unknown): UnitType[] | undefined => {
  const parsed = unitTypeList.safeParse({ types: value });
  return parsed.success ? parsed.data.types : undefined;
};

export function useUnits() {
  const { session, db } = useServices();
  const communeId = session.user.communeId;
  const unitsKey = officeKey.units(communeId);
  const typesKey = officeKey.unitTypes(communeId);
  const storedUnits = useLive(() => watchOfficeValue(db, unitsKey), [db, unitsKey]);
  const storedTypes = useLive(() => watchOfficeValue(db, typesKey), [db, typesKey]);
  const units = useMemo(
    () => asUnits(storedUnits) ?? session.units.map((u) => ({ id: u.id, name: u.name, type: u.type, households: u.households, retired: false, mergedInto: null })),
    [storedUnits, session],
  );
  const types = useMemo(() => asTypes(storedTypes) ?? [...defaultUnitTypes], [storedTypes]);

  async function call(method: string, path: string, body?: unknown): Promise<UnitOutcome> {
    const answer = await officeCall<{ units?: SetupUnit[]; types?: UnitType[] }>(method, path, body);
    if (!answer.ok) return 'failed' in answer ? answer : { ok: false, code: answer.code, fields: answer.fields };
    if (answer.body.units) await keepOfficeValue(db, unitsKey, answer.body.units);
    if (answer.body.types) await keepOfficeValue(db, typesKey, answer.body.types);
    return { ok: true };
  }

  useEffect(() => {
    void call('GET', '/units');
    void call('GET', '/unit-types');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per commune: call is a new function at each render
  }, [communeId]);

  const entries = useMemo(() => toUnitEntries(units, communeId), [units, communeId]);
  return {
    units,
    entries,
    types,
    add: (unit: NewUnit) => call('POST', '/units', unit),
    change: (id: string, change: UnitChange) => call('PATCH', `/units/${id}`, change),
    retire: (id: string) => call('POST', `/units/${id}/retire`),
    merge: (id: string, into: string) => call('POST', `/units/${id}/merge`, { into }),
    saveTypes: (list: UnitType[]) => call('PUT', '/unit-types', { types: list }),
  };
}
