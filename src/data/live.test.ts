// A quarter's list on the phone: records dated in it, and lasting ones (contact points, models,
// open cases) from earlier quarters while they are still active in it; nothing deleted.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { contactPoint, newsPost, preventionModel, violenceCase } from '../../tests/fixtures/records.ts';
import { throwawayDbs } from '../../tests/support/notebook-db.ts';
import type { RecordKind } from '../domain/index.ts';
import type { NotebookDb } from './db.ts';
import { watchQuarter } from './live.ts';
import { deleteRecord, saveRecord } from './records.ts';

const freshDb = throwawayDbs();

function listOf(db: NotebookDb, quarter: string, kind: RecordKind): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const subscription = watchQuarter(db, quarter, kind).subscribe({
      next: (rows) => {
        resolve(rows.map((r) => r.id));
        setTimeout(() => subscription.unsubscribe());
      },
      error: reject,
    });
  });
}

describe('a quarter’s list', () => {
  it('keeps a contact point on every quarter from its start until the quarter it stopped in', async () => {
    const db = freshDb();
    const serving = contactPoint({ date: '2026-02-10' });
    // Stopped on 01/07: it served on no day of Q3 (the stop day itself is off).
    const stopped = contactPoint({ date: '2025-11-20', stoppedOn: '2026-07-01' });
    const deleted = contactPoint({ date: '2026-01-05' });
    for (const record of [serving, stopped, deleted]) await saveRecord(db, record);
    await deleteRecord(db, deleted.id);

    expect(await listOf(db, '2025-Q4', 'contactPoint')).toEqual([stopped.id]);
    expect(await listOf(db, '2026-Q1', 'contactPoint')).toEqual([serving.id, stopped.id]);
    expect(await listOf(db, '2026-Q2', 'contactPoint')).toEqual([serving.id, stopped.id]);
    expect(await listOf(db, '2026-Q3', 'contactPoint')).toEqual([serving.id]);
    expect(await listOf(db, '2027-Q2', 'contactPoint')).toEqual([serving.id]);
  });

  it('keeps a model while it runs and a case until the quarter it was closed in', async () => {
    const db = freshDb();
    const model = preventionModel({ date: '2026-01-15' });
    const open = violenceCase({ date: '2026-02-01', statusDates: { received: '2026-02-01', verified: '2026-02-02' } });
    const closed = violenceCase({
      date: '2026-01-10',
      caseCode: 'TDP1-2026-02',
      status: 'closed',
      statusDates: { received: '2026-01-10', verified: '2026-01-11', intervening: '2026-01-12', closed: '2026-04-03' },
    });
    for (const record of [model, open, closed]) await saveRecord(db, record);

    expect(await listOf(db, '2026-Q3', 'preventionModel')).toEqual([model.id]);
    expect(await listOf(db, '2026-Q2', 'violenceCase')).toEqual([open.id, closed.id]);
    expect(await listOf(db, '2026-Q3', 'violenceCase')).toEqual([open.id]);
  });

  it('shows other checklists only in the quarter they are dated in', async () => {
    const db = freshDb();
    const post = newsPost({ date: '2026-02-03' });
    await saveRecord(db, post);
    expect(await listOf(db, '2026-Q1', 'newsPost')).toEqual([post.id]);
    expect(await listOf(db, '2026-Q2', 'newsPost')).toEqual([]);
  });
});
