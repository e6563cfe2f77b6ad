// Help without a phone call: the header names her once, a help page says what each state of a
// record means and what to do when the app asks to sign in again, and the lock screen answers
// "Quên mã PIN?" where she is stuck.
import { mkdirSync } from 'node:fs';
import { describe, expect } from 'vitest';
import { seriousViolations, smallTouchTargets } from './a11y.ts';
import { it } from './fixtures.ts';

const SHOTS = 'tests/e2e/screenshots';

describe('help for the village head', () => {
  it('names her once, and explains the states of a record and a lost session', async ({ phoneAs }) => {
    mkdirSync(SHOTS, { recursive: true });
    const page = await phoneAs('tdp2');
    const who = page.locator('header.top p.muted');
    await who.waitFor();
    expect(await who.innerText()).toBe('Tổ trưởng Tổ dân phố 2');

    await page.getByRole('link', { name: 'Hướng dẫn' }).click();
    await page.getByRole('heading', { name: 'Bản ghi đang ở đâu?' }).waitFor();
    const states = page.locator('.help-states');
    for (const [state, meaning] of [
      ['Chỉ có trên máy này', 'Máy sẽ tự gửi khi có mạng'],
      ['Đã gửi', 'Xã đã nhận bản ghi'],
      ['Bị từ chối', 'Mở bản ghi để xem lý do'],
      ['Có bản khác trên máy chủ', 'chọn giữ bản nào'],
    ]) {
      await expect(states.locator('dt', { hasText: state }).count()).resolves.toBe(1);
      await expect(states.innerText()).resolves.toContain(meaning);
    }
    await expect(page.locator('main').innerText()).resolves.toContain('Bấm “Đăng nhập lại” khi có mạng');
    await page.screenshot({ path: `${SHOTS}/phone-help.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    expect(await smallTouchTargets(page)).toEqual([]);

    await page.getByRole('link', { name: 'Về trang chính' }).click();
    await page.locator('section.progress').waitFor();
  });

  it('answers a forgotten PIN on the lock screen', async ({ phoneAs }) => {
    const page = await phoneAs('tdp2', { autoUnlock: false });
    await page.locator('header.top').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Nhập mã PIN' }).waitFor();
    const answer = page.getByText('cán bộ sẽ cấp cho bạn một mã kích hoạt mới');
    expect(await answer.isVisible()).toBe(false);
    await page.getByText('Quên mã PIN?').click();
    await answer.waitFor();
    await page.screenshot({ path: `${SHOTS}/phone-lock-forgot-pin.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    expect(await smallTouchTargets(page)).toEqual([]);
  });
});
