// The commune's units as this device keeps them: the office's copy from the server (retired and
// merged units included, so merged records count where they belong), else the signed-in
// profile's units (those in service). Read only: the office's useUnits fetches and changes them.
import { useMemo } from 'preact/hooks';
import { officeKey, watchOfficeValue } from '../../data/index.ts';
import type { UnitEntry } from '../../domain/indicators/index.ts';
import { setupUnit, type SetupUnit } from '../../domain/setup/units.ts';
import { useLive } from '../hooks/useLive.ts';
import { useServices } from '../services.ts';

export function toUnitEntries(units: readonly SetupUnit[], communeId: string): UnitEntry[] {
  return units.map((u) => ({
    id: u.id,
    communeId,
    name: u.name,
    type: u.type,
    households: u.households,
    retired: u.retired,
    mergedInto: u.mergedInto ?? undefined,
    startedOn: u.startedOn ?? undefined,
  }));
}

function asUnits(value: unknown): SetupUnit[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const parsed = value.map((u) => setupUnit.safeParse(u));
  return parsed.every((p) => p.success) ? parsed.map((p) => p.data!) : undefined;
}

export function useCommuneUnits(): { units: SetupUnit[]; entries: UnitEntry[] } {
  const { session, db } = useServices();
  const communeId = session.user.communeId;
  const key = officeKey.units(communeId);
  const stored = useLive(() => watchOfficeValue(db, key), [db, key]);
  const units = useMemo(
    () => asUnits(stored) ?? session.units.map((u) => ({ id: u.id, name: u.name, type: u.type, households: u.households, retired: false, mergedInto: null })),
    [stored, session],
  );
  const entries = useMemo(() => toUnitEntries(units, communeId), [units, communeId]);
  return { units, entries };
}
