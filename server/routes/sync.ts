// Push (the phone's outbox, one batch per request) and pull (changes since a cursor).
import { Hono } from 'hono';
import * as z from 'zod/mini';
import {
  compactPushAnswer,
  compactPushResponse,
  daysAfter,
  latestRecordDay,
  MAX_PULL_LIMIT,
  parseSeqRanges,
  pullResponse,
  pushRequest,
  pushResponse,
} from '../../src/domain/index.ts';
import { apiRoute } from '../http/apiRoute.ts';
import { requireActor } from '../http/auth.ts';
import type { AuthEnv } from '../http/auth.ts';
import { apiError } from '../http/errors.ts';
import { parseJsonBody, parseQuery } from '../http/validate.ts';
import type { Actor, Store } from '../store/store.ts';
import { casesInPull, casesInPush } from '../sync/caseReads.ts';

const DEFAULT_PULL_LIMIT = 500;

const wholeNumber = (min: number, max: number) =>
  z.pipe(z.pipe(z.string().check(z.regex(/^\d{1,15}$/)), z.transform(Number)), z.int().check(z.minimum(min), z.maximum(max)));

export const pullQuery = z.object({
  since: z._default(wholeNumber(0, Number.MAX_SAFE_INTEGER), 0),
  limit: z._default(wholeNumber(1, MAX_PULL_LIMIT), DEFAULT_PULL_LIMIT),
  /** Server seqs of this device's own changes whose answers the phone holds: not sent back. */
  skip: z.optional(z.string().check(z.refine((text) => parseSeqRanges(text) !== undefined, { message: 'invalidRanges' }))),
});

export const syncApi = {
  push: apiRoute({
    method: 'post',
    path: '/sync/push',
    summary: "Push a batch of the phone's outbox; each change is answered applied, conflict or rejected",
    body: pushRequest,
    answer: { description: 'The result of each change (the compact form when the request asks for it)', schema: z.union([pushResponse, compactPushResponse]) },
  }),
  pull: apiRoute({
    method: 'get',
    path: '/sync/pull',
    summary: "What changed in the caller's scope since a cursor (the server's own sequence)",
    query: pullQuery,
    answer: { description: 'Records after the cursor, the next cursor and whether more are waiting', schema: pullResponse },
  }),
};

export function syncRoutes(deps: { store: Store; clock: () => Date }) {
  const { store, clock } = deps;
  // Who reads a case's details, for the access log.
  const reader = (actor: Actor) => ({ communeId: actor.communeId, at: clock().toISOString(), userId: actor.userId, deviceId: actor.deviceId });
  return new Hono<AuthEnv>()
    .use('/sync/*', requireActor(store, clock))
    .post('/sync/push', async (c) => {
      const parsed = await parseJsonBody(c, syncApi.push.body);
      if (!parsed.ok) return parsed.response;
      const actor = c.get('actor');
      if (parsed.data.deviceId !== actor.deviceId) return apiError(c, 403, 'device_mismatch', [{ path: 'deviceId', code: 'mismatch' }]);
      // A day after tomorrow in Vietnam has not happened: the batch is refused like any invalid change (the phone splits it).
      const latest = latestRecordDay(clock());
      const late = parsed.data.changes.flatMap((change, index) =>
        change.op === 'upsert' ? daysAfter(change.record, latest).map((path) => ({ path: `changes.${index}.record.${path}`, code: 'afterToday' })) : [],
      );
      if (late.length > 0) return apiError(c, 400, 'date_after_today', late);
      const outcome = await store.sync.push({ actor, changes: parsed.data.changes, receivedAt: clock().toISOString() });
      if (!outcome.ok) {
        if (outcome.refusal === 'seqJump') return apiError(c, 400, 'seq_jump', [{ path: `changes.${outcome.index}.seq`, code: 'tooFar' }]);
        return apiError(c, 409, 'change_id_reused', [{ path: `changes.${outcome.index}.changeId`, code: 'reused' }]);
      }
      const reads = casesInPush(outcome.response);
      for (const via of ['conflict', 'merge'] as const) {
        const recordIds = reads.filter((read) => read.via === via).map((read) => read.recordId);
        await store.audit.logCaseAccess({ ...reader(actor), via, recordIds });
      }
      return c.json(parsed.data.answer === 'compact' ? compactPushAnswer(outcome.response) : outcome.response, 200);
    })
    .get('/sync/pull', async (c) => {
      const parsed = parseQuery(c, syncApi.pull.query);
      if (!parsed.ok) return parsed.response;
      const actor = c.get('actor');
      const { since, limit, skip } = parsed.data;
      const response = await store.sync.pull({ actor, since, limit, skipOwn: parseSeqRanges(skip ?? '') ?? [] });
      await store.audit.logCaseAccess({ ...reader(actor), via: 'pull', recordIds: casesInPull(response) });
      return c.json(response, 200);
    });
}
