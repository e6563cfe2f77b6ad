// Failed sign-ins, counted in the database so that several server processes agree: each
// attempt adds one to its key ("account:<username>", "address:<ip>") in one conditional upsert
// BEFORE its secret is checked, so a burst cannot outrun the count; a failure that finds the
// count full locks the key until a time. A success gives its attempt back (an account's count
// is cleared); the commune officer can clear an account's count too.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { storeGroup } from '../group.ts';
import type { Database } from '../schema/tables.ts';
import { withAudit, type AuditEventInput } from '../office/audit.ts';

export interface ThrottleRule {
  /** Failures that lock the key. */
  maxFailures: number;
  /** How long a lock lasts; failures further apart than this start the count again. */
  lockMs: number;
}

/** The latest time until which any of these keys is locked, if it is later than `now`. */
export async function lockedUntil(db: Kysely<Database>, keys: string[], now: string): Promise<string | undefined> {
  if (keys.length === 0) return undefined;
  const rows = await db.selectFrom('sign_in_throttle').select('locked_until').where('key', 'in', keys).where('locked_until', '>', now).execute();
  return rows
    .map((row) => row.locked_until ?? '')
    .sort()
    .at(-1);
}

/** Rows that neither lock nor count any more after this long without a failure. */
export const THROTTLE_ROW_LIFETIME_MS = 24 * 3600_000;

/**
 * Deletes the rows of keys whose lock has run out and whose last failure is older than a day
 * (no rule counts that far back), so that addresses seen once do not pile up. Run at each
 * failure: the table stays as small as the recent guessing.
 */
export async function forgetOldFailures(db: Kysely<Database>, now: Date): Promise<number> {
  const at = now.toISOString();
  const result = await db
    .deleteFrom('sign_in_throttle')
    .where('last_failure_at', '<', new Date(now.getTime() - THROTTLE_ROW_LIFETIME_MS).toISOString())
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', at)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export type Reservation = { ok: true } | { ok: false; lockedUntil: string | undefined };

/**
 * Counts one attempt of `key` before its secret is checked, in one conditional upsert: a key
 * that is locked, or whose failed attempts and attempts in flight already reach the limit, is
 * refused and nothing is counted; otherwise the attempt counts as a failure at once. However
 * many requests arrive together, on however many processes, at most `maxFailures` of a run get
 * past this. A failure then locks the key once the count is full (`settleFailure`); a success
 * gives its attempt back (`refundAttempt`, or `clearFailures` for an account).
 */
export async function reserveAttempt(db: Kysely<Database>, key: string, now: Date, rule: ThrottleRule): Promise<Reservation> {
  const at = now.toISOString();
  const staleBefore = new Date(now.getTime() - rule.lockMs).toISOString();
  const running = sql<boolean>`(sign_in_throttle.locked_until is not null and sign_in_throttle.locked_until > ${at})`;
  // Not locked now: a lock that has run out, or failures long ago, start the count again.
  const startsAgain = sql<boolean>`(sign_in_throttle.locked_until is not null or sign_in_throttle.last_failure_at < ${staleBefore})`;
  const row = await db
    .insertInto('sign_in_throttle')
    .values({ key, failures: 1, last_failure_at: at, locked_until: null })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({
          failures: sql<number>`case when ${startsAgain} then 1 else sign_in_throttle.failures + 1 end`,
          last_failure_at: at,
          locked_until: null,
        })
        .where(sql<boolean>`not ${running} and (${startsAgain} or sign_in_throttle.failures < ${rule.maxFailures})`),
    )
    .returning('failures')
    .executeTakeFirst();
  if (row) return { ok: true };
  return { ok: false, lockedUntil: await lockedUntil(db, [key], at) };
}

/** After a failed check (its attempt stays counted): a key whose count is full locks from now. */
export async function settleFailure(db: Kysely<Database>, key: string, now: Date, rule: ThrottleRule): Promise<void> {
  const at = now.toISOString();
  await db
    .updateTable('sign_in_throttle')
    .set({ locked_until: new Date(now.getTime() + rule.lockMs).toISOString() })
    .where('key', '=', key)
    .where('failures', '>=', rule.maxFailures)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', at)]))
    .execute();
}

/**
 * Gives back the attempt a success had counted. A lock set meanwhile by a failure that counted
 * this attempt among the full count goes when the failures left are under the limit.
 */
export async function refundAttempt(db: Kysely<Database>, key: string, rule: ThrottleRule): Promise<void> {
  await db
    .updateTable('sign_in_throttle')
    .set({
      failures: sql<number>`case when failures > 0 then failures - 1 else 0 end`,
      locked_until: sql<string | null>`case when failures - 1 < ${rule.maxFailures} then null else locked_until end`,
    })
    .where('key', '=', key)
    .execute();
}

export async function clearFailures(db: Kysely<Database>, key: string): Promise<boolean> {
  const result = await db.deleteFrom('sign_in_throttle').where('key', '=', key).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** store.signInThrottle: writes sign_in_throttle only, never users or devices. */
export const signInThrottleGroup = storeGroup('keeps', ({ db }) => ({
  /** The latest lock among the keys still running at `now`. */
  lockedUntil: (keys: string[], now: string) => lockedUntil(db, keys, now),
  /** Counts an attempt before its secret is checked, unless the key is locked or full. */
  reserveAttempt: (key: string, now: Date, rule: ThrottleRule) => reserveAttempt(db, key, now, rule),
  /** After a failed check: locks the key when its count is full. */
  settleFailure: (key: string, now: Date, rule: ThrottleRule) => settleFailure(db, key, now, rule),
  /** Gives back a reserved attempt that succeeded. */
  refundAttempt: (key: string, rule: ThrottleRule) => refundAttempt(db, key, rule),
  /** True when there was something to clear (and only then is `audit` written). */
  clearFailures: (key: string, audit?: AuditEventInput) =>
    withAudit(
      db,
      audit,
      (trx) => clearFailures(trx, key),
      (cleared) => cleared,
    ),
  /** Opportunistic clean-up; returns the rows deleted. */
  forgetOldFailures: (now: Date) => forgetOldFailures(db, now),
}));
