// The review history of a commune's units, one row per event, each (unit, period) in the
// order its events happened (by seq: two events may share a timestamp).
import type { Kysely } from 'kysely';
import type { ReviewAction, ReviewEvent } from '../../../src/domain/review/review.ts';
import { storeGroup } from '../group.ts';
import type { Database } from '../schema/tables.ts';
import { withAudit, type AuditEventInput } from './audit.ts';

export async function listReviewEvents(db: Kysely<Database>, scope: { communeId: string; unitId?: string; period?: string }): Promise<ReviewEvent[]> {
  let query = db.selectFrom('review_events').selectAll().where('commune_id', '=', scope.communeId);
  if (scope.unitId) query = query.where('unit_id', '=', scope.unitId);
  if (scope.period) query = query.where('period', '=', scope.period);
  const rows = await query.orderBy('unit_id').orderBy('period').orderBy('seq').execute();
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    period: r.period,
    seq: Number(r.seq),
    action: r.action as ReviewAction,
    comment: r.comment,
    userId: r.user_id,
    at: r.at,
  }));
}

export async function addReviewEvent(db: Kysely<Database>, communeId: string, event: ReviewEvent): Promise<void> {
  await db
    .insertInto('review_events')
    .values({
      id: event.id,
      commune_id: communeId,
      unit_id: event.unitId,
      period: event.period,
      seq: event.seq,
      action: event.action,
      comment: event.comment,
      user_id: event.userId,
      at: event.at,
    })
    .execute();
}

/** store.reviews: no call writes users or devices. */
export const reviewsGroup = storeGroup('keeps', ({ db }) => ({
  /** Review events of a commune (optionally one unit, one period), oldest first. */
  list: (scope: { communeId: string; unitId?: string; period?: string }) => listReviewEvents(db, scope),
  add: (communeId: string, event: ReviewEvent, audit?: AuditEventInput) => withAudit(db, audit, (trx) => addReviewEvent(trx, communeId, event)),
}));
