// The app under its Content-Security-Policy (no inline script or style) in Chromium, against
// the real server process: the page, the worker, the village head's form and the officer's
// charts (style props) all work, and the browser reports no violation at all.
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { it } from './fixtures.ts';
import { OFFICE, phoneContext, signIn, waitForServiceWorker } from './session.ts';

const violations: string[] = [];

/** A context whose pages report every CSP violation, by event and by console message. */
async function watchedPage(context: BrowserContext): Promise<Page> {
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy|CSP violation|Refused to/i.test(message.text())) violations.push(message.text());
  });
  return page;
}

describe('the app under its Content-Security-Policy', () => {
  it('is built with no inline script, style or style attribute in the page', () => {
    const html = readFileSync('dist/index.html', 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style/);
    expect(html).not.toMatch(/\sstyle=/);
  });

  it('serves the page with the policy and the other headers', async ({ server }) => {
    const response = await fetch(server.url);
    expect(response.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    expect(response.headers.get('Content-Security-Policy')).not.toContain('unsafe-inline');
    expect(response.headers.get('Referrer-Policy')).toBe('no-referrer');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('lets a village head sign in, save a record and send it, with no violation', async ({ server, browser }) => {
    const context = await phoneContext(browser);
    const page = await watchedPage(context);
    await signIn(page, server.url);
    await waitForServiceWorker(page);
    await page.goto(`${server.url}/#/new/newsPost`);
    await page.getByLabel('Kênh đăng').selectOption('communePortal');
    await page.getByLabel('Tiêu đề').fill('Ngày Gia đình Việt Nam');
    await page.getByLabel('Ngày', { exact: true }).fill('19/11/2026');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.locator('[data-record-id]').first().waitFor();
    await page.locator('[data-phase=idle][data-waiting="0"]').waitFor({ timeout: 30_000 });
    await page.reload();
    await page.locator('[data-record-id]').first().waitFor();
    await context.close();
    expect(violations).toEqual([]);
  });

  it("shows the officer's office with its charts (style props), with no violation", async ({ server, browser }) => {
    const context = await browser.newContext(OFFICE);
    const page = await watchedPage(context);
    await signIn(page, server.url, 'canbo');
    await page.getByRole('heading', { name: 'Theo dõi kế hoạch bình đẳng giới' }).waitFor();
    await page.locator('[data-chart="newsPostsPerQuarter"] .bar').first().waitFor();
    const height = await page
      .locator('[data-chart="newsPostsPerQuarter"] .bar')
      .first()
      .evaluate((bar) => (bar as HTMLElement).style.height);
    expect(height).toMatch(/%$/);
    await context.close();
    expect(violations).toEqual([]);
  });
});
