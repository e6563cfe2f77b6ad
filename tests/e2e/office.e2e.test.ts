// The commune officer's office view in Chromium against the real server process: records
// sent by a village head show in the units × indicators table, the Word report downloads,
// and with no network the table still opens while the downloads say they need a connection.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import type { Change } from '../../src/domain/index.ts';
import { dayInVietnam } from '../../src/domain/index.ts';
import { newsPost, propagandaSession, upsertOf, violenceCase } from '../fixtures/records.ts';
import { signInOverHttp } from '../support/api-client.ts';
import { it, openOffice } from './fixtures.ts';
import { DEMO_PIN, unlock } from './session.ts';

const SHOTS = 'tests/e2e/screenshots';
const today = dayInVietnam(new Date());
const year = Number(today.slice(0, 4));
let context: BrowserContext;
let page: Page;

async function pushAs(url: string, username: string, changes: Change[]): Promise<void> {
  const device = await signInOverHttp(url, username);
  expect((await device.push(url, changes)).status).toBe(200);
}

const cell = (unitId: string, indicator: string) => page.locator(`tr[data-unit-id="${unitId}"] td[data-indicator="${indicator}"]`);

it.beforeAll(async ({ server, browser }) => {
  mkdirSync(SHOTS, { recursive: true });
  // Today, so it falls in the current quarter whatever day the suite runs.
  await pushAs(server.url, 'tdp1', [upsertOf(propagandaSession({ date: today }), 1)]);
  await pushAs(server.url, 'tdp2', [
    upsertOf(
      violenceCase({
        unitId: 'tdp-2',
        reporterId: 'tdp2',
        date: `${year}-01-05`,
        statusDates: { received: `${year}-01-05`, verified: `${year}-01-06` },
        notes: 'KHONG-DUOC-XUAT',
      }),
      1,
    ),
  ]);
  // A phone of Tổ dân phố 3 whose changes 1 and 2 never arrived (a record of last year, so the figures stay as they are).
  await pushAs(server.url, 'tdp3', [upsertOf(newsPost({ unitId: 'tdp-3', reporterId: 'tdp3', date: `${year - 1}-06-01` }), 3)]);
  page = await openOffice(browser);
  context = page.context();
});

