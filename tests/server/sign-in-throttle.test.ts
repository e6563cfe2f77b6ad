// Guessing PINs: five failures lock an account for 15 minutes, twenty lock an address; the
// count lives in the database, so two server processes on it agree; the commune officer lifts
// a lock-out; the answers say what happened, in Vietnamese.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { startServer, START_TIME, type TestServer } from './harness.ts';
import { DEMO_PIN } from '../../server/store/demo.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startServer({ trustProxy: true });
});
afterEach(async () => {
  await server.close();
});

const LOCKED = {
  error: 'sign_in_locked',
  message: 'Đã nhập sai quá nhiều lần nên tạm thời không thể đăng nhập. Hãy thử lại sau 15 phút hoặc nhờ công chức xã mở khoá.',
};
const BAD = { error: 'bad_credentials', message: 'Tên đăng nhập hoặc mã PIN không đúng.' };

async function signIn(username: string, pin: string, options: { address?: string; app?: TestServer['app'] } = {}) {
  const response = await (options.app ?? server.app).request('/api/v1/sessions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Session-Token': 'body', 'X-Forwarded-For': options.address ?? '203.0.113.7' },
    body: JSON.stringify({ username, pin, deviceId: randomUUID() }),
  });
  return { status: response.status, retryAfter: response.headers.get('Retry-After'), body: await response.json() };
}

describe('sign-in guessing', () => {
  it('locks an account after five wrong PINs, refuses even the right one, and opens again after 15 minutes', async () => {
    for (let attempt = 1; attempt <= 4; attempt++) expect(await signIn('tdp1', '0000')).toMatchObject({ status: 401, body: BAD });
    expect(await signIn('tdp1', '0000')).toEqual({ status: 429, retryAfter: '900', body: LOCKED });
    expect(await signIn('tdp1', DEMO_PIN)).toEqual({ status: 429, retryAfter: '900', body: LOCKED });
    // Another account from the same address is not locked.
    expect((await signIn('tdp2', DEMO_PIN)).status).toBe(200);

    server.setNow(new Date(START_TIME.getTime() + 10 * 60_000));
    expect(await signIn('tdp1', DEMO_PIN)).toMatchObject({ status: 429, retryAfter: '300' });
    server.setNow(new Date(START_TIME.getTime() + 15 * 60_000));
    expect((await signIn('tdp1', DEMO_PIN)).status).toBe(200);
    expect(await server.countRows('devices')).toBe(2);
  });

  it('starts the count again after a successful sign-in', async () => {
    for (let attempt = 1; attempt <= 4; attempt++) expect((await signIn('tdp1', '0000')).status).toBe(401);
    expect((await signIn('tdp1', DEMO_PIN)).status).toBe(200);
    for (let attempt = 1; attempt <= 4; attempt++) expect((await signIn('tdp1', '0000')).status).toBe(401);
  });

  it('counts failures in the database, so two server processes on it share one count', async () => {
    const second = createApp({ store: server.store, clock: () => START_TIME, settings: { trustProxy: true } });
    for (let attempt = 1; attempt <= 3; attempt++) expect((await signIn('tdp1', '0000')).status).toBe(401);
    expect((await signIn('tdp1', '0000', { app: second })).status).toBe(401);
    expect((await signIn('tdp1', '0000', { app: second })).status).toBe(429);
    expect((await signIn('tdp1', DEMO_PIN)).status).toBe(429);
  });

  it('locks an address that guesses across twenty accounts, and only that address', async () => {
    for (let attempt = 1; attempt <= 19; attempt++) {
      expect((await signIn(`doan-${attempt}`, '0000', { address: '198.51.100.9' })).status).toBe(401);
    }
    expect(await signIn('doan-20', '0000', { address: '198.51.100.9' })).toMatchObject({ status: 429, body: LOCKED });
    expect((await signIn('tdp3', DEMO_PIN, { address: '198.51.100.9' })).status).toBe(429);
    expect((await signIn('tdp3', DEMO_PIN, { address: '198.51.100.10' })).status).toBe(200);
  });

  it("takes the proxy's own entry of X-Forwarded-For, not one the client wrote", async () => {
    for (let attempt = 1; attempt <= 20; attempt++) {
      await signIn(`doan-${attempt}`, '0000', { address: `10.0.0.${attempt}, 198.51.100.9` });
    }
    expect((await signIn('tdp3', DEMO_PIN, { address: '10.9.9.9, 198.51.100.9' })).status).toBe(429);
  });
});

