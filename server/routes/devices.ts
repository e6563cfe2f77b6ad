// What the commune officer sees of the commune's phones: those whose changes have a hole,
// and all of them, with a way to revoke a lost one (its token stops working at once).
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { requireActor } from '../http/auth.ts';
import type { AuthEnv } from '../http/auth.ts';
import { requireRole } from '../http/requireRole.ts';
import { apiError } from '../http/errors.ts';
import type { Store } from '../store/store.ts';
import { auditInput } from '../http/auditInput.ts';
import { parseQuery } from '../http/validate.ts';
import { uuid } from '../../src/domain/ids.ts';
import { DEVICE_GAPS_PAGE, deviceGapsPage, deviceList, MAX_DEVICE_GAPS_PAGE, revokedDevice } from '../../src/domain/devices.ts';

/** Paged by device id: `after` the last id of the page before, `limit` devices (each with at most 1,000 numbers). */
export const gapsQuery = z.strictObject({
  after: z.optional(uuid),
  limit: z._default(
    z.pipe(z.pipe(z.string().check(z.regex(/^\d{1,3}$/)), z.transform(Number)), z.int().check(z.minimum(1), z.maximum(MAX_DEVICE_GAPS_PAGE))),
    DEVICE_GAPS_PAGE,
  ),
});

import { apiRoute } from '../http/apiRoute.ts';

export const deviceApi = {
  gaps: apiRoute({
    method: 'get',
    path: '/devices/gaps',
    summary: "The commune's phones whose change numbers have a hole, paged by device id (officer)",
    query: gapsQuery,
    answer: { description: '{ devices: DeviceGap[], next } (src/domain/devices.ts)', schema: deviceGapsPage },
  }),
  list: apiRoute({
    method: 'get',
    path: '/devices',
    summary: "The commune's phones (officer)",
    answer: { description: '{ devices: CommuneDevice[] } (src/domain/devices.ts)', schema: deviceList },
  }),
  revoke: apiRoute({
    method: 'post',
    path: '/devices/:id/revoke',
    summary: 'Revoke a lost phone: its session stops working at once (officer)',
    answer: { description: '{ deviceId, revoked }', schema: revokedDevice },
  }),
};

export function deviceRoutes(deps: { store: Store; clock: () => Date }) {
  const { store, clock } = deps;
  return new Hono<AuthEnv>()
    .use('/devices', requireActor(store, clock))
    .use('/devices/*', requireActor(store, clock))
    .use('/devices', requireRole('communeOfficer'))
    .use('/devices/*', requireRole('communeOfficer'))
    .get('/devices/gaps', async (c) => {
      const parsed = parseQuery(c, deviceApi.gaps.query);
      if (!parsed.ok) return parsed.response;
      const page = await store.sync.devicesWithGaps({ communeId: c.get('actor').communeId, after: parsed.data.after ?? null, limit: parsed.data.limit });
      return c.json(page, 200);
    })
    .get('/devices', async (c) => c.json({ devices: await store.devices.list(c.get('actor').communeId) }, 200))
    .post('/devices/:id/revoke', async (c) => {
      const deviceId = c.req.param('id');
      const audit = { ...auditInput(c, clock), action: 'device.revoke' as const, target: deviceId, fields: ['revokedAt'] };
      const revoked = await store.devices.revoke({ communeId: c.get('actor').communeId, deviceId, now: audit.at, audit });
      if (!revoked) return apiError(c, 404, 'not_found');
      return c.json({ deviceId, revoked: true }, 200);
    });
}
