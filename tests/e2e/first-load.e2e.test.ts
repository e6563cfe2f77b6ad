// The village head's first load, from the built app: within the 90 kB budget (JS + CSS,
// gzip), and without the database code, which loads as a lazy chunk once the sign-in screen is
// shown (src/app/chunks.ts). A size, not a time: `npm run bench:first-load` prints the figures.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, FIRST_LOAD_BUDGET_BYTES, firstLoadFiles, gzipBytes } from '../support/first-load.ts';

/** A name only Dexie's code carries (its error class), so a chunk that has it has Dexie. */
const DEXIE_MARK = 'DatabaseClosedError';
const hasDexie = (file: string) => readFileSync(join(DIST, file), 'utf8').includes(DEXIE_MARK);

describe('the first load of the built app', () => {
  it('stays within 90 kB of gzip JS and CSS', () => {
    const total = firstLoadFiles().reduce((sum, file) => sum + gzipBytes(file), 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BYTES);
  });

  it('leaves the database code to a lazy chunk', () => {
    const chunks = readdirSync(join(DIST, 'assets'))
      .filter((name) => name.endsWith('.js'))
      .map((name) => `assets/${name}`);
    // The mark is real: the build holds Dexie somewhere.
    expect(chunks.filter(hasDexie).length).toBeGreaterThan(0);
    expect(firstLoadFiles().filter(hasDexie)).toEqual([]);
  });
});
