// How long the PIN takes to open the vault on a cheap phone: PBKDF2-SHA-256 + AES-GCM unwrap,
// as src/data/vault.ts does it, in Debian's Chromium with 4× CPU slowdown (DevTools'
// Emulation.setCPUThrottlingRate) and without. Prints the median of several unlocks per round
// count. Measured here (2026-11): the slowdown barely changes the figures, because WebCrypto
// runs natively, outside the page's throttled JavaScript; 310,000 rounds took about 0.1 s, so
// the app's PBKDF2_ITERATIONS = 310,000 stays under about a second on a phone 4–8× slower.
// `npm run bench:pin`. The machine is shared: read medians, not single runs.
import { launchChromium } from '../e2e/chromium.ts';
import { PBKDF2_ITERATIONS } from '../../src/data/vault.ts';

const ROUNDS = [50_000, 100_000, 150_000, 200_000, 310_000, 600_000];
const REPEATS = Number(process.env.PIN_BENCH_REPEATS ?? 5);

const UNLOCK_TIMES = `(async () => {
  const subtle = crypto.subtle;
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const derive = async () => {
    const material = await subtle.importKey('raw', new TextEncoder().encode('2580'), 'PBKDF2', false, ['deriveKey']);
    return subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: ROUNDS }, material, { name: 'AES-GCM', length: 256 }, false, ['wrapKey', 'unwrapKey']);
  };
  const data = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  const wrapped = await subtle.wrapKey('raw', data, await derive(), { name: 'AES-GCM', iv });
  const result = [];
  for (let i = 0; i < REPEATS; i++) {
    const start = performance.now();
    await subtle.unwrapKey('raw', wrapped, await derive(), { name: 'AES-GCM', iv }, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    result.push(performance.now() - start);
  }
  return result;
})()`;

const browser = await launchChromium();
try {
  const page = await browser.newPage();
  // A page on localhost is a secure context, where WebCrypto is available.
  await page.route('http://localhost/', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>pin</title>' }));
  await page.goto('http://localhost/');
  const cdp = await page.context().newCDPSession(page);
  for (const rate of [1, 4]) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    console.log(`Unlocking the vault with the PIN, Chromium with ${rate}× CPU slowdown, median of ${REPEATS}:`);
    for (const iterations of ROUNDS) {
      // Passed as source text: tsx would wrap named functions in a helper the page does not have.
      const times = (await page.evaluate(UNLOCK_TIMES.replace('ROUNDS', String(iterations)).replace('REPEATS', String(REPEATS)))) as number[];
      const sorted = [...times].sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)]!;
      const mark = iterations === PBKDF2_ITERATIONS ? '  ← the app (PBKDF2_ITERATIONS)' : '';
      console.log(
        `  ${String(iterations).padStart(7)} rounds: ${median.toFixed(0).padStart(5)} ms (min ${sorted[0]!.toFixed(0)}, max ${sorted.at(-1)!.toFixed(0)})${mark}`,
      );
    }
  }
} finally {
  await browser.close();
}
