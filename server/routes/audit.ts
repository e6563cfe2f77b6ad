// What the commune officer reads of the commune's history: the audit trail (record changes and
// account and office events, newest first) and the log of reads of violence cases. Officer only.
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { requireActor } from '../http/auth.ts';
import type { AuthEnv } from '../http/auth.ts';
import { requireRole } from '../http/requireRole.ts';
import { parseQuery } from '../http/validate.ts';
import { apiRoute } from '../http/apiRoute.ts';
import { auditPage, caseAccessPage } from '../../src/domain/audit.ts';
import type { Store } from '../store/store.ts';

const limit = z._default(z.pipe(z.pipe(z.string().check(z.regex(/^\d{1,3}$/)), z.transform(Number)), z.int().check(z.minimum(1), z.maximum(200))), 50);

export const auditQuery = z.strictObject({
  before: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/))),
  limit,
});

export const caseAccessQuery = z.strictObject({
  before: z.optional(z.pipe(z.string().check(z.regex(/^\d{1,15}$/)), z.transform(Number))),
  limit,
});

export const auditApi = {
  audit: apiRoute({
    method: 'get',
    path: '/audit',
    summary: "The commune's audit trail, newest first (officer)",
    query: auditQuery,
    answer: { description: 'AuditPage (src/domain/audit.ts): { entries, next }', schema: auditPage },
  }),
  caseAccess: apiRoute({
    method: 'get',
    path: '/case-access',
    summary: 'The log of reads of violence cases, newest first (officer)',
    query: caseAccessQuery,
    answer: { description: 'CaseAccessPage (src/domain/audit.ts): { entries, next }', schema: caseAccessPage },
  }),
};

export function auditRoutes(deps: { store: Store; clock: () => Date }) {
  const { store } = deps;
  const signedIn = requireActor(store, deps.clock);
  return new Hono<AuthEnv>()
    .use('/audit', signedIn)
    .use('/case-access', signedIn)
    .use('/audit', requireRole('communeOfficer'))
    .use('/case-access', requireRole('communeOfficer'))
    .get('/audit', async (c) => {
      const parsed = parseQuery(c, auditApi.audit.query);
      if (!parsed.ok) return parsed.response;
      return c.json(await store.audit.listTrail({ communeId: c.get('actor').communeId, before: parsed.data.before ?? null, limit: parsed.data.limit }), 200);
    })
    .get('/case-access', async (c) => {
      const parsed = parseQuery(c, auditApi.caseAccess.query);
      if (!parsed.ok) return parsed.response;
      return c.json(
        await store.audit.listCaseAccess({ communeId: c.get('actor').communeId, before: parsed.data.before ?? null, limit: parsed.data.limit }),
        200,
      );
    });
}
