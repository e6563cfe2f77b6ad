import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../server/auth/secrets.ts';
import { SESSION_LIFETIME_SECONDS } from '../../server/http/session.ts';
import { propagandaSession, upsertOf } from '../fixtures/records.ts';
import { startServer } from './harness.ts';
import type { TestServer } from './harness.ts';
import { DEMO_PIN } from '../../server/store/demo.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startServer({ sessionLifetimeSeconds: SESSION_LIFETIME_SECONDS });
});
afterEach(async () => {
  await server.close();
});

const signIn = (body: unknown) =>
  server.app.request('/api/v1/sessions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Session-Token': 'body' },
    body: JSON.stringify(body),
  });

const wardUnits = [
  { id: 'nam-gia-nghia', communeId: 'nam-gia-nghia', name: 'UBND phường Nam Gia Nghĩa', type: 'commune', households: 0 },
  { id: 'tdp-1', communeId: 'nam-gia-nghia', name: 'Tổ dân phố 1', type: 'toDanPho', households: 214 },
  { id: 'tdp-2', communeId: 'nam-gia-nghia', name: 'Tổ dân phố 2', type: 'toDanPho', households: 187 },
  { id: 'tdp-3', communeId: 'nam-gia-nghia', name: 'Tổ dân phố 3', type: 'toDanPho', households: 256 },
  { id: 'tdp-4', communeId: 'nam-gia-nghia', name: 'Tổ dân phố 4', type: 'toDanPho', households: 173 },
  { id: 'tdp-5', communeId: 'nam-gia-nghia', name: 'Tổ dân phố 5', type: 'toDanPho', households: 198 },
];

describe('POST /api/v1/sessions', () => {
  it('signs a village head in and returns a token, the user and the ward units', async () => {
    const deviceId = randomUUID();
    const response = await signIn({ username: ' TDP1 ', pin: DEMO_PIN, deviceId });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.user).toEqual({
      id: 'tdp1',
      displayName: 'Tổ trưởng Tổ dân phố 1',
      role: 'villageHead',
      communeId: 'nam-gia-nghia',
      communeName: 'Phường Nam Gia Nghĩa',
      unitId: 'tdp-1',
      provinceId: 'lam-dong',
      provinceName: 'Tỉnh Lâm Đồng',
    });
    expect(body.units).toEqual(wardUnits);
    // Only the token's hash is kept.
    const device = await server.store.db.selectFrom('devices').selectAll().where('id', '=', deviceId).executeTakeFirstOrThrow();
    expect(device.user_id).toBe('tdp1');
    expect(device.token_hash).toBe(sha256Hex(body.token));
    expect(device.token_hash).not.toContain(body.token);
  });

  it('answers a wrong PIN and an unknown username with the same 401', async () => {
    const wrongPin = await signIn({ username: 'tdp1', pin: '9999', deviceId: randomUUID() });
    const unknown = await signIn({ username: 'nobody', pin: DEMO_PIN, deviceId: randomUUID() });
    expect(wrongPin.status).toBe(401);
    expect(unknown.status).toBe(401);
    const expected = { error: 'bad_credentials', message: 'Tên đăng nhập hoặc mã PIN không đúng.' };
    expect(await wrongPin.json()).toEqual(expected);
    expect(await unknown.json()).toEqual(expected);
    expect(await server.countRows('devices')).toBe(0);
  });

  it('gives a device signing in again a new token and retires the old one', async () => {
    const deviceId = randomUUID();
    const first = await (await signIn({ username: 'tdp1', pin: DEMO_PIN, deviceId })).json();
    const second = await (await signIn({ username: 'tdp1', pin: DEMO_PIN, deviceId })).json();
    expect([first.deviceId, second.deviceId]).toEqual([deviceId, deviceId]);
    expect(second.token).not.toBe(first.token);
    const old = await server.app.request('/api/v1/me', { headers: { Authorization: `Bearer ${first.token}` } });
    expect(old.status).toBe(401);
    const me = await server.app.request('/api/v1/me', { headers: { Authorization: `Bearer ${second.token}` } });
    expect((await me.json()).user.id).toBe('tdp1');
    expect(await server.countRows('devices')).toBe(1);
  });

  it('refuses a malformed sign-in with 400 naming the field', async () => {
    const response = await signIn({ username: 'tdp1', pin: '12', deviceId: 'not-a-uuid' });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toBe('invalid_body');
    expect(body.fields.map((f: { path: string }) => f.path).sort()).toEqual(['deviceId', 'pin']);
  });
});

