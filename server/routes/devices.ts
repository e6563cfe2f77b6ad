// What the commune officer sees of the commune's phones: those whose changes have a hole,
// and all of them, with a way to revoke a lost one (its token stops working at once).
import { Hono } from 'hono';
import { requireActor } from '../http/auth.ts';
import type { AuthEnv } from '../http/auth.ts';
import { apiError } from '../http/errors.ts';
import type { Store } from '../store/store.ts';
import { auditInput } from '../http/auditInput.ts';
import { apiRoute } from '../http/apiRoute.ts';

export const deviceApi = {
  gaps: apiRoute({ method: 'get', path: '/devices/gaps', summary: "The commune's phones whose change numbers have a hole (officer)", answer: { description: '{ devices: DeviceGap[] } (src/domain/devices.ts)' } }),
  list: apiRoute({ method: 'get', path: '/devices', summary: "The commune's phones (officer)", answer: { description: '{ devices: CommuneDevice[] } (src/domain/devices.ts)' } }),
  revoke: apiRoute({ method: 'post', path: '/devices/:id/revoke', summary: 'Revoke a lost phone: its session stops working at once (officer)', answer: { description: '{ deviceId, revoked }' } }),
};

export function deviceRoutes(deps: { store: Store; clock: () => Date }) {
  const { store, clock } = deps;
  return new Hono<AuthEnv>()
    .use('/devices', requireActor(store, clock))
    .use('/devices/*', requireActor(store, clock))
    .use('/devices', async (c, next) => (c.get('actor').role === 'communeOfficer' ? next() : apiError(c, 403, 'forbidden')))
    .use('/devices/*', async (c, next) => (c.get('actor').role === 'communeOfficer' ? next() : apiError(c, 403, 'forbidden')))
    .get('/devices/gaps', async (c) => c.json({ devices: await store.devicesWithGaps(c.get('actor').communeId) }, 200))
    .get('/devices', async (c) => c.json({ devices: await store.listCommuneDevices(c.get('actor').communeId) }, 200))
    .post('/devices/:id/revoke', async (c) => {
      const deviceId = c.req.param('id');
      const revoked = await store.revokeDevice({ communeId: c.get('actor').communeId, deviceId, now: clock().toISOString() });
      if (!revoked) return apiError(c, 404, 'not_found');
      await store.appendAudit({ ...auditInput(c, clock), action: 'device.revoke', target: deviceId, fields: ['revokedAt'] });
      return c.json({ deviceId, revoked: true }, 200);
    });
}
