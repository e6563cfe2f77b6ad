// The phone's protections in Chromium against the real server process: the session is an
// HttpOnly cookie that page scripts never see (and no token rests in IndexedDB or
// localStorage); a case's notes rest in IndexedDB only as ciphertext; the PIN opens the app
// with the network off, and wrong PINs wait longer each time until only an online sign-in
// helps, with unsent records kept; two accounts on one phone each keep, and later send,
// their own unsent records under their own account.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import type { RunningServer } from '../support/server-process.ts';
import { seriousViolations, smallTouchTargets } from './a11y.ts';
import { it } from './fixtures.ts';
import { dumpIndexedDb } from './indexedDbDump.ts';
import { DEMO_PIN, FIXED_NOW, phoneContext, signIn, typePin, unlock, waitForServiceWorker } from './session.ts';
import { choose, openMore } from './forms.ts';

const SHOTS = 'tests/e2e/screenshots';
const NOTE = 'Chồng say rượu đánh vợ, hàng xóm can ngăn';
let server: RunningServer;
let browser: Browser;

it.beforeAll(({ server: running, browser: launched }) => {
  [server, browser] = [running, launched];
});

/** Every value in every IndexedDB database of the page, binary values byte by byte. */
function rawIndexedDb(page: Page): Promise<string> {
  return page.evaluate(dumpIndexedDb);
}

/** The server's table: who last wrote each record (no route shows it) is part of the promise. */
function serverRows(): { id: string; kind: string; reporterId: string; lastUserId: string; body: string }[] {
  const db = new Database(join(server.dataDir, 'notebook.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT id, kind, reporter_id AS reporterId, last_user_id AS lastUserId, body FROM records').all() as never;
  } finally {
    db.close();
  }
}

async function saveNewsPost(page: Page, title: string): Promise<void> {
  await page.goto(`${new URL(page.url()).origin}/#/new/newsPost`);
  await page.getByLabel('Kênh đăng').selectOption('loudspeaker');
  await page.getByLabel('Tiêu đề').fill(title);
  await page.getByRole('button', { name: 'Lưu' }).click();
  await page.locator('[data-record-id]').first().waitFor();
}

describe('the session cookie', () => {
  it('is HttpOnly, Secure and SameSite=Strict, unseen by page scripts, and no token rests on the phone', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signIn(page, server.url);
    const [cookie] = (await context.cookies(server.url + '/api/v1/me')).filter((c) => c.name === 'so_tay_session');
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/api' });
    expect(await page.evaluate(() => document.cookie)).not.toContain(cookie!.value);
    expect(await rawIndexedDb(page)).not.toContain(cookie!.value);
    const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(storage).not.toContain(cookie!.value);
    // The app's own calls carry it: the sync went through.
    await page.locator('[data-phase=idle]').waitFor();
    await context.close();
  });
});

describe('a violence case on the phone', () => {
  let context: BrowserContext;
  let page: Page;

  it('rests in IndexedDB without its notes in plaintext, and shows them to the signed-in user', async () => {
    context = await phoneContext(browser);
    page = await context.newPage();
    await signIn(page, server.url, 'tdp2', { autoUnlock: false });
    await waitForServiceWorker(page);
    await page.goto(`${server.url}/#/new/violenceCase`);
    await openMore(page);
    await page.getByLabel('Người báo tin').selectOption('neighbour');
    await page.getByRole('checkbox', { name: 'Bạo lực thể chất' }).check();
    await choose(page, 'Giới tính nạn nhân', 'Nữ');
    await choose(page, 'Độ tuổi nạn nhân', 'Từ 16 đến 59 tuổi');
    await choose(page, 'Giới tính người gây bạo lực', 'Nam');
    await page.getByLabel('Quan hệ với nạn nhân').selectOption('spouse');
    await page.getByLabel('Diễn biến, ghi chú (không ghi danh tính)').fill(NOTE);
    // The half-filled form rests sealed too.
    await expect.poll(async () => (await rawIndexedDb(page)).includes('"drafts"')).toBe(true);
    expect(await rawIndexedDb(page)).not.toContain('say rượu');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.locator('[data-record-id]').first().waitFor();
    const raw = await rawIndexedDb(page);
    expect(raw).toContain('violenceCase');
    expect(raw).not.toContain('say rượu');
    expect(raw).not.toContain(Buffer.from('say rượu').toString('latin1'));
    // On the server, with its notes.
    await page.locator('[data-phase=idle][data-waiting="0"]').waitFor({ timeout: 30_000 });
    expect(JSON.parse(serverRows().find((r) => r.kind === 'violenceCase')!.body).notes).toBe(NOTE);
    // Opened in memory for its owner.
    await page.locator('[data-record-id]').first().click();
    await expect(page.getByLabel('Diễn biến, ghi chú (không ghi danh tính)').inputValue()).resolves.toBe(NOTE);
  });

  it('opens with the PIN with the network off', async () => {
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Nhập mã PIN' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'pin-lock.png') });
    expect(await seriousViolations(page)).toEqual([]);
    expect(await smallTouchTargets(page)).toEqual([]);
    await unlock(page);
    await page.goto(`${server.url}/#/?k=violenceCase`);
    await page.locator('[data-record-id]').first().click();
    await expect(page.getByLabel('Diễn biến, ghi chú (không ghi danh tính)').inputValue()).resolves.toBe(NOTE);
  });

  it('makes wrong PINs wait longer each time, then asks for an online sign-in, keeping unsent records', async () => {
    await saveNewsPost(page, 'Tin chờ gửi khi khoá sai PIN');
    await page.reload();
    await page.getByRole('heading', { name: 'Nhập mã PIN' }).waitFor();
    const wrongPin = async () => typePin(page, '9999');
    for (let i = 0; i < 3; i++) {
      await wrongPin();
      await page
        .getByText('Mã PIN không đúng.')
        .or(page.getByText(/Hãy chờ/))
        .waitFor();
    }
    // The third wrong PIN starts a wait: the keys are off until it ends.
    await page.getByText('Sai nhiều lần. Hãy chờ 30 giây rồi thử lại.').waitFor();
    expect(await page.getByRole('button', { name: 'Số 1', exact: true }).isDisabled()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'pin-wait.png') });
    // Waits grow: 30 s, then 60 s, then longer.
    let now = FIXED_NOW.getTime();
    const seen: number[] = [];
    for (let failures = 3; failures < 8; failures++) {
      const text = await page.locator('.lock .error').innerText();
      seen.push(Number(/chờ (\d+) giây/.exec(text)?.[1]));
      now += (seen.at(-1)! + 1) * 1000;
      await context.clock.setFixedTime(now);
      await page.getByRole('button', { name: 'Số 1', exact: true }).waitFor({ state: 'visible' });
      await expect.poll(() => page.getByRole('button', { name: 'Số 1', exact: true }).isEnabled(), { timeout: 10_000 }).toBe(true);
      await wrongPin();
      if (failures + 1 < 8) await page.getByText(/Hãy chờ/).waitFor();
    }
    expect(seen[0]).toBe(30);
    expect(seen[1]).toBe(60);
    expect(seen.at(-1)!).toBeGreaterThan(seen[1]!);
    await page.getByText('Đã nhập sai mã PIN quá nhiều lần. Hãy đăng nhập lại khi có mạng.').waitFor();
    expect(await page.getByRole('button', { name: 'Số 1', exact: true }).count()).toBe(0);

    // Online again, the owner signs in; the waiting record was kept and now goes out.
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Đăng nhập lại' }).click();
    await page.getByLabel('Tên đăng nhập').fill('tdp2');
    await page.getByLabel('Mã PIN').fill(DEMO_PIN);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => serverRows().some((r) => r.body.includes('Tin chờ gửi khi khoá sai PIN')), { timeout: 30_000 }).toBe(true);
    await context.close();
  });
});

