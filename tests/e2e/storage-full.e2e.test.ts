// A phone out of storage: the save is refused with a clear message in Vietnamese, what was
// typed stays in the form, and what was saved before is still there. Chromium's own quota
// emulation does not reach IndexedDB here, so the fault is injected where the browser would
// raise it: IndexedDB's writes throw QuotaExceededError, as they do on a full phone.
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { it } from './fixtures.ts';

async function setStorageFull(page: Page, full: boolean): Promise<void> {
  await page.evaluate((isFull) => {
    const proto = IDBObjectStore.prototype as IDBObjectStore & { realPut?: IDBObjectStore['put']; realAdd?: IDBObjectStore['add'] };
    proto.realPut ??= proto.put;
    proto.realAdd ??= proto.add;
    const refuse = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    proto.put = isFull ? refuse : proto.realPut;
    proto.add = isFull ? refuse : proto.realAdd;
  }, full);
}

describe('storage full', () => {
  it('says so, keeps the form and keeps what was saved', async ({ server, phoneAs }) => {
    const page = await phoneAs('tdp4', { clock: 'real' });
    const context = page.context();
    await page.locator('[data-phase=idle]').waitFor();
    await context.setOffline(true);

    await page.goto(`${server.url}/#/new/newsPost`);
    await page.getByLabel('Kênh đăng').selectOption('communePortal');
    await page.getByLabel('Tiêu đề').fill('Tin đã lưu trước khi đầy bộ nhớ');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.locator('[data-sync-state=pending]').waitFor();

    await page.getByRole('link', { name: /Thêm mới/ }).click();
    await page.getByLabel('Kênh đăng').selectOption('loudspeaker');
    await page.getByLabel('Tiêu đề').fill('Tin khi bộ nhớ đầy');
    await setStorageFull(page, true);
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Bộ nhớ máy đã đầy').waitFor();
    expect(await page.getByLabel('Tiêu đề').inputValue()).toBe('Tin khi bộ nhớ đầy');
    expect(await page.evaluate(() => location.hash)).toBe('#/new/newsPost');
    await page.screenshot({ path: 'tests/e2e/screenshots/storage-full.png', fullPage: true });

    // Space again: the same form saves, and the earlier record is still there, once.
    await setStorageFull(page, false);
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.locator('[data-record-id]').nth(1).waitFor();
    const titles = await page.locator('.record-summary').allInnerTexts();
    expect(titles.sort()).toEqual(['Tin khi bộ nhớ đầy', 'Tin đã lưu trước khi đầy bộ nhớ'].sort());
    await expect(page.locator('[data-waiting]').getAttribute('data-waiting')).resolves.toBe('2');
  });
});
