// CSP violations a page reports, told apart from the test tool's own: Playwright's screenshot
// inserts an inline `<style>body {}</style>` (screenshotter.ts, to settle animations), which a
// strict policy blocks and Firefox reports. Each such probe the page saw inserted accounts for
// one blocked inline style; every other violation is the app's.
import type { BrowserContext } from 'playwright-core-firefox';

export const TOOL_STYLE_PROBE = 'body {}';

export type CspEvent = { inserted: string } | { directive: string; blocked: string; source: string };

/** Starts noting, in every page of the context, each inserted `<style>` and each CSP violation, in order. */
export async function watchCsp(context: BrowserContext): Promise<CspEvent[]> {
  const events: CspEvent[] = [];
  await context.exposeFunction('noteCspEvent', (event: CspEvent) => void events.push(event));
  await context.addInitScript(() => {
    const note = (window as unknown as { noteCspEvent: (event: unknown) => void }).noteCspEvent;
    new MutationObserver((mutations) => {
      for (const mutation of mutations) for (const node of Array.from(mutation.addedNodes)) if (node.nodeName === 'STYLE') note({ inserted: node.textContent });
    }).observe(document, { childList: true, subtree: true });
    document.addEventListener('securitypolicyviolation', (event) =>
      note({ directive: event.violatedDirective, blocked: event.blockedURI, source: event.sourceFile }),
    );
  });
  return events;
}

/** The violations the tool's style probes do not account for. */
export function appViolations(events: readonly CspEvent[]): CspEvent[] {
  let probes = 0;
  const left: CspEvent[] = [];
  for (const event of events) {
    if ('inserted' in event) {
      if (event.inserted === TOOL_STYLE_PROBE) probes++;
      else left.push(event); // a <style> the app inserted: against its own policy
    } else if (event.directive.startsWith('style-src') && event.blocked === 'inline' && probes > 0) probes--;
    else left.push(event);
  }
  return left;
}
