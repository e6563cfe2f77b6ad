// The commune officer manages the commune's accounts: creates a village head for a unit (with a
// one-time enrolment code), lists them with their state, disables one (its phones are refused at
// once) and enables it again, issues a new code. Bad input is refused naming the field; each
// change leaves an audit event.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './harness.ts';
import { call, tokenFor } from './roles.ts';

let server: TestServer;
let officer: string;
beforeEach(async () => {
  server = await startServer();
  officer = (await tokenFor(server, 'canbo')).token;
});
afterEach(async () => {
  await server.close();
});

const newHead = { username: 'totruong6', displayName: 'Tổ trưởng Tổ dân phố 6', role: 'villageHead', unitId: 'tdp-3' };

async function auditActions(): Promise<string[]> {
  const rows = await server.store.db.selectFrom('audit_events').select(['action', 'target']).orderBy('id').execute();
  return rows.map((row) => row.action);
}

describe('accounts of the commune', () => {
  it('creates a village head waiting for enrolment, with a code shown once and stored only hashed', async () => {
    const created = await call(server, 'POST', '/api/v1/accounts', officer, newHead);
    expect(created.status).toBe(201);
    // The chosen name goes in the commune's namespace (communeUsername).
    expect(created.json.account).toMatchObject({ username: 'nam-gia-nghia.totruong6', role: 'villageHead', unitId: 'tdp-3', state: 'waiting' });
    expect(created.json.enrolment.code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(created.json.enrolment.expiresAt).toBe('2026-06-04T02:30:00.000Z');
    const stored = await server.store.db.selectFrom('enrolment_codes').selectAll().execute();
    expect(stored).toHaveLength(1);
    const plain = created.json.enrolment.code.replace('-', '');
    expect(JSON.stringify(stored)).not.toContain(plain);

    const list = await call(server, 'GET', '/api/v1/accounts', officer);
    expect(list.status).toBe(200);
    const states = Object.fromEntries(list.json.accounts.map((a: { username: string; state: string }) => [a.username, a.state]));
    expect(states).toMatchObject({ canbo: 'active', tdp1: 'active', 'nam-gia-nghia.totruong6': 'waiting' });
    expect(list.json.accounts.find((a: { username: string }) => a.username === 'nam-gia-nghia.totruong6').enrolmentExpiresAt).toBe('2026-06-04T02:30:00.000Z');
    expect(await auditActions()).toEqual(['account.create', 'enrolment.issue']);
  });

  it('refuses bad input naming the fields, a taken username, and a unit that does not fit the role; nothing changes', async () => {
    // A name of the commune's own namespace, taken already.
    await server.store.db
      .insertInto('users')
      .values({
        id: 'giu-cho',
        username: 'nam-gia-nghia.giu-cho',
        display_name: 'Giữ chỗ',
        role: 'villageHead',
        commune_id: 'nam-gia-nghia',
        unit_id: 'tdp-3',
        pin_hash: 'x',
      })
      .execute();
    const users = await server.countRows('users');
    const bad = await call(server, 'POST', '/api/v1/accounts', officer, {
      username: 'a',
      displayName: '',
      role: 'communeOfficer',
      unitId: 'tdp-3',
      pin: '1234',
    });
    expect(bad.status).toBe(400);
    expect(bad.json.fields.map((f: { path: string }) => f.path).sort()).toEqual(['displayName', 'pin', 'role', 'username']);
    const taken = await call(server, 'POST', '/api/v1/accounts', officer, { ...newHead, username: 'Giu-Cho' });
    expect(taken).toMatchObject({ status: 409, json: { error: 'username_taken', fields: [{ path: 'username', code: 'taken' }] } });
    const commune = await call(server, 'POST', '/api/v1/accounts', officer, { ...newHead, unitId: 'nam-gia-nghia' });
    expect(commune).toMatchObject({ status: 400, json: { fields: [{ path: 'unitId', code: 'invalid_value' }] } });
    const reporterInVillage = await call(server, 'POST', '/api/v1/accounts', officer, { ...newHead, role: 'communeReporter' });
    expect(reporterInVillage).toMatchObject({ status: 400, json: { fields: [{ path: 'unitId', code: 'invalid_value' }] } });
    expect(await server.countRows('users')).toBe(users);
    expect(await server.countRows('enrolment_codes')).toBe(0);
    expect(await server.countRows('audit_events')).toBe(0);
  });

  it('creates a commune reporter at commune level', async () => {
    const created = await call(server, 'POST', '/api/v1/accounts', officer, {
      username: 'hoiphunu',
      displayName: 'Hội Phụ nữ phường',
      role: 'communeReporter',
      unitId: 'nam-gia-nghia',
    });
    expect(created.status).toBe(201);
    expect(created.json.account).toMatchObject({ role: 'communeReporter', unitId: 'nam-gia-nghia', state: 'waiting' });
  });

  it("disables an account: its phones' tokens are refused at the next call, its PIN too; enabling lets them back", async () => {
    const phone = await server.device('tdp1');
    expect((await phone.pull()).status).toBe(200);

    const disabled = await call(server, 'POST', '/api/v1/accounts/tdp1/disable', officer);
    expect(disabled).toMatchObject({ status: 200, json: { userId: 'tdp1', disabled: true, changed: true } });
    const refused = await phone.pull();
    expect(refused.status).toBe(401);
    expect(refused.body.error).toBe('account_disabled');
    await expect(server.device('tdp1')).rejects.toThrow(/401/);
    const list = await call(server, 'GET', '/api/v1/accounts', officer);
    expect(list.json.accounts.find((a: { id: string }) => a.id === 'tdp1').state).toBe('disabled');

    expect((await call(server, 'POST', '/api/v1/accounts/tdp1/enable', officer)).status).toBe(200);
    expect((await phone.pull()).status).toBe(200);
    expect(await auditActions()).toEqual(['account.disable', 'account.enable']);
  });

  it('does not let the officer disable their own account', async () => {
    const self = await call(server, 'POST', '/api/v1/accounts/canbo/disable', officer);
    expect(self).toMatchObject({ status: 400, json: { fields: [{ path: 'id', code: 'self' }] } });
  });

  it('shows a locked account as locked, and lifting the lock is audited', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      await server.app.request('/api/v1/sessions', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'tdp2', pin: '0000', deviceId: crypto.randomUUID() }),
      });
    }
    const list = await call(server, 'GET', '/api/v1/accounts', officer);
    expect(list.json.accounts.find((a: { id: string }) => a.id === 'tdp2')).toMatchObject({ state: 'locked', lockedUntil: '2026-06-01T02:45:00.000Z' });
    expect((await call(server, 'POST', '/api/v1/accounts/tdp2/unlock', officer)).json.unlocked).toBe(true);
    expect(await auditActions()).toEqual(['account.unlock']);
  });
});
