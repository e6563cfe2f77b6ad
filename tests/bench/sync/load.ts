// 4. The server: records ingested per second with batched pushes, and latency percentiles with
// many devices at once on loopback. The server runs in its own process and the load generator
// (autocannon, load-worker.ts) in others, one connection per device.
import { randomUUID } from 'node:crypto';
import { fork } from 'node:child_process';
import type { LoadAnswer, LoadJob, LoadPhone } from './load-worker.ts';
import { startOurServer, type BenchServer } from './processes.ts';
import { benchRecords } from './records.ts';
import { check, config, log, ratio, signIn, type Row } from './shared.ts';

export interface LoadResult {
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

/** Load generator processes; the server has its own, and the machine may have only two cores. */
const GENERATORS = Number(process.env.LOAD_GENERATORS ?? 1);
/** `--load=1,3`: only those shapes of load (1: 8 × 100, 2: many × 10, 3: many × 10 at once), e.g. to profile one. */
const LOAD_SHAPES = process.argv
  .find((arg) => arg.startsWith('--load='))
  ?.slice('--load='.length)
  .split(',')
  .map(Number);

function generatorProcess(job: LoadJob): Promise<LoadAnswer> {
  return new Promise((resolve, reject) => {
    const child = fork('tests/bench/sync/load-worker.ts', [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let answer: LoadAnswer | undefined;
    child.once('message', (message) => (answer = message as LoadAnswer));
    child.once('error', reject);
    child.once('exit', (code) => (answer ? resolve(answer) : reject(new Error(`the load generator exited with ${code} and no answer`))));
    child.send(job);
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);

/** The devices shared out over the generator processes; percentiles over every answer of them all. */
async function runLoad(job: Omit<LoadJob, 'connections' | 'phones' | 'seconds' | 'recordTemplate'>, devices: number, phones: LoadPhone[]): Promise<LoadResult> {
  const width = Math.min(GENERATORS, devices);
  const answers = await Promise.all(
    Array.from({ length: width }, (_, g) => {
      const connections = Math.floor(devices / width) + (g < devices % width ? 1 : 0);
      const own = phones.filter((_, i) => i % width === g);
      return generatorProcess({ ...job, connections, phones: own, seconds: config.loadSeconds, recordTemplate: RECORD_TEMPLATE });
    }),
  );
  const latencies = answers.flatMap((answer) => answer.latencies).sort((a, b) => a - b);
  const sum = (pick: (answer: LoadAnswer) => number) => answers.reduce((total, answer) => total + pick(answer), 0);
  const seconds = Math.max(...answers.map((answer) => answer.seconds));
  return {
    devices,
    batch: job.batch,
    burst: job.burst,
    requests: sum((answer) => answer.requests),
    errors: sum((answer) => answer.errors),
    non2xx: sum((answer) => answer.non2xx),
    recordsPerSecond: (sum((answer) => answer.ok) * job.batch) / seconds,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
  };
}

async function pool<T>(count: number, width: number, work: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await work(i);
      }
    }),
  );
  return out;
}

async function oursLoad(staticDir: string, devices: number, batch: number, burst: boolean): Promise<LoadResult> {
  const server = await startOurServer(staticDir);
  try {
    const usernames = ['tdp1', 'tdp2', 'tdp3', 'tdp4', 'tdp5'];
    const phones = await pool(devices, 8, async (i): Promise<LoadPhone> => {
      const deviceId = randomUUID();
      const username = usernames[i % usernames.length]!;
      return { deviceId, unitId: `tdp-${(i % usernames.length) + 1}`, username, token: await signIn(server.url, deviceId, username) };
    });
    return await runLoad({ url: server.url, target: 'ours', path: '/api/v1/sync/push', batch, burst }, devices, phones);
  } finally {
    await server.stop();
  }
}

async function pouchLoad(pouchServer: BenchServer, devices: number, batch: number, burst: boolean): Promise<LoadResult> {
  const name = `load-${randomUUID().slice(0, 8)}`;
  check((await fetch(`${pouchServer.url}/${name}`, { method: 'PUT' })).ok, 'PouchDB server did not create a database');
  return runLoad({ url: pouchServer.url, target: 'pouch', path: `/${name}/_bulk_docs`, batch, burst }, devices, []);
}

export interface LoadPair {
  /** Medians over the runs (records/s, each percentile); requests and errors summed. */
  ours: LoadResult;
  pouch: LoadResult;
  /** Records/s of each run, ours then PouchDB's right after it. */
  runs: Array<{ ours: number; pouch: number }>;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

function medianResult(results: LoadResult[]): LoadResult {
  const of = (pick: (result: LoadResult) => number) => median(results.map(pick));
  const sum = (pick: (result: LoadResult) => number) => results.reduce((total, result) => total + pick(result), 0);
  return {
    ...results[0]!,
    requests: sum((result) => result.requests),
    errors: sum((result) => result.errors),
    non2xx: sum((result) => result.non2xx),
    recordsPerSecond: of((result) => result.recordsPerSecond),
    p50: of((result) => result.p50),
    p90: of((result) => result.p90),
    p99: of((result) => result.p99),
  };
}

/** The ratio of each run's pair (measured minutes apart on a shared machine), their median. */
export const loadRatio = (pair: LoadPair) => median(pair.runs.map((run) => (run.pouch > 0 ? run.ours / run.pouch : 0)));

/** Each shape of load against ours, then the same against PouchDB, `config.repeats` times. */
export async function loadParts(staticDir: string, pouchServer: BenchServer): Promise<LoadPair[]> {
  const pairs: LoadPair[] = [];
  const shapes = (
    [
      [8, 100, false],
      [config.devices, 10, false],
      [config.devices, 10, true],
    ] as const
  ).filter((_, i) => !LOAD_SHAPES || LOAD_SHAPES.includes(i + 1));
  for (const [devices, batch, burst] of shapes) {
    const ours: LoadResult[] = [];
    const pouch: LoadResult[] = [];
    for (let run = 0; run < config.repeats; run++) {
      ours.push(await oursLoad(staticDir, devices, batch, burst));
      pouch.push(await pouchLoad(pouchServer, devices, batch, burst));
      check(ours.at(-1)!.requests > 0 && pouch.at(-1)!.requests > 0, 'the load generator sent nothing');
      log(
        `  ${devices} devices × ${batch}${burst ? ', one push each at once' : ''}, run ${run + 1}: ours ${ours.at(-1)!.recordsPerSecond.toFixed(0)} records/s p99 ${ours.at(-1)!.p99} ms; PouchDB ${pouch.at(-1)!.recordsPerSecond.toFixed(0)} records/s p99 ${pouch.at(-1)!.p99} ms`,
      );
    }
    pairs.push({
      ours: medianResult(ours),
      pouch: medianResult(pouch),
      runs: ours.map((one, i) => ({ ours: one.recordsPerSecond, pouch: pouch[i]!.recordsPerSecond })),
    });
  }
  return pairs;
}

export function loadTable(pairs: LoadPair[], row: Row, lines: string[]): void {
  const runs = pairs[0]?.runs.length ?? 0;
  lines.push(
    '',
    `### 4. The server on loopback (server in its own process, autocannon in ${GENERATORS} other${GENERATORS > 1 ? 's' : ''}, one connection per device; ours: POST /sync/push on SQLite with synchronous=FULL, PouchDB: POST /_bulk_docs on LevelDB; medians of ${runs} run${runs > 1 ? 's' : ''}, ours and PouchDB's alternately)`,
    '',
  );
  row(
    'devices × batch',
    'ours records/s (each run)',
    'ours p50 / p90 / p99',
    'ours errors + non-2xx',
    'PouchDB records/s (each run)',
    'PouchDB p50 / p90 / p99',
    'PouchDB errors + non-2xx',
    'throughput ratio (ours ÷ PouchDB, median of the runs)',
  );
  row('---', '---', '---', '---', '---', '---', '---', '---');
  const each = (values: number[]) => (values.length > 1 ? ` (${values.map((value) => value.toFixed(0)).join(', ')})` : '');
  for (const pair of pairs) {
    const { ours, pouch } = pair;
    row(
      `${ours.devices} × ${ours.batch}${ours.burst ? ', one push each, all at once' : `, pushing for ${config.loadSeconds} s`}`,
      `${ours.recordsPerSecond.toFixed(0)}${each(pair.runs.map((run) => run.ours))}`,
      `${ours.p50} / ${ours.p90} / ${ours.p99} ms`,
      `${ours.errors} + ${ours.non2xx}`,
      `${pouch.recordsPerSecond.toFixed(0)}${each(pair.runs.map((run) => run.pouch))}`,
      `${pouch.p50} / ${pouch.p90} / ${pouch.p99} ms`,
      `${pouch.errors} + ${pouch.non2xx}`,
      ratio(loadRatio(pair), 1),
    );
  }
}