describe('a burst of guesses sent at once', () => {
  /** Counts the PIN checks: each one starts by looking the account up. */
  function countChecks(): () => number {
    const store = server.store;
    const lookUp = store.sessions.findUserForSignIn.bind(store.sessions);
    let checks = 0;
    store.sessions.findUserForSignIn = (username) => {
      checks += 1;
      return lookUp(username);
    };
    return () => checks;
  }

  it('checks at most five of fifty wrong PINs for one account, and then refuses the right one', async () => {
    const checks = countChecks();
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => signIn('tdp1', '0000', { address: `198.51.100.${i + 1}` })));
    expect(checks()).toBeLessThanOrEqual(5);
    expect(answers.filter((answer) => answer.status === 401).length).toBeLessThanOrEqual(5);
    // The others are refused unchecked: locked, or a moment too early while the five were in flight.
    expect(answers.every((answer) => answer.status === 401 || ['sign_in_locked', 'rate_limited'].includes(answer.body.error))).toBe(true);
    expect(await signIn('tdp1', DEMO_PIN, { address: '198.51.100.200' })).toMatchObject({ status: 429, body: LOCKED });
  });

  it('checks at most twenty of fifty guesses from one address across accounts, and then refuses a right PIN there', async () => {
    const checks = countChecks();
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => signIn(`doan-${i}`, '0000', { address: '198.51.100.9' })));
    expect(checks()).toBeLessThanOrEqual(20);
    expect(answers.filter((answer) => answer.status === 401).length).toBeLessThanOrEqual(20);
    expect((await signIn('tdp3', DEMO_PIN, { address: '198.51.100.9' })).status).toBe(429);
    expect((await signIn('tdp3', DEMO_PIN, { address: '198.51.100.10' })).status).toBe(200);
  });

  it('gives the attempts of right PINs sent at once back to the address', async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => signIn(`tdp${(i % 5) + 1}`, DEMO_PIN, { address: '198.51.100.11' })));
    // At most twenty are checked at once from one address; the others may be asked to wait a second.
    expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThanOrEqual(20);
    for (const answer of answers.filter((a) => a.status !== 200))
      expect(answer).toMatchObject({ status: 429, retryAfter: '1', body: { error: 'rate_limited' } });
    const address = await server.store.db.selectFrom('sign_in_throttle').select('failures').where('key', '=', 'address:198.51.100.11').executeTakeFirst();
    expect(address?.failures ?? 0).toBe(0);
    for (let attempt = 1; attempt <= 19; attempt++) expect((await signIn(`doan-${attempt}`, '0000', { address: '198.51.100.11' })).status).toBe(401);
  });
});

describe('lifting a lock-out', () => {
  async function unlock(token: string, userId: string) {
    const response = await server.app.request(`/api/v1/accounts/${userId}/unlock`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
    return { status: response.status, body: await response.json() };
  }

  it('is done by the commune officer, after which the village head signs in at once', async () => {
    const officer = await server.device('canbo');
    for (let attempt = 1; attempt <= 5; attempt++) await signIn('tdp1', '0000');
    expect((await signIn('tdp1', DEMO_PIN)).status).toBe(429);
    expect(await unlock(officer.token, 'tdp1')).toEqual({ status: 200, body: { userId: 'tdp1', unlocked: true } });
    expect(await server.countRows('sign_in_throttle')).toBe(1); // the address's count stays
    expect((await signIn('tdp1', DEMO_PIN)).status).toBe(200);
  });

  it('is refused to a village head, who cannot unlock even their own account', async () => {
    const head = await server.device('tdp2');
    for (let attempt = 1; attempt <= 5; attempt++) await signIn('tdp1', '0000', { address: '198.51.100.1' });
    expect(await unlock(head.token, 'tdp1')).toEqual({
      status: 403,
      body: { error: 'forbidden', message: 'Tài khoản này không có quyền thực hiện thao tác này.' },
    });
    expect((await signIn('tdp1', DEMO_PIN, { address: '198.51.100.2' })).status).toBe(429);
  });

  it('answers 404 for an account the officer does not have', async () => {
    const officer = await server.device('canbo');
    expect(await unlock(officer.token, 'nobody')).toMatchObject({ status: 404, body: { error: 'not_found' } });
  });

  it('forgets keys whose lock ran out and whose last failure is over a day old, at the next failure', async () => {
    for (let attempt = 1; attempt <= 5; attempt++) await signIn('tdp1', '0000', { address: '203.0.113.50' });
    await signIn('tdp2', '0000', { address: '203.0.113.51' });
    expect(await server.countRows('sign_in_throttle')).toBe(4);
    // A day later, less a minute: nothing old enough yet.
    server.setNow(new Date(START_TIME.getTime() + 24 * 3600_000 - 60_000));
    await signIn('tdp3', '0000', { address: '203.0.113.52' });
    expect(await server.countRows('sign_in_throttle')).toBe(6);
    // Over a day after the first ones: they go, the recent ones stay.
    server.setNow(new Date(START_TIME.getTime() + 24 * 3600_000 + 60_000));
    await signIn('tdp4', '0000', { address: '203.0.113.53' });
    const keys = (await server.store.db.selectFrom('sign_in_throttle').select('key').orderBy('key').execute()).map((row) => row.key);
    expect(keys).toEqual(['account:tdp3', 'account:tdp4', 'address:203.0.113.52', 'address:203.0.113.53']);
  });

  it('keeps a key whose lock still runs, however old its failures', async () => {
    const lockedRow = { key: 'address:203.0.113.60', failures: 20, last_failure_at: '2026-05-01T00:00:00.000Z', locked_until: '2026-06-02T00:00:00.000Z' };
    await server.store.db.insertInto('sign_in_throttle').values(lockedRow).execute();
    await signIn('tdp1', '0000');
    expect(await server.store.db.selectFrom('sign_in_throttle').selectAll().where('key', '=', lockedRow.key).executeTakeFirst()).toEqual(lockedRow);
  });
});
