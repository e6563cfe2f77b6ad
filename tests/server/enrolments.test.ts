// A phone enrols once with the code the officer handed out: the code with or without its dash,
// in any case, and a new PIN give the same answer as a sign-in, and the PIN then signs in. A
// code works once, until it expires, and not after a newer one was issued; guessing codes
// locks the address out.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signInResponse } from '../../src/domain/index.ts';
import { startServer, START_TIME, type TestServer } from './harness.ts';
import { call, tokenFor } from './roles.ts';

let server: TestServer;
let officer: string;
beforeEach(async () => {
  server = await startServer({ trustProxy: true });
  officer = (await tokenFor(server, 'canbo')).token;
});
afterEach(async () => {
  await server.close();
});

async function createHead(username = 'totruong6'): Promise<{ userId: string; code: string }> {
  const created = await call(server, 'POST', '/api/v1/accounts', officer, { username, displayName: 'Tổ trưởng mới', role: 'villageHead', unitId: 'tdp-3' });
  expect(created.status).toBe(201);
  return { userId: created.json.account.id, code: created.json.enrolment.code };
}

async function enrol(code: string, pin = '2468', options: { address?: string; deviceId?: string; tokenInBody?: boolean } = {}) {
  const response = await server.app.request('/api/v1/enrolments', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Forwarded-For': options.address ?? '198.51.100.4',
      ...(options.tokenInBody === false ? {} : { 'X-Session-Token': 'body' }),
    },
    body: JSON.stringify({ code, pin, deviceId: options.deviceId ?? randomUUID() }),
  });
  return { status: response.status, retryAfter: response.headers.get('Retry-After'), cookie: response.headers.get('Set-Cookie'), body: await response.json() };
}

async function signIn(username: string, pin: string) {
  const response = await server.app.request('/api/v1/sessions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, pin, deviceId: randomUUID() }),
  });
  return response.status;
}

