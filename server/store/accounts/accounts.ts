// The commune's accounts as its officer manages them: list with their state, create one with
// its first enrolment code, disable and enable, issue a new code; and the phone's side, using
// a code once. Each change writes its audit event in the same transaction.
// Both groups write users (their state, their PIN): they clear the cached sessions.
import type { Kysely, Transaction } from 'kysely';
import type { CommuneAccount, NewAccount } from '../../../src/domain/communeAccounts.ts';
import type { Role } from '../../../src/domain/index.ts';
import { appendAudit, NO_COMMUNE, type AuditInput } from '../office/audit.ts';
import { storeGroup } from '../group.ts';
import type { Database } from '../schema/tables.ts';

export async function listCommuneAccounts(
  db: Kysely<Database>,
  communeId: string,
  now: string,
  accountKey: (username: string) => string,
): Promise<CommuneAccount[]> {
  const users = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'role', 'unit_id', 'disabled_at', 'pin_set'])
    .where('commune_id', '=', communeId)
    .orderBy('unit_id')
    .orderBy('username')
    .execute();
  if (users.length === 0) return [];
  const codes = await db
    .selectFrom('enrolment_codes')
    .select(['user_id', 'expires_at'])
    .where(
      'user_id',
      'in',
      users.map((u) => u.id),
    )
    .where('used_at', 'is', null)
    .where('replaced_at', 'is', null)
    .where('expires_at', '>', now)
    .execute();
  const locks = await db
    .selectFrom('sign_in_throttle')
    .select(['key', 'locked_until'])
    .where(
      'key',
      'in',
      users.map((u) => accountKey(u.username)),
    )
    .where('locked_until', '>', now)
    .execute();
  const codeOf = new Map(codes.map((code) => [code.user_id, code.expires_at]));
  const lockOf = new Map(locks.map((lock) => [lock.key, lock.locked_until]));
  return users.map((user): CommuneAccount => {
    const lockedUntil = lockOf.get(accountKey(user.username)) ?? null;
    const state = user.disabled_at ? 'disabled' : lockedUntil ? 'locked' : Number(user.pin_set) === 0 ? 'waiting' : 'active';
    return {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      role: user.role as Role,
      // Listed by commune: every such account has a unit (the users table's check says so).
      unitId: user.unit_id ?? '',
      state,
      enrolmentExpiresAt: codeOf.get(user.id) ?? null,
      lockedUntil,
    };
  });
}

export interface IssueInput {
  userId: string;
  codeId: string;
  codeHash: string;
  expiresAt: string;
  audit: AuditInput;
}

/** Replaces the account's unused codes with a new one, inside the caller's transaction. */
export async function issueIn(trx: Transaction<Database>, input: IssueInput): Promise<void> {
  await trx
    .updateTable('enrolment_codes')
    .set({ replaced_at: input.audit.at })
    .where('user_id', '=', input.userId)
    .where('used_at', 'is', null)
    .where('replaced_at', 'is', null)
    .execute();
  await trx
    .insertInto('enrolment_codes')
    .values({
      id: input.codeId,
      user_id: input.userId,
      code_hash: input.codeHash,
      created_at: input.audit.at,
      created_by: input.audit.userId,
      expires_at: input.expiresAt,
      used_at: null,
      replaced_at: null,
    })
    .execute();
  await appendAudit(trx, { ...input.audit, action: 'enrolment.issue', target: input.userId, fields: [] });
}

/** False when the username or the id is taken. */
export async function createAccount(
  db: Kysely<Database>,
  input: { communeId: string; userId: string; account: NewAccount; pinHash: string } & Omit<IssueInput, 'userId'>,
): Promise<boolean> {
  const taken = await db
    .selectFrom('users')
    .select('id')
    .where((eb) => eb.or([eb('username', '=', input.account.username), eb('id', '=', input.userId)]))
    .executeTakeFirst();
  if (taken) return false;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('users')
      .values({
        id: input.userId,
        username: input.account.username,
        display_name: input.account.displayName,
        role: input.account.role,
        commune_id: input.communeId,
        unit_id: input.account.unitId,
        pin_hash: input.pinHash,
        pin_set: 0,
        disabled_at: null,
      })
      .execute();
    await appendAudit(trx, { ...input.audit, action: 'account.create', target: input.userId, fields: ['username', 'displayName', 'role', 'unitId'] });
    await issueIn(trx, { ...input, userId: input.userId });
  });
  return true;
}

export async function issueEnrolmentCode(db: Kysely<Database>, input: IssueInput): Promise<void> {
  await db.transaction().execute((trx) => issueIn(trx, input));
}

