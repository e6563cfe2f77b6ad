// Review in two browsers against the real server: a village head submits the quarter, the
// officer sends it back with a comment, the phone shows why, then submit again and accept.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayInVietnam, quarterKey, quarterOf } from '../../src/domain/index.ts';
import { launchChromium } from './chromium.ts';
import { unlock } from './session.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

const SHOTS = 'tests/e2e/screenshots';
const quarter = quarterKey(quarterOf(dayInVietnam(new Date())));
let server: RunningServer;
let browser: Browser;
let phone: Page;
let office: Page;

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(server.url);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mã PIN').fill('1234');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

const banner = () => phone.locator('[data-review-status]');
const unitReview = () => office.locator('[data-review-unit="tdp-1"]');

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  const options = { locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' };
  phone = await (await browser.newContext({ ...options, viewport: { width: 360, height: 640 } })).newPage();
  office = await (await browser.newContext({ ...options, viewport: { width: 1280, height: 800 } })).newPage();
  office.on('dialog', (dialog) => void dialog.accept());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('reviewing a quarter', () => {
  it('a village head submits the quarter', async () => {
    await signIn(phone, 'tdp1');
    await expect.poll(() => banner().getAttribute('data-review-status')).toBe('none');
    await phone.getByRole('button', { name: /để cán bộ duyệt/ }).click();
    await expect.poll(() => banner().getAttribute('data-review-status')).toBe('submitted');
  });

  it('the officer sends it back with a comment, and the phone shows why', async () => {
    await signIn(office, 'canbo');
    await office.getByRole('heading', { name: 'Theo dõi kế hoạch bình đẳng giới' }).waitFor();
    await office.goto(`${server.url}/#/office?p=${quarter}`);
    await expect.poll(() => unitReview().getAttribute('data-review-status')).toBe('submitted');
    await unitReview().getByRole('button', { name: 'Trả lại' }).click();
    await unitReview().getByText('Hãy ghi lý do trả lại.').waitFor();
    await unitReview().getByRole('textbox').fill('Thiếu số hộ của buổi họp tổ');
    await unitReview().getByRole('button', { name: 'Trả lại' }).click();
    await expect.poll(() => unitReview().getAttribute('data-review-status')).toBe('returned');

    await phone.reload();
    await unlock(phone);
    await expect.poll(() => banner().getAttribute('data-review-status')).toBe('returned');
    await phone.getByText('Cán bộ trả lại: Thiếu số hộ của buổi họp tổ').waitFor();
    await phone.screenshot({ path: join(SHOTS, 'review-returned-360.png'), fullPage: true });
  });

  it('submitted again and accepted, with the history kept', async () => {
    await phone.getByRole('button', { name: /để cán bộ duyệt/ }).click();
    await expect.poll(() => banner().getAttribute('data-review-status')).toBe('submitted');
    await office.reload();
    await unlock(office);
    await expect.poll(() => unitReview().getAttribute('data-review-status')).toBe('submitted');
    await unitReview().getByRole('button', { name: 'Duyệt' }).click();
    await expect.poll(() => unitReview().getAttribute('data-review-status')).toBe('accepted');
    await expect(unitReview().locator('.review-history li').count()).resolves.toBe(4);
    await office.screenshot({ path: join(SHOTS, 'review-office-1280.png'), fullPage: true });
    await phone.reload();
    await unlock(phone);
    await expect.poll(() => banner().getAttribute('data-review-status')).toBe('accepted');
  });
});
