// What waits on the officer, whatever quarter is open: every period a unit submitted that is
// not yet decided, and, once the units' deadline has passed, the units whose year has not come in.
import type { LocalDate } from '../dates.ts';
import { reviewKey, reviewStatuses, type ReviewEvent, type ReviewStatus } from './review.ts';

export interface WaitingReview {
  unitId: string;
  period: string;
  /** When it was submitted, ISO. */
  at: string;
}

/** Submitted and not yet accepted or sent back, oldest first. */
export function waitingReviews(events: readonly ReviewEvent[]): WaitingReview[] {
  return [...reviewStatuses(events).values()]
    .filter((entry) => entry.status === 'submitted')
    .map(({ last }) => ({ unitId: last.unitId, period: last.period, at: last.at }))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** The units that have not sent their year (never submitted, or sent back and not submitted again), once `deadline` is past. */
export function yearNotIn(events: readonly ReviewEvent[], unitIds: readonly string[], year: number, deadline: LocalDate, today: LocalDate): string[] {
  if (today <= deadline) return [];
  const statuses = reviewStatuses(events);
  const sent: ReadonlySet<ReviewStatus | undefined> = new Set(['submitted', 'accepted']);
  return unitIds.filter((id) => !sent.has(statuses.get(reviewKey(id, String(year)))?.status));
}
