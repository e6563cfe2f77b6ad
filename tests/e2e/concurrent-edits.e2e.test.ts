// An edit is made on what the person saw (DESIGN §4 promise 4), in real Chromium against the
// real server process: an edit form left open while a sync brings another phone's edit of the
// same record, two tabs of one phone creating records of one kind at once, and a push that
// stalls (the connection open, no answer) followed by later saves.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { describe, expect } from 'vitest';
import type { ServerRecord } from '../../src/domain/index.ts';
import { signInOverHttp, type HttpDevice } from '../support/api-client.ts';
import type { RunningServer } from '../support/server-process.ts';
import { seriousViolations, smallTouchTargets } from './a11y.ts';
import { it } from './fixtures.ts';
import { DEMO_PIN, FIXED_NOW, PHONE, phoneContext, signIn, typePin } from './session.ts';

const SHOTS = 'tests/e2e/screenshots';
let server: RunningServer;
let browser: Browser;
let officer: HttpDevice;

/** A screenshot to look at, and the screen checked with axe and for small touch targets. */
async function check(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
  expect(await smallTouchTargets(page)).toEqual([]);
}

it.beforeAll(async ({ server: running, browser: launched }) => {
  mkdirSync(SHOTS, { recursive: true });
  [server, browser] = [running, launched];
  officer = await signInOverHttp(server.url, 'canbo');
});

/** A record as the server holds it, read through the API as the officer. */
const serverRecord = async (id: string): Promise<ServerRecord | undefined> => (await officer.records(server.url)).find((r) => r.id === id);
const serverBody = async (id: string) => (await serverRecord(id))!.record as Record<string, unknown>;
const serverNewsTitles = async () =>
  (await officer.records(server.url)).filter((r) => r.kind === 'newsPost' && !r.deleted).map((r) => (r.record as { title: string }).title);

/** The server's history of a record's versions: no route shows it, so the file is read. */
function serverVersions(id: string): { rev: number; body: string }[] {
  const db = new Database(join(server.dataDir, 'notebook.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT rev, body FROM record_versions WHERE record_id = ? ORDER BY rev').all(id) as { rev: number; body: string }[];
  } finally {
    db.close();
  }
}

/** The phone's own row of a record, read from IndexedDB as it rests there. */
function localRecord(page: Page, id: string): Promise<{ rev: number; syncState: string; body: Record<string, unknown> } | undefined> {
  return page.evaluate(async (recordId) => {
    for (const info of await indexedDB.databases()) {
      if (!info.name?.startsWith('so-tay-binh-dang:')) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name!);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        if (!db.objectStoreNames.contains('records')) continue;
        const row = await new Promise<unknown>((resolve) => {
          const request = db.transaction('records').objectStore('records').get(recordId);
          request.onsuccess = () => resolve(request.result);
        });
        if (row) return row as never;
      } finally {
        db.close();
      }
    }
    return undefined;
  }, id);
}

