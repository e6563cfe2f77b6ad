// 3. The phone's cost of a durable save (one, and many one after the other) in Chromium with
// 4× CPU slowdown: our saveRecord against PouchDB's put.
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { openPage } from './browser.ts';
import { startOurServer, type BenchServer } from './processes.ts';
import { benchRecords } from './records.ts';
import { asDocs, config, median, ratio, type Row } from './shared.ts';

export interface SaveRow {
  oursOneMs: number;
  pouchOneMs: number;
  oursManyMs: number;
  pouchManyMs: number;
  many: number;
}

export async function saveCost(browser: Browser, staticDir: string, pouchServer: BenchServer): Promise<SaveRow> {
  const server = await startOurServer(staticDir);
  try {
    const ours = await openPage(browser, server.url, 'ours.js', 4);
    const deviceId = randomUUID();
    await ours.page.evaluate(
      async ([name, d]) => (globalThis as never as { oursBench: { setup(...a: string[]): Promise<void> } }).oursBench.setup(name!, 'none', d!),
      [`save-${deviceId}`, deviceId],
    );
    const singles = benchRecords(config.singleSaves + 3, 5);
    const oursOne = await ours.page.evaluate(
      async (list) => (globalThis as never as { oursBench: { timeSaves(r: unknown[]): Promise<number[]> } }).oursBench.timeSaves(list),
      singles,
    );
    const oursMany = await ours.page.evaluate(
      async (list) => (globalThis as never as { oursBench: { timeSaveAll(r: unknown[]): Promise<number> } }).oursBench.timeSaveAll(list),
      benchRecords(config.manySaves, 6),
    );
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

export function saveTable(s: SaveRow, row: Row, lines: string[]): void {
  lines.push('', '### 3. The phone: durable saves in Chromium, 4× CPU slowdown', '');
  row('', 'ours (saveRecord: validate, record + outbox, strict durability)', 'PouchDB (put, idb adapter)', 'ratio (PouchDB ÷ ours)');
  row('---', '---', '---', '---');
  row('one save (median)', `${s.oursOneMs.toFixed(1)} ms`, `${s.pouchOneMs.toFixed(1)} ms`, ratio(s.pouchOneMs, s.oursOneMs));
  row(`${s.many} saves, one after the other`, `${s.oursManyMs.toFixed(0)} ms`, `${s.pouchManyMs.toFixed(0)} ms`, ratio(s.pouchManyMs, s.oursManyMs));
}
