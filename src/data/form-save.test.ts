// A save made from a form is made on what the person saw: a change that reached the phone
// while the form was open (a pull, another tab) is merged by field, or refused as a conflict
// she resolves; two tabs (two connections to one database) never issue a seq or a change id twice.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newsPost } from '../../tests/fixtures/records.ts';
import { throwawayDbs } from '../../tests/support/notebook-db.ts';
import { NotebookDb } from './db.ts';
import { applyPulled } from './outbox.ts';
import { EditConflict, saveRecord } from './records.ts';

const freshDb = throwawayDbs();

/** The record as the server sends it after another device's edit. */
const pulled = (record: ReturnType<typeof newsPost>, rev: number) => ({ id: record.id, kind: record.kind, unitId: record.unitId, rev, serverSeq: rev, receivedAt: '2026-02-03T01:00:00.000Z', deleted: false, record });
const titleOf = (body: unknown) => (body as { title?: string } | undefined)?.title;

describe('a save from a form left open across a sync', () => {
  it('merges the form’s edit onto another device’s edit of another field, on the revision that edit made', async () => {
    const db = freshDb();
    const post = newsPost({ channel: 'loudspeaker', title: 'Tin ban đầu' });
    await applyPulled(db, [pulled(post, 1)]);
    const base = { rev: 1, record: post }; // the form opens here
    await applyPulled(db, [pulled({ ...post, channel: 'communePortal' }, 2)]); // phone 2's edit arrives
    await saveRecord(db, { ...post, title: 'Tin đã sửa' }, { base });
    const local = await db.records.get(post.id);
    expect(local?.body).toMatchObject({ channel: 'communePortal', title: 'Tin đã sửa' });
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ baseRev: 2, record: { channel: 'communePortal', title: 'Tin đã sửa' } });
  });

  it('refuses to save over a field both changed, writing nothing, until she prefers her version', async () => {
    const db = freshDb();
    const post = newsPost({ title: 'Tin ban đầu', link: undefined });
    await applyPulled(db, [pulled(post, 1)]);
    const base = { rev: 1, record: post };
    await applyPulled(db, [pulled({ ...post, title: 'Tiêu đề máy 2', channel: 'socialMedia' }, 2)]);
    const mine = { ...post, title: 'Tiêu đề máy 1', link: 'https://example.vn/tin' };
    const refused = await saveRecord(db, mine, { base }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(EditConflict);
    expect((refused as EditConflict).fields).toEqual(['title']);
    expect((refused as EditConflict).current).toMatchObject({ title: 'Tiêu đề máy 2' });
    expect(await db.outbox.count()).toBe(0);
    expect(titleOf((await db.records.get(post.id))?.body)).toBe('Tiêu đề máy 2');

    await saveRecord(db, mine, { base, preferMine: true });
    // Her title and link; phone 2's channel, which she never touched, stays.
    expect((await db.records.get(post.id))?.body).toMatchObject({ title: 'Tiêu đề máy 1', link: 'https://example.vn/tin', channel: 'socialMedia' });
  });

  it('merges onto another tab’s unsent edit of the same record', async () => {
    const db = freshDb();
    const post = newsPost({ channel: 'loudspeaker', title: 'Tin ban đầu' });
    await applyPulled(db, [pulled(post, 1)]);
    const opened = { rev: 1, record: post }; // both tabs open the form on rev 1
    await saveRecord(db, { ...post, channel: 'pressRadio' }, { base: opened }); // tab 2 saves first
    await saveRecord(db, { ...post, title: 'Sửa ở thẻ 1' }, { base: opened }); // then tab 1
    expect((await db.records.get(post.id))?.body).toMatchObject({ channel: 'pressRadio', title: 'Sửa ở thẻ 1' });
    const entries = await db.outbox.orderBy('seq').toArray();
    expect(entries.map((e) => e.record)).toMatchObject([{ channel: 'pressRadio', title: 'Tin ban đầu' }, { channel: 'pressRadio', title: 'Sửa ở thẻ 1' }]);
  });

  it('never lets a new form replace a record another form saved under the same id', async () => {
    const db = freshDb();
    const post = newsPost({ title: 'Thẻ 1' });
    await saveRecord(db, post, { base: { rev: 0 } });
    const refused = await saveRecord(db, { ...post, title: 'Thẻ 2' }, { base: { rev: 0 } }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(EditConflict);
    expect(titleOf((await db.records.get(post.id))?.body)).toBe('Thẻ 1');
    expect(await db.outbox.count()).toBe(1);
  });

  it('says so when the record was deleted under the form', async () => {
    const db = freshDb();
    const post = newsPost();
    await saveRecord(db, post);
    const base = { rev: 0, record: post };
    await db.records.update(post.id, { deleted: true });
    await expect(saveRecord(db, { ...post, title: 'Sửa' }, { base })).rejects.toMatchObject({ name: 'EditConflict', fields: ['deleted'] });
  });
});

describe('two tabs saving at once', () => {
  it('never issue a change number or a change id twice', async () => {
    const name = `test-${randomUUID()}`;
    const tabs = [new NotebookDb(name), new NotebookDb(name)];
    try {
      const posts = tabs.map(() => Array.from({ length: 25 }, (_, i) => newsPost({ title: `Tin ${i}` })));
      await Promise.all(tabs.map((db, t) => Promise.all(posts[t]!.map((post) => saveRecord(db, post, { base: { rev: 0 } })))));
      const entries = await tabs[0]!.outbox.toArray();
      expect(entries).toHaveLength(50);
      expect(new Set(entries.map((e) => e.seq)).size).toBe(50);
      expect(new Set(entries.map((e) => e.changeId)).size).toBe(50);
      expect(new Set(entries.map((e) => e.recordId)).size).toBe(50);
      expect(entries.map((e) => e.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    } finally {
      for (const db of tabs) db.close();
      await tabs[0]!.delete();
    }
  });
});