async function until(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The connection "comes back": the app syncs on `online`. */
const nudgeSync = (page: Page) => page.evaluate(() => window.dispatchEvent(new Event('online')));

async function newPhone(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await phoneContext(browser);
  const page = await context.newPage();
  await signIn(page, server.url, 'tdp2');
  await page.locator('[data-phase=idle]').waitFor({ timeout: 30_000 });
  return { context, page };
}

/** Records a news post on the phone and waits until the server has it; its record id. */
async function recordPostAndSend(page: Page, title: string): Promise<string> {
  await page.goto(`${server.url}/#/new/newsPost`);
  await page.getByLabel('Kênh đăng').selectOption('loudspeaker');
  await page.getByLabel('Tiêu đề').fill(title);
  await page.getByRole('button', { name: 'Lưu' }).click();
  const item = page.locator('[data-record-id]', { hasText: title });
  await item.waitFor();
  const id = (await item.getAttribute('data-record-id'))!;
  await until(async () => (await serverRecord(id)) !== undefined, 'the post on the server');
  return id;
}

/** Another phone pulls the record and changes one field of it in its edit form, then sends it. */
async function editElsewhere(page: Page, id: string, edit: (page: Page) => Promise<void>): Promise<void> {
  await nudgeSync(page);
  await until(async () => (await localRecord(page, id)) !== undefined, 'the post on the other phone');
  await page.goto(`${server.url}/#/record/${id}`);
  await edit(page);
  await page.getByRole('button', { name: 'Lưu' }).click();
  await until(async () => (await serverRecord(id))?.rev === 2, 'the other phone’s edit on the server');
}

describe('an edit form left open while a sync brings another phone’s edit', () => {
  it('merges the two edits by field: neither phone’s change is lost', async () => {
    const one = await newPhone();
    const two = await newPhone();
    try {
      // Phone 1 records a news post and sends it.
      const id = await recordPostAndSend(one.page, 'Tin ban đầu');

      // Phone 1 opens the post's edit form, starts changing the title, and leaves the form open.
      await one.page.goto(`${server.url}/#/record/${id}`);
      await one.page.getByLabel('Tiêu đề').waitFor();
      expect(await one.page.getByLabel('Tiêu đề').inputValue()).toBe('Tin ban đầu');
      await one.page.getByLabel('Tiêu đề').fill('Tin đã sửa trên máy 1');

      // Phone 2 (same account) changes the channel and sends it.
      await editElsewhere(two.page, id, (page) =>
        page
          .getByLabel('Kênh đăng')
          .selectOption('communePortal')
          .then(() => undefined),
      );

      // A sync on phone 1 replaces the local row under the open form.
      await nudgeSync(one.page);
      await until(async () => (await localRecord(one.page, id))?.rev === 2, 'phone 2’s edit pulled onto phone 1');
      // The form says the record changed under it, what changed, and that her edit will be merged.
      const notice = one.page.locator('[data-changed-under-form]');
      await notice.waitFor();
      expect(await notice.innerText()).toContain('Kênh đăng: Hệ thống truyền thanh cơ sở → ');
      expect(await notice.innerText()).toContain('gộp');
      expect(await one.page.getByLabel('Tiêu đề').inputValue()).toBe('Tin đã sửa trên máy 1');
      await check(one.page, '40-form-changed-under');

      // Phone 1 then saves its title change.
      await one.page.getByRole('button', { name: 'Lưu' }).click();
      await until(async () => ((await serverRecord(id))?.rev ?? 0) >= 3, 'phone 1’s edit on the server');

      const body = await serverBody(id);
      expect(body.title).toBe('Tin đã sửa trên máy 1');
      expect(body.channel).toBe('communePortal');
      // The server's history holds each edit's field, and its latest version both.
      const versions = serverVersions(id).map((v) => JSON.parse(v.body) as Record<string, unknown>);
      expect(versions.some((v) => v.channel === 'communePortal' && v.title === 'Tin ban đầu')).toBe(true);
      expect(versions.at(-1)).toMatchObject({ channel: 'communePortal', title: 'Tin đã sửa trên máy 1' });

      // And phone 2 keeps its channel at its next pull.
      await two.page.goto(`${server.url}/#/`);
      await nudgeSync(two.page);
      await until(async () => (await localRecord(two.page, id))?.body.title === 'Tin đã sửa trên máy 1', 'the merged post on phone 2');
      expect((await localRecord(two.page, id))?.body.channel).toBe('communePortal');
    } finally {
      await one.context.close();
      await two.context.close();
    }
  });

  it('asks the person when both changed the same field, and saves nothing until she chooses', async () => {
    const one = await newPhone();
    const two = await newPhone();
    try {
      const id = await recordPostAndSend(one.page, 'Tin hai máy cùng sửa');
      await one.page.goto(`${server.url}/#/record/${id}`);
      await one.page.getByLabel('Tiêu đề').fill('Tiêu đề của máy 1');

      await editElsewhere(two.page, id, (page) => page.getByLabel('Tiêu đề').fill('Tiêu đề của máy 2'));
      await nudgeSync(one.page);
      await until(async () => (await localRecord(one.page, id))?.rev === 2, 'phone 2’s edit on phone 1');
      await one.page.getByRole('button', { name: 'Lưu' }).click();
      const ask = one.page.locator('[data-save-conflict]');
      await ask.waitFor();
      expect(await ask.innerText()).toContain('Tiêu đề của máy 2');
      await check(one.page, '41-form-save-conflict');
      // Nothing was saved on the phone or sent while she has not chosen.
      expect((await localRecord(one.page, id))?.body.title).toBe('Tiêu đề của máy 2');
      await one.page.getByRole('button', { name: 'Lưu bản của tôi' }).click();
      await until(async () => ((await serverRecord(id))?.rev ?? 0) >= 3, 'phone 1’s choice on the server');
      expect((await serverBody(id)).title).toBe('Tiêu đề của máy 1');
    } finally {
      await one.context.close();
      await two.context.close();
    }
  });
});

describe('two tabs of one phone', () => {
  it('create two records of the same kind at once: two records on the server, each with its own content', async () => {
    const context = await phoneContext(browser);
    try {
      const first = await context.newPage();
      await signIn(first, server.url, 'tdp3');
      await first.locator('[data-phase=idle]').waitFor({ timeout: 30_000 });
      // The second tab of the same phone opens on the PIN, like any opening.
      const second = await context.newPage();
      await second.addLocatorHandler(second.getByRole('heading', { name: 'Nhập mã PIN' }), () => typePin(second));
      await second.goto(server.url);
      await second.locator('.sync-banner').waitFor();

      await first.goto(`${server.url}/#/new/newsPost`);
      await first.getByLabel('Kênh đăng').selectOption('loudspeaker');
      await first.getByLabel('Tiêu đề').fill('Tin của thẻ thứ nhất');
      // The second tab opens its own new form while the first is half typed.
      await second.goto(`${server.url}/#/new/newsPost`);
      await second.getByLabel('Tiêu đề').waitFor();
      expect(await second.getByLabel('Tiêu đề').inputValue()).toBe('');
      // The first tab's form is open: its draft is not offered to the second.
      await second.locator('[data-offers-checked]').waitFor();
      expect(await second.locator('[data-draft-offered]').count()).toBe(0);
      await second.getByLabel('Kênh đăng').selectOption('socialMedia');
      await second.getByLabel('Tiêu đề').fill('Tin của thẻ thứ hai');
      await second.getByRole('button', { name: 'Lưu' }).click();
      await first.getByRole('button', { name: 'Lưu' }).click();

      await until(async () => (await serverNewsTitles()).filter((t) => t.startsWith('Tin của thẻ')).length === 2, 'both posts on the server');
      expect((await serverNewsTitles()).filter((t) => t.startsWith('Tin của thẻ')).sort()).toEqual(['Tin của thẻ thứ hai', 'Tin của thẻ thứ nhất']);
      // One sync at a time across the tabs: every sync call is slowed down here, and both tabs
      // are told at once, several times, that the connection came back.
      let inFlight = 0;
      let most = 0;
      await context.route('**/api/v1/sync/**', async (route) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 300));
        await route.continue().finally(() => (inFlight -= 1));
      });
      for (let round = 0; round < 3; round++) await Promise.all([nudgeSync(first), nudgeSync(second)]);
      await until(
        async () => inFlight === 0 && (await first.locator('[data-phase=idle]').count()) === 1 && (await second.locator('[data-phase=idle]').count()) === 1,
        'both tabs idle',
      );
      expect(most).toBe(1);
      await context.unroute('**/api/v1/sync/**');

      // Each tab's list shows both (the tabs see each other's saves).
      for (const page of [first, second]) {
        await page.goto(`${server.url}/#/?k=newsPost`);
        await until(async () => (await page.getByText(/^Tin của thẻ/).count()) === 2, 'both posts in each tab’s list');
      }
    } finally {
      await context.close();
    }
  });
});

