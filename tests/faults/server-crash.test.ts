// Faults against the real server process: kill -9 while a batch is being applied, and
// right after a batch was acknowledged. The phone's retry always completes, nothing is
// half-applied, nothing acknowledged is lost, and nothing is stored twice.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { NotebookDb, saveRecord, type DeviceStore } from '../../src/data/index.ts';
import { memoryDeviceStore } from '../support/device-store.ts';
import { createSyncApi, SyncEngine } from '../../src/sync/index.ts';
import { propagandaSession } from '../fixtures/records.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { signInOverHttp } from '../support/api-client.ts';

const running: RunningServer[] = [];
const dbs: NotebookDb[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) await server.stop();
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

async function boot(dataDir?: string): Promise<RunningServer> {
  const server = await startServer(dataDir ? { dataDir } : {});
  running.push(server);
  return server;
}

interface Phone {
  db: NotebookDb;
  device: DeviceStore;
  token: string;
  engineFor(server: RunningServer): SyncEngine;
}

async function phone(server: RunningServer): Promise<Phone> {
  const { deviceId, token } = await signInOverHttp(server.url, 'tdp1');
  const db = new NotebookDb(`crash-${randomUUID()}`);
  dbs.push(db);
  const device = memoryDeviceStore(deviceId);
  return {
    db,
    device,
    token,
    engineFor: (s) =>
      new SyncEngine({
        db,
        device,
        api: createSyncApi({ baseUrl: s.url, token: async () => token }),
        batchSize: 500,
        setTimer: () => undefined,
        clearTimer: () => undefined,
      }),
  };
}

/** Reads the stopped server's file directly. */
function countsOnDisk(dataDir: string): { records: number; applied: number; perRecord: number[] } {
  const db = new Database(join(dataDir, 'notebook.sqlite'));
  try {
    const records = (db.prepare('SELECT COUNT(*) AS n FROM records').get() as { n: number }).n;
    const applied = (db.prepare('SELECT COUNT(*) AS n FROM applied_changes').get() as { n: number }).n;
    const perRecord = (db.prepare('SELECT COUNT(*) AS n FROM applied_changes GROUP BY record_id').all() as { n: number }[]).map((r) => r.n);
    return { records, applied, perRecord };
  } finally {
    db.close();
  }
}

describe('the server process killed', () => {
  it('in the middle of a batch: all of it or none of it, and the retry completes once', async () => {
    const first = await boot();
    const p = await phone(first);
    const sessions = Array.from({ length: 400 }, () => propagandaSession({ note: 'Họp tổ dân phố, tuyên truyền Luật Bình đẳng giới. '.repeat(4) }));
    for (const session of sessions) await saveRecord(p.db, session);

    const sending = p.engineFor(first).syncNow();
    await new Promise((r) => setTimeout(r, 40)); // the batch is on its way, or being applied
    await first.crash();
    await sending;

    const afterCrash = countsOnDisk(first.dataDir);
    expect([0, 400]).toContain(afterCrash.records); // never half a batch
    expect(afterCrash.applied).toBe(afterCrash.records);

    const second = await boot(first.dataDir);
    const engine = p.engineFor(second);
    await engine.syncNow();
    expect(engine.status.get().phase).toBe('idle');
    expect(await p.db.outbox.count()).toBe(0);
    await second.stop();
    const settled = countsOnDisk(first.dataDir);
    expect(settled.records).toBe(400);
    expect(settled.applied).toBe(400);
    expect(new Set(settled.perRecord)).toEqual(new Set([1]));
  }, 60_000); // 400 saves and two server starts: about 20 s on a busy 2-core machine

  it('right after it acknowledged a batch: the batch is there after the restart', async () => {
    const first = await boot();
    const p = await phone(first);
    const sessions = Array.from({ length: 5 }, () => propagandaSession());
    for (const session of sessions) await saveRecord(p.db, session);
    await p.engineFor(first).syncNow();
    expect(await p.db.outbox.count()).toBe(0); // acknowledged
    await first.crash();

    expect(countsOnDisk(first.dataDir).records).toBe(5);
    const second = await boot(first.dataDir);
    const pulled = await fetch(`${second.url}/api/v1/sync/pull?since=0`, { headers: { authorization: `Bearer ${p.token}` } });
    const body = (await pulled.json()) as { records: { id: string }[] };
    expect(body.records.map((r) => r.id).sort()).toEqual(sessions.map((s) => s.id).sort());
  });
});
