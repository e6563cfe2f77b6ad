// 2. Time until the server holds N records, from Chromium on an emulated 2G-like and 3G-like
// link, with the physical bound (bytes ÷ bandwidth + round trips × latency) beside it.
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import type { ChecklistRecord } from '../../../src/domain/index.ts';
import { openPage } from './browser.ts';
import { startCountingProxy, type WireCount } from './counting-proxy.ts';
import { startOurServer, type BenchServer } from './processes.ts';
import { benchRecords } from './records.ts';
import {
  asDocs,
  check,
  config,
  kB,
  type PouchConstructor,
  type PouchDb,
  LINKS,
  log,
  median,
  ourEndpoint,
  pouchEndpoint,
  ratio,
  sec,
  serverRecordCount,
  signIn,
  type Row,
} from './shared.ts';

interface LinkRun {
  ms: number;
  wire: WireCount;
}
export interface LinkRow {
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

async function oursOnLink(
  browser: Browser,
  staticDir: string,
  link: (typeof LINKS)[number],
  records: ChecklistRecord[],
): Promise<{ pushed: LinkRun; totalMs: number }> {
  const server = await startOurServer(staticDir);
  const proxy = await startCountingProxy(server.url, ourEndpoint);
  const tab = await openPage(browser, proxy.url, 'ours.js');
  try {
    const deviceId = randomUUID();
    const token = await signIn(server.url, deviceId);
    await tab.page.evaluate(
      async ([name, t, d]) => (globalThis as never as { oursBench: { setup(...a: string[]): Promise<void> } }).oursBench.setup(name!, t!, d!),
      [`db-${deviceId}`, token, deviceId],
    );
    await tab.page.evaluate(async (list) => (globalThis as never as { oursBench: { save(r: unknown[]): Promise<void> } }).oursBench.save(list), records);
    await tab.throttle(link);
    proxy.reset();
    const result = await tab.page.evaluate(async () =>
      (globalThis as never as { oursBench: { sync(): Promise<{ pushedMs: number; totalMs: number; phase: string; outbox: number }> } }).oursBench.sync(),
    );
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
    await tab.page.evaluate(
      async ([dbName, docs]) => {
        const Pouch = (globalThis as never as { PouchDB: PouchConstructor }).PouchDB;
        const local = new Pouch(`local-${dbName}`);
        await local.bulkDocs(docs as object[]);
        (globalThis as never as { local: PouchDb }).local = local;
      },
      [name, asDocs(records)] as const,
    );
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

export async function badLink(browser: Browser, staticDir: string, pouchServer: BenchServer): Promise<LinkRow[]> {
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

export function linkTable(links: LinkRow[], row: Row, lines: string[]): void {
  lines.push(
    '',
    `### 2. Time until the server holds all ${links[0]?.n} records, Chromium with CDP network emulation (median of ${links[0]?.oursPushed.length})`,
    '',
  );
  row(
    'link',
    'ours: server holds all',
    'ours: whole sync (push + pull)',
    'its bound',
    'whole ÷ bound',
    'PouchDB (replicate.to)',
    'its bound',
    'PouchDB ÷ bound',
    'time ratio (PouchDB ÷ ours)',
    'ours wire',
    'PouchDB wire',
  );
  row('---', '---', '---', '---', '---', '---', '---', '---', '---', '---', '---');
  for (const l of links) {
    const ours = median(l.oursPushed.map((r) => r.ms));
    const oursWhole = median(l.oursTotalMs);
    const pouch = median(l.pouch.map((r) => r.ms));
    const oursBound = median(l.oursPushed.map((r) => physicalBound(r.wire, l.link)));
    const pouchBound = median(l.pouch.map((r) => physicalBound(r.wire, l.link)));
    const ow = l.oursPushed[0]!.wire;
    const pw = l.pouch[0]!.wire;
    row(
      `${l.link.name} (${l.link.kbps} kbit/s, ${l.link.latencyMs} ms)`,
      sec(ours),
      sec(oursWhole),
      sec(oursBound),
      (oursWhole / oursBound).toFixed(2),
      sec(pouch),
      sec(pouchBound),
      (pouch / pouchBound).toFixed(2),
      ratio(pouch, ours),
      `${ow.roundTrips} RT, ${kB(ow.bytesUp)}↑ ${kB(ow.bytesDown)}↓`,
      `${pw.roundTrips} RT, ${kB(pw.bytesUp)}↑ ${kB(pw.bytesDown)}↓`,
    );
  }
  lines.push(
    '',
    '"Server holds all" = until the last push is answered; "whole sync" adds the pull that follows it. Bound = (bytes up + bytes down) ÷ bandwidth + round trips × latency, from the bytes (headers included) and round trips counted on the wire in the same run: for ours, of the whole sync.',
  );
}
