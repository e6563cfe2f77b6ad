// Background Sync: a record saved offline is sent by the service worker when the browser
// wakes it, with no page of the app open.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Browser, CDPSession } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.ts';
import { PHONE, signIn, waitForServiceWorker } from './session.ts';
import { startApiGate, type ApiGate } from '../support/api-gate.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

let server: RunningServer;
let gate: ApiGate;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  gate = await startApiGate(server.url);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await gate?.stop();
  await server?.stop();
});

function newsPostsOnServer(): { id: string; title: string }[] {
  const db = new Database(join(server.dataDir, 'notebook.sqlite'), { readonly: true });
  try {
    const rows = db.prepare("SELECT id, body FROM records WHERE kind = 'newsPost'").all() as { id: string; body: string }[];
    return rows.map((r) => ({ id: r.id, title: JSON.parse(r.body).title as string }));
  } finally {
    db.close();
  }
}

async function registrationId(cdp: CDPSession, origin: string): Promise<string> {
  return new Promise((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const found = registrations.find((r: { scopeURL: string; isDeleted: boolean }) => r.scopeURL.startsWith(origin) && !r.isDeleted);
      if (found) resolve(found.registrationId);
    });
    void cdp.send('ServiceWorker.enable');
  });
}

describe('background sync', () => {
  it('sends the outbox from the service worker when no page is open', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await signIn(page, gate.url, 'tdp2');
    await page.locator('[data-phase=idle]').waitFor();
    await waitForServiceWorker(page);

    // No network for the page, nor for the worker (the browser's own connection stays up, so
    // Chromium may wake the worker at any moment: the server must be out of its reach too).
    gate.close();
    await context.setOffline(true);
    await page.goto(`${gate.url}/#/new/newsPost`);
    await page.getByLabel('Kênh đăng').selectOption('communePortal');
    await page.getByLabel('Tiêu đề').fill('Tin gửi nhờ nền');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.locator('[data-sync-state=pending]').waitFor();

    // The app is closed; the connection comes back; the browser wakes the worker.
    await page.goto('about:blank');
    expect(newsPostsOnServer()).toEqual([]);
    await context.setOffline(false);
    gate.open();
    const cdp = await context.newCDPSession(page);
    const id = await registrationId(cdp, gate.url);
    await cdp.send('ServiceWorker.dispatchSyncEvent', { origin: gate.url, registrationId: id, tag: 'outbox-sync', lastChance: false });

    await expect.poll(() => newsPostsOnServer().map((p) => p.title), { timeout: 30_000 }).toEqual(['Tin gửi nhờ nền']);
    await context.close();
  });
});
