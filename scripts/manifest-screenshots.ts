// Takes the manifest's phone screenshots (360×640 at 2×) from the built app on the real
// server, with demo records. Run after a visible change: npm run build && npm run screenshots
import { launchChromium } from '../tests/e2e/chromium.ts';
import { startServer } from '../tests/support/server-process.ts';
import { phoneContext, signIn } from '../tests/e2e/session.ts';

const server = await startServer();
const browser = await launchChromium();
try {
  const context = await phoneContext(browser, { deviceScaleFactor: 2 });
  const page = await context.newPage();
  await signIn(page, server.url);

  await page.getByRole('link', { name: /Thêm mới: Buổi tuyên truyền/ }).click();
  await page.getByLabel('Hình thức').selectOption('villageMeeting');
  await page.getByRole('checkbox', { name: 'Luật Bình đẳng giới' }).check();
  await page.getByLabel('Số người tham dự: nam').fill('18');
  await page.getByLabel('Số người tham dự: nữ').fill('27');
  await page.getByLabel('Số hộ được tuyên truyền').fill('41');
  await page.evaluate(() => scrollTo(0, 0));
  await page.screenshot({ path: 'public/screenshots/propaganda-form.png' });
  await page.getByRole('button', { name: 'Lưu' }).click();

  for (const title of ['Hưởng ứng Ngày Gia đình Việt Nam 28/6', 'Tháng hành động vì bình đẳng giới']) {
    await page.getByRole('tab', { name: 'Tin, bài' }).click();
    await page.getByRole('link', { name: /Thêm mới: Tin, bài/ }).click();
    await page.getByLabel('Kênh đăng').selectOption('loudspeaker');
    await page.getByLabel('Tiêu đề').fill(title);
    await page.getByRole('button', { name: 'Lưu' }).click();
  }
  await page.locator('[data-record-id]').nth(1).waitFor();
  await page.locator('[data-phase=idle][data-waiting="0"]').waitFor({ timeout: 30_000 });
  // The Android install offer is for a real phone, not for the picture of the app.
  await page.evaluate(() => document.querySelector('section.install')?.remove());
  await page.screenshot({ path: 'public/screenshots/home.png' });
  console.log('public/screenshots/home.png, public/screenshots/propaganda-form.png (720×1280)');
} finally {
  await browser.close();
  await server.stop();
}