/** Disables or enables; false when the account was already so (nothing written). */
export async function setAccountDisabled(db: Kysely<Database>, input: { userId: string; disabled: boolean; audit: AuditInput }): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('users')
      .set({ disabled_at: input.disabled ? input.audit.at : null })
      .where('id', '=', input.userId)
      .where('disabled_at', input.disabled ? 'is' : 'is not', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    await appendAudit(trx, { ...input.audit, action: input.disabled ? 'account.disable' : 'account.enable', target: input.userId, fields: ['disabled'] });
    return true;
  });
}

export type EnrolmentOutcome = { ok: true; userId: string; username: string } | { ok: false; reason: 'invalid' | 'expired' | 'used' | 'disabled' };

/**
 * Uses a code once: one conditional update, so two phones sending the same code at once
 * cannot both win. Sets the account's PIN and writes the audit event with it.
 */
export async function useEnrolmentCode(
  db: Kysely<Database>,
  input: { codeHash: string; pinHash: string; deviceId: string; now: string },
): Promise<EnrolmentOutcome> {
  return db.transaction().execute(async (trx): Promise<EnrolmentOutcome> => {
    const code = await trx
      .selectFrom('enrolment_codes as e')
      .innerJoin('users as u', 'u.id', 'e.user_id')
      .select(['e.id', 'e.user_id', 'e.expires_at', 'e.used_at', 'e.replaced_at', 'u.disabled_at', 'u.commune_id', 'u.username'])
      .where('e.code_hash', '=', input.codeHash)
      .executeTakeFirst();
    if (!code) return { ok: false, reason: 'invalid' };
    // Any account enrols so: a commune's (its officer's code comes from the server's operator,
    // server/admin) or a province's, whose event belongs to no commune's trail.
    const communeId = code.commune_id ?? NO_COMMUNE;
    if (code.used_at !== null || code.replaced_at !== null) return { ok: false, reason: 'used' };
    if (code.expires_at <= input.now) return { ok: false, reason: 'expired' };
    if (code.disabled_at) return { ok: false, reason: 'disabled' };
    const used = await trx
      .updateTable('enrolment_codes')
      .set({ used_at: input.now })
      .where('id', '=', code.id)
      .where('used_at', 'is', null)
      .where('replaced_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) === 0) return { ok: false, reason: 'used' };
    await trx.updateTable('users').set({ pin_hash: input.pinHash, pin_set: 1 }).where('id', '=', code.user_id).execute();
    await appendAudit(trx, {
      communeId,
      at: input.now,
      userId: code.user_id,
      deviceId: input.deviceId,
      action: 'enrolment.use',
      target: code.user_id,
      fields: ['pin'],
    });
    return { ok: true, userId: code.user_id, username: code.username };
  });
}

/** A user of the commune, by id; undefined for a user of another commune. */
export async function findCommuneUser(
  db: Kysely<Database>,
  communeId: string,
  userId: string,
): Promise<{ id: string; username: string; role: Role } | undefined> {
  const row = await db.selectFrom('users').select(['id', 'username', 'role']).where('id', '=', userId).where('commune_id', '=', communeId).executeTakeFirst();
  return row && { id: row.id, username: row.username, role: row.role as Role };
}

/** store.accounts: the commune's accounts. */
export const accountsGroup = storeGroup('clears', ({ db }) => ({
  /** The commune's accounts with their state; `accountKey` names an account's throttle key. */
  list: (communeId: string, now: string, accountKey: (username: string) => string) => listCommuneAccounts(db, communeId, now, accountKey),
  /** A new account waiting for enrolment, with its first code; false when the username is taken. */
  create: (input: { communeId: string; userId: string; account: NewAccount; pinHash: string } & Omit<IssueInput, 'userId'>) => createAccount(db, input),
  /** False when the account was already in that state. */
  setDisabled: (input: { userId: string; disabled: boolean; audit: AuditInput }) => setAccountDisabled(db, input),
  findInCommune: (communeId: string, userId: string) => findCommuneUser(db, communeId, userId),
}));

/** store.enrolments: the codes that let an account set its PIN on a phone. */
export const enrolmentsGroup = storeGroup('clears', ({ db }) => ({
  /** A new code for the account; its earlier unused codes stop working. */
  issueCode: (input: IssueInput) => issueEnrolmentCode(db, input),
  useCode: (input: { codeHash: string; pinHash: string; deviceId: string; now: string }) => useEnrolmentCode(db, input),
}));
