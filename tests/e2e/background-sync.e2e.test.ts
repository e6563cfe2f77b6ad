// Background Sync: a record saved offline is sent by the service worker when the browser
// wakes it, with no page of the app open.
import type { CDPSession } from 'playwright-core';
import { afterAll, describe, expect } from 'vitest';
import { startApiGate, type ApiGate } from '../support/api-gate.ts';
import { signInOverHttp, type HttpDevice } from '../support/api-client.ts';
import { it } from './fixtures.ts';
import { waitForServiceWorker } from './session.ts';

let gate: ApiGate;
let officer: HttpDevice;

it.beforeAll(async ({ server }) => {
  gate = await startApiGate(server.url);
  officer = await signInOverHttp(server.url, 'canbo');
});
afterAll(async () => {
  await gate?.stop();
});

/** The news posts the server holds, read through the API as the officer, past the gate. */
async function newsPostsOnServer(url: string): Promise<{ id: string; title: string }[]> {
  const records = (await officer.records(url)).filter((r) => r.kind === 'newsPost');
  return records.map((r) => ({ id: r.id, title: (r.record as { title: string }).title }));
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
  it('sends the outbox from the service worker when no page is open', async ({ server, phoneAs }) => {
    const page = await phoneAs('tdp2', { url: gate.url, clock: 'real' });
    const context = page.context();
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
    expect(await newsPostsOnServer(server.url)).toEqual([]);
    await context.setOffline(false);
    gate.open();
    const cdp = await context.newCDPSession(page);
    const id = await registrationId(cdp, gate.url);
    await cdp.send('ServiceWorker.dispatchSyncEvent', { origin: gate.url, registrationId: id, tag: 'outbox-sync', lastChance: false });

    await expect.poll(async () => (await newsPostsOnServer(server.url)).map((p) => p.title), { timeout: 30_000 }).toEqual(['Tin gửi nhờ nền']);
  });
});
