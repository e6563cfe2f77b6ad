// 1. Wire cost of syncing N records from Node (requests, round trips, bytes up and down), and
// of a re-sync with nothing new: the real SyncEngine and data layer against our server process,
// pouchdb-node replicating to the PouchDB server, each through a counting proxy.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createStore } from 'idb-keyval';
import { idbDeviceStore, NotebookDb, saveRecord } from '../../../src/data/index.ts';
import type { ChecklistRecord } from '../../../src/domain/index.ts';
import { createSyncApi, SyncEngine } from '../../../src/sync/index.ts';
import { startCountingProxy, type WireCount } from './counting-proxy.ts';
import { startOurServer, type BenchServer } from './processes.ts';
import { benchRecords } from './records.ts';
import { asDocs, check, config, type PouchConstructor, kB, log, ourEndpoint, pouchEndpoint, ratio, serverRecordCount, signIn, type Row } from './shared.ts';

const require = createRequire(import.meta.url);

// PouchDB on Node, for the wire counts: pouchdb-node (LevelDB) on the phone's side.
const PouchNode = require('pouchdb-node') as PouchConstructor;

export interface WireRow {
  n: number;
  ours: WireCount;
  oursResync: WireCount;
  pouch: WireCount;
  pouchResync: WireCount;
  pouchSyncResync: WireCount;
  jsonBytes: number;
  gzipBytes: number;
}

async function oursWire(staticDir: string, records: ChecklistRecord[]): Promise<{ first: WireCount; resync: WireCount }> {
  const server = await startOurServer(staticDir);
  const proxy = await startCountingProxy(server.url, ourEndpoint);
  const db = new NotebookDb(`bench-${randomUUID()}`);
  try {
    const deviceId = randomUUID();
    const token = await signIn(server.url, deviceId);
    for (const record of records) await saveRecord(db, record);
    const device = idbDeviceStore(createStore(`bench-device-${randomUUID()}`, 'values'));
    device.deviceId = async () => deviceId;
    const api = createSyncApi({ baseUrl: proxy.url, token: async () => token });
    const engine = new SyncEngine({ db, api, device, idleIntervalMs: 24 * 3600_000 });
    proxy.reset();
    await engine.syncNow();
    const first = proxy.count();
    check(engine.status.get().phase === 'idle' && (await db.outbox.count()) === 0, `our sync did not finish: ${JSON.stringify(engine.status.get().failure)}`);
    check((await serverRecordCount(server.url)) === records.length, 'our server does not hold every record');
    proxy.reset();
    await engine.syncNow();
    const resync = proxy.count();
    engine.stop();
    return { first, resync };
  } finally {
    db.close();
    await db.delete();
    await proxy.close();
    await server.stop();
  }
}

async function pouchWire(server: BenchServer, records: ChecklistRecord[]): Promise<{ first: WireCount; resync: WireCount; syncResync: WireCount }> {
  const proxy = await startCountingProxy(server.url, pouchEndpoint);
  const dir = mkdtempSync(join(tmpdir(), 'pouch-phone-'));
  const local = new PouchNode(join(dir, 'local'));
  try {
    const name = `records-${randomUUID().slice(0, 8)}`;
    const created = await fetch(`${server.url}/${name}`, { method: 'PUT' });
    check(created.ok, `PouchDB server did not create a database: ${created.status}`);
    await local.bulkDocs(asDocs(records));
    const remote = `${proxy.url}/${name}`;
    proxy.reset();
    const result = await local.replicate.to(remote);
    const first = proxy.count();
    check(result.ok && result.docs_written === records.length, 'PouchDB replication did not write every record');
    proxy.reset();
    await local.replicate.to(remote);
    const resync = proxy.count();
    proxy.reset();
    await local.sync(remote);
    const syncResync = proxy.count();
    const held = (await (await fetch(`${server.url}/${name}`)).json()) as { doc_count: number };
    check(held.doc_count === records.length, 'the PouchDB server does not hold every record');
    return { first, resync, syncResync };
  } finally {
    await local.destroy().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    await proxy.close();
  }
}

export async function wireCost(staticDir: string, pouchServer: BenchServer): Promise<WireRow[]> {
  const rows: WireRow[] = [];
  for (const n of config.wireNs) {
    const records = benchRecords(n, 100 + n);
    const json = JSON.stringify(records);
    const ours = await oursWire(staticDir, records);
    const pouch = await pouchWire(pouchServer, records);
    rows.push({
      n,
      ours: ours.first,
      oursResync: ours.resync,
      pouch: pouch.first,
      pouchResync: pouch.resync,
      pouchSyncResync: pouch.syncResync,
      jsonBytes: Buffer.byteLength(json),
      gzipBytes: gzipSync(json).length,
    });
    log(
      `  wire cost, N=${n}: ours ${ours.first.roundTrips} round trips ${kB(ours.first.bytesUp)} up ${kB(ours.first.bytesDown)} down; PouchDB ${pouch.first.roundTrips} round trips ${kB(pouch.first.bytesUp)} up ${kB(pouch.first.bytesDown)} down`,
    );
  }
  return rows;
}

export function wireTable(wire: WireRow[], row: Row, lines: string[]): void {
  lines.push('### 1. Wire cost of syncing N records (Node, real processes; ours = push + pull, PouchDB = replicate.to)', '');
  row(
    'N',
    'JSON / gzip',
    'ours requests',
    'ours round trips',
    'ours up',
    'ours down',
    'PouchDB requests',
    'PouchDB round trips',
    'PouchDB up',
    'PouchDB down',
    'bytes ratio (PouchDB ÷ ours)',
    'round-trip ratio',
  );
  row('---', '---', '---', '---', '---', '---', '---', '---', '---', '---', '---', '---');
  for (const w of wire) {
    row(
      w.n,
      `${kB(w.jsonBytes)} / ${kB(w.gzipBytes)}`,
      w.ours.requests,
      w.ours.roundTrips,
      kB(w.ours.bytesUp),
      kB(w.ours.bytesDown),
      w.pouch.requests,
      w.pouch.roundTrips,
      kB(w.pouch.bytesUp),
      kB(w.pouch.bytesDown),
      ratio(w.pouch.bytesUp + w.pouch.bytesDown, w.ours.bytesUp + w.ours.bytesDown),
      ratio(w.pouch.roundTrips, w.ours.roundTrips),
    );
  }
  lines.push('', 'Re-sync with nothing new:', '');
  row('N', 'ours round trips', 'ours bytes', 'PouchDB replicate.to round trips', 'bytes', 'PouchDB sync (both ways) round trips', 'bytes');
  row('---', '---', '---', '---', '---', '---', '---');
  for (const w of wire) {
    row(
      w.n,
      w.oursResync.roundTrips,
      kB(w.oursResync.bytesUp + w.oursResync.bytesDown),
      w.pouchResync.roundTrips,
      kB(w.pouchResync.bytesUp + w.pouchResync.bytesDown),
      w.pouchSyncResync.roundTrips,
      kB(w.pouchSyncResync.bytesUp + w.pouchSyncResync.bytesDown),
    );
  }
  lines.push('', 'Requests by endpoint (largest N):', '');
  const last = wire.at(-1)!;
  lines.push(`- ours: ${JSON.stringify(last.ours.byEndpoint)}`, `- PouchDB: ${JSON.stringify(last.pouch.byEndpoint)}`);
}
