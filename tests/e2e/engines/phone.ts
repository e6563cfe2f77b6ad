// The user stories' view of a phone, the same in every engine: Playwright drives Chromium and
// Firefox, WebDriver classic drives WebKit, and a story is written once against this. Elements
// are found by what a person reads on the screen (a field's label, a button's name), as XPath,
// which both tools take.

export interface StoryPhone {
  /** Which engine this is, for the file names of its screenshots. */
  readonly engine: string;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  click(xpath: string): Promise<void>;
  /** Types into a text field, replacing what it held. */
  fill(xpath: string, value: string): Promise<void>;
  /** Picks the option with this value in a select. */
  select(xpath: string, value: string): Promise<void>;
  /** Waits until an element matching `xpath` is shown (60 s at most). */
  waitFor(xpath: string): Promise<void>;
  count(xpath: string): Promise<number>;
  text(xpath: string): Promise<string>;
  attribute(xpath: string, name: string): Promise<string | null>;
  /** Runs `fn(arg)` in the page and returns what its promise resolves to. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Cuts the phone's network (or gives it back): the browser's own switch, or the test's proxy. */
  setOnline(online: boolean): Promise<void>;
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

const CONTROL = '*[self::input or self::select or self::textarea]';

/** The input, select or text area a person finds under the label `label` (a record's field or the sign-in's). */
export function field(label: string): string {
  return `(//div[@data-field][label[normalize-space(.)="${label}"]]//${CONTROL} | //label[span[normalize-space(.)="${label}"]]/${CONTROL})`;
}

/** A button by its visible words or its accessible name ("Số 1" on the PIN pad). */
export function button(name: string): string {
  return `//button[normalize-space(.)="${name}" or @aria-label="${name}"]`;
}

/** A checkbox or radio by the words beside it; in the group `group` when given. */
export function choice(name: string, group?: string): string {
  const scope = group ? `//fieldset[legend[normalize-space(.)="${group}"]]` : '';
  return `${scope}//label[@class="choice"][span[normalize-space(.)="${name}"]]/input`;
}

/** Any element whose own words are exactly `words`. */
export function words(words: string): string {
  return `//*[normalize-space(text())="${words}"]`;
}

/** Any element whose own words include `part`. */
export function wordsIncluding(part: string): string {
  return `//*[contains(normalize-space(text()), "${part}")]`;
}

/** Any element matching a CSS-like test on attributes, as XPath: `css('data-phase', 'idle')`. */
export function withAttribute(name: string, value?: string): string {
  return value === undefined ? `//*[@${name}]` : `//*[@${name}="${value}"]`;
}

/** Waits until `check` is true, asking again every 250 ms, for 60 s at most. */
export async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`still not true after ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
