import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { NotebookDb } from './db.ts';
import { newsPost } from '../../tests/fixtures/records.ts';
import { draftKey, dropDraft, keepDraft, loadDraft, unfinishedDrafts } from './drafts.ts';
import { saveRecord, ValidationError } from './records.ts';

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
    await keepDraft(first, 'form:a', { kind: 'newsPost', title: 'Tin về Ngày Gia đình' }, { target: draftKey.forNew('newsPost'), now: new Date('2026-06-28T02:00:00Z') });
    first.close();

    const reopened = new NotebookDb(name);
    open.push(reopened);
    expect(await loadDraft(reopened, 'form:a')).toEqual({
      key: 'form:a',
      target: 'new:newsPost',
      draft: { kind: 'newsPost', title: 'Tin về Ngày Gia đình' },
      savedAt: '2026-06-28T02:00:00.000Z',
    });
    await dropDraft(reopened, 'form:a');
    expect(await loadDraft(reopened, 'form:a')).toBeUndefined();
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
    await keepDraft(db, 'form:a', { ...post, title: 'x' }, { target: 'new:newsPost' });
    await expect(saveRecord(db, { ...post, title: 'x' }, { draftKey: 'form:a', base: { rev: 0 } })).rejects.toBeInstanceOf(ValidationError);
    expect(await loadDraft(db, 'form:a')).toBeDefined();
    expect(await db.outbox.count()).toBe(0);

    await saveRecord(db, post, { draftKey: 'form:a', base: { rev: 0 } });
    expect(await loadDraft(db, 'form:a')).toBeUndefined();
    expect((await db.records.get(post.id))?.body).toEqual(post);
    expect(await db.outbox.count()).toBe(1);
  });

  it('gives each opened form its own draft: a new form is offered the others, never given one', async () => {
    const db = new NotebookDb(`test-${randomUUID()}`);
    open.push(db);
    const target = draftKey.forNew('newsPost');
    await keepDraft(db, 'form:tab-1', { kind: 'newsPost', id: 'a', title: 'Thẻ 1' }, { target, now: new Date('2026-06-28T02:00:00Z') });
    await keepDraft(db, 'form:tab-2', { kind: 'newsPost', id: 'b', title: 'Thẻ 2' }, { target, now: new Date('2026-06-28T02:05:00Z') });
    await keepDraft(db, 'form:tab-3', { kind: 'violenceCase', id: 'c' }, { target: draftKey.forNew('violenceCase') });
    // Tab 1 is still open (its draft is held): a third form is offered only tab 2's.
    expect(await unfinishedDrafts(db, target, new Set(['form:tab-1']))).toEqual([{ key: 'form:tab-2', savedAt: '2026-06-28T02:05:00.000Z' }]);
    expect((await unfinishedDrafts(db, target, new Set())).map((d) => d.key)).toEqual(['form:tab-2', 'form:tab-1']);
    // A draft from before per-form drafts is found by its old key.
    await db.drafts.put({ key: 'new:newsPost', draft: { kind: 'newsPost', id: 'd' }, savedAt: '2026-06-01T00:00:00.000Z' });
    expect((await unfinishedDrafts(db, target, new Set())).map((d) => d.key)).toEqual(['form:tab-2', 'form:tab-1', 'new:newsPost']);
  });

  it('keeps the base an edit form was opened on, so a draft restored after a pull still merges', async () => {
    const db = new NotebookDb(`test-${randomUUID()}`);
    open.push(db);
    const post = newsPost();
    await saveRecord(db, post);
    await keepDraft(db, 'form:x', { ...post, title: 'Sửa dở' }, { target: draftKey.forRecord(post.id), base: { rev: 3, record: post } });
    const restored = await loadDraft(db, 'form:x');
    expect(restored?.base).toEqual({ rev: 3, record: post });
    expect(restored?.target).toBe(`record:${post.id}`);
  });
});
