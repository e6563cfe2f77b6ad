// A new version of the app arrives while records wait in the outbox: it is offered, never
// forced; it is not offered over a half-filled form; once applied, nothing waiting is lost.
import { appendFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { signInOverHttp } from '../support/api-client.ts';
import { it } from './fixtures.ts';
import { waitForServiceWorker } from './session.ts';

// The server serves a copy of the built app, so that the test can publish a "new version".
const staticDir = join(mkdtempSync(join(tmpdir(), 'so-tay-dist-')), 'dist');
cpSync('dist', staticDir, { recursive: true });
it.override({ serverOptions: { env: { STATIC_DIR: staticDir } } });

describe('an app update with a full outbox', () => {
  it('waits for the user on the home screen and keeps every waiting record', async ({ server, phoneAs }) => {
    const page = await phoneAs('tdp3', { clock: 'real' });
    const context = page.context();
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
    await Promise.race([
      page
        .getByRole('button', { name: 'Gửi ngay' })
        .click()
        .catch(() => undefined),
      sent.waitFor({ timeout: 30_000 }),
    ]);
    await sent.waitFor({ timeout: 30_000 });
    const officer = await signInOverHttp(server.url, 'canbo');
    expect(await officer.records(server.url)).toHaveLength(1);
  });
});
