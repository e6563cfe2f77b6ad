// Before the browser suites: Chromium present (installed if missing) and the app built.
import { existsSync } from 'node:fs';
import { ensureChromium } from './chromium.ts';

export default function setup(): void {
  ensureChromium();
  if (!existsSync('dist/index.html') || !existsSync('dist/sw.js')) {
    throw new Error('The app is not built: run `npm run build` first (npm run test:e2e does).');
  }
}
