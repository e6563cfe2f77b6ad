// Renders public/icon.svg into the PNG icons the manifest and iPhone need, with the same
// Debian Chromium the browser suite drives. Run after editing the SVG: npm run icons
import { readFileSync } from 'node:fs';
import { launchChromium } from '../tests/e2e/chromium.ts';

const svg = readFileSync('public/icon.svg', 'utf8');
const BRAND = '#0f5f58';

/** A maskable icon is cropped to a circle of 80% by the launcher: full-bleed background, logo inside the safe circle (its corners stay within 40% of the centre). */
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" fill="${BRAND}"/><g transform="translate(25.6 25.6) scale(0.9)">${svg.replace(/^<svg[^>]*>|<\/svg>$/g, '')}</g></svg>`;
/** iOS rounds the corners itself and shows transparency as black: a square, full-bleed icon. */
const square = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" fill="${BRAND}"/>${svg.replace(/^<svg[^>]*>|<\/svg>$/g, '')}</svg>`;

const outputs: { file: string; size: number; source: string; transparent: boolean }[] = [
  { file: 'public/icon-192.png', size: 192, source: svg, transparent: true },
  { file: 'public/icon-512.png', size: 512, source: svg, transparent: true },
  { file: 'public/icon-maskable-512.png', size: 512, source: maskable, transparent: false },
  { file: 'public/apple-touch-icon.png', size: 180, source: square, transparent: false },
];

const browser = await launchChromium();
try {
  for (const output of outputs) {
    const page = await browser.newPage({ viewport: { width: output.size, height: output.size } });
    const sized = output.source.replace('<svg ', `<svg width="${output.size}" height="${output.size}" `);
    await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
    await page.screenshot({ path: output.file, omitBackground: output.transparent });
    await page.close();
    console.log(`${output.file} ${output.size}×${output.size}`);
  }
} finally {
  await browser.close();
}