describe('two accounts on one phone', () => {
  it('each keeps its own unsent records, never sees the other’s, and sends them under its own account', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await signIn(page, server.url, 'tdp3', { autoUnlock: false });
    await waitForServiceWorker(page);

    // tdp3 records offline, then signs out keeping the record.
    await context.setOffline(true);
    await saveNewsPost(page, 'Tin của tổ 3 giữ lại trên máy');
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    const sheet = page.getByRole('dialog', { name: 'Đăng xuất' });
    await sheet.getByText('Còn 1 bản ghi chưa gửi lên xã.').waitFor();
    await page.screenshot({ path: join(SHOTS, 'sign-out-choice.png') });
    expect(await seriousViolations(page)).toEqual([]);
    expect(await smallTouchTargets(page)).toEqual([]);
    await sheet.getByRole('button', { name: 'Giữ lại trên máy và đăng xuất' }).click();
    await page.getByLabel('Tên đăng nhập').waitFor();
    await page.getByText('Trên máy này còn bản ghi chưa gửi của: Tổ trưởng Tổ dân phố 3.').waitFor();
    await page.screenshot({ path: join(SHOTS, 'sign-in-kept.png') });

    // tdp4 signs in on the same phone: none of tdp3's records, and records its own offline.
    await context.setOffline(false);
    await page.getByLabel('Tên đăng nhập').fill('tdp4');
    await page.getByLabel('Mã PIN').fill(DEMO_PIN);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Tổ trưởng Tổ dân phố 4', { exact: true }).waitFor();
    await page.locator('[data-phase=idle]').waitFor({ timeout: 30_000 });
    await page.goto(`${server.url}/#/?k=newsPost`);
    await page.getByText('Chưa có bản ghi nào trong quý này.').waitFor();
    expect(serverRows().some((r) => r.body.includes('Tin của tổ 3'))).toBe(false);
    await context.setOffline(true);
    await saveNewsPost(page, 'Tin của tổ 4 gửi trước khi đăng xuất');
    expect(await page.locator('[data-record-id]').count()).toBe(1);

    // tdp4 signs out once online again, sending first.
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await sheet.getByText('Còn 1 bản ghi chưa gửi lên xã.').waitFor();
    await context.setOffline(false);
    await sheet.getByRole('button', { name: 'Gửi trước rồi đăng xuất' }).click();
    await page.getByLabel('Tên đăng nhập').waitFor();
    const tdp4Post = serverRows().find((r) => r.body.includes('Tin của tổ 4'));
    expect(tdp4Post).toMatchObject({ reporterId: 'tdp4', lastUserId: 'tdp4' });
    expect(serverRows().some((r) => r.body.includes('Tin của tổ 3'))).toBe(false);

    // tdp3 comes back: the kept record goes out under tdp3.
    await page.getByLabel('Tên đăng nhập').fill('tdp3');
    await page.getByLabel('Mã PIN').fill(DEMO_PIN);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect
      .poll(() => serverRows().find((r) => r.body.includes('Tin của tổ 3')), { timeout: 30_000 })
      .toMatchObject({ reporterId: 'tdp3', lastUserId: 'tdp3' });
    await page.goto(`${server.url}/#/?k=newsPost`);
    await expect(page.locator('[data-record-id]').count()).resolves.toBe(1);
    await context.close();
  });
});
