// The offline reporting loop, end to end: a village head with no signal records one of each
// checklist on the phone; the records survive offline reloads and reach the real server once
// each when the connection returns.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { signInOverHttp } from '../support/api-client.ts';
import type { RunningServer } from '../support/server-process.ts';
import { it, openPhone } from './fixtures.ts';
import { DEMO_PIN, typePin, unlock } from './session.ts';
import { choose, openMore } from './forms.ts';

const SHOTS = 'tests/e2e/screenshots';
let server: RunningServer;
let context: BrowserContext;
let page: Page;

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

async function listedStates(): Promise<Record<string, string>> {
  return page.$$eval('[data-record-id]', (items) =>
    Object.fromEntries(items.map((el) => [el.getAttribute('data-record-id') ?? '', el.getAttribute('data-sync-state') ?? ''])),
  );
}

/** The server's table as it rests: each record once, and (below) each change applied once, is the promise. */
function serverRows(): { id: string; kind: string; unitId: string; reporterId: string; rev: number; deleted: number; body: string }[] {
  const db = new Database(join(server.dataDir, 'notebook.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT id, kind, unit_id AS unitId, reporter_id AS reporterId, rev, deleted, body FROM records ORDER BY kind').all() as never;
  } finally {
    db.close();
  }
}

async function openTab(name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await page.waitForFunction((n) => document.querySelector('[role=tab][aria-selected=true]')?.textContent === n, name);
}

const browserDialogs: string[] = [];

it.beforeAll(async ({ server: running, browser }) => {
  mkdirSync(SHOTS, { recursive: true });
  server = running;
  // The real clock: the records are made on today's date, in today's quarter.
  page = await openPhone(browser, { clock: 'real' });
  context = page.context();
  // No question comes in the browser's own dialog (in the browser's language): any one is refused and noted.
  page.on('dialog', (dialog) => {
    browserDialogs.push(dialog.message());
    void dialog.dismiss();
  });
});

