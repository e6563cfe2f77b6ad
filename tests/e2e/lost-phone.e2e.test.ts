// A lost phone in two browsers against the real server process: the officer revokes the
// village head's phone from the office view; the phone, on its next contact, deletes the app's
// data and shows the sign-in screen saying why.
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { it } from './fixtures.ts';

/** What the phone's page holds: records in IndexedDB, and whether a session is kept. */
function phoneData(page: Page): Promise<{ records: number; outbox: number; session: boolean }> {
  return page.evaluate(async () => {
    const open = (name: string) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const count = (db: IDBDatabase, store: string) =>
      new Promise<number>((resolve) => {
        const request = db.transaction(store).objectStore(store).count();
        request.onsuccess = () => resolve(request.result);
      });
    // The account's own database on this phone.
    const notebook = await open('so-tay-binh-dang:tdp1');
    const device = await open('so-tay-device');
    const session = await new Promise<unknown>((resolve) => {
      const request = device.transaction('values').objectStore('values').get('session');
      request.onsuccess = () => resolve(request.result);
    });
    const result = { records: await count(notebook, 'records'), outbox: await count(notebook, 'outbox'), session: session !== undefined };
    notebook.close();
    device.close();
    return result;
  });
}

describe('a lost phone', () => {
  it('is revoked by the officer and wipes itself on its next contact', async ({ server, phoneAs, officeAs }) => {
    const phone = await phoneAs('tdp1', { autoUnlock: false });
    await phone.goto(`${server.url}/#/new/newsPost`);
    await phone.getByLabel('Kênh đăng').selectOption('communePortal');
    await phone.getByLabel('Tiêu đề').fill('Ngày Gia đình Việt Nam');
    await phone.getByLabel('Ngày', { exact: true }).fill('19/11/2026');
    await phone.getByRole('button', { name: 'Lưu' }).click();
    await phone.locator('[data-phase=idle][data-waiting="0"]').waitFor({ timeout: 30_000 });
    expect(await phoneData(phone)).toEqual({ records: 1, outbox: 0, session: true });

    const office = await officeAs();
    const row = office.locator('[data-device-id]', { hasText: 'Tổ trưởng Tổ dân phố 1' });
    await row.getByRole('button', { name: 'Thu hồi thiết bị' }).click();
    await office.locator('[data-device-id][data-revoked=true]', { hasText: 'Tổ trưởng Tổ dân phố 1' }).waitFor();
    // The officer's own device cannot be revoked from here.
    await expect(office.locator('[data-device-id]', { hasText: 'máy này' }).getByRole('button', { name: 'Thu hồi thiết bị' }).count()).resolves.toBe(0);

    // The app asks the server who it is when it opens, even while locked: no PIN needed to wipe a lost phone.
    await phone.reload();
    await phone.getByText('Công chức xã đã thu hồi thiết bị này').waitFor({ timeout: 30_000 });
    await phone.getByLabel('Tên đăng nhập').waitFor();
    expect(await phoneData(phone)).toEqual({ records: 0, outbox: 0, session: false });
  });
});
