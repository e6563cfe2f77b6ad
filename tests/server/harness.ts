// A server in-process over a fresh database seeded with the demo commune, and a little client
// that signs in as one device and pushes and pulls. The engine is the Vitest project's: a
// SQLite file in the temp folder (project `sqlite`), or a new database in the test cluster
// of tests/support/postgres.ts (project `postgres`). The suites themselves are the same.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { inject } from 'vitest';
import { createApp, type AppSettings } from '../../server/app.ts';
import { DEMO_PIN, demoCommuneSeed } from '../../server/store/demo.ts';
import { openPostgresStore } from '../../server/store/postgres.ts';
import { openSqliteStore } from '../../server/store/sqlite/store.ts';
import type { Database } from '../../server/store/schema/tables.ts';
import type { Store } from '../../server/store/store.ts';
import type { Change } from '../../src/domain/index.ts';
import { createDatabase, dropDatabase } from '../support/postgres.ts';

/** A store with its Kysely instance, which tests use to look at the rows. */
export type TestStore = Store & { readonly db: Kysely<Database> };

/** A fresh, empty store on the project's engine, and how to throw it away. */
export async function openTestStore(): Promise<{ store: TestStore; discard(): Promise<void> }> {
  const cluster = inject('postgres');
  if (cluster) {
    const database = await createDatabase(cluster);
    const store = openPostgresStore(database.url, { maxConnections: 4 });
    return {
      store,
      async discard() {
        await store.close();
        await dropDatabase(cluster, database.name);
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'sotay-server-'));
  const store = openSqliteStore(join(dir, 'notebook.sqlite'));
  return {
    store,
    async discard() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Response bodies are JSON checked by each test's assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export const START_TIME = new Date('2026-06-01T02:30:00.000Z');

export interface TestServer {
  app: ReturnType<typeof createApp>;
  store: TestStore;
  setNow(date: Date): void;
  device(username: string, deviceId?: string): Promise<TestDevice>;
  countRows(table: keyof Database): Promise<number>;
  close(): Promise<void>;
}

export interface TestDevice {
  token: string;
  deviceId: string;
  push(changes: Change[], deviceId?: string): Promise<{ status: number; body: Json }>;
  pushRaw(body: string): Promise<{ status: number; body: Json }>;
  pull(query?: string): Promise<{ status: number; body: Json }>;
}

export async function startServer(settings: AppSettings = {}): Promise<TestServer> {
  const { store, discard } = await openTestStore();
  await store.migrate();
  await store.seedCommune(await demoCommuneSeed());
  let now = START_TIME;
  // Suites move the clock by months between signing in and acting; sessions end only where a
  // suite asks for it (tests/server/sessions.test.ts uses the real 90 days).
  const app = createApp({ store, clock: () => now, settings: { sessionLifetimeSeconds: 400 * 86_400, ...settings } });

  const call = async (path: string, init: RequestInit = {}) => {
    const response = await app.request(path, init);
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };

  return {
    app,
    store,
    setNow: (date) => {
      now = date;
    },
    async device(username, deviceId = randomUUID()) {
      const signIn = await call('/api/v1/sessions', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Session-Token': 'body' },
        body: JSON.stringify({ username, pin: DEMO_PIN, deviceId }),
      });
      if (signIn.status !== 200) throw new Error(`sign-in of ${username} failed: ${signIn.status}`);
      const token = signIn.body.token as string;
      const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
      const pushRaw = (body: string) => call('/api/v1/sync/push', { method: 'POST', headers, body });
      return {
        token,
        deviceId,
        push: (changes, asDevice = deviceId) => pushRaw(JSON.stringify({ deviceId: asDevice, changes })),
        pushRaw,
        pull: (query = 'since=0') => call(`/api/v1/sync/pull?${query}`, { headers }),
      };
    },
    async countRows(table) {
      const row = await store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    close: discard,
  };
}
