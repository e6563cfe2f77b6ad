// The officer sees the commune's phones whose change numbers have a hole; nobody else does.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newsPost, propagandaSession, upsertOf } from '../fixtures/records.ts';
import { startServer, type TestServer } from './harness.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

async function gapsAs(token: string) {
  const response = await server.app.request('/api/v1/devices/gaps', { headers: { Authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as { devices?: unknown[]; error?: string } };
}

describe('devices with missing changes', () => {
  it('are listed for the commune officer with the numbers that never arrived', async () => {
    const phone = await server.device('tdp2');
    const whole = await server.device('tdp3');
    // The phone's changes 2 and 3 were lost on the phone before they were sent.
    await phone.push([upsertOf(propagandaSession({ unitId: 'tdp-2', reporterId: 'tdp2' }), 1), upsertOf(newsPost({ unitId: 'tdp-2', reporterId: 'tdp2' }), 4)]);
    await whole.push([upsertOf(propagandaSession({ unitId: 'tdp-3', reporterId: 'tdp3' }), 1)]);
    const officer = await server.device('canbo');
    expect(await gapsAs(officer.token)).toEqual({
      status: 200,
      body: { devices: [{ deviceId: phone.deviceId, userId: 'tdp2', displayName: 'Tổ trưởng Tổ dân phố 2', unitId: 'tdp-2', lastSeq: 4, missingSeqs: [2, 3] }] },
    });
  });

  it('are not shown to a village head', async () => {
    const head = await server.device('tdp1');
    expect(await gapsAs(head.token)).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect((await server.app.request('/api/v1/devices/gaps')).status).toBe(401);
  });
});
