// Bundled for the browser by the sync benchmark: our data layer and sync engine on the page,
// as the app runs them, driven from the benchmark through window.oursBench.
import { createStore } from 'idb-keyval';
import { idbDeviceStore, NotebookDb, saveRecord } from '../../../src/data/index.ts';
import type { ChecklistRecord } from '../../../src/domain/index.ts';
import { createSyncApi, SyncEngine } from '../../../src/sync/index.ts';

let db: NotebookDb;
let engine: SyncEngine | undefined;
let lastPushAnswer = 0;

const oursBench = {
  async setup(name: string, token: string, deviceId: string) {
    db = new NotebookDb(name);
    await db.open();
    const device = idbDeviceStore(createStore(`${name}-device`, 'values'));
    device.deviceId = async () => deviceId;
    const timedFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (String(input).includes('/sync/push')) {
        const copy = response.clone();
        await copy.arrayBuffer();
        lastPushAnswer = performance.now();
      }
      return response;
    };
    const api = createSyncApi({ baseUrl: location.origin, token: async () => token, fetch: timedFetch });
    engine = new SyncEngine({ db, api, device, idleIntervalMs: 24 * 3600_000 });
  },
  async save(records: ChecklistRecord[]) {
    for (const record of records) await saveRecord(db, record);
  },
  /** Milliseconds of each save, one after the other. */
  async timeSaves(records: ChecklistRecord[]): Promise<number[]> {
    const times: number[] = [];
    for (const record of records) {
      const start = performance.now();
      await saveRecord(db, record);
      times.push(performance.now() - start);
    }
    return times;
  },
  async timeSaveAll(records: ChecklistRecord[]): Promise<number> {
    const start = performance.now();
    for (const record of records) await saveRecord(db, record);
    return performance.now() - start;
  },
  /** One sync: time until the last push was answered (the server holds everything) and until the pull ended. */
  async sync(): Promise<{ pushedMs: number; totalMs: number; phase: string; outbox: number }> {
    const start = performance.now();
    lastPushAnswer = start;
    await engine!.syncNow();
    const end = performance.now();
    engine!.stop();
    return { pushedMs: lastPushAnswer - start, totalMs: end - start, phase: engine!.status.get().phase, outbox: await db.outbox.count() };
  },
};

(globalThis as unknown as { oursBench: typeof oursBench }).oursBench = oursBench;
