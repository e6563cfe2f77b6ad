// The records the indicators of a year are computed from, live from this device's database:
// the year's, with the contact points and models set up in earlier years (they may still run).
import { useMemo } from 'preact/hooks';
import { watchIndicatorRecords } from '../../data/index.ts';
import type { RecordEntry } from '../../domain/indicators/index.ts';
import { useLive } from '../hooks/useLive.ts';
import { useServices } from '../services.ts';

/** Deleted ones included (the indicators skip them); undefined while read. */
export function useYearRecords(year: number): RecordEntry[] | undefined {
  const { db } = useServices();
  const rows = useLive(() => watchIndicatorRecords(db, year), [db, year]);
  return useMemo(() => rows?.map((r) => ({ deleted: r.deleted, record: r.body })), [rows]);
}
