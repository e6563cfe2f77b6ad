// The app shell's time to interactive on a village head's phone: the built app (dist) from the
// real server process, in Chromium with CDP network emulation (400 kbit/s each way, 400 ms
// latency) and 4× CPU slowdown. Interactive = the sign-in screen's user-name field is on the
// page, visible and enabled (the first thing a village head can type into), timed in the page
// from the start of the navigation. Cold: a new profile, no cache, no service worker. Warm: the
// service worker installed and in control, then a reload, served from its precache. Beside
// each median, the bound: bytes on the wire ÷ bandwidth + round trips × latency, from the
// requests Chromium made before the field appeared. Signed in: a village head who signed in
// before reopens the app from the service worker; timed until the PIN pad takes a digit, and
// from the tap on "Mở" until the home list is on the screen. Prints a table and writes
// tests/bench/results/app-shell.md; `--short`: one run each, nothing written.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { startServer } from '../support/server-process.ts';
import { launchChromium } from '../e2e/chromium.ts';

const SHORT = process.argv.includes('--short');
const RUNS = SHORT ? 1 : 5;
const LINK = { kbps: 400, latencyMs: 400 };
const CPU_SLOWDOWN = 4;
const TARGETS = { coldMs: 3000, warmMs: 1000 };

interface Run {
  ms: number;
  requests: number;
  roundTrips: number;
  bytes: number;
  fromServiceWorker: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Bytes ÷ bandwidth (one link each way, so the larger direction: downloads here) + round trips × latency. */
export function shellBound(run: Pick<Run, 'bytes' | 'roundTrips'>): number {
  return run.bytes / ((LINK.kbps * 1000) / 8 / 1000) + run.roundTrips * LINK.latencyMs;
}

// Runs in the page before its own scripts: notes when the user-name field can take input.
const WATCH_FOR_INPUT = `(() => {
  const ready = () => {
    const field = document.querySelector('input[name="username"]');
    return field && !field.disabled && field.offsetParent !== null;
  };
  const note = () => {
    if (window.__interactiveAt === undefined && ready()) window.__interactiveAt = performance.now();
    else if (window.__interactiveAt === undefined) requestAnimationFrame(note);
  };
  new MutationObserver(note).observe(document, { childList: true, subtree: true, attributes: true });
  requestAnimationFrame(note);
})();`;

// The signed-in reopening: when the PIN pad takes a digit, when "Mở" is tapped, when the home list shows.
const WATCH_SIGNED_IN = `(() => {
  const visible = (selector) => {
    const found = document.querySelector(selector);
    return found && !found.disabled && found.offsetParent !== null;
  };
  const note = () => {
    if (window.__lockReadyAt === undefined && visible('.pin-key')) window.__lockReadyAt = performance.now();
    if (window.__homeAt === undefined && visible('.home .record-list, .home .empty')) window.__homeAt = performance.now();
    if (window.__homeAt === undefined) requestAnimationFrame(note);
  };
  new MutationObserver(note).observe(document, { childList: true, subtree: true, attributes: true });
  document.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('button[type="submit"]') && document.querySelector('.pin-key')) window.__openTappedAt = performance.now();
  }, true);
  requestAnimationFrame(note);
})();`;

interface WireLog {
  started: Map<string, { at: number; fromServiceWorker: boolean }>;
  finished: Map<string, { at: number; bytes: number }>;
}

function watchNetwork(cdp: CDPSession): WireLog {
  const log: WireLog = { started: new Map(), finished: new Map() };
  cdp.on('Network.requestWillBeSent', (event) => {
    if (process.env.SHELL_BENCH_DEBUG) console.log(`    ${event.request.method} ${event.request.url} at ${(event.timestamp * 1000).toFixed(0)}`);
    log.started.set(event.requestId, { at: event.timestamp * 1000, fromServiceWorker: false });
  });
  cdp.on('Network.responseReceived', (event) => {
    const entry = log.started.get(event.requestId);
    if (entry && event.response.fromServiceWorker) entry.fromServiceWorker = true;
  });
  cdp.on('Network.loadingFinished', (event) => log.finished.set(event.requestId, { at: event.timestamp * 1000, bytes: event.encodedDataLength }));
  return log;
}

/** Requests that were answered before `untilMs` after the first one began (what the field could wait for); round trips as the counting proxy counts them. */
function wireBefore(log: WireLog, untilMs: number): Pick<Run, 'requests' | 'roundTrips' | 'bytes' | 'fromServiceWorker'> {
  const requests = [...log.started]
    .map(([id, s]) => ({ ...s, end: log.finished.get(id)?.at ?? Infinity, bytes: log.finished.get(id)?.bytes ?? 0 }))
    .sort((a, b) => a.at - b.at);
  const origin = requests[0]?.at ?? 0;
  const before = requests.filter((r) => r.end - origin <= untilMs);
  const network = before.filter((r) => !r.fromServiceWorker);
  let roundTrips = 0;
  let busyUntil = -Infinity;
  for (const r of network) {
    if (r.at >= busyUntil) roundTrips += 1;
    busyUntil = Math.max(busyUntil, r.end);
  }
  return {
    requests: network.length,
    // CDP's emulation adds its latency once per request (not per TCP handshake).
    roundTrips,
    bytes: network.reduce((sum, r) => sum + r.bytes, 0),
    fromServiceWorker: before.length - network.length,
  };
}

async function throttle(cdp: CDPSession): Promise<void> {
  const bytesPerSecond = (LINK.kbps * 1000) / 8;
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: LINK.latencyMs,
    downloadThroughput: bytesPerSecond,
    uploadThroughput: bytesPerSecond,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
}

async function interactiveAt(page: Page): Promise<number> {
  await page.waitForFunction(() => (window as unknown as { __interactiveAt?: number }).__interactiveAt !== undefined, undefined, {
    timeout: 60_000,
    polling: 100,
  });
  return page.evaluate(() => (window as unknown as { __interactiveAt: number }).__interactiveAt);
}

async function coldRun(browser: Browser, url: string): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, serviceWorkers: 'allow' });
  try {
    const page = await context.newPage();
    await page.addInitScript(WATCH_FOR_INPUT);
    const cdp = await context.newCDPSession(page);
    await throttle(cdp);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const log = watchNetwork(cdp);
    await page.goto(url);
    const ms = await interactiveAt(page);
    return { ms, ...wireBefore(log, ms) };
  } finally {
    await context.close();
  }
}

