// Opening the app as a village head (a 360×640 phone in Vietnam) or the officer (a desk screen),
// signed in with the demo PIN.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PIN } from '../../server/store/demo.ts';

export { DEMO_PIN };

/** 10:00 on 20/11/2026 in Vietnam: Q4, five days before the 25/11 report is due. */
export const FIXED_NOW = new Date('2026-11-20T03:00:00Z');

/** A small phone in Vietnam. */
export const PHONE = { viewport: { width: 360, height: 640 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', hasTouch: true } as const;

export interface PhoneOptions {
  locale?: string;
  userAgent?: string;
  deviceScaleFactor?: number;
  /** The page's clock, fixed at FIXED_NOW unless a suite needs the real day (`'real'`). */
  clock?: 'fixed' | 'real';
}

export async function phoneContext(browser: Browser, options: PhoneOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    ...PHONE,
    locale: options.locale ?? PHONE.locale,
    userAgent: options.userAgent,
    deviceScaleFactor: options.deviceScaleFactor,
  });
  if (options.clock !== 'real') await context.clock.setFixedTime(FIXED_NOW);
  return context;
}

/** The officer's desk: a 1280×800 screen in Vietnam, the real clock. */
export const OFFICE = { viewport: { width: 1280, height: 800 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' } as const;

export async function signIn(page: Page, url: string, username = 'tdp1', options: { autoUnlock?: boolean } = {}): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mã PIN').fill(DEMO_PIN);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.locator('.sync-banner').waitFor();
  // The app asks for the PIN each time it opens: suites about other things type it whenever it shows.
  if (options.autoUnlock ?? true) await page.addLocatorHandler(page.getByRole('heading', { name: 'Nhập mã PIN' }), () => typePin(page));
}

/** Types the PIN on the lock screen's digit buttons and opens. */
export async function typePin(page: Page, pin = DEMO_PIN): Promise<void> {
  for (const digit of pin) await page.getByRole('button', { name: `Số ${digit}`, exact: true }).click();
  await page.getByRole('button', { name: 'Mở', exact: true }).click();
}

/** After a reload: the lock screen, then the signed-in app. */
export async function unlock(page: Page, pin = DEMO_PIN): Promise<void> {
  const lock = page.getByRole('heading', { name: 'Nhập mã PIN' });
  await lock.waitFor();
  await typePin(page, pin);
  await lock.waitFor({ state: 'detached' });
}

export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
}