describe('a push that stalls', () => {
  it('gives up after a bounded time, and later saves still reach the server', async () => {
    // The page's clock is the test's, so that the engine's bound on one request passes at once.
    const context = await browser.newContext(PHONE);
    await context.clock.install({ time: FIXED_NOW });
    try {
      const page = await context.newPage();
      await signIn(page, server.url, 'tdp4');
      await page.locator('[data-phase=idle]').waitFor({ timeout: 30_000 });
      // The first push is held open with no answer, as on a link that stopped mid-request.
      const held: Route[] = [];
      await page.route('**/api/v1/sync/push', (route) => {
        if (held.length === 0) held.push(route);
        else void route.continue();
      });
      await page.goto(`${server.url}/#/new/newsPost`);
      await page.getByLabel('Kênh đăng').selectOption('loudspeaker');
      await page.getByLabel('Tiêu đề').fill('Tin gửi khi mạng treo');
      await page.getByRole('button', { name: 'Lưu' }).click();
      await page.locator('[data-record-id]').first().waitFor();
      await until(() => held.length === 1, 'the held push');
      // Past the engine's bound for one request, the sync gives up and retries later.
      await page.clock.fastForward(120_000);
      await page.goto(`${server.url}/#/new/newsPost`);
      await page.getByLabel('Kênh đăng').selectOption('socialMedia');
      await page.getByLabel('Tiêu đề').fill('Tin gửi sau khi mạng treo');
      await page.getByRole('button', { name: 'Lưu' }).click();
      await page.locator('[data-record-id]').first().waitFor();
      await until(async () => {
        await page.clock.fastForward(60_000);
        const titles = await serverNewsTitles();
        return ['Tin gửi khi mạng treo', 'Tin gửi sau khi mạng treo'].every((t) => titles.includes(t));
      }, 'both posts on the server');
      await page.locator('[data-phase=idle][data-waiting="0"]').waitFor();
      await held[0]!.abort().catch(() => undefined);
    } finally {
      await context.close();
    }
  });
});

