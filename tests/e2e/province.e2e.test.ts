// The province account in Chromium against the real server process seeded with the demo
// province (two wards of Lâm Đồng): it lands on the communes × indicators table computed by
// the server, with the cells behind target marked and the ward that has sent nothing named;
// the quarter picker changes the period; no record of any ward reaches the page.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import type { Change } from '../../src/domain/index.ts';
import { dayInVietnam, quarterOf } from '../../src/domain/index.ts';
import { complaint, newsPost, propagandaSession, upsertOf } from '../fixtures/records.ts';
import { signInOverHttp } from '../support/api-client.ts';
import { seriousViolations } from './a11y.ts';
import { it, openOffice } from './fixtures.ts';
import { DEMO_PIN } from './session.ts';

const SHOTS = 'tests/e2e/screenshots';
const today = dayInVietnam(new Date());
const current = quarterOf(today);
let page: Page;

async function pushAs(url: string, username: string, changes: Change[]): Promise<void> {
  const device = await signInOverHttp(url, username);
  expect((await device.push(url, changes)).status).toBe(200);
}

const cell = (communeId: string, indicator: string) => page.locator(`tr[data-commune-id="${communeId}"] td[data-indicator="${indicator}"]`);

it.beforeAll(async ({ server, browser }) => {
  mkdirSync(SHOTS, { recursive: true });
  // Nam Gia Nghĩa: a session in Tổ dân phố 1 today and four portal posts this quarter; Bắc Gia Nghĩa sends nothing.
  await pushAs(server.url, 'tdp1', [upsertOf(propagandaSession({ date: today, note: 'GHI-CHU-THON' }), 1)]);
  await pushAs(
    server.url,
    'canbo',
    [1, 2, 3, 4].map((n) => upsertOf(newsPost({ date: today, title: `TIN-BAI-${n}` }), n)),
  );
  // … and two complaints received today, one handled today: the commune's own work is in the province view too.
  await pushAs(server.url, 'canbo', [
    upsertOf(complaint({ date: today, handledOn: today, note: 'GHI-CHU-KHIEU-NAI' }), 1),
    upsertOf(complaint({ date: today, handledOn: undefined }), 2),
  ]);
  page = await openOffice(browser);
});

describe('the province account', () => {
  it("signs in to the communes' figures, computed by the server, with what is behind marked", async ({ server }) => {
    await page.goto(server.url);
    await page.getByLabel('Tên đăng nhập').fill('tinh');
    await page.getByLabel('Mã PIN').fill(DEMO_PIN);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Chỉ tiêu bình đẳng giới các xã, phường' }).waitFor();
    await page.getByText('Sở Nội vụ · Tỉnh Lâm Đồng').waitFor();
    await cell('nam-gia-nghia', 'unitsReachedByPropaganda').waitFor();
    // One of the ward's five groups reached: behind the plan's 100 %.
    await expect(cell('nam-gia-nghia', 'unitsReachedByPropaganda').innerText()).resolves.toBe('1/5 !');
    await expect(cell('nam-gia-nghia', 'unitsReachedByPropaganda').getAttribute('class')).resolves.toBe('behind');
    await expect(cell('nam-gia-nghia', 'newsPostsPerQuarter').innerText()).resolves.toMatch(/^4/);
    await expect(cell('nam-gia-nghia', 'complaintsHandled').innerText()).resolves.toMatch(/^1\/2/);
    // Every indicator has a column: none is left as "no data in the province view".
    await expect(page.locator('tr[data-commune-id="nam-gia-nghia"] td[data-indicator]').count()).resolves.toBe(12);
    await expect(page.getByText('Chưa có số liệu trên ứng dụng').count()).resolves.toBe(0);
    await expect(page.locator('[data-not-reported]').getAttribute('data-not-reported')).resolves.toBe('bac-gia-nghia');
    await expect(page.locator('tr[data-commune-id="bac-gia-nghia"] th').innerText()).resolves.toContain('chưa có số liệu');
    // Aggregates only: no note or title of any record.
    const html = await page.content();
    for (const text of ['GHI-CHU-THON', 'TIN-BAI-', 'GHI-CHU-KHIEU-NAI']) expect(html).not.toContain(text);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'province-1280.png'), fullPage: true });
  });

  it('changes the period with the quarter picker', async () => {
    await page.getByRole('tab', { name: `Quý ${['I', 'II', 'III', 'IV'][current.quarter - 1]}` }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/province?p=${current.year}-Q${current.quarter}`);
    await page.getByRole('heading', { name: `Xã, phường chưa có số liệu quý ${['I', 'II', 'III', 'IV'][current.quarter - 1]}/${current.year}` }).waitFor();
    await expect(cell('nam-gia-nghia', 'newsPostsPerQuarter').innerText()).resolves.toBe('4');
    await page.setViewportSize({ width: 360, height: 640 });
    // Nothing wider than the phone: only the table scrolls sideways, inside its frame.
    // Nothing wider than the phone: only the table scrolls sideways, inside its frame.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'province-360.png'), fullPage: true });
  });
});
