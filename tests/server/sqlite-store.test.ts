import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../server/auth/secrets.ts';
import { demoCommuneSeed } from '../../server/store/demo.ts';
import { FlushGate } from '../../server/store/sqlite/flushGate.ts';
import { openSqliteStore } from '../../server/store/sqlite/store.ts';
import type { SqliteStore } from '../../server/store/sqlite/store.ts';
import { propagandaSession, upsertOf } from '../fixtures/records.ts';
import { MIGRATION_NAMES } from '../support/migration-names.ts';

let dir: string;
let store: SqliteStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sotay-store-'));
  store = openSqliteStore(join(dir, 'notebook.sqlite'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const pragma = async (name: string) => {
  const result = await sql.raw<Record<string, unknown>>(`PRAGMA ${name}`).execute(store.db);
  return Object.values(result.rows[0] ?? {})[0];
};

/** A migrated store with the demo commune and phone-1 signed in as tdp1: its actor. */
async function signedInPhone() {
  await store.migrate();
  await store.seedCommune(await demoCommuneSeed());
  const user = (await store.sessions.findUserForSignIn('tdp1'))!;
  await store.devices.bind({ deviceId: 'phone-1', userId: user.id, tokenHash: sha256Hex('token-phone-1'), now: '2026-06-01T00:00:00.000Z' });
  return (await store.sessions.find(sha256Hex('token-phone-1'), '2026-06-01T00:00:00.000Z'))!.actor;
}

describe('the SQLite store', () => {
  it('writes durably: WAL with synchronous FULL, foreign keys on, a busy timeout', async () => {
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('synchronous')).toBe(2);
    expect(await pragma('foreign_keys')).toBe(1);
    expect(await pragma('busy_timeout')).toBe(5000);
  });

  it('records its migrations, and running them again changes nothing', async () => {
    expect(await store.migrate()).toEqual(MIGRATION_NAMES);
    const recorded = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(store.db);
    expect(recorded.rows.map((row) => row.name)).toEqual(MIGRATION_NAMES);
    await store.db.updateTable('counters').set({ value: 7 }).where('name', '=', 'server_seq').execute();

    expect(await store.migrate()).toEqual([]);
    const again = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(store.db);
    expect(again.rows.map((row) => row.name)).toEqual(MIGRATION_NAMES);
    expect(await store.db.selectFrom('counters').selectAll().execute()).toEqual([{ name: 'server_seq', value: 7 }]);
  });

  it('starts the server_seq counter at 0', async () => {
    await store.migrate();
    expect(await store.db.selectFrom('counters').selectAll().execute()).toEqual([{ name: 'server_seq', value: 0 }]);
    expect(await store.hasAnyCommune()).toBe(false);
  });

  it('answers a push only after the WAL is flushed, and a pull only after what it read is', async () => {
    // The push writer's thread as production runs it, its flushes held behind a gate the test opens.
    await store.close();
    const gate = new FlushGate();
    store = openSqliteStore(join(dir, 'notebook.sqlite'), { flushGate: gate });
    const actor = await signedInPhone();

    let pushAnswered = false;
    const push = store.sync.push({ actor, changes: [upsertOf(propagandaSession(), 1)], receivedAt: '2026-06-01T00:00:01.000Z' }).then((outcome) => {
      pushAnswered = true;
      return outcome;
    });
    while ((await store.db.selectFrom('records').select('id').execute()).length === 0 && !pushAnswered) await new Promise((resolve) => setTimeout(resolve, 5));
    let pullAnswered = false;
    const pull = store.sync.pull({ actor, since: 0, limit: 10, skipOwn: [] }).then((response) => {
      pullAnswered = true;
      return response;
    });
    // Both asked the writer's thread for a flush (or answered without one: the test fails below).
    while (gate.arrivals < 2 && !pushAnswered && !pullAnswered) await new Promise((resolve) => setTimeout(resolve, 5));
    // Committed, read back, and still not answered: the flush has not happened.
    expect([pushAnswered, pullAnswered]).toEqual([false, false]);
    expect(gate.arrivals).toBe(2);
    // Only the push's own transaction skipped the fsync of its commit.
    expect(await pragma('synchronous')).toBe(2);

    gate.open();
    expect((await push).ok).toBe(true);
    expect((await pull).records).toHaveLength(1);
  });

  it('copies the WAL into the database file from its worker thread, not inside a commit', async () => {
    expect(await pragma('wal_autocheckpoint')).toBe(0);
    const fresh = statSync(join(dir, 'notebook.sqlite')).size;
    await store.migrate();
    // The migrations' pages reach the database file only through a checkpoint.
    while (statSync(join(dir, 'notebook.sqlite')).size === fresh) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await store.hasAnyCommune()).toBe(false);
  });

  it('applies pushes that share one commit in order: each reads what the ones before it wrote', async () => {
    const actor = await signedInPhone();
    const record = propagandaSession();
    const created = upsertOf(record, 1);
    const edited = upsertOf({ ...record, date: '2026-05-20' }, 3, 1);
    const receivedAt = '2026-06-01T00:00:01.000Z';
    // Sent in the same tick: one group, one transaction, a savepoint each.
    const [first, second] = await Promise.all([
      store.sync.push({ actor, changes: [created], receivedAt }),
      store.sync.push({ actor, changes: [created, edited], receivedAt }),
    ]);
    if (!first.ok || !second.ok) throw new Error('a push failed');
    expect(second.response.results[0]).toEqual(first.response.results[0]);
    expect(second.response.results[1]).toMatchObject({ status: 'applied', rev: 2, serverSeq: 2 });
    expect(second.response.missingSeqs).toEqual([2]);
    const stored = await store.db.selectFrom('records').select(['rev', 'date', 'server_seq']).where('id', '=', record.id).execute();
    expect(stored).toEqual([{ rev: 2, date: '2026-05-20', server_seq: 2 }]);
  });

  it('lets the server connection write while the push writer thread commits pushes: neither fails', async () => {
    const actor = await signedInPhone();
    const receivedAt = '2026-06-01T00:00:01.000Z';
    // Pushes keep the writer thread committing for the whole test.
    let seq = 0;
    const pushes = Array.from({ length: 40 }, () => {
      const changes = Array.from({ length: 20 }, () => upsertOf(propagandaSession(), ++seq));
      return store.sync.push({ actor, changes, receivedAt });
    });
    // Meanwhile transactions on the server's own connection that read, wait, then write: begun
    // without the write lock, the writer's commit in between would make SQLite refuse the write.
    const office = Array.from({ length: 20 }, (_, i) =>
      store.db.transaction().execute(async (trx) => {
        await trx
          .selectFrom('records')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow();
        await new Promise((resolve) => setTimeout(resolve, 5));
        await trx
          .insertInto('sign_in_throttle')
          .values({ key: `office-${i}`, failures: 1, last_failure_at: receivedAt, locked_until: null })
          .execute();
      }),
    );
    const outcomes = await Promise.all(pushes);
    await Promise.all(office);
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    expect(
      await store.db
        .selectFrom('records')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow(),
    ).toEqual({ n: 800 });
    expect(await store.db.selectFrom('sign_in_throttle').select('key').execute()).toHaveLength(20);
  });
});
