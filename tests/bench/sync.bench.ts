// Our sync against PouchDB's, side by side, in the same run, on the same records:
//   1. wire cost of syncing N records from Node (requests, round trips, bytes up and down),
//      and of a re-sync with nothing new;
//   2. time until the server holds 500 records in Chromium on an emulated 2G-like and 3G-like
//      link, with the physical bound (bytes ÷ bandwidth + round trips × latency) beside it;
//   3. the phone's cost of a durable save (1 and 1,000 records) in Chromium with 4× CPU slowdown;
//   4. the server: records ingested per second with batched pushes, and latency percentiles
//      with many devices at once on loopback (autocannon).
// Ours: the real SyncEngine and data layer (src/sync, src/data) against the real server process
// (SQLite). Theirs: PouchDB 9 replicating to express-pouchdb (LevelDB) in its own process.
// Medians of repeated runs; every comparison is a ratio measured in the same run. It prints a
// table and writes tests/bench/results/sync.{json,md}; it asserts nothing about speed and fails
// only if it cannot run. `--short` (in `npm test`): small N, one repeat, nothing written.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { build } from 'esbuild';
import { createStore } from 'idb-keyval';
import type { Browser, Page } from 'playwright-core';
import { idbDeviceStore, NotebookDb, saveRecord } from '../../src/data/index.ts';
import type { ChecklistRecord } from '../../src/domain/index.ts';
import { createSyncApi, SyncEngine } from '../../src/sync/index.ts';
import { launchChromium } from '../e2e/chromium.ts';
import { startCountingProxy, type WireCount } from './sync/counting-proxy.ts';
import { startOurServer, startPouchServer, type BenchServer } from './sync/processes.ts';
import { benchRecords } from './sync/records.ts';

const SHORT = process.argv.includes('--short');
/** `--only=wire,link,saves,load`: run those parts alone (nothing written), e.g. to measure one change. */
const ONLY = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
const runs = (part: 'wire' | 'link' | 'saves' | 'load') => !ONLY || ONLY.includes(part);
const require = createRequire(import.meta.url);

const config = SHORT
  ? { wireNs: [1, 50], linkN: 50, repeats: 1, singleSaves: 5, manySaves: 50, devices: 20, loadSeconds: 2 }
  : { wireNs: [1, 50, 500, 5000], linkN: 500, repeats: 3, singleSaves: 21, manySaves: 1000, devices: 1000, loadSeconds: 10 };

const LINKS = [
  { name: '2G-like', kbps: 250, latencyMs: 800 },
  { name: '3G-like', kbps: 700, latencyMs: 300 },
] as const;

// ---------------------------------------------------------------------------------------------
// Helpers

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const ratio = (theirs: number, ours: number) => (ours > 0 ? `${(theirs / ours).toFixed(1)}×` : '—');
const log = (line: string) => console.log(line);

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`benchmark could not run: ${message}`);
}