async function warmRun(browser: Browser, url: string): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, serviceWorkers: 'allow' });
  try {
    const page = await context.newPage();
    await page.addInitScript(WATCH_FOR_INPUT);
    await page.goto(url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
    // The precache is filled once the worker is active; then the shell no longer needs the network.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    const cdp = await context.newCDPSession(page);
    await throttle(cdp);
    const log = watchNetwork(cdp);
    await page.reload();
    const ms = await interactiveAt(page);
    const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
    if (!controlled) throw new Error('benchmark could not run: the reload was not served by the service worker');
    return { ms, ...wireBefore(log, ms) };
  } finally {
    await context.close();
  }
}

/** A signed-in phone reopened from the service worker: lock screen ready (ms from navigation), and the tap on "Mở" to the home list. */
interface SignedInRun {
  lockMs: number;
  unlockToHomeMs: number;
  /** Script and style requests that went to the network before the home list showed (the API calls run beside it). */
  shellRequests: number;
  shellBytes: number;
}

async function signedInRun(browser: Browser, url: string): Promise<SignedInRun> {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, serviceWorkers: 'allow' });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.getByLabel('Tên đăng nhập').fill('tdp1');
    await page.getByLabel('Mã PIN').fill('1234');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.locator('.home').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.addInitScript(WATCH_SIGNED_IN);
    const cdp = await context.newCDPSession(page);
    await throttle(cdp);
    const requests: { url: string; fromServiceWorker: boolean; bytes: number }[] = [];
    const byId = new Map<string, (typeof requests)[number]>();
    cdp.on('Network.requestWillBeSent', (event) => {
      const entry = { url: event.request.url, fromServiceWorker: false, bytes: 0 };
      byId.set(event.requestId, entry);
      requests.push(entry);
    });
    cdp.on('Network.responseReceived', (event) => {
      const entry = byId.get(event.requestId);
      if (entry && event.response.fromServiceWorker) entry.fromServiceWorker = true;
    });
    cdp.on('Network.loadingFinished', (event) => {
      const entry = byId.get(event.requestId);
      if (entry) entry.bytes = event.encodedDataLength;
    });
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { __lockReadyAt?: number }).__lockReadyAt !== undefined, undefined, {
      timeout: 60_000,
      polling: 100,
    });
    for (const digit of '1234') await page.getByRole('button', { name: `Số ${digit}`, exact: true }).click();
    await page.getByRole('button', { name: 'Mở', exact: true }).click();
    await page.waitForFunction(() => (window as unknown as { __homeAt?: number }).__homeAt !== undefined, undefined, { timeout: 60_000, polling: 100 });
    const times = await page.evaluate(() => {
      const w = window as unknown as { __lockReadyAt: number; __openTappedAt: number; __homeAt: number };
      return { lockReadyAt: w.__lockReadyAt, openTappedAt: w.__openTappedAt, homeAt: w.__homeAt };
    });
    const shell = requests.filter((r) => !r.fromServiceWorker && !new URL(r.url).pathname.startsWith('/api/'));
    return {
      lockMs: times.lockReadyAt,
      unlockToHomeMs: times.homeAt - times.openTappedAt,
      shellRequests: shell.length,
      shellBytes: shell.reduce((sum, r) => sum + r.bytes, 0),
    };
  } finally {
    await context.close();
  }
}

