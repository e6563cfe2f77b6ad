// The commune officer's hand on the commune's accounts: list them with their state, create a
// village head or a commune reporter (with a first enrolment code), disable and enable, issue
// a new code (new phone, forgotten PIN), lift a sign-in lock-out. Deny by default: only the
// officer, and only for accounts of the officer's own commune. Each change is audited.
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import type { Context } from 'hono';
import {
  accountDisabled,
  accountList,
  accountUnlocked,
  communeUsername,
  createdAccount,
  newAccount,
  reissuedEnrolment,
} from '../../src/domain/communeAccounts.ts';
import { DEFAULT_ENROLMENT_SETTINGS, freshEnrolmentCode, type EnrolmentSettings } from '../auth/enrolmentCodes.ts';
import { UNUSABLE_PIN_HASH } from '../auth/secrets.ts';
import { accountKey } from '../auth/signInThrottle.ts';
import { auditInput } from '../http/auditInput.ts';
import { requireActor } from '../http/auth.ts';
import type { AuthEnv } from '../http/auth.ts';
import { requireRole } from '../http/requireRole.ts';
import { apiError } from '../http/errors.ts';
import { parseJsonBody } from '../http/validate.ts';
import { apiRoute } from '../http/apiRoute.ts';
import type { Store } from '../store/store.ts';

export const accountApi = {
  list: apiRoute({
    method: 'get',
    path: '/accounts',
    summary: "The commune's accounts with their state (officer)",
    answer: { description: '{ accounts: CommuneAccount[] } (src/domain/communeAccounts.ts)', schema: accountList },
  }),
  create: apiRoute({
    method: 'post',
    path: '/accounts',
    summary: 'Create a village head or a commune reporter, with a first enrolment code (officer)',
    body: newAccount,
    answer: { status: 201, description: '{ account, enrolment }', schema: createdAccount },
  }),
  enrolment: apiRoute({
    method: 'post',
    path: '/accounts/:id/enrolment',
    summary: 'Issue a new one-time enrolment code (officer)',
    answer: { status: 201, description: '{ userId, enrolment }', schema: reissuedEnrolment },
  }),
  disable: apiRoute({
    method: 'post',
    path: '/accounts/:id/disable',
    summary: 'Disable an account: its sessions stop at once (officer)',
    answer: { description: '{ userId, disabled, changed }', schema: accountDisabled },
  }),
  enable: apiRoute({
    method: 'post',
    path: '/accounts/:id/enable',
    summary: 'Enable a disabled account again (officer)',
    answer: { description: '{ userId, disabled, changed }', schema: accountDisabled },
  }),
  unlock: apiRoute({
    method: 'post',
    path: '/accounts/:id/unlock',
    summary: "Lift an account's sign-in lock-out (officer)",
    answer: { description: '{ userId, unlocked }', schema: accountUnlocked },
  }),
};

export function accountRoutes(deps: { store: Store; clock: () => Date; settings?: { enrolment?: EnrolmentSettings } }) {
  const { store, clock } = deps;
  const lifetimeMs = deps.settings?.enrolment?.codeLifetimeMs ?? DEFAULT_ENROLMENT_SETTINGS.codeLifetimeMs;

  const freshCode = (at: string) => freshEnrolmentCode(at, lifetimeMs);

  async function target(c: Context<AuthEnv>) {
    return store.accounts.findInCommune(c.get('actor').communeId, c.req.param('id') ?? '');
  }

  async function setDisabled(c: Context<AuthEnv>, disabled: boolean): Promise<Response> {
    const user = await target(c);
    if (!user) return apiError(c, 404, 'not_found');
    if (user.id === c.get('actor').userId) return apiError(c, 400, 'invalid_body', [{ path: 'id', code: 'self' }]);
    const changed = await store.accounts.setDisabled({ userId: user.id, disabled, audit: auditInput(c, clock) });
    return c.json({ userId: user.id, disabled, changed }, 200);
  }

  return new Hono<AuthEnv>()
    .use('/accounts', requireActor(store, clock))
    .use('/accounts/*', requireActor(store, clock))
    .use('/accounts', requireRole('communeOfficer'))
    .use('/accounts/*', requireRole('communeOfficer'))
    .get('/accounts', async (c) => {
      const accounts = await store.accounts.list(c.get('actor').communeId, clock().toISOString(), accountKey);
      return c.json({ accounts }, 200);
    })
    .post('/accounts', async (c) => {
      const parsed = await parseJsonBody(c, accountApi.create.body);
      if (!parsed.ok) return parsed.response;
      const actor = c.get('actor');
      // In the commune's own namespace: another commune's names are neither taken nor told (communeUsername).
      const account = { ...parsed.data, username: communeUsername(actor.communeId, parsed.data.username) };
      const unit = (await store.units.list(actor.communeId)).find((u) => u.id === account.unitId);
      // A village head keeps a village unit's records; a commune reporter the commune's own.
      const fits = unit && !unit.retired && (account.role === 'villageHead' ? unit.type !== 'commune' : unit.type === 'commune');
      if (!fits) return apiError(c, 400, 'invalid_body', [{ path: 'unitId', code: 'invalid_value' }]);
      const audit = auditInput(c, clock);
      const code = await freshCode(audit.at);
      const userId = `u-${randomBytes(5).toString('hex')}`;
      // Until a code is used, no PIN opens the account.
      const created = await store.accounts.create({ communeId: actor.communeId, userId, account, pinHash: UNUSABLE_PIN_HASH, ...code, audit });
      if (!created) return apiError(c, 409, 'username_taken', [{ path: 'username', code: 'taken' }]);
      const accounts = await store.accounts.list(actor.communeId, audit.at, accountKey);
      return c.json({ account: accounts.find((a) => a.id === userId), enrolment: code.issued }, 201);
    })
    .post('/accounts/:id/enrolment', async (c) => {
      const user = await target(c);
      if (!user) return apiError(c, 404, 'not_found');
      if (user.role === 'communeOfficer' || user.role === 'province') return apiError(c, 400, 'invalid_body', [{ path: 'id', code: 'role' }]);
      const audit = auditInput(c, clock);
      const code = await freshCode(audit.at);
      await store.enrolments.issueCode({ userId: user.id, ...code, audit });
      return c.json({ userId: user.id, enrolment: code.issued }, 201);
    })
    .post('/accounts/:id/disable', (c) => setDisabled(c, true))
    .post('/accounts/:id/enable', (c) => setDisabled(c, false))
    .post('/accounts/:id/unlock', async (c) => {
      const user = await target(c);
      if (!user) return apiError(c, 404, 'not_found');
      const unlocked = await store.signInThrottle.clearFailures(accountKey(user.username), {
        ...auditInput(c, clock),
        action: 'account.unlock',
        target: user.id,
        fields: [],
      });
      return c.json({ userId: user.id, unlocked }, 200);
    });
}