describe('a session cookie lost in a browser crash right after sign-in', () => {
  it('keeps the records, says that signing in again sends them, and they go after signing in again', async () => {
    const context = await phoneContext(browser);
    try {
      const page = await context.newPage();
      await signIn(page, server.url, 'tdp5');
      await page.locator('[data-phase=idle]').waitFor({ timeout: 30_000 });
      await context.setOffline(true);
      await page.goto(`${server.url}/#/new/newsPost`);
      await page.getByLabel('Kênh đăng').selectOption('loudspeaker');
      await page.getByLabel('Tiêu đề').fill('Tin lưu trước khi mất phiên');
      await page.getByRole('button', { name: 'Lưu' }).click();
      await page.locator('[data-record-id]').first().waitFor();
      // Chromium had not written the new cookie to disk when it crashed: the phone comes back without it.
      await context.clearCookies();
      await context.setOffline(false);
      const banner = page.locator('.sync-banner[data-phase=signedOut]');
      await banner.waitFor({ timeout: 30_000 });
      expect(await banner.innerText()).toContain('1 bản ghi chờ gửi vẫn nằm an toàn trên máy này. Đăng nhập lại (cần có mạng) là chúng được gửi ngay.');
      expect(await serverNewsTitles()).not.toContain('Tin lưu trước khi mất phiên');
      await check(page, '42-session-lost-records-kept');

      await banner.getByRole('button', { name: 'Đăng nhập lại' }).click();
      // Her user name is already typed: the phone knows only her account.
      await expect.poll(() => page.getByLabel('Tên đăng nhập').inputValue()).toBe('tdp5');
      await page.getByLabel('Mã PIN').fill(DEMO_PIN);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await until(async () => (await serverNewsTitles()).includes('Tin lưu trước khi mất phiên'), 'the kept post on the server');
      await page.locator('[data-phase=idle][data-waiting="0"]').waitFor({ timeout: 30_000 });
    } finally {
      await context.close();
    }
  });
});
