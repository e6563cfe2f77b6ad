// account create-province / reissue / disable / enable, and the first account of any kind with
// its enrolment code (a commune's officer is made by `commune create`). The owner enrols with
// the code on their phone or PC, as village heads do; no PIN opens the account before that.
import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Role } from '../../src/domain/index.ts';
import { freshEnrolmentCode } from '../auth/enrolmentCodes.ts';
import { UNUSABLE_PIN_HASH } from '../auth/secrets.ts';
import { appendAudit, NO_COMMUNE } from '../store/office/audit.ts';
import { issueIn, setAccountDisabled } from '../store/accounts/accounts.ts';
import type { Database } from '../store/schema/tables.ts';
import { operatorAudit, Refusal, until, type OperatorContext } from './operator.ts';
import { existingProvince } from './provinces.ts';

type FreshCode = Awaited<ReturnType<typeof freshEnrolmentCode>>;

export interface NewOperatorAccount {
  username: string;
  displayName: string;
  role: Extract<Role, 'communeOfficer' | 'province'>;
  /** A commune officer's commune (its unit is the commune's own), or a province account's province. */
  place: { communeId: string } | { provinceId: string };
}

/** A fresh code, made before the transaction: its hash is slow on purpose. */
export function codeFor(ctx: OperatorContext): Promise<FreshCode> {
  return freshEnrolmentCode(ctx.now().toISOString(), ctx.codeLifetimeMs);
}

export function codeLines(username: string, code: FreshCode): string[] {
  return [
    `Enrolment code for ${username}: ${code.issued.code} (one use, until ${until(code.issued.expiresAt)})`,
    `  On the sign-in screen the owner taps "Tôi có mã kích hoạt" and types it, or opens https://<this server>/#enrol=${code.issued.code.replace('-', '')}`,
  ];
}

/** The account, its audit event and its first code, in the caller's transaction. */
export async function createAccountIn(trx: Transaction<Database>, ctx: OperatorContext, account: NewOperatorAccount, code: FreshCode): Promise<string> {
  const taken = await trx.selectFrom('users').select('id').where('username', '=', account.username).executeTakeFirst();
  if (taken) throw new Refusal(`username "${account.username}" is taken`);
  const userId = `u-${randomBytes(5).toString('hex')}`;
  const communeId = 'communeId' in account.place ? account.place.communeId : null;
  await trx
    .insertInto('users')
    .values({
      id: userId,
      username: account.username,
      display_name: account.displayName,
      role: account.role,
      commune_id: communeId,
      unit_id: communeId,
      province_id: 'provinceId' in account.place ? account.place.provinceId : null,
      pin_hash: UNUSABLE_PIN_HASH,
      pin_set: 0,
      disabled_at: null,
    })
    .execute();
  const audit = operatorAudit(ctx, communeId ?? NO_COMMUNE, ctx.now().toISOString());
  await appendAudit(trx, {
    ...audit,
    action: 'account.create',
    target: userId,
    fields: ['username', 'displayName', 'role', communeId ? 'unitId' : 'provinceId'],
  });
  await issueIn(trx, { userId, codeId: code.codeId, codeHash: code.codeHash, expiresAt: code.expiresAt, audit });
  return userId;
}

export async function createProvinceAccount(ctx: OperatorContext, input: { provinceId: string; username: string; displayName: string }): Promise<string[]> {
  const code = await codeFor(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const province = await existingProvince(trx, input.provinceId);
    await createAccountIn(trx, ctx, { username: input.username, displayName: input.displayName, role: 'province', place: { provinceId: province.id } }, code);
    return [`Created province account ${input.username} (${input.displayName}) of ${province.id} (${province.name}).`, ...codeLines(input.username, code)];
  });
}

async function findAccount(ctx: OperatorContext, username: string) {
  const user = await ctx.db.selectFrom('users').select(['id', 'commune_id', 'disabled_at']).where('username', '=', username).executeTakeFirst();
  if (!user) throw new Refusal(`no account "${username}"`);
  return user;
}

/** A new code; the account's older unused codes stop working. */
export async function reissueCode(ctx: OperatorContext, input: { username: string }): Promise<string[]> {
  const user = await findAccount(ctx, input.username);
  if (user.disabled_at) throw new Refusal(`account "${input.username}" is disabled; enable it first (account enable --username ${input.username})`);
  const code = await codeFor(ctx);
  const audit = operatorAudit(ctx, user.commune_id ?? NO_COMMUNE, ctx.now().toISOString());
  await ctx.db
    .transaction()
    .execute((trx) => issueIn(trx, { userId: user.id, codeId: code.codeId, codeHash: code.codeHash, expiresAt: code.expiresAt, audit }));
  return [`Issued a new enrolment code for ${input.username}; older codes no longer work.`, ...codeLines(input.username, code)];
}

/** Disabling ends the account's sessions on every device at their next request. */
export async function setDisabled(ctx: OperatorContext, input: { username: string }, disabled: boolean): Promise<string[]> {
  const user = await findAccount(ctx, input.username);
  const audit = operatorAudit(ctx, user.commune_id ?? NO_COMMUNE, ctx.now().toISOString());
  const changed = await setAccountDisabled(ctx.db, { userId: user.id, disabled, audit });
  const state = disabled ? 'disabled' : 'enabled';
  return [changed ? `Account ${input.username} ${state}.` : `Account ${input.username} was already ${state}; nothing changed.`];
}
