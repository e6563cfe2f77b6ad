// Checks a screen the way a village head meets it: axe-core's serious and critical findings,
// touch targets of at least 48 × 48 CSS px, and moving by keyboard.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResults {
  violations: { id: string; impact?: string | null; nodes: { target: unknown[] }[] }[];
}

/** "rule: selector, selector" for every serious or critical axe violation on the page. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through DevTools, not as an inline <script>: the app's CSP rightly refuses those.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const results = await page.evaluate(() => (window as unknown as { axe: { run(context: Document): Promise<AxeResults> } }).axe.run(document));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Visible controls smaller than 48 × 48; a checkbox or radio counts by its label. */
export async function smallTouchTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [role=tab]');
    const small: string[] = [];
    for (const control of controls) {
      const target = control.matches('input[type=checkbox], input[type=radio]') ? (control.closest('label') ?? control) : control;
      const box = target.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.width < 48 || box.height < 48)
        small.push(`${control.tagName.toLowerCase()} "${(target.textContent ?? '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
    return small;
  });
}

/** Presses Tab until the focused element matches, as a keyboard user would; fails after `max`. */
export async function tabTo(page: Page, matches: (el: { tag: string; text: string; name: string; label: string }) => boolean, max = 40): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return {
        tag: el?.tagName.toLowerCase() ?? '',
        text: (el?.textContent ?? '').trim(),
        name: el?.getAttribute('name') ?? '',
        label: (el?.closest('label')?.textContent ?? el?.getAttribute('aria-label') ?? '').trim(),
      };
    });
    if (matches(focused)) return;
    seen.push(`${focused.tag}:${focused.name || focused.text || focused.label}`);
  }
  throw new Error(`not reached by Tab; focus went through ${seen.join(' → ')}`);
}
