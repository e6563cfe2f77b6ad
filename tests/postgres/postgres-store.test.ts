// The PostgreSQL store's own promises: migrations recorded and run once even by processes
// starting together, the big counters as bigint, read back as numbers.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { openPostgresStore } from '../../server/store/postgres.ts';
import type { PostgresStore } from '../../server/store/postgres.ts';
import { createDatabase, dropDatabase } from '../support/postgres.ts';
import { MIGRATION_NAMES } from '../support/migration-names.ts';

const cluster = inject('postgres');
if (!cluster) throw new Error('this suite runs in the postgres project only');

let database: { name: string; url: string };
let stores: PostgresStore[];
beforeEach(async () => {
  database = await createDatabase(cluster);
  stores = [openPostgresStore(database.url), openPostgresStore(database.url)];
});
afterEach(async () => {
  await Promise.all(stores.map((store) => store.close()));
  await dropDatabase(cluster, database.name);
});

describe('the PostgreSQL store', () => {
  it('runs its migrations once when two processes start at the same moment', async () => {
    const ran = await Promise.all(stores.map((store) => store.migrate()));
    expect(ran.flat()).toEqual(MIGRATION_NAMES);
    const recorded = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(stores[0]!.db);
    expect(recorded.rows).toEqual(MIGRATION_NAMES.map((name) => ({ name })));
    expect(await stores[1]!.migrate()).toEqual([]);
  });

  it('keeps server_seq and the counter as bigint and reads them back as numbers', async () => {
    const [store] = stores as [PostgresStore];
    await store.migrate();
    const types = await sql<{ table_name: string; column_name: string; data_type: string }>`
      select table_name, column_name, data_type from information_schema.columns
      where (table_name, column_name) in (('records', 'server_seq'), ('counters', 'value'), ('records', 'rev'))
      order by table_name, column_name`.execute(store.db);
    expect(types.rows).toEqual([
      { table_name: 'counters', column_name: 'value', data_type: 'bigint' },
      { table_name: 'records', column_name: 'rev', data_type: 'integer' },
      { table_name: 'records', column_name: 'server_seq', data_type: 'bigint' },
    ]);
    expect(await store.db.selectFrom('counters').selectAll().execute()).toEqual([{ name: 'server_seq', value: 0 }]);
    await store.db.updateTable('counters').set({ value: 5_000_000_000 }).execute();
    expect(await store.db.selectFrom('counters').select('value').executeTakeFirstOrThrow()).toEqual({ value: 5_000_000_000 });
    const count = await store.db
      .selectFrom('counters')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
  });
});