async function signIn(url: string, deviceId: string, username = 'tdp1'): Promise<string> {
  const response = await fetch(`${url}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Session-Token': 'body' },
    body: JSON.stringify({ username, pin: '1234', deviceId }),
  });
  check(response.ok, `sign-in answered ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

async function serverRecordCount(url: string): Promise<number> {
  const deviceId = randomUUID();
  const token = await signIn(url, deviceId, 'canbo');
  let since = 0;
  let count = 0;
  for (;;) {
    const response = await fetch(`${url}/api/v1/sync/pull?since=${since}&limit=1000`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { records: unknown[]; cursor: number; more: boolean };
    count += body.records.length;
    since = body.cursor;
    if (!body.more) return count;
  }
}

const ourEndpoint = (method: string, path: string) => `${method} ${path.replace('/api/v1/', '')}`;
const pouchEndpoint = (method: string, path: string) => {
  const rest = path.split('/').slice(2).join('/');
  return `${method} ${rest ? (rest.startsWith('_local') ? '_local/…' : rest) : '/db'}`;
};

// PouchDB on Node, for the wire counts: pouchdb-node (LevelDB) on the phone's side.
interface PouchDb {
  bulkDocs(docs: object[]): Promise<unknown>;
  replicate: { to(target: string, options?: object): Promise<{ ok: boolean; docs_written: number }> };
  sync(target: string, options?: object): Promise<{ push?: { ok: boolean } }>;
  info(): Promise<{ doc_count: number }>;
  destroy(): Promise<unknown>;
}
type PouchConstructor = new (name: string, options?: object) => PouchDb;
const PouchNode = require('pouchdb-node') as PouchConstructor;

const asDocs = (records: ChecklistRecord[]) => records.map((record) => ({ _id: record.id, ...record }));

// ---------------------------------------------------------------------------------------------
// 1. Wire cost from Node

interface WireRow {
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

async function wireCost(staticDir: string, pouchServer: BenchServer): Promise<WireRow[]> {
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
    log(`  wire cost, N=${n}: ours ${ours.first.roundTrips} round trips ${kB(ours.first.bytesUp)} up ${kB(ours.first.bytesDown)} down; PouchDB ${pouch.first.roundTrips} round trips ${kB(pouch.first.bytesUp)} up ${kB(pouch.first.bytesDown)} down`);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Browser pages: one static folder served by both servers at their own origin.

async function prepareStatic(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'sync-bench-static-'));
  writeFileSync(join(dir, 'bench.html'), '<!doctype html><meta charset="utf-8"><title>sync bench</title><body>bench</body>');
  writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>sync bench</title><body>bench</body>');
  await build({
    entryPoints: ['tests/bench/sync/browser-ours.ts'],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    outfile: join(dir, 'ours.js'),
    logLevel: 'error',
  });
  writeFileSync(join(dir, 'pouchdb.js'), readFileSync(require.resolve('pouchdb/dist/pouchdb.min.js')));
  return dir;
}

async function openPage(browser: Browser, url: string, script: string, cpuRate = 1): Promise<{ page: Page; throttle(link?: (typeof LINKS)[number]): Promise<void>; close(): Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}/bench.html`);
  await page.addScriptTag({ url: `${url}/${script}` });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (cpuRate !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
  return {
    page,
    async throttle(link) {
      const bytesPerSecond = link ? (link.kbps * 1000) / 8 : -1;
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: link?.latencyMs ?? 0,
        downloadThroughput: bytesPerSecond,
        uploadThroughput: bytesPerSecond,
      });
    },
    close: () => context.close(),
  };
}

// ---------------------------------------------------------------------------------------------
// 2. Time on a bad link in Chromium

interface LinkRun {
  ms: number;
  wire: WireCount;
}
interface LinkRow {
  link: (typeof LINKS)[number];
  n: number;
  oursPushed: LinkRun[];
  oursTotalMs: number[];
  pouch: LinkRun[];
}

/** Bytes ÷ bandwidth (both ways share one emulated link each way) + round trips × latency. */
function physicalBound(wire: WireCount, link: (typeof LINKS)[number]): number {
  const bytesPerMs = (link.kbps * 1000) / 8 / 1000;
  return (wire.bytesUp + wire.bytesDown) / bytesPerMs + wire.roundTrips * link.latencyMs;
}

async function oursOnLink(browser: Browser, staticDir: string, link: (typeof LINKS)[number], records: ChecklistRecord[]): Promise<{ pushed: LinkRun; totalMs: number }> {
  const server = await startOurServer(staticDir);
  const proxy = await startCountingProxy(server.url, ourEndpoint);
  const tab = await openPage(browser, proxy.url, 'ours.js');
  try {
    const deviceId = randomUUID();
    const token = await signIn(server.url, deviceId);
    await tab.page.evaluate(async ([name, t, d]) => (globalThis as never as { oursBench: { setup(...a: string[]): Promise<void> } }).oursBench.setup(name!, t!, d!), [`db-${deviceId}`, token, deviceId]);
    await tab.page.evaluate(async (list) => (globalThis as never as { oursBench: { save(r: unknown[]): Promise<void> } }).oursBench.save(list), records);
    await tab.throttle(link);
    proxy.reset();
    const result = await tab.page.evaluate(async () => (globalThis as never as { oursBench: { sync(): Promise<{ pushedMs: number; totalMs: number; phase: string; outbox: number }> } }).oursBench.sync());
    const wire = proxy.count();
    check(result.phase === 'idle' && result.outbox === 0, `our sync in Chromium did not finish (${result.phase})`);
    check((await serverRecordCount(server.url)) === records.length, 'our server does not hold every record after the browser sync');
    return { pushed: { ms: result.pushedMs, wire }, totalMs: result.totalMs };
  } finally {
    await tab.close();
    await proxy.close();
    await server.stop();
  }
}

async function pouchOnLink(browser: Browser, server: BenchServer, link: (typeof LINKS)[number], records: ChecklistRecord[]): Promise<LinkRun> {
  const proxy = await startCountingProxy(server.url, pouchEndpoint);
  const tab = await openPage(browser, proxy.url, 'pouchdb.js');
  try {
    const name = `link-${randomUUID().slice(0, 8)}`;
    const created = await fetch(`${server.url}/${name}`, { method: 'PUT' });
    check(created.ok, 'PouchDB server did not create a database');
    await tab.page.evaluate(async ([dbName, docs]) => {
      const Pouch = (globalThis as never as { PouchDB: PouchConstructor }).PouchDB;
      const local = new Pouch(`local-${dbName}`);
      await local.bulkDocs(docs as object[]);
      (globalThis as never as { local: PouchDb }).local = local;
    }, [name, asDocs(records)] as const);
    await tab.throttle(link);
    proxy.reset();
    const result = await tab.page.evaluate(async (dbName) => {
      const local = (globalThis as never as { local: PouchDb }).local;
      const start = performance.now();
      const done = await local.replicate.to(`${location.origin}/${dbName}`);
      return { ms: performance.now() - start, ok: done.ok, written: done.docs_written };
    }, name);
    const wire = proxy.count();
    check(result.ok && result.written === records.length, 'PouchDB replication in Chromium did not write every record');
    return { ms: result.ms, wire };
  } finally {
    await tab.close();
    await proxy.close();
  }
}

async function badLink(browser: Browser, staticDir: string, pouchServer: BenchServer): Promise<LinkRow[]> {
  const rows: LinkRow[] = [];
  for (const link of LINKS) {
    const row: LinkRow = { link, n: config.linkN, oursPushed: [], oursTotalMs: [], pouch: [] };
    for (let run = 0; run < config.repeats; run++) {
      const records = benchRecords(config.linkN, 1000 + run);
      const ours = await oursOnLink(browser, staticDir, link, records);
      const pouch = await pouchOnLink(browser, pouchServer, link, records);
      row.oursPushed.push(ours.pushed);
      row.oursTotalMs.push(ours.totalMs);
      row.pouch.push(pouch);
      log(`  ${link.name} run ${run + 1}: ours ${sec(ours.pushed.ms)} (pull done ${sec(ours.totalMs)}), PouchDB ${sec(pouch.ms)}`);
    }
    rows.push(row);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// 3. The phone's cost of a durable save, 4× CPU slowdown

interface SaveRow {
  oursOneMs: number;
  pouchOneMs: number;
  oursManyMs: number;
  pouchManyMs: number;
  many: number;
}

async function saveCost(browser: Browser, staticDir: string, pouchServer: BenchServer): Promise<SaveRow> {
  const server = await startOurServer(staticDir);
  try {
    const ours = await openPage(browser, server.url, 'ours.js', 4);
    const deviceId = randomUUID();
    await ours.page.evaluate(async ([name, d]) => (globalThis as never as { oursBench: { setup(...a: string[]): Promise<void> } }).oursBench.setup(name!, 'none', d!), [`save-${deviceId}`, deviceId]);
    const singles = benchRecords(config.singleSaves + 3, 5);
    const oursOne = await ours.page.evaluate(async (list) => (globalThis as never as { oursBench: { timeSaves(r: unknown[]): Promise<number[]> } }).oursBench.timeSaves(list), singles);
    const oursMany = await ours.page.evaluate(async (list) => (globalThis as never as { oursBench: { timeSaveAll(r: unknown[]): Promise<number> } }).oursBench.timeSaveAll(list), benchRecords(config.manySaves, 6));
    await ours.close();

    const pouch = await openPage(browser, pouchServer.url, 'pouchdb.js', 4);
    const timings = await pouch.page.evaluate(
      async ([one, many]) => {
        const Pouch = (globalThis as never as { PouchDB: new (name: string) => { put(doc: object): Promise<unknown> } }).PouchDB;
        const db = new Pouch(`save-${Math.random()}`);
        const times: number[] = [];
        for (const doc of one as object[]) {
          const start = performance.now();
          await db.put(doc);
          times.push(performance.now() - start);
        }
        const start = performance.now();
        for (const doc of many as object[]) await db.put(doc);
        return { times, manyMs: performance.now() - start };
      },
      [asDocs(singles), asDocs(benchRecords(config.manySaves, 6))] as const,
    );
    await pouch.close();
    // The first three saves warm up (database open, code paths): not counted.
    return {
      oursOneMs: median(oursOne.slice(3)),
      pouchOneMs: median(timings.times.slice(3)),
      oursManyMs: oursMany,
      pouchManyMs: timings.manyMs,
      many: config.manySaves,
    };
  } finally {
    await server.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// 4. The server under load (autocannon on loopback)

interface LoadResult {
  devices: number;
  burst: boolean;
  batch: number;
  requests: number;
  errors: number;
  non2xx: number;
  recordsPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
}

const RECORD_TEMPLATE = JSON.stringify({ ...benchRecords(1, 9)[0]!, id: '__ID__' });

async function runLoad(url: string, path: string, bodies: (connection: number) => string, options: { connections: number; batch: number; burst: boolean; headers: (connection: number) => Record<string, string> }): Promise<LoadResult> {
  let nextConnection = 0;
  const result = await autocannon({
    url,
    connections: options.connections,
    // A burst: every device sends one push at the same moment. Otherwise each keeps pushing for the whole run.
    ...(options.burst ? { amount: options.connections } : { duration: config.loadSeconds }),
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path,
        setupRequest: (request, context) => {
          const state = context as { connection?: number };
          state.connection ??= nextConnection++;
          const connection = state.connection;
          return { ...request, headers: { 'content-type': 'application/json', ...options.headers(connection) }, body: bodies(connection) };
        },
      },
    ],
  });
  const ok = result['2xx'];
  return {
    devices: options.connections,
    batch: options.batch,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    burst: options.burst,
    recordsPerSecond: (ok * options.batch) / (result.duration || config.loadSeconds),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
  };
}

async function pool<T>(count: number, width: number, work: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(count);
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < count) {
      const i = next++;
      out[i] = await work(i);
    }
  }));
  return out;
}

async function oursLoad(staticDir: string, devices: number, batch: number, burst: boolean): Promise<LoadResult> {
  const server = await startOurServer(staticDir);
  try {
    const usernames = ['tdp1', 'tdp2', 'tdp3', 'tdp4', 'tdp5'];
    const phones = await pool(devices, 8, async (i) => {
      const deviceId = randomUUID();
      const username = usernames[i % usernames.length]!;
      return { deviceId, unitId: `tdp-${(i % usernames.length) + 1}`, username, token: await signIn(server.url, deviceId, username), seq: 0 };
    });
    return await runLoad(
      server.url,
      '/api/v1/sync/push',
      (c) => {
        const phone = phones[c % phones.length]!;
        const changes: string[] = [];
        for (let i = 0; i < batch; i++) {
          const id = randomUUID();
          const record = RECORD_TEMPLATE.replace('__ID__', id).replace('"tdp-1"', `"${phone.unitId}"`).replace('"reporterId":"tdp1"', `"reporterId":"${phone.username}"`);
          changes.push(`{"changeId":"${randomUUID()}","seq":${++phone.seq},"op":"upsert","recordId":"${id}","baseRev":0,"record":${record}}`);
        }
        return `{"deviceId":"${phone.deviceId}","changes":[${changes.join(',')}]}`;
      },
      { connections: devices, batch, burst, headers: (c) => ({ authorization: `Bearer ${phones[c % phones.length]!.token}` }) },
    );
  } finally {
    await server.stop();
  }
}

async function pouchLoad(pouchServer: BenchServer, devices: number, batch: number, burst: boolean): Promise<LoadResult> {
  const name = `load-${randomUUID().slice(0, 8)}`;
  check((await fetch(`${pouchServer.url}/${name}`, { method: 'PUT' })).ok, 'PouchDB server did not create a database');
  return runLoad(
    pouchServer.url,
    `/${name}/_bulk_docs`,
    () => {
      const docs: string[] = [];
      for (let i = 0; i < batch; i++) {
        const id = randomUUID();
        docs.push(RECORD_TEMPLATE.replace('__ID__', id).replace('{', `{"_id":"${id}",`));
      }
      return `{"docs":[${docs.join(',')}]}`;
    },
    { connections: devices, batch, burst, headers: () => ({}) },
  );
}

// ---------------------------------------------------------------------------------------------
// Main

interface Results {
  mode: 'full' | 'short';
  at: string;
  wire: WireRow[];
  links: LinkRow[];
  saves?: SaveRow;
  load: { ours: LoadResult; pouch: LoadResult }[];
}

function table(results: Results): string {
  const lines: string[] = [];
  const row = (...cells: (string | number)[]) => lines.push(`| ${cells.join(' | ')} |`);
  lines.push(`## Sync benchmark (${results.mode}, ${results.at})`, '');
  if (results.wire.length > 0) wireTable(results, row, lines);
  if (results.links.length > 0) linkTable(results, row, lines);
  if (results.saves) saveTable(results.saves, row, lines);
  if (results.load.length > 0) loadTable(results, row, lines);
  return lines.join('\n');
}

type Row = (...cells: (string | number)[]) => void;

function wireTable(results: Results, row: Row, lines: string[]): void {
  lines.push('### 1. Wire cost of syncing N records (Node, real processes; ours = push + pull, PouchDB = replicate.to)', '');
  row('N', 'JSON / gzip', 'ours requests', 'ours round trips', 'ours up', 'ours down', 'PouchDB requests', 'PouchDB round trips', 'PouchDB up', 'PouchDB down', 'bytes ratio (PouchDB ÷ ours)', 'round-trip ratio');
  row('---', '---', '---', '---', '---', '---', '---', '---', '---', '---', '---', '---');
  for (const w of results.wire) {
    row(w.n, `${kB(w.jsonBytes)} / ${kB(w.gzipBytes)}`, w.ours.requests, w.ours.roundTrips, kB(w.ours.bytesUp), kB(w.ours.bytesDown), w.pouch.requests, w.pouch.roundTrips, kB(w.pouch.bytesUp), kB(w.pouch.bytesDown),
      ratio(w.pouch.bytesUp + w.pouch.bytesDown, w.ours.bytesUp + w.ours.bytesDown), ratio(w.pouch.roundTrips, w.ours.roundTrips));
  }
  lines.push('', 'Re-sync with nothing new:', '');
  row('N', 'ours round trips', 'ours bytes', 'PouchDB replicate.to round trips', 'bytes', 'PouchDB sync (both ways) round trips', 'bytes');
  row('---', '---', '---', '---', '---', '---', '---');
  for (const w of results.wire) {
    row(w.n, w.oursResync.roundTrips, kB(w.oursResync.bytesUp + w.oursResync.bytesDown), w.pouchResync.roundTrips, kB(w.pouchResync.bytesUp + w.pouchResync.bytesDown), w.pouchSyncResync.roundTrips, kB(w.pouchSyncResync.bytesUp + w.pouchSyncResync.bytesDown));
  }
  lines.push('', 'Requests by endpoint (largest N):', '');
  const last = results.wire.at(-1)!;
  lines.push(`- ours: ${JSON.stringify(last.ours.byEndpoint)}`, `- PouchDB: ${JSON.stringify(last.pouch.byEndpoint)}`);
}

function linkTable(results: Results, row: Row, lines: string[]): void {
  lines.push('', `### 2. Time until the server holds all ${results.links[0]?.n} records, Chromium with CDP network emulation (median of ${results.links[0]?.oursPushed.length})`, '');
  row('link', 'ours: server holds all', 'ours: whole sync (push + pull)', 'its bound', 'whole ÷ bound', 'PouchDB (replicate.to)', 'its bound', 'PouchDB ÷ bound', 'time ratio (PouchDB ÷ ours)', 'ours wire', 'PouchDB wire');
  row('---', '---', '---', '---', '---', '---', '---', '---', '---', '---', '---');
  for (const l of results.links) {
    const ours = median(l.oursPushed.map((r) => r.ms));
    const oursWhole = median(l.oursTotalMs);
    const pouch = median(l.pouch.map((r) => r.ms));
    const oursBound = median(l.oursPushed.map((r) => physicalBound(r.wire, l.link)));
    const pouchBound = median(l.pouch.map((r) => physicalBound(r.wire, l.link)));
    const ow = l.oursPushed[0]!.wire;
    const pw = l.pouch[0]!.wire;
    row(`${l.link.name} (${l.link.kbps} kbit/s, ${l.link.latencyMs} ms)`, sec(ours), sec(oursWhole), sec(oursBound), (oursWhole / oursBound).toFixed(2), sec(pouch), sec(pouchBound), (pouch / pouchBound).toFixed(2), ratio(pouch, ours),
      `${ow.roundTrips} RT, ${kB(ow.bytesUp)}↑ ${kB(ow.bytesDown)}↓`, `${pw.roundTrips} RT, ${kB(pw.bytesUp)}↑ ${kB(pw.bytesDown)}↓`);
  }
  lines.push('', '"Server holds all" = until the last push is answered; "whole sync" adds the pull that follows it. Bound = (bytes up + bytes down) ÷ bandwidth + round trips × latency, from the bytes (headers included) and round trips counted on the wire in the same run: for ours, of the whole sync.');

}

function saveTable(s: SaveRow, row: Row, lines: string[]): void {
  lines.push('', '### 3. The phone: durable saves in Chromium, 4× CPU slowdown', '');
  row('', 'ours (saveRecord: validate, record + outbox, strict durability)', 'PouchDB (put, idb adapter)', 'ratio (PouchDB ÷ ours)');
  row('---', '---', '---', '---');
  row('one save (median)', `${s.oursOneMs.toFixed(1)} ms`, `${s.pouchOneMs.toFixed(1)} ms`, ratio(s.pouchOneMs, s.oursOneMs));
  row(`${s.many} saves, one after the other`, `${s.oursManyMs.toFixed(0)} ms`, `${s.pouchManyMs.toFixed(0)} ms`, ratio(s.pouchManyMs, s.oursManyMs));
}

function loadTable(results: Results, row: Row, lines: string[]): void {
  lines.push('', '### 4. The server on loopback (autocannon, one connection per device; ours: POST /sync/push on SQLite with synchronous=FULL, PouchDB: POST /_bulk_docs on LevelDB)', '');
  row('devices × batch', 'ours records/s', 'ours p50 / p90 / p99', 'ours errors + non-2xx', 'PouchDB records/s', 'PouchDB p50 / p90 / p99', 'PouchDB errors + non-2xx', 'throughput ratio (ours ÷ PouchDB)');
  row('---', '---', '---', '---', '---', '---', '---', '---');
  for (const { ours, pouch } of results.load) {
    row(`${ours.devices} × ${ours.batch}${ours.burst ? ', one push each, all at once' : `, pushing for ${config.loadSeconds} s`}`, ours.recordsPerSecond.toFixed(0), `${ours.p50} / ${ours.p90} / ${ours.p99} ms`, `${ours.errors} + ${ours.non2xx}`, pouch.recordsPerSecond.toFixed(0), `${pouch.p50} / ${pouch.p90} / ${pouch.p99} ms`, `${pouch.errors} + ${pouch.non2xx}`, ratio(ours.recordsPerSecond, pouch.recordsPerSecond));
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  log(`Sync benchmark (${SHORT ? 'short' : 'full'}): ours vs PouchDB ${(require('pouchdb/package.json') as { version: string }).version} + express-pouchdb`);
  const staticDir = await prepareStatic();
  const pouchServer = await startPouchServer(staticDir);
  const browser = await launchChromium();
  try {
    log('1. wire cost');
    const wire = runs('wire') ? await wireCost(staticDir, pouchServer) : [];
    log('2. bad link in Chromium');
    const links = runs('link') ? await badLink(browser, staticDir, pouchServer) : [];
    log('3. saves in Chromium, 4× CPU slowdown');
    const saves = runs('saves') ? await saveCost(browser, staticDir, pouchServer) : undefined;
    log('4. server load');
    const load: Results['load'] = [];
    for (const [devices, batch, burst] of runs('load') ? ([[8, 100, false], [config.devices, 10, false], [config.devices, 10, true]] as const) : []) {
      const ours = await oursLoad(staticDir, devices, batch, burst);
      const pouch = await pouchLoad(pouchServer, devices, batch, burst);
      check(ours.requests > 0 && pouch.requests > 0, 'the load generator sent nothing');
      load.push({ ours, pouch });
      log(`  ${devices} devices × ${batch}${burst ? ', one push each at once' : ''}: ours ${ours.recordsPerSecond.toFixed(0)} records/s p99 ${ours.p99} ms; PouchDB ${pouch.recordsPerSecond.toFixed(0)} records/s p99 ${pouch.p99} ms`);
    }
    const results: Results = { mode: SHORT ? 'short' : 'full', at: new Date().toISOString(), wire, links, saves, load };
    const text = table(results);
    log(`\n${text}\n`);
    if (!SHORT && !ONLY) {
      mkdirSync('tests/bench/results', { recursive: true });
      writeFileSync('tests/bench/results/sync.json', `${JSON.stringify(results, null, 2)}\n`);
      writeFileSync('tests/bench/results/sync.md', `${text}\n`);
      log('Written: tests/bench/results/sync.json and sync.md');
    }
    log(`Done in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  } finally {
    await browser.close();
    await pouchServer.stop();
    rmSync(staticDir, { recursive: true, force: true });
  }
}

await main();
