// Review of a unit's period: a village head submits their unit's quarter or year; the commune
// officer accepts it or sends it back with a comment; both read the history.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { dayInVietnam } from '../../src/domain/dates.ts';
import {
  allowed,
  decisionRequest,
  periodStart,
  reviewKey,
  reviewPeriod,
  reviewEventList,
  reviewEventWritten,
  reviewStatuses,
  submitRequest,
  type ReviewEvent,
} from '../../src/domain/review/review.ts';
import { requireActor } from '../http/auth.ts';
import type { AuthEnv } from '../http/auth.ts';
import { requireRole } from '../http/requireRole.ts';
import { apiError } from '../http/errors.ts';
import { parseJsonBody, parseQuery } from '../http/validate.ts';
import type { Store } from '../store/store.ts';
import { auditInput } from '../http/auditInput.ts';
import { apiRoute } from '../http/apiRoute.ts';

const listQuery = z.object({ period: z.optional(reviewPeriod) });

export const reviewApi = {
  list: apiRoute({
    method: 'get',
    path: '/reviews',
    summary: "The review history: a village head's own unit, or the whole commune for its officer",
    query: listQuery,
    answer: { description: '{ events: ReviewEvent[] } (src/domain/review/review.ts)', schema: reviewEventList },
  }),
  submit: apiRoute({
    method: 'post',
    path: '/reviews/submit',
    summary: "Submit the unit's quarter or year for review (village head)",
    body: submitRequest,
    answer: { status: 201, description: '{ event }', schema: reviewEventWritten },
  }),
  decide: apiRoute({
    method: 'post',
    path: '/reviews/decide',
    summary: 'Accept a submitted period or send it back with a comment (officer)',
    body: decisionRequest,
    answer: { status: 201, description: '{ event }', schema: reviewEventWritten },
  }),
};

export function reviewRoutes(deps: { store: Store; clock: () => Date }) {
  const { store, clock } = deps;

  /** The current status and the next seq of a (unit, period). */
  async function historyOf(communeId: string, unitId: string, period: string) {
    const events = await store.reviews.list({ communeId, unitId, period });
    return { status: reviewStatuses(events).get(reviewKey(unitId, period))?.status, nextSeq: events.length + 1 };
  }

  return new Hono<AuthEnv>()
    .use('/reviews', requireActor(store, clock))
    .use('/reviews/*', requireActor(store, clock))
    .get('/reviews', requireRole('villageHead', 'communeOfficer'), async (c) => {
      const parsed = parseQuery(c, reviewApi.list.query);
      if (!parsed.ok) return parsed.response;
      const actor = c.get('actor');
      const unitId = actor.role === 'villageHead' ? actor.unitId : undefined;
      return c.json({ events: await store.reviews.list({ communeId: actor.communeId, unitId, period: parsed.data.period }) }, 200);
    })
    .post('/reviews/submit', requireRole('villageHead'), async (c) => {
      const actor = c.get('actor');
      const parsed = await parseJsonBody(c, reviewApi.submit.body);
      if (!parsed.ok) return parsed.response;
      const { period, note } = parsed.data;
      if (periodStart(period) > dayInVietnam(clock())) return apiError(c, 400, 'period_not_begun', [{ path: 'period', code: 'notBegun' }]);
      const history = await historyOf(actor.communeId, actor.unitId, period);
      if (!allowed(history.status, 'submit')) {
        return apiError(c, 409, 'review_state', [{ path: 'period', code: 'alreadySubmitted' }]);
      }
      const event: ReviewEvent = {
        id: randomUUID(),
        unitId: actor.unitId,
        period,
        seq: history.nextSeq,
        action: 'submit',
        comment: note || null,
        userId: actor.userId,
        at: clock().toISOString(),
      };
      await store.reviews.add(actor.communeId, event, {
        ...auditInput(c, clock),
        action: 'review.submit',
        target: `${actor.unitId} ${period}`,
        fields: note ? ['note'] : [],
      });
      return c.json({ event }, 201);
    })
    .post('/reviews/decide', requireRole('communeOfficer'), async (c) => {
      const actor = c.get('actor');
      const parsed = await parseJsonBody(c, reviewApi.decide.body);
      if (!parsed.ok) return parsed.response;
      const { unitId, period, action, comment } = parsed.data;
      const units = await store.units.list(actor.communeId);
      if (!units.some((u) => u.id === unitId)) return apiError(c, 400, 'invalid_body', [{ path: 'unitId', code: 'invalid_value' }]);
      const history = await historyOf(actor.communeId, unitId, period);
      if (!allowed(history.status, action)) {
        return apiError(c, 409, 'review_state', [{ path: 'period', code: 'notSubmitted' }]);
      }
      const event: ReviewEvent = {
        id: randomUUID(),
        unitId,
        period,
        seq: history.nextSeq,
        action,
        comment: comment || null,
        userId: actor.userId,
        at: clock().toISOString(),
      };
      await store.reviews.add(actor.communeId, event, {
        ...auditInput(c, clock),
        action: `review.${action}`,
        target: `${unitId} ${period}`,
        fields: comment ? ['comment'] : [],
      });
      return c.json({ event }, 201);
    });
}
