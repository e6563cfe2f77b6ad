// A village head's whole day at 360×640, as she lives it: she signs in, the signal goes in the
// middle, she records each kind of her checklists (with the mistakes people make: a stray key in
// a count, 31/02, a link without https://, a case's dates out of order) and the signal comes back;
// each record reaches the server once. Every screen passes axe and is photographed; the taps of
// each kind, done right by someone who knows the app, are counted and printed.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { signInOverHttp } from '../support/api-client.ts';
import { seriousViolations } from './a11y.ts';
import { it } from './fixtures.ts';
import { openMore } from './forms.ts';

const SHOTS = 'tests/e2e/screenshots';
/** A case, done right, takes at most this many taps from the home screen (typing none). */
const CASE_TAPS_PROMISED = 12;

/** Counts what she does: a tap is one touch (a select is two: open it, choose), a field typed is one. */
class Hands {
  taps = 0;
  typed = 0;
  constructor(private readonly page: Page) {}
  async tap(target: Locator): Promise<void> {
    this.taps++;
    await target.click();
  }
  async choose(select: Locator, value: string): Promise<void> {
    this.taps += 2;
    await select.selectOption(value);
  }
  async radio(group: string, option: string): Promise<void> {
    await this.tap(this.page.getByRole('group', { name: group, exact: true }).getByRole('radio', { name: option, exact: true }));
  }
  async type(field: Locator, text: string): Promise<void> {
    this.typed++;
    await field.fill(text);
  }
}

let shotNumber = 0;
/** The screen as she sees it (the first screen, and the whole page), checked by axe. */
async function look(page: Page, name: string): Promise<void> {
  const id = String(++shotNumber).padStart(2, '0');
  await page.screenshot({ path: join(SHOTS, `day-${id}-${name}.png`) });
  await page.screenshot({ path: join(SHOTS, `day-${id}-${name}-full.png`), fullPage: true });
  expect(await seriousViolations(page), name).toEqual([]);
  // Nothing wider than the phone: no sideways scrolling.
  expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(360);
}

async function openAdd(page: Page, hands: Hands, tab: string, kind: string): Promise<void> {
  if ((await page.locator('[role=tab][aria-selected=true]').innerText()) !== tab) await hands.tap(page.getByRole('tab', { name: tab, exact: true }));
  // Wherever the home was scrolled to, the form opens at its top, its title in sight.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await hands.tap(page.getByRole('link', { name: `+ Thêm mới: ${kind}`, exact: true }));
  await page.getByRole('button', { name: 'Lưu', exact: true }).waitFor();
  expect(await page.evaluate(() => window.scrollY), `${kind} opens at its top`).toBe(0);
  const title = await page.getByRole('heading', { level: 1 }).boundingBox();
  expect(title!.y).toBeGreaterThanOrEqual(0);
}

async function save(page: Page, hands: Hands): Promise<void> {
  await hands.tap(page.getByRole('button', { name: 'Lưu', exact: true }));
  await page.locator('main.home').waitFor();
}

const errorsListed = (page: Page) => page.locator('.notice.error li').allInnerTexts();