describe('authentication', () => {
  it('answers 401 without a token, with an unknown token, and with a revoked one', async () => {
    const unauthorized = { error: 'unauthorized', message: 'Phiên đăng nhập không hợp lệ. Vui lòng đăng nhập lại.' };
    const none = await server.app.request('/api/v1/me');
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual(unauthorized);

    const unknown = await server.app.request('/api/v1/sync/pull?since=0', {
      headers: { Authorization: 'Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
    });
    expect(unknown.status).toBe(401);

    const device = await server.device('tdp1');
    await server.store.db.updateTable('devices').set({ revoked_at: '2026-06-01T00:00:00.000Z' }).execute();
    // A revoked device is told so, so that the phone wipes what it holds (tests/sync/lost-phone.test.ts).
    const revoked = await server.app.request('/api/v1/sync/pull?since=0', { headers: { Authorization: `Bearer ${device.token}` } });
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get('clear-site-data')).toBe('"cache"');
    expect(await revoked.json()).toEqual({
      error: 'device_revoked',
      message: 'Thiết bị này đã bị thu hồi quyền truy cập. Dữ liệu của ứng dụng trên máy này sẽ được xoá.',
    });
    expect(unknown.headers.get('clear-site-data')).toBeNull();
  });

  it('returns the signed-in user and units from /me', async () => {
    const device = await server.device('canbo');
    const response = await server.app.request('/api/v1/me', { headers: { Authorization: `Bearer ${device.token}` } });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.user.role).toBe('communeOfficer');
    expect(body.user.unitId).toBe('nam-gia-nghia');
    expect(body.units).toEqual(wardUnits);
  });
});

