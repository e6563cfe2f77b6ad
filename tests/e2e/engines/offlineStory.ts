// The village head's offline loop as a user story, written once for every engine (the phone is
// a StoryPhone: Playwright for Firefox, WebDriver for WebKit): open online, the service worker in
// control, sign in, lose the network, reopen with the PIN, record one of each checklist, reopen
// offline (all still there, a case's notes sealed in IndexedDB), get the network back (each
// record on the server once), and sign out keeping an unsent record for the next sign-in.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { vi as catalogue } from '../../../src/app/i18n/vi.ts';
import { dumpIndexedDb } from '../indexedDbDump.ts';
import { DEMO_PIN } from '../session.ts';
import { button, choice, eventually, field, withAttribute, words, wordsIncluding, type StoryPhone } from './phone.ts';

export const NOTE = 'Chồng say rượu đánh vợ, hàng xóm can ngăn nhiều lần trong tháng';
const KINDS = ['propagandaSession', 'newsPost', 'violenceCase'] as const;
const NAME = 'Tổ trưởng Tổ dân phố 1';
const BANNER = '//div[contains(@class, "sync-banner")]';
const RECORD = withAttribute('data-record-id');
const SENT_ALL = '//*[@data-phase="idle" and @data-waiting="0"]';

export interface StoryRig {
  phone: StoryPhone;
  /** The address the phone opens (the server's own, or the test's proxy in front of it). */
  url: string;
  /** The server's data folder: its SQLite file is read to see what arrived. */
  dataDir: string;
  /**
   * How the phone learns the network is back: the browser's `online` event (its own switch), or,
   * where the test's proxy cut it and the browser saw nothing, the next opening of the app.
   */
  reconnect: 'onlineEvent' | 'reopen';
  /** What the banner said at any moment since the page loaded, where the engine can watch from the start. */
  bannerTextsSinceLoad?: () => Promise<string[]>;
}

interface ServerRecord {
  id: string;
  kind: string;
  reporterId: string;
  rev: number;
  body: string;
  applied: number;
}

/** The server's records as they rest, with how many changes were applied to each. */
export function serverRecords(dataDir: string): ServerRecord[] {
  const db = new Database(join(dataDir, 'notebook.sqlite'), { readonly: true });
  try {
    return db
      .prepare(
        `SELECT r.id, r.kind, r.reporter_id AS reporterId, r.rev, r.body,
           (SELECT COUNT(*) FROM applied_changes a WHERE a.record_id = r.id) AS applied
         FROM records r ORDER BY r.kind`,
      )
      .all() as ServerRecord[];
  } finally {
    db.close();
  }
}

export async function signIn(phone: StoryPhone, url: string, username = 'tdp1'): Promise<void> {
  await phone.goto(url);
  await phone.fill(field('Tên đăng nhập'), username);
  await phone.fill(field('Mã PIN'), DEMO_PIN);
  await phone.click(button('Đăng nhập'));
}

export async function unlock(phone: StoryPhone): Promise<void> {
  await phone.waitFor(words(catalogue.lock.title));
  for (const digit of DEMO_PIN) await phone.click(button(`Số ${digit}`));
  await phone.click(button('Mở'));
  await phone.waitFor(words(NAME));
}

/** The ids of the records listed on the home screen. */
function listedIds(phone: StoryPhone): Promise<string[]> {
  return phone.evaluate(() => Array.from(document.querySelectorAll('[data-record-id]'), (el) => el.getAttribute('data-record-id') ?? ''), undefined);
}

async function save(phone: StoryPhone): Promise<void> {
  await phone.click(button('Lưu'));
  await phone.waitFor(RECORD);
}

async function recordOneOfEach(phone: StoryPhone, url: string): Promise<string[]> {
  await phone.goto(`${url}/#/new/propagandaSession`);
  await phone.select(field('Hình thức'), 'villageMeeting');
  await phone.click(choice('Luật Bình đẳng giới'));
  await phone.fill(field('Số người tham dự: nam'), '14');
  await phone.fill(field('Số người tham dự: nữ'), '23');
  await phone.fill(field('Số hộ được tuyên truyền'), '31');
  await save(phone);
  const ids = await listedIds(phone);

  await phone.goto(`${url}/#/new/newsPost`);
  await phone.select(field('Kênh đăng'), 'loudspeaker');
  await phone.fill(field('Tiêu đề'), 'Tuyên truyền Luật Bình đẳng giới trên loa tổ dân phố');
  await save(phone);
  ids.push(...(await listedIds(phone)));

  await phone.goto(`${url}/#/new/violenceCase`);
  await phone.click('//details[contains(@class, "more-fields")]/summary');
  await phone.select(field('Người báo tin'), 'neighbour');
  await phone.click(choice('Bạo lực tinh thần'));
  await phone.click(choice('Nữ', 'Giới tính nạn nhân'));
  await phone.click(choice('Từ 16 đến 59 tuổi', 'Độ tuổi nạn nhân'));
  await phone.click(choice('Nam', 'Giới tính người gây bạo lực'));
  await phone.select(field('Quan hệ với nạn nhân'), 'spouse');
  await phone.fill(field('Diễn biến, ghi chú (không ghi danh tính)'), NOTE);
  await save(phone);
  ids.push(...(await listedIds(phone)));
  return ids;
}

