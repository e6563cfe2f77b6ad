import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../server/store/sqlite.ts';
import type { SqliteStore } from '../../server/store/sqlite.ts';
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
});
