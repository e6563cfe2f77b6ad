// The commune's units as the indicators see them: village units are the denominator of
// "units reached"; a unit merged into another hands its records to the one it joined.
import type { Unit } from '../accounts.ts';
import type { LocalDate } from '../dates.ts';

export interface UnitEntry extends Unit {
  /** Retired units are no longer counted, unless merged: then their records count for `mergedInto`. */
  retired?: boolean;
  mergedInto?: string;
  /** The day the unit was added; absent for units from before. It counts in a period from the one it was added in. */
  startedOn?: LocalDate;
}

/** A unit counts in a period when it existed by the period's last day. */
export function existedBy(unit: UnitEntry, last: LocalDate): boolean {
  return unit.startedOn === undefined || unit.startedOn <= last;
}

export interface UnitDirectory {
  /** Village units still in service, in display order (the commune itself excluded). */
  villageUnits: UnitEntry[];
  /** The commune-level unit(s): records of the commune's own work. */
  communeUnitIds: Set<string>;
  /** Where a record of this unit counts: follows merges, so an old unit's records land on the new one. */
  countsFor(unitId: string): string;
}

export function unitDirectory(units: readonly UnitEntry[]): UnitDirectory {
  const byId = new Map(units.map((u) => [u.id, u]));
  const countsFor = (unitId: string): string => {
    let id = unitId;
    // A chain of merges ends at a unit in service; the step limit guards a cycle typed by mistake.
    for (let step = 0; step < units.length; step++) {
      const next = byId.get(id)?.mergedInto;
      if (!next || next === id) break;
      id = next;
    }
    return id;
  };
  return {
    villageUnits: units.filter((u) => u.type !== 'commune' && !u.retired),
    communeUnitIds: new Set(units.filter((u) => u.type === 'commune').map((u) => u.id)),
    countsFor,
  };
}
