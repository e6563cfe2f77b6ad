// The phones of the sync suites (tests/sync): the app's real engine and data layer over
// fake-indexeddb, signed in to the server code in-process (tests/server/harness.ts). The file
// that asks for a testbed gets every server and phone it makes closed and deleted after each test.
// A suite imports 'fake-indexeddb/auto' first itself: Dexie looks for IndexedDB when it loads.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { createStore } from 'idb-keyval';
import { afterEach } from 'vitest';
import { DEMO_PIN } from '../../server/store/demo.ts';
import { createVault, idbDeviceStore, NotebookDb, type DeviceStore, type VaultRecord } from '../../src/data/index.ts';
import { createSyncApi, SyncEngine, type SyncEngineDeps } from '../../src/sync/index.ts';
import { startServer, type TestDevice, type TestServer } from '../server/harness.ts';

export interface SyncPhoneOptions {
  /** Signs in as this account with the phone's own device id (tdp1 unless named)… */
  username?: string;
  /** …or takes over this sign-in, device id and token: the same phone reinstalled, or a twin. */
  signedIn?: TestDevice;
  /** Where the phone keeps its device values: a fresh key-value store of its own unless given. */
  device?: DeviceStore;
  /** A vault opened with the demo PIN, so that case notes rest sealed as on a real phone. */
  vault?: boolean;
  /** The link to the server: wraps the in-process call (a network to cut, a recorder of exchanges). */
  link?: (toServer: typeof fetch) => typeof fetch;
  /** The engine's own settings (timers, clock, batch size, push only…). */
  engine?: Partial<SyncEngineDeps>;
}

export interface SyncPhone {
  db: NotebookDb;
  device: DeviceStore;
  engine: SyncEngine;
  deviceId: string;
  /** The token the engine sends; a test may replace it (a new sign-in). */
  session: { token: string };
  vault?: VaultRecord;
}

/** Registers the clean-up in the calling file; returns makers of servers and phones. */
export function syncTestbed() {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  return {
    async server(settings: Parameters<typeof startServer>[0] = {}): Promise<TestServer> {
      const s = await startServer(settings);
      cleanups.push(() => s.close());
      return s;
    },

    async phone(s: TestServer, options: SyncPhoneOptions = {}): Promise<SyncPhone> {
      const db = new NotebookDb(`phone-${randomUUID()}`);
      const device = options.device ?? idbDeviceStore(createStore(`device-${randomUUID()}`, 'values'));
      const signedIn = options.signedIn ?? (await s.device(options.username ?? 'tdp1', await device.deviceId()));
      if (options.signedIn) {
        // The server knows this phone by the id it signed in with.
        const ownId = device.deviceId;
        device.deviceId = async () => (await ownId(), signedIn.deviceId);
      }
      const vault = options.vault ? await createVault(DEMO_PIN, 1000) : undefined;
      db.vaultKey = vault?.key;
      const session = { token: signedIn.token };
      const toServer = ((input: RequestInfo | URL, init?: RequestInit) => s.app.request(String(input), init)) as typeof fetch;
      const api = createSyncApi({ baseUrl: '', token: async () => session.token, fetch: options.link?.(toServer) ?? toServer });
      const engine = new SyncEngine({ db, api, device, setTimer: () => undefined, clearTimer: () => undefined, ...options.engine });
      cleanups.push(async () => {
        engine.stop();
        db.close();
        await db.delete();
      });
      return { db, device, engine, deviceId: signedIn.deviceId, session, vault: vault?.record };
    },
  };
}
