// Review in two browsers against the real server: a village head submits the quarter, the
// officer sends it back with a comment, the phone shows why, then submit again and accept.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { dayInVietnam, quarterKey, quarterOf } from '../../src/domain/index.ts';
import { it, openOffice, openPhone } from './fixtures.ts';
import { signIn, unlock } from './session.ts';

const SHOTS = 'tests/e2e/screenshots';
const quarter = quarterKey(quarterOf(dayInVietnam(new Date())));
let phone: Page;
let office: Page;

const banner = () => phone.locator('[data-review-status]');
const unitReview = () => office.locator('[data-review-unit="tdp-1"]');

it.beforeAll(async ({ browser }) => {
  mkdirSync(SHOTS, { recursive: true });
  // The real clock: the quarter under review is today's.
  phone = await openPhone(browser, { clock: 'real' });
  office = await openOffice(browser);
});

describe('reviewing a quarter', () => {
  it('a village head submits the quarter', async ({ server }) => {
    await signIn(phone, server.url, 'tdp1', { autoUnlock: false });
    await expect.poll(() => banner().getAttribute('data-review-status')).toBe('none');
    await phone.getByRole('button', { name: /để cán bộ duyệt/ }).click();
    await expect.poll(() => banner().getAttribute('data-review-status')).toBe('submitted');
  });

  it('the officer sends it back with a comment, and the phone shows why', async ({ server }) => {
    await signIn(office, server.url, 'canbo', { autoUnlock: false });
    await office.getByRole('heading', { name: 'Theo dõi kế hoạch bình đẳng giới' }).waitFor();
    // Whatever period the office shows, the waiting list names the quarter sent and opens it.
    await office.evaluate(() => (location.hash = '#/office?p=2025'));
    await office.locator(`[data-waiting-review="tdp-1 ${quarter}"] a`).click();
    await expect.poll(() => office.url()).toContain(`p=${quarter}`);
    await expect.poll(() => unitReview().getAttribute('data-review-status')).toBe('submitted');
    await unitReview().getByRole('button', { name: 'Trả lại' }).click();
    await unitReview().getByText('Hãy ghi lý do trả lại.').waitFor();
    await unitReview().getByRole('textbox').fill('Thiếu số hộ của buổi họp tổ');
    await unitReview().getByRole('button', { name: 'Trả lại' }).click();
    await expect.poll(() => unitReview().getAttribute('data-review-status')).toBe('returned');
    // Decided: no longer waiting.
    await expect.poll(() => office.locator('[data-waiting-review]').count()).toBe(0);

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