describe('a village head offline', () => {
  const ids: string[] = [];

  it('signs in with a connection and the service worker takes control', async () => {
    await page.goto(server.url);
    await shot('01-sign-in');
    await page.getByLabel('Tên đăng nhập').fill('tdp1');
    await page.getByLabel('Mã PIN').fill(DEMO_PIN);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Tổ trưởng Tổ dân phố 1', { exact: true }).waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    await page.locator('[data-phase=idle]').waitFor();
  });

  it('opens with no network from the service worker', async () => {
    await context.setOffline(true);
    await page.reload();
    // Every opening asks for the PIN, which opens the app's vault with no network at all.
    await page.getByRole('heading', { name: 'Nhập mã PIN' }).waitFor();
    await shot('02-pin-offline');
    await typePin(page);
    await page.getByText('Tổ trưởng Tổ dân phố 1', { exact: true }).waitFor();
    await shot('02-home-offline');
  });

  it('names the missing fields in Vietnamese and saves nothing', async () => {
    await page.getByRole('link', { name: /Thêm mới: Buổi tuyên truyền/ }).click();
    await page.getByRole('button', { name: 'Lưu' }).click();
    const alert = page.locator('.notice.error');
    await alert.waitFor();
    const message = await alert.innerText();
    expect(message).toContain('Hình thức: chưa chọn');
    expect(message).toContain('Nội dung tuyên truyền');
    expect(message).toContain('Số người tham dự: nam');
    await shot('03-propaganda-errors');
    expect(await page.evaluate(() => location.hash)).toBe('#/new/propagandaSession');
  });

  it('records a propaganda session', async () => {
    await page.getByLabel('Hình thức').selectOption('villageMeeting');
    await page.getByRole('checkbox', { name: 'Luật Bình đẳng giới' }).check();
    await page.getByRole('checkbox', { name: 'Phòng, chống bạo lực gia đình' }).check();
    await page.getByLabel('Số người tham dự: nam').fill('14');
    await page.getByLabel('Số người tham dự: nữ').fill('23');
    await page.getByLabel('Số hộ được tuyên truyền').fill('31');
    await shot('04-propaganda-form');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.locator('[data-record-id]').first().waitFor();
    expect(Object.values(await listedStates())).toEqual(['pending']);
    await expect(page.locator('.badge').first().innerText()).resolves.toBe('Chỉ có trên máy này');
    ids.push(...Object.keys(await listedStates()));
    await shot('05-home-one-pending');
  });

  it('records a news post', async () => {
    await openTab('Tin, bài');
    await page.getByRole('link', { name: /Thêm mới: Tin, bài/ }).click();
    await page.getByLabel('Kênh đăng').selectOption('loudspeaker');
    await page.getByLabel('Tiêu đề').fill('Tuyên truyền Luật Bình đẳng giới trên loa tổ dân phố');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.locator('[data-record-id]').first().waitFor();
    ids.push(...Object.keys(await listedStates()));
  });

  it('records a violence case with a code and no identity', async () => {
    await openTab('Vụ việc');
    await page.getByRole('link', { name: /Thêm mới: Vụ việc bạo lực/ }).click();
    await openMore(page);
    await page.getByLabel('Người báo tin').selectOption('neighbour');
    await page.getByRole('checkbox', { name: 'Bạo lực tinh thần' }).check();
    await choose(page, 'Giới tính nạn nhân', 'Nữ');
    await choose(page, 'Độ tuổi nạn nhân', 'Từ 16 đến 59 tuổi');
    await choose(page, 'Giới tính người gây bạo lực', 'Nam');
    await page.getByLabel('Quan hệ với nạn nhân').selectOption('spouse');
    await shot('06-case-form');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.locator('[data-record-id]').first().waitFor();
    ids.push(...Object.keys(await listedStates()));
    expect(new Set(ids).size).toBe(3);
  });

  it('keeps all three across an offline reload', async () => {
    await page.reload();
    await unlock(page);
    for (const tab of ['Tuyên truyền', 'Tin, bài', 'Vụ việc']) {
      await openTab(tab);
      await page.locator('[data-record-id]').first().waitFor();
      expect(Object.values(await listedStates())).toEqual(['pending']);
    }
    await expect(page.locator('[data-waiting]').getAttribute('data-waiting')).resolves.toBe('3');
    await shot('07-after-offline-reload');
    // Signing out with records waiting asks what to do with them; offline they cannot be sent first.
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    const sheet = page.getByRole('dialog', { name: 'Đăng xuất' });
    await sheet.getByText('Còn 3 bản ghi chưa gửi lên xã.').waitFor();
    expect(await sheet.getByRole('button', { name: 'Gửi trước rồi đăng xuất' }).isDisabled()).toBe(true);
    await shot('07-sign-out-choice-offline');
    await sheet.getByRole('button', { name: 'Huỷ' }).click();
    await page.getByText('Tổ trưởng Tổ dân phố 1', { exact: true }).waitFor();
    expect(await page.getByLabel('Mã PIN').count()).toBe(0);
  });

  it('sends them when the connection returns, and the server holds each once', async () => {
    await context.setOffline(false);
    await page.locator('[data-phase=idle][data-waiting="0"]').waitFor({ timeout: 30_000 });
    for (const tab of ['Tuyên truyền', 'Tin, bài', 'Vụ việc']) {
      await openTab(tab);
      await page.locator('[data-sync-state=sent]').first().waitFor();
    }
    await shot('08-all-sent');

    const rows = serverRows();
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(rows.map((r) => r.kind)).toEqual(['newsPost', 'propagandaSession', 'violenceCase']);
    for (const row of rows) expect(row).toMatchObject({ unitId: 'tdp-1', reporterId: 'tdp1', rev: 1, deleted: 0 });
    const db = new Database(join(server.dataDir, 'notebook.sqlite'), { readonly: true });
    try {
      const applied = db.prepare('SELECT record_id AS recordId, COUNT(*) AS n FROM applied_changes GROUP BY record_id').all() as {
        recordId: string;
        n: number;
      }[];
      expect(applied.map((a) => a.n)).toEqual([1, 1, 1]);
    } finally {
      db.close();
    }
  });

  it('edits and deletes through the screens, and the server follows', async () => {
    await openTab('Tin, bài');
    await page.locator('[data-record-id]').first().click();
    await page.getByLabel('Tiêu đề').fill('Tuyên truyền Luật Bình đẳng giới — bản sửa');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.locator('[data-record-id]').first().waitFor();
    await openTab('Vụ việc');
    await page.locator('[data-record-id]').first().click();
    // The app asks in its own sheet, in Vietnamese: "Không xóa" keeps the record, "Xóa" deletes it.
    await page.getByRole('button', { name: 'Xóa', exact: true }).click();
    const ask = page.getByRole('alertdialog', { name: 'Xóa bản ghi?' });
    await ask.getByRole('button', { name: 'Không xóa' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(await page.getByLabel('Mã vụ việc').count()).toBe(1);
    await page.getByRole('button', { name: 'Xóa', exact: true }).click();
    expect(await ask.innerText()).toContain('Việc xóa cũng được gửi lên máy chủ.');
    await ask.getByRole('button', { name: 'Xóa', exact: true }).click();
    await page.getByText('Chưa có bản ghi nào trong quý này.').waitFor();
    expect(browserDialogs).toEqual([]);
    await page.locator('[data-phase=idle][data-waiting="0"]').waitFor({ timeout: 30_000 });

    // The server follows once the phone has sent both changes.
    await expect
      .poll(() => serverRows().map((r) => [r.kind, r.rev, r.deleted]), { timeout: 30_000 })
      .toEqual([
        ['newsPost', 2, 0],
        ['propagandaSession', 1, 0],
        ['violenceCase', 2, 1],
      ]);
    expect(JSON.parse(serverRows()[0]!.body).title).toBe('Tuyên truyền Luật Bình đẳng giới — bản sửa');
  });

  it("shows the unit's new name after the officer renames it, from the next opening", async () => {
    const officer = await signInOverHttp(server.url, 'canbo', { deviceId: '00000000-0000-4000-8000-0000000000ff' });
    const renamed = await officer.call(server.url, 'PATCH', '/api/v1/units/tdp-1', { name: 'Tổ dân phố Nghĩa Thành 1' });
    expect(renamed.status).toBe(200);
    // An opening fetches the current units and keeps them for the next one.
    await expect
      .poll(
        async () => {
          await page.reload();
          await unlock(page);
          await page.locator('[data-phase=idle]').waitFor();
          return page.getByText('Tổ trưởng Tổ dân phố 1 · Tổ dân phố Nghĩa Thành 1').count();
        },
        { timeout: 30_000 },
      )
      .toBe(1);
  });
});
