import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteOf, newsPost, propagandaSession, upsertOf } from '../fixtures/records.ts';
import { startServer } from './harness.ts';
import type { TestServer } from './harness.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

const recordIds = async () => (await server.store.db.selectFrom('records').select('id').orderBy('server_seq').execute()).map((row) => row.id);

describe('who may write what', () => {
  it('rejects a village head writing a record of another unit, and stores nothing', async () => {
    const head1 = await server.device('tdp1');
    const change = upsertOf(propagandaSession({ unitId: 'tdp-2' }), 1);
    const response = await head1.push([change]);
    expect(response.status).toBe(200);
    expect(response.body.results).toEqual([{ changeId: change.changeId, status: 'rejected', reason: 'forbidden_unit', fields: ['record.unitId'] }]);
    expect(await server.countRows('records')).toBe(0);
    // The rejection is the stored answer to this change.
    expect(await server.countRows('applied_changes')).toBe(1);
  });

  it("rejects a village head editing or deleting another unit's record, whatever unit it names", async () => {
    const head2 = await server.device('tdp2');
    const theirs = propagandaSession({ unitId: 'tdp-2', reporterId: 'tdp2' });
    await head2.push([upsertOf(theirs, 1)]);

    const head1 = await server.device('tdp1');
    const hijack = await head1.push([upsertOf({ ...theirs, unitId: 'tdp-1', reporterId: 'tdp1' }, 1, 1), deleteOf(theirs.id, 'propagandaSession', 2, 1)]);
    expect(hijack.body.results.map((r: { status: string; reason: string }) => [r.status, r.reason])).toEqual([
      ['rejected', 'forbidden_unit'],
      ['rejected', 'forbidden_unit'],
    ]);
    const row = await server.store.db.selectFrom('records').select(['rev', 'deleted', 'unit_id']).executeTakeFirstOrThrow();
    expect(row).toEqual({ rev: 1, deleted: 0, unit_id: 'tdp-2' });
  });

  it('requires the reporter of a new record to be the signed-in user', async () => {
    const head1 = await server.device('tdp1');
    const change = upsertOf(propagandaSession({ reporterId: 'tdp2' }), 1);
    const response = await head1.push([change]);
    expect(response.body.results[0]).toEqual({
      changeId: change.changeId,
      status: 'rejected',
      reason: 'wrong_reporter',
      fields: ['record.reporterId'],
    });
    expect(await server.countRows('records')).toBe(0);
  });

  it('lets the officer edit a village record but not change its unit or reporter', async () => {
    const head1 = await server.device('tdp1');
    const created = propagandaSession();
    await head1.push([upsertOf(created, 1)]);
    const office = await server.device('canbo');
    const moved = await office.push([upsertOf({ ...created, unitId: 'tdp-3', reporterId: 'canbo' }, 1, 1)]);
    expect(moved.body.results[0]).toMatchObject({
      status: 'rejected',
      reason: 'immutable_field',
      fields: ['record.unitId', 'record.reporterId'],
    });
    const fixed = await office.push([upsertOf({ ...created, womenCount: 28 }, 2, 1)]);
    expect(fixed.body.results[0]).toMatchObject({ status: 'applied', rev: 2 });
  });

  it('rejects the officer writing a unit outside the commune', async () => {
    const office = await server.device('canbo');
    const response = await office.push([upsertOf(newsPost({ unitId: 'other-ward' }), 1)]);
    expect(response.body.results[0]).toMatchObject({ status: 'rejected', reason: 'forbidden_unit' });
    expect(await server.countRows('records')).toBe(0);
  });
});

describe('who may read what', () => {
  it("pulls only the village head's own unit; the officer pulls the whole commune", async () => {
    const head1 = await server.device('tdp1');
    const head2 = await server.device('tdp2');
    const office = await server.device('canbo');
    const mine = propagandaSession();
    const theirs = propagandaSession({ unitId: 'tdp-2', reporterId: 'tdp2' });
    const wardPost = newsPost();
    await head1.push([upsertOf(mine, 1)]);
    await head2.push([upsertOf(theirs, 1)]);
    await office.push([upsertOf(wardPost, 1)]);
    expect(await recordIds()).toEqual([mine.id, theirs.id, wardPost.id]);

    const pulledBy1 = await head1.pull();
    expect(pulledBy1.body.records.map((r: { id: string }) => r.id)).toEqual([mine.id]);
    expect(pulledBy1.body.cursor).toBe(1);
    const pulledBy2 = await head2.pull();
    expect(pulledBy2.body.records.map((r: { id: string }) => r.id)).toEqual([theirs.id]);
    const pulledByOffice = await office.pull();
    expect(pulledByOffice.body.records.map((r: { id: string }) => r.id)).toEqual([mine.id, theirs.id, wardPost.id]);
  });
});
