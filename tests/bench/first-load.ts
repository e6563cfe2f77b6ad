// The village head's first load: the JS and CSS that dist/index.html pulls in before the app
// can run (entry script, its preloaded chunks, stylesheets), gzip-compressed as a server
// would send them, against the 90 kB budget. Chunks loaded on demand (office screens) are
// listed apart. It prints figures; it fails only if it cannot run. `npm run bench` builds first.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, FIRST_LOAD_BUDGET_BYTES as BUDGET_BYTES, firstLoadFiles, gzipBytes, rawBytes } from '../support/first-load.ts';

const firstLoad = new Set(firstLoadFiles());

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1).padStart(6)} kB`;

console.log('First load of the app shell (gzip -9):');
let total = 0;
for (const file of [...firstLoad].sort()) {
  const gz = gzipBytes(file);
  total += gz;
  console.log(`  ${kB(gz)}  (${kB(rawBytes(file))} raw)  ${file}`);
}
console.log(
  `  ${kB(total)}  total JS+CSS, budget ${kB(BUDGET_BYTES).trim()}: ${((total / BUDGET_BYTES) * 100).toFixed(0)}% ${total <= BUDGET_BYTES ? 'within budget' : 'OVER BUDGET'}`,
);

const onDemand = readdirSync(join(DIST, 'assets'))
  .map((name) => `assets/${name}`)
  .filter((file) => /\.(js|css)$/.test(file) && !firstLoad.has(file));
if (onDemand.length > 0) {
  console.log('Loaded on demand, not in the first load:');
  for (const file of onDemand.sort()) console.log(`  ${kB(gzipBytes(file))}  ${file}`);
}

const precache = readFileSync(join(DIST, 'sw.js'), 'utf8').match(/"url":"[^"]+"|url:"[^"]+"/g) ?? [];
console.log(`Repeat loads: the service worker precaches ${precache.length} files, so the shell comes from the phone, not the network.`);
