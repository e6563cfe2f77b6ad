// SQLite has one writer, and with synchronous=FULL every commit waits for the disk. Pushes
// that arrive while one transaction runs are applied together in the next one, each inside
// its own savepoint (a reused changeId undoes its own push only), and all of them are answered
// after that one commit: one disk flush for many phones, and still no answer before its batch
// is on disk. PostgreSQL has many writers and row locks: it commits each push alone (push.ts).
// The commit itself does not wait for the disk (walFlush.ts): the group's answers wait for the
// WAL's fsync off the event loop, while the next group is already applied. It runs on the push
// writer's thread (pushWriterThread.ts), the one SQLite push path.
import { sql, type Kysely } from 'kysely';
import type { EngineTraits } from '../engine.ts';
import { BatchRefused, pushBatch } from '../sync/push.ts';
import type { PushStatements } from '../sync/pushReads.ts';
import type { Database } from '../schema/tables.ts';
import type { PushInput, PushOutcome } from '../store.ts';
import type { CommitFlush } from './walFlush.ts';

/**
 * A group closes at this many changes, so that one group's transaction stays short: every push
 * of a group is answered after the group's commit. With the push writer on its own thread the
 * queue can hold a thousand phones' pushes; groups of 5,000 changes made the last of them wait
 * several seconds (1,000 phones × 10 changes: p99 8.6 s, 2.2–4.1 s with 1,000).
 */
const MAX_CHANGES_PER_GROUP = 1000;

interface Waiting {
  input: PushInput;
  resolve(outcome: PushOutcome): void;
  reject(error: unknown): void;
}

type Settled = { ok: true; outcome: PushOutcome } | { ok: false; error: unknown };

export function groupCommittedPushes(traits: EngineTraits, commitFlush: CommitFlush, statements: PushStatements): (input: PushInput) => Promise<PushOutcome> {
  let queue: Waiting[] = [];
  let draining = false;

  const takeGroup = (): Waiting[] => {
    let changes = 0;
    let size = 0;
    while (size < queue.length && (size === 0 || changes + queue[size]!.input.changes.length <= MAX_CHANGES_PER_GROUP)) {
      changes += queue[size]!.input.changes.length;
      size += 1;
    }
    const group = queue.slice(0, size);
    queue = queue.slice(size);
    return group;
  };

  const applyGroup = async (group: Waiting[]): Promise<Settled[]> => commitFlush.relaxed((connection) => transaction(connection, group));

  const transaction = async (on: Kysely<Database>, group: Waiting[]): Promise<Settled[]> =>
    on.transaction().execute(async (trx) => {
      const settled: Settled[] = [];
      for (const waiting of group) {
        await sql`savepoint one_push`.execute(trx);
        try {
          const response = await pushBatch(trx, traits, waiting.input, statements);
          settled.push({ ok: true, outcome: { ok: true, response } });
        } catch (error) {
          await sql`rollback to savepoint one_push`.execute(trx);
          settled.push(error instanceof BatchRefused ? { ok: true, outcome: error.outcome } : { ok: false, error });
        }
        await sql`release savepoint one_push`.execute(trx);
      }
      return settled;
    });

  const drain = async (): Promise<void> => {
    while (queue.length > 0) {
      const group = takeGroup();
      const answer = (settled: Settled[]) =>
        group.forEach((waiting, i) => {
          const one = settled[i]!;
          if (one.ok) waiting.resolve(one.outcome);
          else waiting.reject(one.error);
        });
      const fail = (error: unknown) => {
        for (const waiting of group) waiting.reject(error);
      };
      try {
        const settled = await applyGroup(group);
        // Answered once the commit is on disk; meanwhile the next group goes ahead.
        void commitFlush.flush().then(() => answer(settled), fail);
      } catch (error) {
        fail(error);
      }
      // Let the requests that arrived meanwhile reach the queue and join the next group.
      await new Promise((resolve) => setImmediate(resolve));
    }
    draining = false;
  };

  return (input) =>
    new Promise<PushOutcome>((resolve, reject) => {
      queue.push({ input, resolve, reject });
      if (!draining) {
        draining = true;
        setImmediate(() => void drain());
      }
    });
}
