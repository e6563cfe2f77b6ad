// Opening the app as a village head: a 360×640 phone in Vietnam, signed in with the demo PIN.
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** 10:00 on 20/11/2026 in Vietnam: Q4, five days before the 25/11 report is due. */
export const FIXED_NOW = new Date('2026-11-20T03:00:00Z');

/** A small phone in Vietnam. */
export const PHONE = { viewport: { width: 360, height: 640 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', hasTouch: true } as const;

export async function phoneContext(browser: Browser, options: { locale?: string; userAgent?: string; deviceScaleFactor?: number } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    ...PHONE,
    locale: options.locale ?? PHONE.locale,
    userAgent: options.userAgent,
    deviceScaleFactor: options.deviceScaleFactor,
  });
  await context.clock.setFixedTime(FIXED_NOW);
  return context;
}

export async function signIn(page: Page, url: string, username = 'tdp1'): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mã PIN').fill('1234');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.locator('.sync-banner').waitFor();
}

export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
}