describe('enrolment with a one-time code', () => {
  it('answers like a sign-in, binds the device, sets the PIN, and the account becomes active', async () => {
    const { userId, code } = await createHead();
    expect(await signIn('nam-gia-nghia.totruong6', '2468')).toBe(401);
    const deviceId = randomUUID();
    const enrolled = await enrol(code.toLowerCase().replace('-', ''), '2468', { deviceId });
    expect(enrolled.status).toBe(200);
    expect(signInResponse.safeParse(enrolled.body).success).toBe(true);
    expect(Object.keys(enrolled.body).sort()).toEqual(['deviceId', 'token', 'units', 'user']);
    expect(enrolled.body.deviceId).toBe(deviceId);
    expect(enrolled.body.user).toMatchObject({ id: userId, role: 'villageHead', unitId: 'tdp-3' });

    const me = await call(server, 'GET', '/api/v1/me', enrolled.body.token);
    expect(me.status).toBe(200);
    const device = await server.store.db.selectFrom('devices').select('user_id').where('id', '=', deviceId).executeTakeFirstOrThrow();
    expect(device.user_id).toBe(userId);
    expect(await signIn('nam-gia-nghia.totruong6', '2468')).toBe(200);
    const list = await call(server, 'GET', '/api/v1/accounts', officer);
    expect(list.json.accounts.find((a: { id: string }) => a.id === userId)).toMatchObject({ state: 'active', enrolmentExpiresAt: null });
    const events = await server.store.db.selectFrom('audit_events').select(['action', 'user_id', 'device_id']).orderBy('id').execute();
    expect(events.at(-1)).toEqual({ action: 'enrolment.use', user_id: userId, device_id: deviceId });
  });

  it('sets the session cookie like a sign-in, and gives the token only to a client that asks', async () => {
    const { code } = await createHead();
    const enrolled = await enrol(code, '2468', { tokenInBody: false });
    expect(enrolled.status).toBe(200);
    expect(Object.keys(enrolled.body).sort()).toEqual(['deviceId', 'units', 'user']);
    expect(enrolled.cookie).toMatch(/^so_tay_session=[A-Za-z0-9_-]+;.*HttpOnly/);
    const cookie = enrolled.cookie!.split(';')[0]!;
    const me = await server.app.request('/api/v1/me', { headers: { Cookie: cookie } });
    expect(me.status).toBe(200);
  });

  it('refuses a code used once already, and nothing changes', async () => {
    const { code } = await createHead();
    expect((await enrol(code)).status).toBe(200);
    const devices = await server.countRows('devices');
    const again = await enrol(code, '1357');
    expect(again).toMatchObject({ status: 400, body: { error: 'enrolment_code_used', fields: [{ path: 'code', code: 'used' }] } });
    expect(again.body.message).toContain('đã được dùng');
    expect(await server.countRows('devices')).toBe(devices);
    expect(await signIn('nam-gia-nghia.totruong6', '1357')).toBe(401);
    expect(await signIn('nam-gia-nghia.totruong6', '2468')).toBe(200);
  });

  it('refuses an expired code (72 hours by default)', async () => {
    const { code } = await createHead();
    server.setNow(new Date(START_TIME.getTime() + 72 * 3600_000));
    const expired = await enrol(code);
    expect(expired).toMatchObject({ status: 400, body: { error: 'enrolment_code_expired', fields: [{ path: 'code', code: 'expired' }] } });
    expect(await server.countRows('devices')).toBe(1);
  });

  it('takes its lifetime from the settings', async () => {
    await server.close();
    server = await startServer({
      enrolment: { codeLifetimeMs: 3600_000, address: { maxFailures: 10, lockMs: 900_000 }, everyone: { maxFailures: 200, lockMs: 900_000 } },
    });
    officer = (await tokenFor(server, 'canbo')).token;
    const { code } = await createHead();
    server.setNow(new Date(START_TIME.getTime() + 3600_000 - 1));
    expect((await enrol(code)).status).toBe(200);
  });

  it('a re-issued code replaces the older one (new phone, forgotten PIN)', async () => {
    const first = await createHead();
    const reissued = await call(server, 'POST', `/api/v1/accounts/${first.userId}/enrolment`, officer);
    expect(reissued.status).toBe(201);
    expect(reissued.json.enrolment.code).not.toBe(first.code);
    expect((await enrol(first.code)).body.error).toBe('enrolment_code_used');
    expect((await enrol(reissued.json.enrolment.code)).status).toBe(200);
    // A forgotten PIN: a new code sets a new one; the old PIN works until then.
    const forgot = await call(server, 'POST', `/api/v1/accounts/${first.userId}/enrolment`, officer);
    expect(await signIn('nam-gia-nghia.totruong6', '2468')).toBe(200);
    expect((await enrol(forgot.json.enrolment.code, '8642')).status).toBe(200);
    expect(await signIn('nam-gia-nghia.totruong6', '2468')).toBe(401);
    expect(await signIn('nam-gia-nghia.totruong6', '8642')).toBe(200);
  });

  it("refuses a disabled account's code", async () => {
    const { userId, code } = await createHead();
    await call(server, 'POST', `/api/v1/accounts/${userId}/disable`, officer);
    expect((await enrol(code)).body.error).toBe('account_disabled');
  });

  it('locks an address out after ten wrong codes, even for a right one; other addresses go on', async () => {
    const { code } = await createHead();
    for (let attempt = 1; attempt <= 9; attempt++) {
      expect((await enrol('ABCD-EFGH', '2468', { address: '203.0.113.9' })).body.error).toBe('enrolment_code_invalid');
    }
    const locked = await enrol('ABCD-EFGH', '2468', { address: '203.0.113.9' });
    expect(locked).toMatchObject({ status: 429, retryAfter: '900', body: { error: 'enrolment_locked' } });
    expect((await enrol(code, '2468', { address: '203.0.113.9' })).status).toBe(429);
    expect((await enrol(code, '2468', { address: '198.51.100.77' })).status).toBe(200);
  });

  it('checks at most ten of fifty wrong codes sent at once from one address, and then refuses a right one there', async () => {
    const { code } = await createHead();
    const store = server.store;
    const useCode = store.enrolments.useCode.bind(store.enrolments);
    let checks = 0;
    store.enrolments.useCode = (input) => {
      checks += 1;
      return useCode(input);
    };
    const answers = await Promise.all(Array.from({ length: 50 }, () => enrol('ABCD-EFGH', '2468', { address: '203.0.113.19' })));
    expect(checks).toBeLessThanOrEqual(10);
    expect(answers.filter((answer) => answer.status === 400).length).toBeLessThanOrEqual(10);
    expect(answers.every((answer) => answer.status === 400 || ['enrolment_locked', 'rate_limited'].includes(answer.body.error))).toBe(true);
    expect((await enrol(code, '2468', { address: '203.0.113.19' })).status).toBe(429);
    expect((await enrol(code, '2468', { address: '198.51.100.78' })).status).toBe(200);
  });

  it('gives the attempts of right codes back to the address', async () => {
    const heads = await Promise.all(Array.from({ length: 12 }, (_, i) => createHead(`totruong-moi-${i}`)));
    for (const { code } of heads) expect((await enrol(code, '2468', { address: '203.0.113.20' })).status).toBe(200);
    for (let attempt = 1; attempt <= 9; attempt++)
      expect((await enrol('ABCD-EFGH', '2468', { address: '203.0.113.20' })).body.error).toBe('enrolment_code_invalid');
  });

  it('names the fields of bad input and changes nothing', async () => {
    const bad = await enrol('K7M4-Q2X0', '12');
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { path: string }) => f.path).sort()).toEqual(['code', 'pin']);
    expect(await server.countRows('sign_in_throttle')).toBe(0);
  });
});
