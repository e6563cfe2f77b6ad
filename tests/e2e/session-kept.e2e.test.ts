// A site served over plain http on a real host name: the browser refuses the server's `Secure`
// session cookie (WebKit does so even on http://127.0.0.1), so the sign-in answers well and every
// call after it would get 401. The phone checks the session right after signing in and says
// why in Vietnamese instead of opening an app that can never send a record.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { launchChromium } from './chromium.ts';
import { it } from './fixtures.ts';
import { DEMO_PIN, PHONE } from './session.ts';
import { vi as catalogue } from '../../src/app/i18n/vi.ts';

// A name that is not localhost: http on it is not a secure origin, as a deployment without TLS is.
const HOST = 'so-tay.test';
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium([`--host-resolver-rules=MAP ${HOST} 127.0.0.1`]);
});

afterAll(async () => {
  await browser.close();
});

describe('signing in where the browser does not keep the session', () => {
  it('says that the site must be opened over HTTPS, and does not open the app', async ({ server }) => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const address = server.url.replace('127.0.0.1', HOST);
    await page.goto(address);
    await page.getByLabel('Tên đăng nhập').fill('tdp1');
    await page.getByLabel('Mã PIN').fill(DEMO_PIN);
    const signedIn = page.waitForResponse((response) => response.url().endsWith('/api/v1/sessions'));
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    // The server did sign her in; the browser did not keep what it sent.
    expect((await signedIn).status()).toBe(200);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toBe(catalogue.signIn.sessionNotKept);
    expect(await alert.innerText()).toContain('HTTPS');
    await page.screenshot({ path: 'tests/e2e/screenshots/session-not-kept.png' });
    expect(await page.locator('.sync-banner').count()).toBe(0);
    expect(await context.cookies(address)).toEqual([]);
    await context.close();
  });

  it('opens the app as usual where the session is kept (http://127.0.0.1 in Chromium)', async ({ server }) => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByLabel('Tên đăng nhập').fill('tdp1');
    await page.getByLabel('Mã PIN').fill(DEMO_PIN);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.locator('.sync-banner').waitFor();
    expect(await page.getByText(catalogue.signIn.sessionNotKept).count()).toBe(0);
    await context.close();
  });
});
