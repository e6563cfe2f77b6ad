// The village head's first load: the JS and CSS files dist/index.html pulls in before the app can
// run (entry script, its preloaded chunks, stylesheets), and their gzip sizes as a server would
// send them. Shared by the benchmark (tests/bench/first-load.ts) and the budget test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const DIST = 'dist';
/** The budget for the first load, JS + CSS, gzip. */
export const FIRST_LOAD_BUDGET_BYTES = 90_000;

/** The files of the first load, relative to dist ("assets/…"), sorted. */
export function firstLoadFiles(dist = DIST): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = new Set<string>();
  for (const match of html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)) files.add(match[1]!);
  if (files.size === 0) throw new Error('no script or stylesheet found in dist/index.html: is the app built?');
  return [...files].sort();
}

export const gzipBytes = (file: string, dist = DIST) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
export const rawBytes = (file: string, dist = DIST) => readFileSync(join(dist, file)).length;