describe('the commune officer', () => {
  it('lands on the office view with the units × indicators table from the synced records', async ({ server }) => {
    await page.goto(server.url);
    await page.getByLabel('Tên đăng nhập').fill('canbo');
    await page.getByLabel('Mã PIN').fill(DEMO_PIN);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Theo dõi kế hoạch bình đẳng giới' }).waitFor();
    expect(await page.evaluate(() => location.hash)).toBe('#/office');
    // The officer's device pulls the whole commune, then the table follows.
    await expect.poll(() => cell('tdp-1', 'unitsReachedByPropaganda').innerText(), { timeout: 30_000 }).toBe('1/1');
    await expect(cell('tdp-2', 'unitsReachedByPropaganda').getAttribute('class')).resolves.toBe('behind');
    await expect(cell('tdp-1', 'unitsReachedByPropaganda').getAttribute('class')).resolves.toBeNull();
    await expect(cell('', 'unitsReachedByPropaganda').innerText()).resolves.toBe('1/5 !');
    // Verified but never handled, detected on 5/1: past the 7 days, so not in time.
    await expect(cell('tdp-2', 'casesHandledInTime').innerText()).resolves.toBe('0/1 !');
    await expect(page.locator('[data-silent-units]').getAttribute('data-silent-units')).resolves.toBe('tdp-2 tdp-3 tdp-4 tdp-5');
    // The phone with a hole in its changes is named, with how many never arrived.
    await expect(page.locator('[data-device-gaps]').innerText()).resolves.toContain('Tổ trưởng Tổ dân phố 3 (Tổ dân phố 3): thiếu 2 thay đổi');
    // A figure opens the records it came from; a case shows its code, never its notes.
    await cell('tdp-2', 'casesHandledInTime').getByRole('button').click();
    await expect(page.locator('[data-cell-record]').count()).resolves.toBe(1);
    await expect(page.locator('.cell-records').innerText()).resolves.toContain('TDP1-2026-01');
    await expect(page.locator('.cell-records').innerText()).resolves.not.toContain('KHONG-DUOC-XUAT');
    await expect(page.locator('[data-chart="newsPostsPerQuarter"] .bar').count()).resolves.toBe(4);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    await page.screenshot({ path: join(SHOTS, 'office-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 360, height: 640 });
    await page.screenshot({ path: join(SHOTS, 'office-360.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('downloads the Word report, a zip with the year’s title and no case notes', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải báo cáo (Word)' }).click()]);
    expect(download.suggestedFilename()).toBe(`bao-cao-binh-dang-gioi-${year}.docx`);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain(`Kết quả thực hiện công tác bình đẳng giới năm ${year}`);
    expect(xml).not.toContain('KHONG-DUOC-XUAT');
  });

  it('fills what the report prints: a refused number named in Vietnamese, the missing list shrinks, the quarterly Word carries the signer', async () => {
    const downloads = page.locator('.report-downloads');
    await expect(downloads.locator('.missing-settings').first().textContent()).resolves.toContain('họ và tên người ký');
    await page.locator('.report-settings summary').click();
    const form = page.locator('.report-settings form');
    await expect(form.textContent()).resolves.toContain('tối đa 10 ký tự');
    await form.getByLabel('Số kế hoạch năm').fill('12/KH');
    await form.getByRole('button', { name: 'Lưu thông tin báo cáo' }).click();
    await expect(form.getByRole('alert').textContent()).resolves.toBe('Vui lòng kiểm tra lại: Số kế hoạch năm');
    await form.getByLabel('Số kế hoạch năm').fill('125');
    await form.getByLabel('Họ và tên người ký').fill('Nguyễn Thị Hoa');
    await form.getByLabel('Kiến nghị, đề xuất').fill('Đề nghị Sở Nội vụ tổ chức tập huấn cho cán bộ cơ sở.');
    await form.getByRole('button', { name: 'Lưu thông tin báo cáo' }).click();
    await form.getByText('Đã lưu thông tin báo cáo.').waitFor();
    const missing = await downloads.locator('.missing-settings').first().textContent();
    expect(missing).not.toContain('họ và tên người ký');
    expect(missing).not.toContain('số kế hoạch');
    expect(missing).toContain('nguyên nhân của các hạn chế');
    await page.screenshot({ path: join(SHOTS, 'office-report-settings-1280.png'), fullPage: true });
    await downloads.getByLabel('Quý').selectOption('1');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải báo cáo quý (Word)' }).click()]);
    expect(download.suggestedFilename()).toBe(`bao-cao-binh-dang-gioi-quy-1-${year}.docx`);
    const xml = await (await JSZip.loadAsync(readFileSync((await download.path())!))).file('word/document.xml')!.async('string');
    expect(xml).toContain(`Kết quả thực hiện công tác bình đẳng giới quý I năm ${year}`);
    expect(xml).toContain('Nguyễn Thị Hoa');
    expect(xml).toContain('Kế hoạch số 125/KH-UBND');
    expect(xml).toContain('Đề nghị Sở Nội vụ tổ chức tập huấn cho cán bộ cơ sở.');
  });

  it('edits a plan target, saves it on the server, and the table judges against it', async () => {
    await expect(cell('', 'newsPostsPerQuarter').getAttribute('class')).resolves.toBe('behind');
    await page.getByText('Sửa chỉ tiêu kế hoạch').click();
    const news = page.locator('.plan-editor label', { hasText: 'Tin, bài' }).locator('input');
    await news.fill('0');
    await page.getByRole('button', { name: 'Lưu kế hoạch' }).click();
    await page.getByText('Đã lưu kế hoạch.').waitFor();
    await expect(cell('', 'newsPostsPerQuarter').getAttribute('class')).resolves.toBeNull();
    // Read back through the page: its session is the HttpOnly cookie, which the test cannot read either.
    const stored = { json: () => page.evaluate((y) => fetch(`/api/v1/plans/${y}`, { headers: { 'X-Requested-With': 'so-tay' } }).then((r) => r.json()), year) };
    const body = (await stored.json()) as { saved: boolean; plan: { indicators: { id: string; target: { min: number } | null }[] } };
    expect(body.saved).toBe(true);
    expect(body.plan.indicators.find((i) => i.id === 'newsPostsPerQuarter')?.target?.min).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'office-plan-1280.png'), fullPage: true });
  });

  it('merges a unit into another, and the table counts its records there', async () => {
    await page.getByText('Thêm, sửa, cho nghỉ, sáp nhập đơn vị').click();
    await page.getByLabel('Sáp nhập vào tdp-1').selectOption('tdp-2');
    await page.locator('[data-unit="tdp-1"]').getByRole('button', { name: 'Sáp nhập', exact: true }).click();
    await page.getByText('Đã cập nhật danh sách đơn vị.').waitFor();
    await page.locator('[data-unit="tdp-1"]').getByText('Đã sáp nhập vào Tổ dân phố 2').waitFor();
    // Tổ dân phố 1's session now counts for Tổ dân phố 2, which is no longer behind.
    await expect.poll(() => cell('tdp-2', 'unitsReachedByPropaganda').innerText()).toBe('1/1');
    await expect(page.locator('tr[data-unit-id="tdp-1"]').count()).resolves.toBe(0);
    await expect(cell('', 'unitsReachedByPropaganda').innerText()).resolves.toBe('1/4 !');
    await page.screenshot({ path: join(SHOTS, 'office-units-1280.png'), fullPage: true });
  });

  it('records an inspection on the office’s own form, named field by field, and the table counts it', async ({ server }) => {
    await expect(cell('', 'inspections').innerText()).resolves.toBe('0 !');
    await page.goto(`${server.url}/#/new/inspection`);
    await page.getByRole('button', { name: 'Lưu' }).click();
    const errors = page.locator('.notice.error[role=alert]');
    await expect(errors.innerText()).resolves.toContain('Nội dung: chưa chọn');
    await expect(errors.innerText()).resolves.toContain('Đối tượng, địa bàn kiểm tra:');
    await page.getByLabel('Nội dung').selectOption('both');
    await page.getByLabel('Đối tượng, địa bàn kiểm tra').fill('UBND phường và Tổ dân phố 4');
    await page.getByLabel('Số vi phạm phát hiện').fill('0');
    await page.setViewportSize({ width: 360, height: 640 });
    await page.screenshot({ path: join(SHOTS, 'office-inspection-360.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: 'Lưu' }).click();
    // Saved on this device, the form goes back to the list; then to the office view.
    await page.waitForFunction(() => !location.hash.startsWith('#/new'));
    await page.screenshot({ path: join(SHOTS, 'office-own-records-360.png') });
    await page.goto(`${server.url}/#/office`);
    await expect.poll(() => cell('', 'inspections').innerText(), { timeout: 30_000 }).toBe('1');
  });

  it('keeps the commune’s unit types: adds one, and a new unit takes it', async () => {
    await page.locator('.unit-setup summary', { hasText: 'sáp nhập đơn vị' }).click();
    await page.getByLabel('Loại mới (ví dụ: Khóm, Làng)').fill('Khóm');
    await page.getByRole('button', { name: 'Thêm loại' }).click();
    await page.getByRole('button', { name: 'Lưu danh sách loại' }).click();
    await page.getByText('Đã lưu danh sách loại đơn vị.').waitFor();
    const add = page.locator('form.unit-add');
    await add.getByLabel('Mã đơn vị (chữ thường, số, gạch ngang)').fill('khom-1');
    await add.getByLabel('Tên đơn vị').fill('Khóm 1');
    await add.getByRole('combobox', { name: 'Loại' }).selectOption({ label: 'Khóm' });
    await add.getByLabel('Số hộ').fill('90');
    await add.getByRole('button', { name: 'Thêm đơn vị' }).click();
    await page.locator('[data-unit="nam-gia-nghia-khom-1"]').waitFor();
    await expect(page.getByLabel('Loại nam-gia-nghia-khom-1').inputValue()).resolves.toBe('khom');
    await page.setViewportSize({ width: 360, height: 640 });
    await page.locator('.unit-types').screenshot({ path: join(SHOTS, 'office-unit-types-360.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('opens offline from the phone’s database and says the downloads need a connection', async () => {
    await context.setOffline(true);
    // Nothing of the office is kept in localStorage any more: the plan, units and types come from IndexedDB.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await unlock(page);
    await page.getByRole('heading', { name: 'Theo dõi kế hoạch bình đẳng giới' }).waitFor();
    await expect.poll(() => cell('tdp-2', 'unitsReachedByPropaganda').innerText()).toBe('1/1');
    // The merge, the saved plan (news target 0) and the new unit, all from the local copy.
    await expect(page.locator('tr[data-unit-id="tdp-1"]').count()).resolves.toBe(0);
    await expect(page.locator('tr[data-unit-id="nam-gia-nghia-khom-1"]').count()).resolves.toBe(1);
    await expect(cell('', 'newsPostsPerQuarter').getAttribute('class')).resolves.toBeNull();
    await expect(cell('', 'inspections').innerText()).resolves.toBe('1');
    await page.getByText('Cần có mạng để tải báo cáo.', { exact: false }).waitFor();
    await expect(page.getByRole('button', { name: 'Tải báo cáo (Word)' }).isDisabled()).resolves.toBe(true);
    await page.screenshot({ path: join(SHOTS, 'office-offline-1280.png'), fullPage: true });
    await context.setOffline(false);
  });
});
