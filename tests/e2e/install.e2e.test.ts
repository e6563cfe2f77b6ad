// Installing the app: a manifest Chromium accepts, real PNG icons, the Android offer after the
// first saved record, and the iPhone's Add to Home Screen steps.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { launchChromiumProfile } from './chromium.ts';
import { it } from './fixtures.ts';
import { PHONE, waitForServiceWorker } from './session.ts';

const IPHONE_SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('installing the app', () => {
  it('has a complete Vietnamese manifest whose icons are real PNGs of the stated sizes', async ({ server }) => {
    const html = await (await fetch(server.url)).text();
    const href = /<link rel="manifest" href="([^"]+)"/.exec(html)?.[1];
    expect(href).toBeDefined();
    expect(html).toContain('<link rel="apple-touch-icon" href="/apple-touch-icon.png"');
    const manifest = (await (await fetch(new URL(href!, server.url))).json()) as Record<string, unknown> & {
      icons: { src: string; sizes: string; purpose: string; type: string }[];
      screenshots: { src: string; sizes: string; form_factor: string }[];
    };
    expect(manifest).toMatchObject({
      name: 'Sổ tay Bình đẳng',
      short_name: 'Bình đẳng',
      lang: 'vi',
      start_url: '/',
      display: 'standalone',
      theme_color: '#0f5f58',
    });

    const images = [
      ...manifest.icons.filter((i) => i.type === 'image/png'),
      ...manifest.screenshots.map((s) => ({ ...s, purpose: 'screenshot' })),
      { src: '/apple-touch-icon.png', sizes: '180x180', purpose: 'apple' },
    ];
    expect(images.map((i) => `${i.sizes} ${i.purpose}`)).toEqual([
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
      '720x1280 screenshot',
      '720x1280 screenshot',
      '180x180 apple',
    ]);
    for (const image of images) {
      const response = await fetch(new URL(image.src, server.url));
      expect(response.headers.get('content-type'), image.src).toBe('image/png');
      const { width, height } = pngSize(new Uint8Array(await response.arrayBuffer()));
      expect(`${width}x${height}`, image.src).toBe(image.sizes);
    }
  });

  it('is installable in Chromium’s own judgement', async ({ server }) => {
    const profile = mkdtempSync(join(tmpdir(), 'so-tay-profile-'));
    const context = await launchChromiumProfile(profile, PHONE);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    await waitForServiceWorker(page);
    const cdp = await context.newCDPSession(page);
    const manifest = (await cdp.send('Page.getAppManifest')) as { errors: { message: string }[]; url: string };
    expect(manifest.url).toMatch(/manifest\.webmanifest$/);
    expect(manifest.errors).toEqual([]);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('offers installing on Android only after the first saved record, and “Later” puts it off', async ({ phoneAs }) => {
    const page = await phoneAs('tdp1');
    // Chromium's install event, as the browser fires it on an installable site (headless shows no dialog).
    const fireInstallEvent = () =>
      page.evaluate(() => {
        const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
          prompt: async () => void ((window as unknown as { prompted: number }).prompted = 1),
          userChoice: Promise.resolve({ outcome: 'accepted' }),
        });
        window.dispatchEvent(event);
      });
    await fireInstallEvent();
    await page.locator('[data-progress=news]').waitFor({ state: 'attached' });
    expect(await page.getByText('Cài ứng dụng lên điện thoại').count()).toBe(0);

    await page.getByRole('tab', { name: 'Tin, bài' }).click();
    await page.getByRole('link', { name: /Thêm mới: Tin, bài/ }).click();
    await page.getByLabel('Kênh đăng').selectOption('communePortal');
    await page.getByLabel('Tiêu đề').fill('Hưởng ứng Tháng hành động vì bình đẳng giới');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('heading', { name: 'Cài ứng dụng lên điện thoại' }).waitFor();
    await page.screenshot({ path: 'tests/e2e/screenshots/phone-install-android.png', fullPage: true });

    await page.getByRole('button', { name: 'Cài đặt' }).click();
    await page.waitForFunction(() => (window as unknown as { prompted?: number }).prompted === 1);
    expect(await page.getByText('Cài ứng dụng lên điện thoại').count()).toBe(0);

    await page.reload();
    await fireInstallEvent();
    await page.getByRole('button', { name: 'Để sau' }).click();
    await page.reload();
    await fireInstallEvent();
    await page.locator('[data-progress=news]').waitFor({ state: 'attached' });
    expect(await page.getByText('Cài ứng dụng lên điện thoại').count()).toBe(0);
  });

  it('shows the Share → Add to Home Screen steps on an iPhone, with why it matters', async ({ phoneAs }) => {
    const page = await phoneAs('tdp2', { userAgent: IPHONE_SAFARI });
    const card = page.locator('section.install');
    await card.getByRole('heading', { name: 'Thêm vào Màn hình chính' }).waitFor();
    const steps = await card.innerText();
    expect(steps).toContain('nút Chia sẻ');
    expect(steps).toContain('“Thêm vào Màn hình chính”');
    expect(steps).toContain('7 ngày');
    await page.screenshot({ path: 'tests/e2e/screenshots/phone-install-iphone.png', fullPage: true });
    await card.getByRole('button', { name: 'Đã hiểu' }).click();
    await page.reload();
    await page.locator('[data-progress=news]').waitFor({ state: 'attached' });
    expect(await page.locator('section.install').count()).toBe(0);
  });
});