export interface ShellResults {
  runs: number;
  cold: Run[];
  warm: Run[];
  signedIn: SignedInRun[];
}

export async function measureAppShell(browser: Browser, runs = RUNS): Promise<ShellResults> {
  if (!existsSync('dist/index.html')) throw new Error('benchmark could not run: no build in dist/ (run "npm run build" first)');
  const server = await startServer();
  try {
    const results: ShellResults = { runs, cold: [], warm: [], signedIn: [] };
    for (let i = 0; i < runs; i++) {
      results.cold.push(await coldRun(browser, server.url));
      results.warm.push(await warmRun(browser, server.url));
      results.signedIn.push(await signedInRun(browser, server.url));
      const signedIn = results.signedIn.at(-1)!;
      console.log(
        `  run ${i + 1}: cold ${sec(results.cold.at(-1)!.ms)}, from the service worker ${sec(results.warm.at(-1)!.ms)}; signed in: lock ${sec(signedIn.lockMs)}, "Mở" to home ${sec(signedIn.unlockToHomeMs)}`,
      );
    }
    return results;
  } finally {
    await server.stop();
  }
}

export function shellTable(results: ShellResults): string {
  const lines = [
    `### App shell: time until the sign-in field takes input (Chromium, ${LINK.kbps} kbit/s, ${LINK.latencyMs} ms latency, ${CPU_SLOWDOWN}× CPU slowdown; median of ${results.runs})`,
    '',
    '| load | time to interactive | target | bound (bytes ÷ bandwidth + round trips × latency) | ÷ bound | requests over the network | round trips | bytes | answered by the service worker |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const [name, list, target] of [
    ['cold (no cache, no service worker)', results.cold, TARGETS.coldMs],
    ['warm (service worker, reload)', results.warm, TARGETS.warmMs],
  ] as const) {
    const ms = median(list.map((r) => r.ms));
    const bound = median(list.map(shellBound));
    const typical = list[0]!;
    lines.push(
      `| ${name} | ${sec(ms)} | ≤ ${sec(target)} ${ms <= target ? 'met' : 'NOT MET'} | ${sec(bound)} | ${bound > 0 ? (ms / bound).toFixed(2) : '—'} | ${typical.requests} | ${typical.roundTrips} | ${(typical.bytes / 1000).toFixed(1)} kB | ${typical.fromServiceWorker} |`,
    );
  }
  const signedIn = results.signedIn;
  if (signedIn.length > 0) {
    const lockMs = median(signedIn.map((r) => r.lockMs));
    const homeMs = median(signedIn.map((r) => r.unlockToHomeMs));
    const shell = signedIn[0]!;
    lines.push(
      `| signed in, reopened (service worker): the PIN pad takes a digit | ${sec(lockMs)} | ≤ ${sec(TARGETS.warmMs)} ${lockMs <= TARGETS.warmMs ? 'met' : 'NOT MET'} | 0.00 s | — | ${shell.shellRequests} | — | ${(shell.shellBytes / 1000).toFixed(1)} kB | all |`,
    );
    lines.push(
      `| signed in: from the tap on "Mở" to the home list | ${sec(homeMs)} | — | 0.00 s | — | ${shell.shellRequests} | — | ${(shell.shellBytes / 1000).toFixed(1)} kB | all |`,
    );
  }
  lines.push(
    '',
    'Bytes are what Chromium counted on the wire (encoded, headers included) for the requests answered before the field appeared; a round trip is a request sent while none was in flight (CDP adds its latency once per request). The warm load needs no network at all: its bound is 0, and its time is the phone\'s own work (worker start, parsing, first render) at 4× CPU slowdown. Signed in: the same account reopened from the service worker; the lock and signed-in screens are lazy chunks from the precache (no script or style from the network: bound 0), and "Mở" to the home list includes deriving the vault key from the PIN (PBKDF2, see the PIN benchmark) and opening the database.',
  );
  return lines.join('\n');
}

async function main(): Promise<void> {
  console.log(`App shell time to interactive (${SHORT ? 'short' : 'full'})`);
  const browser = await launchChromium();
  try {
    const results = await measureAppShell(browser);
    const text = shellTable(results);
    console.log(`\n${text}\n`);
    if (!SHORT) {
      mkdirSync('tests/bench/results', { recursive: true });
      writeFileSync('tests/bench/results/app-shell.md', `${text}\n`);
      writeFileSync('tests/bench/results/app-shell.json', `${JSON.stringify(results, null, 2)}\n`);
      console.log('Written: tests/bench/results/app-shell.md and .json');
    }
  } finally {
    await browser.close();
  }
}

if (process.argv[1]?.endsWith('app-shell.ts')) await main();
