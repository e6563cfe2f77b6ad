// Failed sign-ins, counted in the database so that several server processes agree: each
// failure adds one to its key ("account:<username>", "address:<ip>") in one atomic upsert;
// the failure that reaches the limit locks the key until a time. A success clears the
// account's count; the commune officer can clear it too.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface ThrottleRule {
  /** Failures that lock the key. */
  maxFailures: number;
  /** How long a lock lasts; failures further apart than this start the count again. */
  lockMs: number;
}

/** The latest time until which any of these keys is locked, if it is later than `now`. */
export async function lockedUntil(db: Kysely<Database>, keys: string[], now: string): Promise<string | undefined> {
  if (keys.length === 0) return undefined;
  const rows = await db
    .selectFrom('sign_in_throttle')
    .select('locked_until')
    .where('key', 'in', keys)
    .where('locked_until', '>', now)
    .execute();
  return rows.map((row) => row.locked_until ?? '').sort().at(-1);
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

/** Counts one failure of `key`; returns the failures counted so far in this run. */
export async function noteFailure(db: Kysely<Database>, key: string, now: Date, rule: ThrottleRule): Promise<number> {
  const at = now.toISOString();
  await forgetOldFailures(db, now);
  const staleBefore = new Date(now.getTime() - rule.lockMs).toISOString();
  const row = await db
    .insertInto('sign_in_throttle')
    .values({ key, failures: 1, last_failure_at: at, locked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        // A lock that has run out, or failures long ago, start the count again.
        failures: sql<number>`case when sign_in_throttle.last_failure_at < ${staleBefore}
          or (sign_in_throttle.locked_until is not null and sign_in_throttle.locked_until <= ${at})
          then 1 else sign_in_throttle.failures + 1 end`,
        last_failure_at: at,
        locked_until: sql<string | null>`case when sign_in_throttle.locked_until <= ${at} then null else sign_in_throttle.locked_until end`,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  const failures = Number(row.failures);
  if (failures >= rule.maxFailures) {
    const until = new Date(now.getTime() + rule.lockMs).toISOString();
    await db.updateTable('sign_in_throttle').set({ locked_until: until }).where('key', '=', key).execute();
  }
  return failures;
}

export async function clearFailures(db: Kysely<Database>, key: string): Promise<boolean> {
  const result = await db.deleteFrom('sign_in_throttle').where('key', '=', key).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
