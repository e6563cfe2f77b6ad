// The village head's offline loop in Firefox (Debian's ESR, headless, over WebDriver BiDi):
// the same story as in WebKit (tests/e2e/engines/offlineStory.ts), with Firefox's own offline
// switch. Firefox has no Background Sync: the phone sends on the `online` event. The app runs
// under its Content-Security-Policy with no violation of its own.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core-firefox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { appViolations, watchCsp, type CspEvent } from './engines/cspWatch.ts';
import { launchFirefox } from './engines/firefox.ts';
import { offlineStory, type StoryRig } from './engines/offlineStory.ts';
import { playwrightPhone } from './engines/playwrightPhone.ts';
import { PHONE } from './session.ts';

const SHOTS = 'tests/e2e/screenshots';
let server: RunningServer;
let browser: Browser;
let page: Page;
let rig: StoryRig;
let csp: CspEvent[];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  browser = await launchFirefox();
  const context = await browser.newContext(PHONE);
  csp = await watchCsp(context);
  // Every text the sync banner shows, from the page's first render on (a mutation observer set before the app runs).
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { bannerTexts: string[] }).bannerTexts = seen;
    new MutationObserver(() => {
      const said = document.querySelector('.sync-banner')?.textContent;
      if (said && said !== seen.at(-1)) seen.push(said);
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  page = await context.newPage();
  rig = {
    phone: playwrightPhone('firefox', page, SHOTS),
    url: server.url,
    dataDir: server.dataDir,
    reconnect: 'onlineEvent',
    bannerTextsSinceLoad: () => page.evaluate(() => (window as unknown as { bannerTexts: string[] }).bannerTexts),
  };
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a village head offline, in Firefox', () => {
  it('is Firefox, with no Background Sync', async () => {
    expect(await page.evaluate(() => navigator.userAgent)).toContain('Firefox/');
    expect(await page.evaluate(() => 'SyncManager' in window)).toBe(false);
  });

  offlineStory(() => rig);

  it('was granted persistent storage (the test prefs answer the prompt headless Firefox cannot show)', async () => {
    expect(await page.locator('.sync-banner').getAttribute('data-persistence')).toBe('persisted');
  });

  it('ran under the Content-Security-Policy with no violation of its own', () => {
    // The screenshots' style probes were seen and set aside: the watch works, and the app caused none.
    expect(csp.some((event) => 'inserted' in event)).toBe(true);
    expect(appViolations(csp)).toEqual([]);
  });
});
