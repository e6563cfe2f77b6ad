// Nothing of a violence case's notes may rest where the browser keeps things on its own: a
// real Chromium profile on disk pulls a case, and afterwards no file of the profile (the HTTP
// cache, Cache Storage, IndexedDB, logs) holds the notes' bytes, plain or gzip-compressed.
// Sign-out then clears the origin's HTTP cache but keeps the app shell's precache, so the app
// still opens offline.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { inflateRawSync, constants as zlib } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect } from 'vitest';
import { violenceCase, upsertOf } from '../fixtures/records.ts';
import { signInOverHttp } from '../support/api-client.ts';
import { launchChromiumProfile } from './chromium.ts';
import { it } from './fixtures.ts';
import { PHONE, signIn, unlock, waitForServiceWorker } from './session.ts';

// A browser with a profile on disk of its own, not the file's incognito one: only the server is shared.
const profile = mkdtempSync(join(tmpdir(), 'so-tay-cache-profile-'));
afterAll(() => rmSync(profile, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return [];
    return stat.isDirectory() ? filesUnder(path) : stat.isFile() ? [path] : [];
  });
}

/** The file's bytes, and those of every gzip stream inside it (a cached answer is kept as it came). */
function readable(bytes: Buffer): Buffer[] {
  const found = [bytes];
  for (let at = bytes.indexOf(GZIP_MAGIC); at !== -1; at = bytes.indexOf(GZIP_MAGIC, at + 1)) {
    try {
      // Node's gzip writes a plain 10-byte header; what follows is raw deflate, then anything.
      found.push(inflateRawSync(bytes.subarray(at + 10), { finishFlush: zlib.Z_SYNC_FLUSH }));
    } catch {
      // Not a gzip stream after all.
    }
  }
  return found;
}
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b, 0x08]);

/** The profile's files that hold `text`, as paths under the profile. */
function filesHolding(text: string): string[] {
  const needle = Buffer.from(text);
  return filesUnder(profile)
    .filter((path) => readable(readFileSync(path)).some((bytes) => bytes.includes(needle)))
    .map((path) => relative(profile, path));
}

async function open(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await launchChromiumProfile(profile, PHONE);
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

describe('the HTTP cache of a real Chromium profile', () => {
  const notes = `ghi-chu-vu-viec-${randomUUID()}`;
  const caseCode = `MA-${randomUUID().slice(0, 8).toUpperCase()}`;

  it('holds no byte of the notes of a case the phone pulled', async ({ server }) => {
    // Another phone of the same village head sent the case; this one pulls it.
    const other = await signInOverHttp(server.url, 'tdp1');
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });
    const record = violenceCase({ caseCode, notes, date: today, statusDates: { received: today }, status: 'received' });
    const sent = await other.push(server.url, [upsertOf(record, 1)]);
    expect(sent, JSON.stringify(sent.body)).toMatchObject({ status: 200 });

    const { context, page } = await open();
    await signIn(page, server.url, 'tdp1', { autoUnlock: false });
    await waitForServiceWorker(page);
    await page.locator('[data-phase=idle][data-waiting="0"]').waitFor({ timeout: 30_000 });
    await page.goto(`${server.url}/#/?k=violenceCase`);
    await page.locator(`[data-record-id="${record.id}"]`).waitFor();
    await context.close();

    // The search sees what the profile holds: the case's code rests in IndexedDB in the clear.
    expect(filesHolding(caseCode).some((path) => path.includes('IndexedDB'))).toBe(true);
    // The notes rest nowhere: not in the HTTP cache (Cache_Data), nor sealed IndexedDB, nor anywhere else.
    expect(filesHolding(notes)).toEqual([]);
  });

  it('is cleared by sign-out, which keeps the app shell for opening offline', async ({ server }) => {
    const { context, page } = await open();
    await page.goto(server.url);
    await unlock(page);
    const signedOut = page.waitForResponse((response) => response.url().endsWith('/api/v1/sessions/current'));
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('dialog', { name: 'Đăng xuất' }).getByRole('button', { name: 'Đăng xuất' }).click();
    expect((await (await signedOut).allHeaders())['clear-site-data']).toBe('"cache"');
    await page.getByLabel('Tên đăng nhập').waitFor();
    expect(await page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('workbox-precache')).length)).toBe(1);

    await context.setOffline(true);
    await page.reload();
    await page.getByLabel('Tên đăng nhập').waitFor();
    await context.close();
    expect(filesHolding(notes)).toEqual([]);
  });
});