/** Registers the story's steps, one test each, in the calling file; `rig()` is ready from the first. */
export function offlineStory(rig: () => StoryRig): void {
  const ids: string[] = [];

  it('signs in with a connection and the service worker takes control', async () => {
    const { phone, url } = rig();
    await signIn(phone, url);
    await phone.waitFor(words(NAME));
    await eventually(() => phone.evaluate(() => navigator.serviceWorker.controller !== null, undefined), 'the service worker controls the page');
    await phone.waitFor(SENT_ALL);
    await phone.screenshot('01-signed-in');
  });

  it('opens with no network from the service worker, with the PIN, knowing when it last synced', async () => {
    const { phone } = rig();
    await phone.setOnline(false);
    await phone.reload();
    await unlock(phone);
    // The last sync time is read after the first render: never "never synced" on a phone that synced.
    expect(await phone.text(BANNER)).not.toContain(catalogue.syncBanner.neverSynced);
    await phone.waitFor(`${BANNER}//small[contains(., "${catalogue.syncBanner.lastSync.split('{at}')[0]!.trim()}")]`);
    expect(await phone.text(BANNER)).not.toContain(catalogue.syncBanner.neverSynced);
    const seen = (await rig().bannerTextsSinceLoad?.()) ?? [];
    expect(seen.filter((said) => said.includes(catalogue.syncBanner.neverSynced))).toEqual([]);
    await phone.screenshot('02-home-offline');
  });

  it('records one of each checklist offline', async () => {
    const { phone, url } = rig();
    ids.push(...(await recordOneOfEach(phone, url)));
    expect(new Set(ids).size).toBe(3);
    await phone.screenshot('03-case-saved');
  });

  it('keeps all three across an offline reload, the notes sealed in IndexedDB', async () => {
    const { phone, url } = rig();
    await phone.reload();
    await unlock(phone);
    for (const kind of KINDS) {
      await phone.goto(`${url}/#/?k=${kind}`);
      await phone.waitFor('//*[@data-record-id and @data-sync-state="pending"]');
    }
    expect(await phone.attribute(withAttribute('data-waiting'), 'data-waiting')).toBe('3');
    const raw = await phone.evaluate(dumpIndexedDb, undefined);
    expect(raw).toContain('violenceCase');
    expect(raw).not.toContain('say rượu');
    expect(raw).not.toContain(Buffer.from('say rượu').toString('latin1'));
    await phone.screenshot('04-after-offline-reload');
  });

  it('sends them when the connection returns, and the server holds each once', async () => {
    const { phone, dataDir, reconnect } = rig();
    await phone.setOnline(true);
    if (reconnect === 'reopen') {
      await phone.reload();
      await unlock(phone);
    }
    await phone.waitFor(SENT_ALL);
    const rows = serverRecords(dataDir);
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(rows.map((r) => r.kind)).toEqual(['newsPost', 'propagandaSession', 'violenceCase']);
    for (const row of rows) expect(row).toMatchObject({ reporterId: 'tdp1', rev: 1, applied: 1 });
    expect(JSON.parse(rows[2]!.body).notes).toBe(NOTE);
    await phone.screenshot('05-all-sent');
  });

  it('signs out offline keeping an unsent record, which the next sign-in sends', async () => {
    const { phone, url, dataDir, reconnect } = rig();
    const title = 'Tin giữ lại trên máy khi đăng xuất';
    await phone.setOnline(false);
    if (reconnect === 'reopen') {
      await phone.reload();
      await unlock(phone);
    }
    await phone.goto(`${url}/#/new/newsPost`);
    await phone.select(field('Kênh đăng'), 'loudspeaker');
    await phone.fill(field('Tiêu đề'), title);
    await save(phone);
    await phone.click(button('Đăng xuất'));
    await phone.waitFor(words('Còn 1 bản ghi chưa gửi lên xã.'));
    await phone.click(button('Giữ lại trên máy và đăng xuất'));
    await phone.waitFor(wordsIncluding(catalogue.signOut.kept.replace('{names}', NAME).split(' Các')[0]!));
    await phone.screenshot('06-signed-out-kept');
    expect(serverRecords(dataDir).some((r) => r.body.includes(title))).toBe(false);

    await phone.setOnline(true);
    await signIn(phone, url);
    await phone.waitFor(SENT_ALL);
    await eventually(async () => serverRecords(dataDir).some((r) => r.body.includes(title)), 'the kept record reaches the server');
    expect(serverRecords(dataDir).filter((r) => r.body.includes(title))).toMatchObject([{ reporterId: 'tdp1', applied: 1 }]);
  });
}
