// A new version of the app arrives while records wait in the outbox: it is offered, never
// forced; it is not offered over a half-filled form; once applied, nothing waiting is lost.
import { appendFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.ts';
import { PHONE, signIn, waitForServiceWorker } from './session.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

let server: RunningServer;
let browser: Browser;
const staticDir = join(mkdtempSync(join(tmpdir(), 'so-tay-dist-')), 'dist');

beforeAll(async () => {
  cpSync('dist', staticDir, { recursive: true });
  server = await startServer({ env: { STATIC_DIR: staticDir } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function recordsOnServer(): number {
  const db = new Database(join(server.dataDir, 'notebook.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM records').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('an app update with a full outbox', () => {
  it('waits for the user on the home screen and keeps every waiting record', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await signIn(page, server.url, 'tdp3');
    await page.locator('[data-phase=idle]').waitFor();
    await waitForServiceWorker(page);

    // The server refuses sync for now, so the record waits in the outbox.
    await context.route('**/api/v1/sync/**', (route) => route.fulfill({ status: 503, body: '{}' }));
    await page.goto(`${server.url}/#/new/newsPost`);
    await page.getByLabel('Kênh đăng').selectOption('socialMedia');
    await page.getByLabel('Tiêu đề').fill('Tin chờ gửi qua bản cập nhật');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.locator('[data-sync-state=pending]').waitFor();

    // A new version is published; the page notices it while a form is half filled.
    appendFileSync(join(staticDir, 'sw.js'), '\n// next version\n');
    await page.getByRole('link', { name: /Thêm mới/ }).click();
    await page.getByLabel('Tiêu đề').fill('Đang gõ dở');
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await page.waitForFunction(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting));
    expect(await page.getByText('Có phiên bản mới của ứng dụng.').count()).toBe(0);
    expect(await page.getByLabel('Tiêu đề').inputValue()).toBe('Đang gõ dở');
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');

    // Back on the home screen the update is offered, and applied only when tapped.
    await page.getByRole('link', { name: /Quay lại/ }).click();
    await page.getByText('Có phiên bản mới của ứng dụng.').waitFor();
    await expect(page.locator('[data-waiting]').getAttribute('data-waiting')).resolves.toBe('1');
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Cập nhật' }).click()]);
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBeUndefined();
    await page.locator('[data-sync-state=pending]').waitFor();
    await expect(page.locator('[data-waiting]').getAttribute('data-waiting')).resolves.toBe('1');

    // The server answers again: the record that waited through the update is sent once. The
    // page opened locked: wait until the engine, started by the unlock, has met the refusal
    // and waits to retry, so that the button is there to tap.
    await page.locator('[data-phase=retrying]').waitFor();
    await context.unroute('**/api/v1/sync/**');
    // The engine's own retry, due any moment now, may send it before the tap: either way once.
    const sent = page.locator('[data-phase=idle][data-waiting="0"]');
    await Promise.race([page.getByRole('button', { name: 'Gửi ngay' }).click().catch(() => undefined), sent.waitFor({ timeout: 30_000 })]);
    await sent.waitFor({ timeout: 30_000 });
    expect(recordsOnServer()).toBe(1);
    await context.close();
  });
});
