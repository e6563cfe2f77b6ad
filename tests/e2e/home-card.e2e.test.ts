// The village head's home card and lists in Chromium against the real server process: the
// plan the officer saved reaches the card at the next sync (the commune's news target as the
// commune's, the unit deadline moved to 15/12 with the days left) and stays after an offline
// reload; a contact point set up in Q1 and still serving is on the Q3 list, and "Quý này"
// comes back to the current quarter. The phone's clock is FIXED_NOW: 20/11/2026, quarter 4.
import { mkdirSync } from 'node:fs';
import { describe, expect } from 'vitest';
import { dayInVietnam, quarterOf } from '../../src/domain/index.ts';
import { defaultPlan, type Plan } from '../../src/domain/plan/index.ts';
import { contactPoint, newsPost, propagandaSession, upsertOf } from '../fixtures/records.ts';
import { signInOverHttp } from '../support/api-client.ts';
import { it } from './fixtures.ts';
import { waitForServiceWorker } from './session.ts';
import { openPlanCard } from './forms.ts';

const SHOTS = 'tests/e2e/screenshots';

/** Seed 000's defaults, but 2 news posts a quarter and the units' reports due on 15/12. */
function officersPlan(): Plan {
  const plan = defaultPlan('nam-gia-nghia', 2026);
  return {
    ...plan,
    deadlines: { ...plan.deadlines, unitsToCommune: '2026-12-15' },
    indicators: plan.indicators.map((i) => (i.id === 'newsPostsPerQuarter' ? { ...i, target: { kind: 'countPerQuarter', min: 2 } } : i)),
  };
}

describe('the home card', () => {
  it('shows the plan the officer saved after a sync, and still shows it offline after a reload', async ({ server, phoneAs }) => {
    mkdirSync(SHOTS, { recursive: true });
    const page = await phoneAs('tdp1');
    const card = page.locator('section.progress');
    await openPlanCard(page);
    // Before the officer saves anything: the seeds' 25/11, 5 days ahead, and 4 posts a quarter.
    await card.locator('[data-deadline=unitsToCommune]').waitFor();
    expect(await card.locator('[data-deadline=unitsToCommune]').innerText()).toBe('Hạn gửi báo cáo lên xã: 25/11/2026, còn 5 ngày.');
    expect(await card.locator('[data-progress=news]').innerText()).toMatch(/^Tin, bài quý 4: ít nhất 4\/quý/);

    const officer = await signInOverHttp(server.url, 'canbo');
    expect((await officer.call(server.url, 'PUT', '/api/v1/plans/2026', officersPlan())).status).toBe(200);

    // The next sync (the app opening again) brings the plan to the phone.
    await waitForServiceWorker(page);
    await page.reload();
    const deadline = card.locator('[data-deadline=unitsToCommune]');
    await page.locator('section.progress[data-plan-saved=true]').waitFor();
    expect(await deadline.innerText()).toBe('Hạn gửi báo cáo lên xã: 15/12/2026, còn 25 ngày.');
    expect(await card.locator('[data-progress=news]').innerText()).toMatch(/^Tin, bài quý 4: ít nhất 2\/quý\s*đã góp 0$/);
    // Tổ dân phố 1 has no propaganda session, no contact point yet: what it still owes.
    expect(await card.locator('[data-progress=propaganda]').innerText()).toMatch(/^Tuyên truyền năm 2026: 0 buổi\s*Còn thiếu 1$/);
    expect(await card.locator('[data-progress=unitsWithContactPoint]').innerText()).toMatch(/^Đầu mối tiếp nhận tin báo: chưa có\s*Còn thiếu 1$/);
    // The commune's target is headed as the commune's.
    expect(await card.locator('h3').innerText()).toBe('Chỉ tiêu của xã, Tổ dân phố 1 góp vào');
    await page.screenshot({ path: `${SHOTS}/phone-home-card.png`, fullPage: true });

    await page.context().setOffline(true);
    await page.reload();
    await page.locator('section.progress[data-plan-saved=true]').waitFor();
    expect(await deadline.innerText()).toBe('Hạn gửi báo cáo lên xã: 15/12/2026, còn 25 ngày.');
    expect(await card.locator('[data-progress=news]').innerText()).toContain('ít nhất 2/quý');
  });

  it('says the deadline has passed once the day is over', async ({ server, phoneAs }) => {
    const officer = await signInOverHttp(server.url, 'canbo');
    const plan = officersPlan();
    // A deadline already behind 20/11: 15/11.
    expect(
      (await officer.call(server.url, 'PUT', '/api/v1/plans/2026', { ...plan, deadlines: { ...plan.deadlines, unitsToCommune: '2026-11-15' } })).status,
    ).toBe(200);
    const page = await phoneAs('tdp2');
    const deadline = page.locator('section.progress[data-plan-saved=true] [data-deadline=unitsToCommune]');
    await deadline.waitFor();
    expect(await deadline.innerText()).toBe('Hạn gửi báo cáo lên xã: 15/11/2026, đã quá hạn 5 ngày.');
    expect(await deadline.getAttribute('data-state')).toBe('overdue');
  });
});

