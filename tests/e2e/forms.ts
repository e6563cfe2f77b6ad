// Filling the record forms as a village head taps them: a choice of a few options is a radio
// group (one tap), the rare parts of a form open under "Thêm thông tin"; the home's plan card,
// folded to a line, opens with a tap.
import type { Page } from 'playwright-core';

/** Taps `option` in the radio group `group` ("Giới tính nạn nhân" → "Nữ"). */
export async function choose(page: Page, group: string, option: string): Promise<void> {
  await page.getByRole('group', { name: group, exact: true }).getByRole('radio', { name: option, exact: true }).check();
}

/** Opens the folded part of a form, if it is not open yet. */
export async function openMore(page: Page): Promise<void> {
  const more = page.locator('details.more-fields');
  if (!(await more.evaluate((el) => (el as HTMLDetailsElement).open))) await more.locator('summary').click();
}

/** Opens the home's plan card in full (it stays open on this phone until folded again). */
export async function openPlanCard(page: Page): Promise<void> {
  const card = page.locator('section.progress details');
  await card.waitFor({ state: 'attached' });
  if (!(await card.evaluate((el) => (el as HTMLDetailsElement).open))) await card.locator('summary').click();
}
