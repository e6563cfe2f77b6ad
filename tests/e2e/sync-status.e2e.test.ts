// The sync banner as a village head reads it with the app open in a field: the signal goes and
// the banner says so at once (not at the next timed try, minutes later); it never says "all
// sent" while a record waits; it counts records, not changes; "Gửi ngay" with no signal says why
// nothing happens; and when the signal returns, everything goes and the banner says so.
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { it } from './fixtures.ts';

async function saveNewsPost(page: Page, url: string, title: string): Promise<void> {
  await page.goto(`${url}/#/new/newsPost`);
  await page.getByLabel('Kênh đăng').selectOption('communePortal');
  await page.getByLabel('Tiêu đề').fill(title);
  await page.getByRole('button', { name: 'Lưu' }).click();
  await page.locator('[data-record-id]').filter({ hasText: title }).waitFor();
}

async function editTitle(page: Page, from: string, to: string): Promise<void> {
  await page.locator('[data-record-id]').filter({ hasText: from }).click();
  await page.getByLabel('Tiêu đề').fill(to);
  await page.getByRole('button', { name: 'Lưu' }).click();
  await page.locator('[data-record-id]').filter({ hasText: to }).waitFor();
}

describe('the sync banner', () => {
  it('tells the truth when the signal goes and comes back', async ({ server, phoneAs }) => {
    const page = await phoneAs('tdp3', { clock: 'real' });
    const banner = page.locator('.sync-banner');
    // A fresh phone is idle with nothing waiting before its first sync too. "calm" is the banner's
    // own "synced, nothing waiting" state (it needs a last sync); the text is matched in the same look.
    await banner.and(page.locator('.calm')).filter({ hasText: 'Đã gửi hết' }).waitFor({ timeout: 30_000 });

    // The signal goes while the app is open: the banner says so without waiting for a timed try.
    await page.context().setOffline(true);
    await page.locator('[data-phase=offline]').waitFor({ timeout: 5_000 });
    expect(await banner.innerText()).toContain('Không có mạng');

    // Two records, one of them edited twice: three changes wait, and the banner counts two records.
    await saveNewsPost(page, server.url, 'Tin thứ nhất khi mất sóng');
    await saveNewsPost(page, server.url, 'Tin thứ hai khi mất sóng');
    await editTitle(page, 'Tin thứ nhất khi mất sóng', 'Tin thứ nhất, sửa lần một');
    await editTitle(page, 'Tin thứ nhất, sửa lần một', 'Tin thứ nhất, sửa lần hai');
    expect(
      await page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const open = indexedDB.open('so-tay-binh-dang:tdp3');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const count = open.result.transaction('outbox').objectStore('outbox').count();
              count.onsuccess = () => resolve(count.result);
            };
          }),
      ),
    ).toBeGreaterThanOrEqual(3);
    await page.locator('[data-waiting="2"]').waitFor();
    const offlineText = await banner.innerText();
    expect(offlineText).toContain('2 bản ghi chờ gửi');
    expect(offlineText).not.toContain('Đã gửi hết');

    // "Gửi ngay" with no signal: why nothing is sent, in her words.
    await banner.getByRole('button', { name: 'Gửi ngay' }).click();
    await banner.getByText('Chưa gửi được vì máy không có mạng').waitFor();
    await page.screenshot({ path: 'tests/e2e/screenshots/sync-banner-offline.png' });

    // The signal returns: both records go, once each, and only then "all sent".
    await page.context().setOffline(false);
    await page.locator('[data-phase=idle][data-waiting="0"]').waitFor({ timeout: 30_000 });
    const sentText = await banner.innerText();
    expect(sentText).toContain('Đã gửi hết');
    expect(sentText).not.toContain('Chưa gửi được vì máy không có mạng');
    expect(await banner.getByRole('button', { name: 'Cập nhật ngay' }).count()).toBe(1);
  });
});
