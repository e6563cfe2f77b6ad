// The commune's units for the office view: from the server when online (retired and merged
// ones included, so merged records count where they belong), the last copy seen on this
// device when offline, the signed-in profile's units before either.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { UnitEntry } from '../../domain/indicators/index.ts';
import type { NewUnit, SetupUnit, UnitChange } from '../../domain/setup/units.ts';
import { apiHeaders } from '../../sync/index.ts';
import { useServices } from '../services.ts';

export type UnitOutcome = { ok: true } | { ok: false; fields: string[]; code: string } | { ok: false; failed: true };

const cacheKey = (communeId: string) => `so-tay-units:${communeId}`;

export function toUnitEntries(units: readonly SetupUnit[], communeId: string): UnitEntry[] {
  return units.map((u) => ({ id: u.id, communeId, name: u.name, type: u.type, households: u.households, retired: u.retired, mergedInto: u.mergedInto ?? undefined }));
}

export function useUnits() {
  const { session } = useServices();
  const communeId = session.user.communeId;
  const fromProfile = (): SetupUnit[] => session.units.map((u) => ({ id: u.id, name: u.name, type: u.type, households: u.households, retired: false, mergedInto: null }));
  const [units, setUnits] = useState<SetupUnit[]>(() => {
    try {
      const raw = localStorage.getItem(cacheKey(communeId));
      return raw ? (JSON.parse(raw) as SetupUnit[]) : fromProfile();
    } catch {
      return fromProfile();
    }
  });

  const remember = (next: SetupUnit[]) => {
    setUnits(next);
    try {
      localStorage.setItem(cacheKey(communeId), JSON.stringify(next));
    } catch {
      // Only the offline copy is lost.
    }
  };

  async function call(method: string, path: string, body?: unknown): Promise<UnitOutcome> {
    try {
      const response = await fetch(`/api/v1${path}`, {
        method,
        headers: apiHeaders(true),
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const answer = (await response.json()) as { units?: SetupUnit[]; error?: string; fields?: { path: string }[] };
      if (response.ok && answer.units) {
        remember(answer.units);
        return { ok: true };
      }
      if (response.status === 400 || response.status === 409) {
        return { ok: false, code: answer.error ?? '', fields: (answer.fields ?? []).map((f) => f.path) };
      }
      return { ok: false, failed: true };
    } catch {
      return { ok: false, failed: true };
    }
  }

  useEffect(() => {
    void call('GET', '/units');
  }, [communeId]);

  const entries = useMemo(() => toUnitEntries(units, communeId), [units, communeId]);
  return {
    units,
    entries,
    add: (unit: NewUnit) => call('POST', '/units', unit),
    change: (id: string, change: UnitChange) => call('PATCH', `/units/${id}`, change),
    retire: (id: string) => call('POST', `/units/${id}/retire`),
    merge: (id: string, into: string) => call('POST', `/units/${id}/merge`, { into }),
  };
}
