// The browser parts' pages: one static folder (our sync bundle, PouchDB's) served by both
// servers at their own origin, and a tab with CDP network and CPU emulation.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import type { LINKS } from './shared.ts';

const require = createRequire(import.meta.url);

export async function prepareStatic(): Promise<string> {
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

export async function openPage(
  browser: Browser,
  url: string,
  script: string,
  cpuRate = 1,
): Promise<{ page: Page; throttle(link?: (typeof LINKS)[number]): Promise<void>; close(): Promise<void> }> {
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
