// A story's phone driven by Playwright (Firefox through WebDriver BiDi; Chromium would take the
// same calls): its own switch for the network, its own waiting.
import { join } from 'node:path';
import type { Page } from 'playwright-core-firefox';
import type { StoryPhone } from './phone.ts';

export function playwrightPhone(engine: string, page: Page, shots: string): StoryPhone {
  const at = (xpath: string) => page.locator(`xpath=${xpath}`).first();
  return {
    engine,
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    click: (xpath) => at(xpath).click(),
    fill: (xpath, value) => at(xpath).fill(value),
    select: async (xpath, value) => void (await at(xpath).selectOption(value)),
    waitFor: (xpath) => at(xpath).waitFor({ timeout: 60_000 }),
    count: (xpath) => page.locator(`xpath=${xpath}`).count(),
    text: (xpath) => at(xpath).innerText(),
    attribute: (xpath, name) => at(xpath).getAttribute(name),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    setOnline: (online) => page.context().setOffline(!online),
    screenshot: async (name) => void (await page.screenshot({ path: join(shots, `${engine}-${name}.png`) })),
    close: () => page.context().close(),
  };
}