describe('the session cookie', () => {
  const cookieSignIn = (deviceId = randomUUID()) =>
    server.app.request('/api/v1/sessions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'tdp1', pin: DEMO_PIN, deviceId }),
    });
  /** The cookie as a browser would send it back: name=value from the Set-Cookie header. */
  const cookieOf = (response: Response) => (response.headers.get('set-cookie') ?? '').split(';')[0]!;

  it('is HttpOnly, Secure, SameSite=Strict on /api for 90 days, and the app gets no token in the body', async () => {
    const response = await cookieSignIn();
    expect(response.status).toBe(200);
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^so_tay_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('Secure');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/api');
    expect(setCookie).toContain(`Max-Age=${90 * 86_400}`);
    const body = await response.json();
    expect(body.token).toBeUndefined();
    expect(JSON.stringify(body)).not.toContain(cookieOf(response).split('=')[1]);
    expect(body.user.id).toBe('tdp1');
  });

  it('carries the session for reads, and for changes only with the app header', async () => {
    const deviceId = randomUUID();
    const cookie = cookieOf(await cookieSignIn(deviceId));
    const me = await server.app.request('/api/v1/me', { headers: { Cookie: cookie } });
    expect(me.status).toBe(200);
    const push = (headers: Record<string, string>) =>
      server.app.request('/api/v1/sync/push', {
        method: 'POST',
        headers: { Cookie: cookie, 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ deviceId, changes: [{ changeId: randomUUID(), seq: 1, op: 'delete', recordId: randomUUID(), kind: 'newsPost', baseRev: 0 }] }),
      });
    // A page of another site could make the browser send the cookie, but not this header.
    const forged = await push({});
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({ error: 'client_header_missing', fields: [{ path: 'X-Requested-With', code: 'required' }] });
    expect(await server.countRows('applied_changes')).toBe(0);
    const fromApp = await push({ 'X-Requested-With': 'so-tay' });
    expect(fromApp.status).toBe(200);
    expect(await server.countRows('applied_changes')).toBe(1);
  });

  it('refuses a change carried by the cookie from another site, by Sec-Fetch-Site or else Origin, even with the app header', async () => {
    const deviceId = randomUUID();
    const cookie = cookieOf(await cookieSignIn(deviceId));
    let seq = 0;
    const push = (headers: Record<string, string>) =>
      server.app.request('/api/v1/sync/push', {
        method: 'POST',
        headers: { Cookie: cookie, 'Content-Type': 'application/json', 'X-Requested-With': 'so-tay', ...headers },
        body: JSON.stringify({
          deviceId,
          changes: [{ changeId: randomUUID(), seq: ++seq, op: 'delete', recordId: randomUUID(), kind: 'newsPost', baseRev: 0 }],
        }),
      });
    for (const [header, value] of [
      ['Sec-Fetch-Site', 'cross-site'],
      ['Sec-Fetch-Site', 'same-site'],
      ['Origin', 'https://evil.example'],
      ['Origin', 'http://localhost:8080'],
      ['Origin', 'null'],
    ] as const) {
      const refused = await push({ [header]: value });
      expect([header, value, refused.status]).toEqual([header, value, 403]);
      expect(await refused.json()).toMatchObject({ error: 'cross_site_request', fields: [{ path: header, code: 'crossSite' }] });
    }
    expect(await server.countRows('applied_changes')).toBe(0);
    // The app's own calls: same origin, or no such header (an older browser).
    const fromTheApp: Record<string, string>[] = [
      { 'Sec-Fetch-Site': 'same-origin' },
      { Origin: 'http://localhost' },
      { 'Sec-Fetch-Site': 'same-origin', Origin: 'http://localhost' },
      {},
    ];
    for (const headers of fromTheApp) {
      expect((await push(headers)).status).toBe(200);
    }
    // Reads are not changes; a Bearer token is not ambient and is not checked.
    expect((await server.app.request('/api/v1/me', { headers: { Cookie: cookie, 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(200);
    const token = (await (await signIn({ username: 'tdp2', pin: DEMO_PIN, deviceId: randomUUID() })).json()).token;
    const bearer = await server.app.request('/api/v1/sessions/current', {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${token}`, 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(bearer.status).toBe(204);
  });

  it('takes the origin behind a trusted proxy from X-Forwarded-Proto and Host', async () => {
    await server.close();
    server = await startServer({ sessionLifetimeSeconds: SESSION_LIFETIME_SECONDS, trustProxy: true });
    const cookie = cookieOf(await cookieSignIn());
    const signOut = (origin: string) =>
      server.app.request('http://sotay.example.gov.vn/api/v1/sessions/current', {
        method: 'DELETE',
        headers: { Cookie: cookie, 'X-Requested-With': 'so-tay', Host: 'sotay.example.gov.vn', 'X-Forwarded-Proto': 'https', Origin: origin },
      });
    expect((await signOut('http://sotay.example.gov.vn')).status).toBe(403);
    expect((await signOut('https://sotay.example.gov.vn')).status).toBe(204);
  });

  it('ends 90 days after the last use, sliding on each use', async () => {
    const start = new Date('2026-06-01T02:30:00.000Z');
    const day = 86_400_000;
    const cookie = cookieOf(await cookieSignIn());
    const meAt = async (offsetDays: number) => {
      server.setNow(new Date(start.getTime() + offsetDays * day));
      return server.app.request('/api/v1/me', { headers: { Cookie: cookie } });
    };
    // Used after 80 days: the end moves to day 170, and the cookie is sent again.
    const used = await meAt(80);
    expect(used.status).toBe(200);
    expect(used.headers.get('set-cookie')).toContain(`Max-Age=${90 * 86_400}`);
    expect((await meAt(165)).status).toBe(200);
    // Then nothing for more than 90 days.
    const late = await meAt(165 + 91);
    expect(late.status).toBe(401);
    expect((await late.json()).error).toBe('unauthorized');
  });

  it('sign-out ends the session on the server and clears the cookie', async () => {
    const cookie = cookieOf(await cookieSignIn());
    const out = await server.app.request('/api/v1/sessions/current', { method: 'DELETE', headers: { Cookie: cookie, 'X-Requested-With': 'so-tay' } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^so_tay_session=;.*Max-Age=0/);
    // The browser drops the origin's HTTP cache; not "storage": other accounts' unsent records stay on a shared phone.
    expect(out.headers.get('clear-site-data')).toBe('"cache"');
    expect((await server.app.request('/api/v1/me', { headers: { Cookie: cookie } })).status).toBe(401);
  });

  it('gives the token in the body to a client that asks, which then uses it as Bearer', async () => {
    const response = await signIn({ username: 'tdp1', pin: DEMO_PIN, deviceId: randomUUID() });
    const { token } = await response.json();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const push = await server.app.request('/api/v1/sync/push', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{"deviceId":"x","changes":[]}',
    });
    // Bearer needs no app header (it is never sent by a browser on its own): the body is judged.
    expect(push.status).toBe(400);
  });
});

describe('device ids', () => {
  const signInAs = async (username: string, deviceId: string) => (await signIn({ username, pin: DEMO_PIN, deviceId })).json();
  const me = (token: string) => server.app.request('/api/v1/me', { headers: { Authorization: `Bearer ${token}` } });
  const deviceRow = (id: string) =>
    server.store.db.selectFrom('devices').select(['id', 'user_id', 'revoked_at', 'last_seq']).where('id', '=', id).executeTakeFirst();
  const reissues = () =>
    server.store.db
      .selectFrom('audit_events')
      .select(['commune_id', 'user_id', 'device_id', 'action', 'target', 'fields'])
      .where('action', 'in', ['device.reissue', 'device.reissue_revoked'])
      .execute();

  it("belong to the first account that used them: another account signing in with one gets a fresh id, and the owner's session goes on", async () => {
    const deviceId = randomUUID();
    const owner = await signInAs('tdp1', deviceId);
    const pushed = await server.app.request('/api/v1/sync/push', {
      method: 'POST',
      headers: { Authorization: `Bearer ${owner.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ deviceId, changes: [upsertOf(propagandaSession(), 7)] }),
    });
    expect(pushed.status).toBe(200);

    const other = await signInAs('tdp2', deviceId);
    expect(other.user.id).toBe('tdp2');
    expect(other.deviceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(other.deviceId).not.toBe(deviceId);
    // The owner's device row, session and history of change numbers are untouched.
    expect(await deviceRow(deviceId)).toMatchObject({ user_id: 'tdp1', revoked_at: null, last_seq: 7 });
    expect((await (await me(owner.token)).json()).user.id).toBe('tdp1');
    expect(await deviceRow(other.deviceId)).toMatchObject({ user_id: 'tdp2', revoked_at: null, last_seq: 0 });
    expect((await (await me(other.token)).json()).user.id).toBe('tdp2');
    expect(await reissues()).toEqual([
      { commune_id: 'nam-gia-nghia', user_id: 'tdp2', device_id: other.deviceId, action: 'device.reissue', target: deviceId, fields: '[]' },
    ]);
  });

  it('stays revoked: signing in again with a revoked id gets a fresh id, and the revoked one still answers device_revoked', async () => {
    const deviceId = randomUUID();
    const lost = await signInAs('tdp1', deviceId);
    await server.store.devices.revoke({ communeId: 'nam-gia-nghia', deviceId, now: '2026-06-01T03:00:00.000Z' });
    const again = await signInAs('tdp1', deviceId);
    expect(again.deviceId).not.toBe(deviceId);
    expect(await deviceRow(deviceId)).toMatchObject({ user_id: 'tdp1', revoked_at: '2026-06-01T03:00:00.000Z' });
    expect(await (await me(lost.token)).json()).toMatchObject({ error: 'device_revoked' });
    expect((await me(again.token)).status).toBe(200);
    expect(await reissues()).toEqual([
      { commune_id: 'nam-gia-nghia', user_id: 'tdp1', device_id: again.deviceId, action: 'device.reissue_revoked', target: deviceId, fields: '[]' },
    ]);
  });

  it('are given fresh to an enrolment on a device id another account holds', async () => {
    const deviceId = randomUUID();
    const owner = await signInAs('tdp1', deviceId);
    const officer = await signInAs('canbo', randomUUID());
    const created = await server.app.request('/api/v1/accounts', {
      method: 'POST',
      headers: { Authorization: `Bearer ${officer.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'totruong9', displayName: 'Tổ trưởng mới', role: 'villageHead', unitId: 'tdp-3' }),
    });
    const { enrolment } = await created.json();
    const enrolled = await server.app.request('/api/v1/enrolments', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Session-Token': 'body' },
      body: JSON.stringify({ code: enrolment.code, pin: '2468', deviceId }),
    });
    const answer = await enrolled.json();
    expect(enrolled.status).toBe(200);
    expect(answer.deviceId).not.toBe(deviceId);
    expect(await deviceRow(deviceId)).toMatchObject({ user_id: 'tdp1', revoked_at: null });
    expect((await me(owner.token)).status).toBe(200);
    expect((await reissues()).map((event) => [event.action, event.target, event.user_id])).toEqual([
      ['device.reissue', deviceId, created.status === 201 ? answer.user.id : ''],
    ]);
  });
});
