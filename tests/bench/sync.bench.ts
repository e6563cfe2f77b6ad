// Our sync against PouchDB's, side by side, in the same run, on the same records:
//   1. wire cost of syncing N records from Node (requests, round trips, bytes up and down),
//      and of a re-sync with nothing new;
//   2. time until the server holds 500 records in Chromium on an emulated 2G-like and 3G-like
//      link, with the physical bound (bytes ÷ bandwidth + round trips × latency) beside it;
//   3. the phone's cost of a durable save (1 and 1,000 records) in Chromium with 4× CPU slowdown;
//   4. the server: records ingested per second with batched pushes, and latency percentiles
//      with many devices at once on loopback (autocannon in its own process).
// Each part lives in tests/bench/sync/ (wire.ts, link.ts, saves.ts, load.ts; shared.ts holds the
// command line and the helpers); this file runs them and writes the tables.
// Ours: the real SyncEngine and data layer (src/sync, src/data) against the real server process
// (SQLite). Theirs: PouchDB 9 replicating to express-pouchdb (LevelDB) in its own process.
// Medians of repeated runs; every comparison is a ratio measured in the same run. It prints a
// table and writes tests/bench/results/sync.{json,md}; it asserts nothing about speed and fails
// only if it cannot run. `--short` (in `npm test`): small N, one repeat, nothing written.
// `--only=load --write`: runs that part alone and replaces its rows in the results files.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launchChromium } from '../e2e/chromium.ts';
import { prepareStatic } from './sync/browser.ts';
import { loadParts, loadTable, type LoadPair } from './sync/load.ts';
import { badLink, linkTable, type LinkRow } from './sync/link.ts';
import { startPouchServer } from './sync/processes.ts';
import { saveCost, saveTable, type SaveRow } from './sync/saves.ts';
import { log, ONLY, runs, SHORT, WRITE } from './sync/shared.ts';
import { wireCost, wireTable, type WireRow } from './sync/wire.ts';

const require = createRequire(import.meta.url);

interface Results {
  mode: 'full' | 'short';
  at: string;
  wire: WireRow[];
  links: LinkRow[];
  saves?: SaveRow;
  load: LoadPair[];
  /** Parts run again later (`--only=… --write`) and merged in. */
  rerun?: { at: string; parts: string[] };
}

function table(results: Results): string {
  const lines: string[] = [];
  const row = (...cells: (string | number)[]) => lines.push(`| ${cells.join(' | ')} |`);
  lines.push(`## Sync benchmark (${results.mode}, ${results.at})`, '');
  if (results.rerun) lines.push(`_Re-run on ${results.rerun.at}, the rest kept from the run above: ${results.rerun.parts.join(', ')}._`, '');
  if (results.wire.length > 0) wireTable(results.wire, row, lines);
  if (results.links.length > 0) linkTable(results.links, row, lines);
  if (results.saves) saveTable(results.saves, row, lines);
  if (results.load.length > 0) loadTable(results.load, row, lines);
  return lines.join('\n');
}

function mergeInto(earlier: Results, fresh: Results): Results {
  const merged: Results = { ...earlier, rerun: { at: fresh.at, parts: ONLY! } };
  if (runs('wire')) merged.wire = fresh.wire;
  if (runs('link')) merged.links = fresh.links;
  if (runs('saves')) merged.saves = fresh.saves;
  if (runs('load')) merged.load = fresh.load;
  return merged;
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
    const load = runs('load') ? await loadParts(staticDir, pouchServer) : [];
    const fresh: Results = { mode: SHORT ? 'short' : 'full', at: new Date().toISOString(), wire, links, saves, load };
    log(`\n${table(fresh)}\n`);
    // `--only=… --write`: the parts run replace theirs in the results files, the others stay.
    const results = ONLY && WRITE ? mergeInto(JSON.parse(readFileSync('tests/bench/results/sync.json', 'utf8')) as Results, fresh) : fresh;
    const text = table(results);
    if (!SHORT && (!ONLY || WRITE)) {
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
