// Review of a unit's period: the village head submits a quarter or the year of their unit,
// the commune officer accepts it or sends it back with a comment. Kept as a history of
// events; the status of a (unit, period) is its latest event.
import * as z from 'zod/mini';
import { slug } from '../ids.ts';
import { parseQuarterKey, quarterDates, type LocalDate } from '../dates.ts';

/** "2026" (the year) or "2026-Q3" (a quarter). */
export const reviewPeriod = z.string().check(z.regex(/^\d{4}(-Q[1-4])?$/));

/** The first day of a review period ("2026" or "2026-Q3"). */
export function periodStart(period: string): LocalDate {
  const quarter = parseQuarterKey(period);
  return quarter ? quarterDates(quarter).first : `${period.slice(0, 4)}-01-01`;
}

export const reviewActions = ['submit', 'accept', 'return'] as const;
export type ReviewAction = (typeof reviewActions)[number];
export type ReviewStatus = 'submitted' | 'accepted' | 'returned';

export const submitRequest = z.strictObject({
  period: reviewPeriod,
  note: z.optional(z.string().check(z.trim(), z.maxLength(1000))),
});
export type SubmitRequest = z.infer<typeof submitRequest>;

export const decisionRequest = z
  .strictObject({
    unitId: slug,
    period: reviewPeriod,
    action: z.enum(['accept', 'return']),
    comment: z.optional(z.string().check(z.trim(), z.maxLength(1000))),
  })
  // Sending back without saying why helps no one.
  .check(z.refine((d) => d.action !== 'return' || (d.comment ?? '').length > 0, { message: 'required', path: ['comment'] }));
export type DecisionRequest = z.infer<typeof decisionRequest>;

export const reviewEvent = z.object({
  id: z.string(),
  unitId: z.string(),
  period: z.string(),
  /** 1, 2, 3 … within the (unit, period): the order of its history. */
  seq: z.number(),
  action: z.enum(reviewActions),
  comment: z.nullable(z.string()),
  userId: z.string(),
  /** Server time, ISO 8601. */
  at: z.string(),
});
export type ReviewEvent = z.infer<typeof reviewEvent>;

/** GET /reviews. */
export const reviewEventList = z.object({ events: z.array(reviewEvent) });

/** POST /reviews/submit and /reviews/decide: the event written. */
export const reviewEventWritten = z.object({ event: reviewEvent });

const statusOfAction: Record<ReviewAction, ReviewStatus> = { submit: 'submitted', accept: 'accepted', return: 'returned' };

/** The status of each (unit, period): that of its event with the highest seq. */
export function reviewStatuses(events: readonly ReviewEvent[]): Map<string, { status: ReviewStatus; last: ReviewEvent }> {
  const statuses = new Map<string, { status: ReviewStatus; last: ReviewEvent }>();
  for (const event of events) {
    const key = reviewKey(event.unitId, event.period);
    const known = statuses.get(key);
    if (!known || known.last.seq < event.seq) statuses.set(key, { status: statusOfAction[event.action], last: event });
  }
  return statuses;
}

export const reviewKey = (unitId: string, period: string) => `${unitId}|${period}`;

/** What may happen next: submit when nothing is pending or it came back; decide when submitted. */
export function allowed(status: ReviewStatus | undefined, action: ReviewAction): boolean {
  if (action === 'submit') return status === undefined || status === 'returned';
  return status === 'submitted';
}
