// The commune's units and unit types for the office view, read from the phone's database:
// fetched from the server into it when online (retired and merged units included, so merged
// records count where they belong); offline the last copy seen; the signed-in profile's units
// and the default types before either.
import { useEffect, useMemo } from 'preact/hooks';
import { keepOfficeValue, officeKey, watchOfficeValue } from '../../../data/index.ts';
import { unitList, type NewUnit, type SetupUnit, type UnitChange } from '../../../domain/setup/units.ts';
import { defaultUnitTypes, unitTypeList, type UnitType } from '../../../domain/setup/unitTypes.ts';
import { useLive } from '../../hooks/useLive.ts';
import { useServices } from '../../services.ts';
import type { ApiAnswer } from '../../api.ts';
import { useCommuneUnits } from '../../commune/useCommuneUnits.ts';

export type UnitOutcome = { ok: true } | { ok: false; fields: string[]; code: string } | { ok: false; failed: true };

const asTypes = (value: unknown): UnitType[] | undefined => {
  const parsed = unitTypeList.safeParse({ types: value });
  return parsed.success ? parsed.data.types : undefined;
};

export function useUnits() {
  const { session, db, api } = useServices();
  const communeId = session.user.communeId;
  const unitsKey = officeKey.units(communeId);
  const typesKey = officeKey.unitTypes(communeId);
  const { units, entries } = useCommuneUnits();
  const storedTypes = useLive(() => watchOfficeValue(db, typesKey), [db, typesKey]);
  const types = useMemo(() => asTypes(storedTypes) ?? [...defaultUnitTypes], [storedTypes]);

  /** Keeps what the server answered on this device; a refusal (400, 409) names its code and fields. */
  async function kept(pending: Promise<ApiAnswer<{ units?: SetupUnit[]; types?: UnitType[] }>>): Promise<UnitOutcome> {
    const answer = await pending;
    if (!answer.ok)
      return answer.problem === 'refused' && (answer.status === 400 || answer.status === 409)
        ? { ok: false, code: answer.code, fields: answer.fields }
        : { ok: false, failed: true };
    if (answer.value.units) await keepOfficeValue(db, unitsKey, answer.value.units);
    if (answer.value.types) await keepOfficeValue(db, typesKey, answer.value.types);
    return { ok: true };
  }

  useEffect(() => {
    void kept(api.get('/units', unitList));
    void kept(api.get('/unit-types', unitTypeList));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per commune: kept is a new function at each render
  }, [communeId]);

  return {
    units,
    entries,
    types,
    add: (unit: NewUnit) => kept(api.send('POST', '/units', unitList, unit)),
    change: (id: string, change: UnitChange) => kept(api.send('PATCH', `/units/${id}`, unitList, change)),
    retire: (id: string) => kept(api.send('POST', `/units/${id}/retire`, unitList)),
    merge: (id: string, into: string) => kept(api.send('POST', `/units/${id}/merge`, unitList, { into })),
    saveTypes: (list: UnitType[]) => kept(api.send('PUT', '/unit-types', unitTypeList, { types: list })),
  };
}
