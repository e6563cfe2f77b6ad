// Schema upgrades on a phone that has waiting changes: a database written by version 1 opens
// under the current schema with its records and outbox intact and sendable; and a tab still
// on an older version never blocks a newer one.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { newsPost } from '../../tests/fixtures/records.ts';
import { NotebookDb, onReplacedByNewerVersion } from './db.ts';
import { outboxBatch, toChange } from './outbox.ts';

const V1_STORES = { records: 'id, quarter, [kind+quarter], syncState', outbox: 'seq, recordId, &changeId', meta: 'key' };
const cleanup: Dexie[] = [];
afterEach(async () => {
  for (const db of cleanup.splice(0)) {
    db.close();
    await db.delete();
  }
});

describe('upgrading the phone database', () => {
  it('keeps the records and the waiting changes written by version 1, ready to send', async () => {
    const name = `upgrade-${randomUUID()}`;
    const post = newsPost();
    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    await v1.table('records').put({ id: post.id, kind: 'newsPost', unitId: post.unitId, date: post.date, quarter: '2026-Q1', body: post, rev: 0, deleted: false, syncState: 'pending', updatedAt: '2026-02-03T01:00:00.000Z' });
    const changeId = randomUUID();
    await v1.table('outbox').put({ seq: 3, changeId, recordId: post.id, kind: 'newsPost', op: 'upsert', baseRev: 0, record: post, createdAt: '2026-02-03T01:00:00.000Z' });
    await v1.table('meta').put({ key: 'nextSeq', value: 4 });
    v1.close();

    const current = new NotebookDb(name);
    cleanup.push(current);
    expect(current.verno).toBeGreaterThan(1);
    expect((await current.records.get(post.id))?.body).toEqual(post);
    const [entry] = await outboxBatch(current, 10);
    expect(toChange(entry!)).toEqual({ changeId, seq: 3, op: 'upsert', recordId: post.id, baseRev: 0, record: post });
    expect((await current.meta.get('nextSeq'))?.value).toBe(4);
  });

  it('closes this tab and says so when another tab opens a newer version, so the upgrade is not blocked', async () => {
    const name = `upgrade-${randomUUID()}`;
    const thisTab = new NotebookDb(name);
    cleanup.push(thisTab);
    await thisTab.open();
    let told = 0;
    onReplacedByNewerVersion(thisTab, () => told++);

    const newerTab = new Dexie(name);
    cleanup.push(newerTab);
    newerTab.version(thisTab.verno + 1).stores({ ...V1_STORES, drafts: 'key', reviews: 'id' });
    await newerTab.open();
    expect(newerTab.isOpen()).toBe(true);
    expect(thisTab.isOpen()).toBe(false);
    expect(told).toBe(1);
  });
});