describe('a contact point that keeps serving', () => {
  it('is on the list of every quarter it serves, and “Quý này” comes back to quarter 4', async ({ server, phoneAs }) => {
    const head = await signInOverHttp(server.url, 'tdp3');
    const point = contactPoint({ unitId: 'tdp-3', reporterId: 'tdp3', date: '2026-02-10' });
    expect((await head.push(server.url, [upsertOf(point, 1)])).status).toBe(200);
    const page = await phoneAs('tdp3');
    const item = page.locator(`[data-record-id="${point.id}"]`);

    await page.goto(`${server.url}/#/?k=contactPoint&q=2026-Q3`);
    await page.locator('.quarter-nav strong', { hasText: 'Quý 3/2026' }).waitFor();
    await item.waitFor();
    await page.screenshot({ path: `${SHOTS}/phone-home-q3-contact-point.png`, fullPage: true });
    // Not before it was set up.
    await page.goto(`${server.url}/#/?k=contactPoint&q=2025-Q4`);
    await page.locator('.quarter-nav strong', { hasText: 'Quý 4/2025' }).waitFor();
    await page.getByText('Chưa có bản ghi nào trong quý này.').waitFor();
    expect(await item.count()).toBe(0);

    await page.getByRole('button', { name: 'Quý này' }).click();
    await page.locator('.quarter-nav strong', { hasText: 'Quý 4/2026' }).waitFor();
    await item.waitFor();
    expect(new URL(page.url()).hash).toBe('#/?k=contactPoint');
    // On the current quarter there is nothing to come back to.
    expect(await page.getByRole('button', { name: 'Quý này' }).count()).toBe(0);
  });
});

describe('the officer’s records screen', () => {
  it('says what the dashboard says for the commune, from the same table', async ({ server, officeAs }) => {
    // The desk runs on the real clock: records of today fall in the current quarter.
    const today = dayInVietnam(new Date());
    const { year, quarter } = quarterOf(today);
    const officer = await signInOverHttp(server.url, 'canbo');
    expect((await officer.push(server.url, [upsertOf(newsPost({ date: today }), 1)])).status).toBe(200);
    const head = await signInOverHttp(server.url, 'tdp1');
    const changes = [upsertOf(newsPost({ unitId: 'tdp-1', reporterId: 'tdp1', date: today }), 1), upsertOf(propagandaSession({ date: today }), 2)];
    expect((await head.push(server.url, changes)).status).toBe(200);

    const page = await officeAs();
    const total = (id: string) => page.locator(`tr[data-unit-id=""] td[data-indicator="${id}"]`);
    await page.goto(`${server.url}/#/office?p=${year}-Q${quarter}`);
    // Two posts this quarter: the ward's and Tổ dân phố 1's.
    await expect.poll(() => total('newsPostsPerQuarter').innerText(), { timeout: 30_000 }).toBe('2');
    await page.goto(`${server.url}/#/office?p=${year}`);
    // One of the ward's five residential groups reached this year ("!": behind the plan's 100%).
    await expect.poll(() => total('unitsReachedByPropaganda').innerText()).toBe('1/5 !');

    await page.getByRole('link', { name: 'Ghi chép của cơ quan' }).click();
    const card = page.locator('section.progress');
    await openPlanCard(page);
    await expect.poll(() => card.locator('[data-progress=news]').getAttribute('data-done')).toBe('2');
    expect(await card.locator('[data-progress=propaganda]').innerText()).toMatch(/^Thôn, tổ được tuyên truyền: 1 \/ 5\s*Còn thiếu 4$/);
    expect(await card.locator('h3').innerText()).toBe('Chỉ tiêu đếm của xã');
  });
});
