import { randomUUID } from 'node:crypto';
// The officer sees the commune's phones whose change numbers have a hole; nobody else does.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newsPost, propagandaSession, upsertOf } from '../fixtures/records.ts';
import { DEMO_PIN } from '../../server/store/demo.ts';
import { startServer, START_TIME, type TestServer } from './harness.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

async function gapsAs(token: string, query = '') {
  const response = await server.app.request(`/api/v1/devices/gaps${query}`, { headers: { Authorization: `Bearer ${token}` } });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, body: (await response.json()) as { devices?: any[]; next?: string | null; error?: string; fields?: unknown[] } };
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
      body: {
        devices: [{ deviceId: phone.deviceId, userId: 'tdp2', displayName: 'Tổ trưởng Tổ dân phố 2', unitId: 'tdp-2', lastSeq: 4, missingSeqs: [2, 3] }],
        next: null,
      },
    });
  });

  it('come in pages by device id, and a bad page is refused naming the field', async () => {
    const phones = [];
    for (let i = 0; i < 5; i++) {
      const phone = await server.device('tdp2');
      await phone.push([
        upsertOf(propagandaSession({ unitId: 'tdp-2', reporterId: 'tdp2' }), 1),
        upsertOf(propagandaSession({ unitId: 'tdp-2', reporterId: 'tdp2' }), 3 + i),
      ]);
      phones.push(phone.deviceId);
    }
    const officer = await server.device('canbo');
    const seen: string[] = [];
    let after: string | null | undefined = undefined;
    for (let page = 0; page < 5 && after !== null; page++) {
      const answer = await gapsAs(officer.token, `?limit=2${after ? `&after=${after}` : ''}`);
      expect(answer.status).toBe(200);
      expect(answer.body.devices!.length).toBeLessThanOrEqual(2);
      seen.push(...answer.body.devices!.map((gap) => gap.deviceId as string));
      after = answer.body.next;
    }
    expect(after).toBeNull();
    expect(seen).toEqual([...phones].sort());
    expect(await gapsAs(officer.token, '?limit=0')).toMatchObject({ status: 400, body: { error: 'invalid_query', fields: [{ path: 'limit' }] } });
    expect(await gapsAs(officer.token, '?after=nope')).toMatchObject({ status: 400, body: { error: 'invalid_query', fields: [{ path: 'after' }] } });
  });

  it('are not shown to a village head', async () => {
    const head = await server.device('tdp1');
    expect(await gapsAs(head.token)).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect((await server.app.request('/api/v1/devices/gaps')).status).toBe(401);
  });
});

describe('a lost phone', () => {
  const revoke = (token: string, deviceId: string) =>
    server.app.request(`/api/v1/devices/${deviceId}/revoke`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });

  it("is listed among the commune's devices, with whose it is", async () => {
    const phone = await server.device('tdp2');
    const officer = await server.device('canbo');
    const response = await server.app.request('/api/v1/devices', { headers: { Authorization: `Bearer ${officer.token}` } });
    expect(response.status).toBe(200);
    const { devices } = (await response.json()) as { devices: { deviceId: string }[] };
    expect(devices).toEqual([
      {
        deviceId: officer.deviceId,
        userId: 'canbo',
        displayName: 'Công chức Văn hóa – Xã hội',
        unitId: 'nam-gia-nghia',
        createdAt: '2026-06-01T02:30:00.000Z',
        revokedAt: null,
        userAgent: null,
        lastSeenAt: '2026-06-01T02:30:00.000Z',
      },
      {
        deviceId: phone.deviceId,
        userId: 'tdp2',
        displayName: 'Tổ trưởng Tổ dân phố 2',
        unitId: 'tdp-2',
        createdAt: '2026-06-01T02:30:00.000Z',
        revokedAt: null,
        userAgent: null,
        lastSeenAt: '2026-06-01T02:30:00.000Z',
      },
    ]);
  });

  it('stops working at once when the officer revokes it, with a code that tells the phone to wipe itself', async () => {
    const phone = await server.device('tdp2');
    expect((await phone.pull()).status).toBe(200);
    const officer = await server.device('canbo');
    server.setNow(new Date('2026-06-02T01:00:00.000Z'));
    const revoked = await revoke(officer.token, phone.deviceId);
    expect(revoked.status).toBe(200);
    expect(await revoked.json()).toEqual({ deviceId: phone.deviceId, revoked: true });

    const expected = { error: 'device_revoked', message: 'Thiết bị này đã bị thu hồi quyền truy cập. Dữ liệu của ứng dụng trên máy này sẽ được xoá.' };
    const pull = await phone.pull();
    expect(pull).toEqual({ status: 401, body: expected });
    const push = await phone.push([upsertOf(propagandaSession({ unitId: 'tdp-2', reporterId: 'tdp2' }), 1)]);
    expect(push).toEqual({ status: 401, body: expected });
    const me = await server.app.request('/api/v1/me', { headers: { Authorization: `Bearer ${phone.token}` } });
    expect(me.status).toBe(401);
    expect(await server.countRows('records')).toBe(0);
    const row = await server.store.db.selectFrom('devices').select('revoked_at').where('id', '=', phone.deviceId).executeTakeFirstOrThrow();
    expect(row.revoked_at).toBe('2026-06-02T01:00:00.000Z');
    // The officer's own phone and the other phones go on working.
    expect((await officer.pull()).status).toBe(200);
  });

  it('cannot be revoked by a village head, nor a device the commune does not have', async () => {
    const phone = await server.device('tdp2');
    const head = await server.device('tdp1');
    expect((await revoke(head.token, phone.deviceId)).status).toBe(403);
    const officer = await server.device('canbo');
    expect((await revoke(officer.token, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await phone.pull()).status).toBe(200);
  });
});

const ANDROID_CHROME = 'Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36';

describe('the commune’s phones, told apart', () => {
  it('keep the browser they signed in with, their first sign-in and their last contact', async () => {
    const deviceId = randomUUID();
    const signIn = await server.app.request('/api/v1/sessions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Session-Token': 'body', 'User-Agent': ANDROID_CHROME },
      body: JSON.stringify({ username: 'tdp2', pin: DEMO_PIN, deviceId }),
    });
    expect(signIn.status).toBe(200);
    const token = ((await signIn.json()) as { token: string }).token;
    const officer = await server.device('canbo');
    const listed = async () => {
      const answer = await server.app.request('/api/v1/devices', { headers: { Authorization: `Bearer ${officer.token}` } });
      const { devices } = (await answer.json()) as { devices: Array<Record<string, unknown>> };
      return devices.find((d) => d.deviceId === deviceId);
    };
    expect(await listed()).toMatchObject({ userAgent: ANDROID_CHROME, createdAt: START_TIME.toISOString(), lastSeenAt: START_TIME.toISOString() });

    // A use of the session two hours on is the phone's latest contact; the first sign-in stays.
    const later = new Date(START_TIME.getTime() + 2 * 3_600_000);
    server.setNow(later);
    expect((await server.app.request('/api/v1/sync/pull?since=0', { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
    expect(await listed()).toMatchObject({ createdAt: START_TIME.toISOString(), lastSeenAt: later.toISOString() });
  });
});
