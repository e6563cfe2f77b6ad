// The commune's data kept on this device: the plan of each year (on the officer's and the
// village heads' phones alike), the commune's units and its unit types, as last received from
// (or saved to) the server. The office screen and the home card read them from here, so they
// work from local data when the connection drops.
import { liveQuery } from 'dexie';
import type { NotebookDb } from './db.ts';
import type { Subscribable } from './live.ts';

export const officeKey = {
  plan: (communeId: string, year: number) => `plan:${communeId}:${year}`,
  units: (communeId: string) => `units:${communeId}`,
  unitTypes: (communeId: string) => `unitTypes:${communeId}`,
};

export async function keepOfficeValue(db: NotebookDb, key: string, value: unknown, now = new Date()): Promise<void> {
  await db.office.put({ key, value, storedAt: now.toISOString() });
}

/** The stored value, or undefined when there is none yet (the caller checks its shape). */
export function watchOfficeValue(db: NotebookDb, key: string): Subscribable<unknown> {
  return liveQuery(async () => (await db.office.get(key))?.value);
}
