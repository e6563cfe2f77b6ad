// Transactions that may be run again. Under PostgreSQL's READ COMMITTED two server processes
// can race to insert the same key (a changeId, a new record id); the loser gets a unique
// violation, and running its whole transaction again then sees the winner's committed row.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema/tables.ts';

const MAX_ATTEMPTS = 5;

/** unique_violation, serialization_failure, deadlock_detected: a rerun can succeed. */
const RETRYABLE_CODES = new Set(['23505', '40001', '40P01']);

function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE_CODES.has(code);
}

export async function retryingTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
    }
  }
}
