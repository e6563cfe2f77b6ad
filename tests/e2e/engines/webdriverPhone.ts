// A story's phone driven by WebDriver classic (WebKit): no offline switch, so the network is
// the test's proxy, cut and restored; screenshots of the window as it is.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { By, until, type WebDriver, type WebElement } from 'selenium-webdriver';
import type { ApiGate } from '../../support/api-gate.ts';
import type { StoryPhone } from './phone.ts';

export function webdriverPhone(engine: string, driver: WebDriver, gate: ApiGate, shots: string): StoryPhone {
  const find = async (xpath: string): Promise<WebElement> => {
    const element = await driver.wait(until.elementLocated(By.xpath(xpath)), 60_000, `no ${xpath}`);
    // A bar fixed at the screen's bottom can take WebDriver's click: bring the element to the middle first.
    await driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', element);
    return element;
  };
  return {
    engine,
    goto: (url) => driver.get(url),
    reload: () => driver.navigate().refresh(),
    click: async (xpath) => (await find(xpath)).click(),
    fill: async (xpath, value) => {
      const element = await find(xpath);
      await element.clear();
      await element.sendKeys(value);
    },
    select: async (xpath, value) => (await find(`${xpath}/option[@value="${value}"]`)).click(),
    waitFor: async (xpath) => {
      try {
        const element = await driver.wait(until.elementLocated(By.xpath(xpath)), 60_000, `no ${xpath}`);
        await driver.wait(until.elementIsVisible(element), 60_000, `${xpath} not shown`);
      } catch (error) {
        // What the screen showed instead, for the one reading the failure.
        writeFileSync(join(shots, `${engine}-failed-wait.png`), await driver.takeScreenshot(), 'base64');
        const banner = await driver.findElements(By.css('.sync-banner'));
        const state = banner[0] ? `${await banner[0].getAttribute('outerHTML')}` : await driver.getPageSource();
        throw new Error(`${String(error)}; the banner: ${state.slice(0, 1500)}`, { cause: error });
      }
    },
    count: async (xpath) => (await driver.findElements(By.xpath(xpath))).length,
    text: async (xpath) => (await find(xpath)).getText(),
    attribute: async (xpath, name) => (await find(xpath)).getAttribute(name),
    evaluate: async (fn, arg) => {
      const outcome = (await driver.executeAsyncScript(
        `const done = arguments[arguments.length - 1];
         Promise.resolve().then(() => (${String(fn)})(arguments[0])).then((value) => done({ value }), (error) => done({ error: String(error) }));`,
        arg,
      )) as { value?: never; error?: string };
      if (outcome.error !== undefined) throw new Error(`in the page: ${outcome.error}`);
      return outcome.value as never;
    },
    setOnline: async (online) => (online ? gate.open() : gate.close()),
    screenshot: async (name) => writeFileSync(join(shots, `${engine}-${name}.png`), await driver.takeScreenshot(), 'base64'),
    close: async () => undefined,
  };
}
