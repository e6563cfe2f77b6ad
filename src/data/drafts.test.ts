import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { NotebookDb } from './db.ts';
import { newsPost } from '../../tests/fixtures/records.ts';
import { draftKey, dropDraft, keepDraft, loadDraft, saveRecordFromDraft } from './drafts.ts';
import { ValidationError } from './records.ts';

const open: Dexie[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) {
    db.close();
    await db.delete();
  }
});

describe('drafts of half-filled forms', () => {
  it('keeps a draft, gives it back after reopening the database, and drops it', async () => {
    const name = `test-${randomUUID()}`;
    const first = new NotebookDb(name);
    await keepDraft(first, draftKey.forNew('newsPost'), { kind: 'newsPost', title: 'Tin về Ngày Gia đình' }, new Date('2026-06-28T02:00:00Z'));
    first.close();

    const reopened = new NotebookDb(name);
    open.push(reopened);
    expect(await loadDraft(reopened, 'new:newsPost')).toEqual({
      key: 'new:newsPost',
      draft: { kind: 'newsPost', title: 'Tin về Ngày Gia đình' },
      savedAt: '2026-06-28T02:00:00.000Z',
    });
    await dropDraft(reopened, 'new:newsPost');
    expect(await loadDraft(reopened, 'new:newsPost')).toBeUndefined();
  });

  it('opens a database made by version 1 and keeps its records', async () => {
    const name = `test-${randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ records: 'id, quarter, [kind+quarter], syncState', outbox: 'seq, recordId, &changeId', meta: 'key' });
    await v1.table('meta').put({ key: 'nextSeq', value: 7 });
    v1.close();

    const v2 = new NotebookDb(name);
    open.push(v2);
    expect(await v2.meta.get('nextSeq')).toEqual({ key: 'nextSeq', value: 7 });
    await keepDraft(v2, draftKey.forRecord('r1'), { kind: 'violenceCase' });
    expect((await loadDraft(v2, 'record:r1'))?.draft).toEqual({ kind: 'violenceCase' });
  });

  it('drops the draft in the same transaction that saves the record, and keeps it when the save fails', async () => {
    const db = new NotebookDb(`test-${randomUUID()}`);
    open.push(db);
    const post = newsPost();
    await keepDraft(db, 'new:newsPost', { ...post, title: 'x' });
    await expect(saveRecordFromDraft(db, { ...post, title: 'x' }, 'new:newsPost')).rejects.toBeInstanceOf(ValidationError);
    expect(await loadDraft(db, 'new:newsPost')).toBeDefined();
    expect(await db.outbox.count()).toBe(0);

    await saveRecordFromDraft(db, post, 'new:newsPost');
    expect(await loadDraft(db, 'new:newsPost')).toBeUndefined();
    expect((await db.records.get(post.id))?.body).toEqual(post);
    expect(await db.outbox.count()).toBe(1);
  });
});