/** Whether two boxes share any area. */
const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('a village head’s day at 360×640', () => {
  it('signs in, loses the signal, records each kind with her mistakes named, and each reaches the server once', async ({ browser, server, phoneAs }) => {
    mkdirSync(SHOTS, { recursive: true });
    const officer = await signInOverHttp(server.url, 'canbo');
    const before = (await officer.records(server.url)).length;

    // The sign-in form speaks her language, never the browser's "Please fill out this field."
    const first = await (await browser.newContext({ viewport: { width: 360, height: 640 }, locale: 'en-US' })).newPage();
    await first.goto(server.url);
    await first.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await first.getByText('Hãy nhập tên đăng nhập.').waitFor();
    expect(await first.locator('input:invalid').count()).toBe(0);
    await first.context().close();

    const page = await phoneAs('tdp1');
    await page.locator('[data-phase=idle][data-waiting="0"]').waitFor({ timeout: 30_000 });
    await page.locator('section.progress').waitFor();
    await look(page, 'home-signed-in');
    // The banner is one line when nothing needs her; the plan card folds to its title.
    expect((await page.locator('.sync-banner').boundingBox())!.height).toBeLessThanOrEqual(56);
    expect(await page.locator('section.progress details').evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);

    const counts: Record<string, { taps: number; typed: number }> = {};
    let hands = new Hands(page);

    // A propaganda session, online, with a stray key in a count: kept as typed and named.
    await openAdd(page, hands, 'Tuyên truyền', 'Buổi tuyên truyền');
    expect(await page.getByLabel('Ngày', { exact: true }).getAttribute('placeholder')).toBe('ngày/tháng/năm');
    await hands.choose(page.getByLabel('Hình thức', { exact: true }), 'villageMeeting');
    await hands.tap(page.getByRole('checkbox', { name: 'Luật Bình đẳng giới' }));
    await hands.type(page.getByLabel('Số người tham dự: nam'), '1a2');
    await hands.type(page.getByLabel('Số người tham dự: nữ'), '20');
    await hands.type(page.getByLabel('Số hộ được tuyên truyền'), '15');
    await hands.tap(page.getByRole('button', { name: 'Lưu', exact: true }));
    expect(await errorsListed(page)).toEqual(['Số người tham dự: nam: phải là số']);
    expect(await page.getByLabel('Số người tham dự: nam').inputValue()).toBe('1a2');
    await look(page, 'session-count-mistake');
    await hands.type(page.getByLabel('Số người tham dự: nam'), '12');
    await save(page, hands);
    // Done right, without the mistake: what she taps and types.
    counts.session = { taps: hands.taps - 1, typed: hands.typed - 1 };

    // The signal goes in the middle of her day: the banner says so at once.
    await page.context().setOffline(true);
    await page.locator('[data-phase=offline]').waitFor({ timeout: 5_000 });
    await look(page, 'home-offline');

    // A news post: an impossible day and a link without https://, both named in one pass.
    hands = new Hands(page);
    await openAdd(page, hands, 'Tin, bài', 'Tin, bài');
    await hands.choose(page.getByLabel('Kênh đăng'), 'communePortal');
    await hands.type(page.getByLabel('Tiêu đề'), 'Hưởng ứng Tháng hành động vì bình đẳng giới');
    await page.getByLabel('Ngày', { exact: true }).fill('31/02/2026');
    await page.getByLabel('Đường dẫn (nếu có)').fill('xa.gov.vn/tin-bai');
    await page.getByLabel('Ghi chú').fill('Đăng cả trên loa');
    expect(await page.locator('[data-field=note] .char-count').innerText()).toBe('16/1.000');
    expect(await page.locator('[data-field=note] .hint').innerText()).toBe('Tối đa 1.000 ký tự');
    expect(await page.locator('[data-field=link] .hint').innerText()).toBe('Địa chỉ bắt đầu bằng https://');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    expect(await errorsListed(page)).toEqual(['Ngày: ngày không có thật', 'Đường dẫn (nếu có): địa chỉ phải bắt đầu bằng https://']);
    await look(page, 'news-mistakes');
    await page.getByLabel('Ngày', { exact: true }).fill('19/11/2026');
    await page.getByLabel('Đường dẫn (nếu có)').fill('https://xa.gov.vn/tin-bai');
    await save(page, hands);
    counts.newsPost = { taps: hands.taps, typed: hands.typed };

    // A violence case, first with its dates out of order and parts missing: every mistake named at once.
    hands = new Hands(page);
    await openAdd(page, hands, 'Vụ việc', 'Vụ việc bạo lực');
    await look(page, 'case-form');
    await page.getByRole('group', { name: 'Tình trạng xử lý', exact: true }).getByRole('radio', { name: 'Đã xác minh', exact: true }).check();
    // The step's date is offered as it is reached: today, which she may change.
    expect(await page.getByLabel('Ngày xác minh').inputValue()).toBe('20/11/2026');
    await page.getByLabel('Ngày xác minh').fill('18/11/2026');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    const caseErrors = await errorsListed(page);
    expect(caseErrors).toContain('Hành vi bạo lực: chọn ít nhất một mục');
    expect(caseErrors).toContain('Giới tính nạn nhân: chưa chọn');
    expect(caseErrors).toContain('Ngày xác minh: không được trước ngày của bước trước');
    await look(page, 'case-mistakes');
    await page.getByLabel('Ngày xác minh').fill('20/11/2026');
    await page.getByRole('group', { name: 'Tình trạng xử lý', exact: true }).getByRole('radio', { name: 'Đã tiếp nhận', exact: true }).check();
    // Done right from here: the taps of a case for someone who knows the app.
    hands.taps = 2; // the tab and "Thêm mới", already tapped
    await hands.tap(page.getByRole('checkbox', { name: 'Bạo lực thể chất' }));
    await hands.radio('Giới tính nạn nhân', 'Nữ');
    await hands.radio('Độ tuổi nạn nhân', 'Từ 16 đến 59 tuổi');
    await hands.radio('Giới tính người gây bạo lực', 'Nam');
    await hands.choose(page.getByLabel('Quan hệ với nạn nhân'), 'spouse');
    await openMore(page);
    await look(page, 'case-more-open');
    expect(await page.getByLabel('Người báo tin').inputValue()).toBe('villageHead');
    await save(page, hands);
    counts.violenceCase = { taps: hands.taps, typed: hands.typed };

    // A contact point and a prevention model.
    hands = new Hands(page);
    await openAdd(page, hands, 'Đầu mối', 'Địa chỉ tin cậy, đầu mối tiếp nhận tin báo');
    await hands.choose(page.getByLabel('Người làm đầu mối'), 'womenUnion');
    await look(page, 'contact-point-form');
    await save(page, hands);
    counts.contactPoint = { taps: hands.taps, typed: hands.typed };

    hands = new Hands(page);
    await openAdd(page, hands, 'Mô hình', 'Mô hình phòng, chống bạo lực');
    await hands.choose(page.getByLabel('Loại mô hình'), 'club');
    await hands.type(page.getByLabel('Tên mô hình'), 'Câu lạc bộ gia đình hạnh phúc');
    await look(page, 'model-form');
    await save(page, hands);
    counts.preventionModel = { taps: hands.taps, typed: hands.typed };

    await page.locator('[data-record-id]').first().waitFor();
    await look(page, 'home-list-offline');

    // The signal comes back: everything goes, once each.
    const ids = new Set<string>();
    for (const tab of ['Tuyên truyền', 'Tin, bài', 'Vụ việc', 'Đầu mối', 'Mô hình']) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      await page.locator('[data-record-id]').first().waitFor();
      for (const id of await page.locator('[data-record-id]').evaluateAll((els) => els.map((el) => el.getAttribute('data-record-id')!))) ids.add(id);
    }
    expect(ids.size).toBe(5);
    await page.context().setOffline(false);
    await page.locator('[data-phase=idle][data-waiting="0"]').waitFor({ timeout: 30_000 });
    // Her list on the first screen: the newest row within 360×640, the add button over no other button.
    await page.evaluate(() => window.scrollTo(0, 0));
    await look(page, 'home-all-sent');
    const row = (await page.locator('[data-record-id]').first().boundingBox())!;
    expect(row.y).toBeGreaterThanOrEqual(0);
    expect(row.y + row.height).toBeLessThanOrEqual(640);
    const add = (await page.getByRole('link', { name: /^\+ Thêm mới/ }).boundingBox())!;
    for (const button of await page.locator('button, a.secondary, a.tab, .record-item').all()) {
      const box = await button.boundingBox();
      if (box) expect(overlap(add, box), `the add button over “${await button.innerText()}”`).toBe(false);
    }

    const held = (await officer.records(server.url)).filter((r) => ids.has(r.id));
    expect(held.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect((await officer.records(server.url)).length).toBe(before + 5);

    console.log(
      `Taps at 360×640, from the home screen, done right (a select counts 2):\n${Object.entries(counts)
        .map(([kind, c]) => `  ${kind}: ${c.taps} taps, ${c.typed} fields typed`)
        .join('\n')}`,
    );
    expect(counts.violenceCase!.taps).toBeLessThanOrEqual(CASE_TAPS_PROMISED);
    expect(counts.violenceCase!.typed).toBe(0);
  });
});
