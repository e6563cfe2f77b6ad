// The browser suites' fixtures: each file starts one real server process and one Chromium
// (file-scoped, stopped when the file ends), and each test opens the pages it needs on them:
// a village head's phone, the officer's desk, signed in with the demo PIN, closed after the test.
// A suite whose pages carry a story from test to test opens them once with openPhone/openOffice.
import type { Browser, Page } from 'playwright-core';
import { test as base } from 'vitest';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { launchChromium } from './chromium.ts';
import { OFFICE, phoneContext, signIn, type PhoneOptions } from './session.ts';

export interface SignInOptions {
  /** Where the page signs in: the server's own address unless a proxy stands in front of it. */
  url?: string;
  /** Type the PIN whenever the lock screen shows (default); off for suites about the lock itself. */
  autoUnlock?: boolean;
}

/** A fresh phone (its own context) with nothing open yet. */
export async function openPhone(browser: Browser, options: PhoneOptions = {}): Promise<Page> {
  return (await phoneContext(browser, options)).newPage();
}

/** A fresh desk screen for the officer or the province, every dialog (confirm) accepted. */
export async function openOffice(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext(OFFICE)).newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  return page;
}

type OpenPhone = (username?: string, options?: PhoneOptions & SignInOptions) => Promise<Page>;
type OpenOffice = (username?: string, options?: SignInOptions) => Promise<Page>;

export const test = base
  /** What the file's server starts with (another static folder, environment): `test.override` it at the top of a file. */
  .extend('serverOptions', { scope: 'file' }, {} as Parameters<typeof startServer>[0])
  .extend('server', { scope: 'file' }, async ({ serverOptions }, { onCleanup }): Promise<RunningServer> => {
    const server = await startServer(serverOptions);
    onCleanup(() => server.stop());
    return server;
  })
  // eslint-disable-next-line no-empty-pattern -- Vitest reads a fixture's needs from the destructuring.
  .extend('browser', { scope: 'file' }, async ({}, { onCleanup }): Promise<Browser> => {
    const browser = await launchChromium();
    onCleanup(() => browser.close());
    return browser;
  })
  /** `phoneAs('tdp2')`: a village head's phone, signed in; every phone of the test closes after it. */
  .extend('phoneAs', async ({ browser, server }, { onCleanup }): Promise<OpenPhone> => {
    const pages: Page[] = [];
    onCleanup(async () => {
      for (const page of pages) await page.context().close();
    });
    return async (username = 'tdp1', { url = server.url, autoUnlock, ...options } = {}) => {
      const page = await openPhone(browser, options);
      pages.push(page);
      await signIn(page, url, username, { autoUnlock });
      return page;
    };
  })
  /** `officeAs()`: the commune officer's desk (or another account's), signed in; closes after the test. */
  .extend('officeAs', async ({ browser, server }, { onCleanup }): Promise<OpenOffice> => {
    const pages: Page[] = [];
    onCleanup(async () => {
      for (const page of pages) await page.context().close();
    });
    return async (username = 'canbo', { url = server.url, autoUnlock } = {}) => {
      const page = await openOffice(browser);
      pages.push(page);
      await signIn(page, url, username, { autoUnlock });
      return page;
    };
  });

export const it = test;
