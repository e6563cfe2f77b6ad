// "From accepted data": the records a report may count when it counts only what the officer
// accepted. A village unit's record counts when its quarter or its whole year was accepted;
// the commune's own records (its conferences, portal posts) are the office's and always count.
import { quarterOf } from '../dates.ts';
import type { RecordEntry } from '../indicators/table.ts';
import { reviewKey, reviewStatuses, type ReviewEvent } from './review.ts';

export function acceptedRecords(records: readonly RecordEntry[], events: readonly ReviewEvent[], communeUnitIds: ReadonlySet<string>): RecordEntry[] {
  const statuses = reviewStatuses(events);
  const accepted = (unitId: string, period: string) => statuses.get(reviewKey(unitId, period))?.status === 'accepted';
  return records.filter((entry) => {
    const record = entry.record;
    if (!record) return false;
    if (communeUnitIds.has(record.unitId)) return true;
    const { year, quarter } = quarterOf(record.date);
    return accepted(record.unitId, String(year)) || accepted(record.unitId, `${year}-Q${quarter}`);
  });
}
