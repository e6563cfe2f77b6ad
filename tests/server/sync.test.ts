import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_MISSING_SEQS_PER_DEVICE } from '../../server/store/sync/seqBook.ts';
import { SEQ_WINDOW } from '../../src/domain/index.ts';
import { deleteOf, newsPost, propagandaSession, upsertOf, violenceCase } from '../fixtures/records.ts';
import { START_TIME, startServer } from './harness.ts';
import type { TestServer } from './harness.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

describe('push then pull', () => {
  it('applies a new record and pulls it back with rev 1, server seq 1 and the server time', async () => {
    const phone = await server.device('tdp1');
    const session = propagandaSession();
    const change = upsertOf(session, 1);

    const pushed = await phone.push([change]);
    expect(pushed.status).toBe(200);
    expect(pushed.body).toEqual({
      results: [{ changeId: change.changeId, status: 'applied', rev: 1, serverSeq: 1 }],
      missingSeqs: [],
    });

    const pulled = await phone.pull('since=0');
    expect(pulled.status).toBe(200);
    expect(pulled.body).toEqual({
      records: [
        {
          id: session.id,
          kind: 'propagandaSession',
          unitId: 'tdp-1',
          rev: 1,
          deleted: false,
          record: session,
          receivedAt: '2026-06-01T02:30:00.000Z',
          serverSeq: 1,
        },
      ],
      cursor: 1,
      more: false,
    });
  });

  it('stamps received_at from the injected clock, not from the phone', async () => {
    const phone = await server.device('tdp1');
    expect(START_TIME.toISOString()).toBe('2026-06-01T02:30:00.000Z');
    server.setNow(new Date('2027-01-15T09:45:30.000Z'));
    const session = propagandaSession({ date: '2026-03-01' });
    await phone.push([upsertOf(session, 1)]);
    const row = await server.store.db.selectFrom('records').selectAll().where('id', '=', session.id).executeTakeFirstOrThrow();
    expect(row.received_at).toBe('2027-01-15T09:45:30.000Z');
    expect(row.date).toBe('2026-03-01');
  });

  it('pages a pull by cursor and limit, in server order', async () => {
    const phone = await server.device('tdp1');
    const records = [propagandaSession(), violenceCase(), propagandaSession({ date: '2026-04-02' })];
    await phone.push(records.map((record, index) => upsertOf(record, index + 1)));

    const first = await phone.pull('since=0&limit=2');
    expect(first.body.records.map((r: { id: string }) => r.id)).toEqual([records[0]!.id, records[1]!.id]);
    expect(first.body.cursor).toBe(2);
    expect(first.body.more).toBe(true);

    const second = await phone.pull('since=2&limit=2');
    expect(second.body.records.map((r: { id: string }) => r.id)).toEqual([records[2]!.id]);
    expect(second.body).toMatchObject({ cursor: 3, more: false });

    const empty = await phone.pull('since=3');
    expect(empty.body).toEqual({ records: [], cursor: 3, more: false });
  });
});

describe('idempotency', () => {
  it('answers a repeated batch identically and stores each record once', async () => {
    const phone = await server.device('tdp1');
    const changes = [upsertOf(propagandaSession(), 1), upsertOf(violenceCase(), 2)];
    const first = await phone.push(changes);
    server.setNow(new Date('2026-06-02T00:00:00.000Z'));
    const again = await phone.push(changes);

    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(first.body.results.map((r: { rev: number; serverSeq: number }) => [r.rev, r.serverSeq])).toEqual([
      [1, 1],
      [1, 2],
    ]);
    expect(await server.countRows('records')).toBe(2);
    expect(await server.countRows('applied_changes')).toBe(2);
    const rows = await server.store.db.selectFrom('records').select(['rev', 'server_seq', 'received_at']).orderBy('server_seq').execute();
    expect(rows).toEqual([
      { rev: 1, server_seq: 1, received_at: '2026-06-01T02:30:00.000Z' },
      { rev: 1, server_seq: 2, received_at: '2026-06-01T02:30:00.000Z' },
    ]);
  });

  it('refuses a changeId reused with another body with 409, storing nothing of the batch', async () => {
    const phone = await server.device('tdp1');
    const original = upsertOf(propagandaSession(), 1);
    await phone.push([original]);

    const fresh = upsertOf(newsPost({ unitId: 'tdp-1', reporterId: 'tdp1' }), 2);
    const reused = { ...upsertOf(propagandaSession({ menCount: 99 }), 3), changeId: original.changeId };
    const response = await phone.push([fresh, reused]);

    expect(response.status).toBe(409);
    expect(response.body).toEqual({
      error: 'change_id_reused',
      message: 'Mã thay đổi đã được dùng cho một nội dung khác.',
      fields: [{ path: 'changes.1.changeId', code: 'reused' }],
    });
    // The fresh change before the reused one was rolled back with it.
    expect(await server.countRows('records')).toBe(1);
    expect(await server.countRows('applied_changes')).toBe(1);
    const fromFresh = await server.store.db.selectFrom('records').select('id').where('id', '=', fresh.recordId).execute();
    expect(fromFresh).toEqual([]);
    const device = await server.store.db.selectFrom('devices').select('last_seq').executeTakeFirstOrThrow();
    expect(device.last_seq).toBe(1);
    const counter = await server.store.db.selectFrom('counters').select('value').executeTakeFirstOrThrow();
    expect(counter.value).toBe(1);
  });

  it('treats the same changeId from another device as reused', async () => {
    const phoneA = await server.device('tdp1');
    const phoneB = await server.device('tdp1');
    const change = upsertOf(propagandaSession(), 1);
    expect((await phoneA.push([change])).status).toBe(200);
    expect((await phoneB.push([change])).status).toBe(409);
  });
});

describe('sequence gaps', () => {
  it('reports the seqs a device skipped, and clears each when it arrives', async () => {
    const phone = await server.device('tdp1');
    const gap = await phone.push([upsertOf(propagandaSession(), 1), upsertOf(propagandaSession(), 4)]);
    expect(gap.body.missingSeqs).toEqual([2, 3]);

    const late = await phone.push([upsertOf(propagandaSession(), 3)]);
    expect(late.body.missingSeqs).toEqual([2]);

    const last = await phone.push([upsertOf(propagandaSession(), 2), upsertOf(propagandaSession(), 5)]);
    expect(last.body.missingSeqs).toEqual([]);
    expect(await server.countRows('device_missing_seqs')).toBe(0);
  });

  it('keeps gaps per device', async () => {
    const phoneA = await server.device('tdp1');
    const phoneB = await server.device('tdp1');
    await phoneA.push([upsertOf(propagandaSession(), 3)]);
    const b = await phoneB.push([upsertOf(propagandaSession(), 1)]);
    expect(b.body.missingSeqs).toEqual([]);
    const a = await phoneA.push([upsertOf(propagandaSession(), 4)]);
    expect(a.body.missingSeqs).toEqual([1, 2]);
  });
});

describe('device binding', () => {
  it('refuses a push that names another device than the token with 403 and stores nothing', async () => {
    const phone = await server.device('tdp1');
    const response = await phone.push([upsertOf(propagandaSession(), 1)], randomUUID());
    expect(response.status).toBe(403);
    expect(response.body.error).toBe('device_mismatch');
    expect(await server.countRows('records')).toBe(0);
  });

  it("refuses a change whose seq jumps a window past the device's highest, naming seq, and stores nothing of the batch", async () => {
    const phone = await server.device('tdp1');
    const sessions = Array.from({ length: 100 }, () => propagandaSession());
    expect((await phone.push(sessions.map((session, i) => upsertOf(session, i + 1)))).status).toBe(200);
    const rowsBefore = await server.countRows('applied_changes');
    // The outside probe's push: 100 deletes numbered 1000, 2000, … (15 kB that stored 99,900 missing numbers).
    const deletes = sessions.map((session, i) => deleteOf(session.id, 'propagandaSession', (i + 1) * 1000, 1));
    const refused = await phone.push(deletes);
    expect(refused.status).toBe(400);
    // 1000 is within the window of 100; 2000 is not, and the whole batch goes.
    expect(refused.body).toMatchObject({ error: 'seq_jump', fields: [{ path: 'changes.1.seq', code: 'tooFar' }] });
    expect(await server.countRows('device_missing_seqs')).toBe(0);
    expect(await server.countRows('applied_changes')).toBe(rowsBefore);
    const device = await server.store.db.selectFrom('devices').select('last_seq').where('id', '=', phone.deviceId).executeTakeFirstOrThrow();
    expect(Number(device.last_seq)).toBe(100);
    // Within the window is a gap as before; the window counts from the batch's own earlier changes.
    const near = await phone.push([upsertOf(propagandaSession(), 100 + SEQ_WINDOW - 1), upsertOf(propagandaSession(), 100 + 2 * SEQ_WINDOW - 2)]);
    expect(near.status).toBe(200);
    const far = await phone.push([upsertOf(propagandaSession(), 100 + 3 * SEQ_WINDOW)]);
    expect(far.body).toMatchObject({ error: 'seq_jump', fields: [{ path: 'changes.0.seq' }] });
  });

  it("lets a device's first change start anywhere (a kept outbox under a fresh device id), then holds it to the window", async () => {
    const phone = await server.device('tdp1');
    expect((await phone.push([upsertOf(propagandaSession(), 2990), upsertOf(propagandaSession(), 2991)])).status).toBe(200);
    expect((await phone.push([upsertOf(propagandaSession(), 2991 + SEQ_WINDOW)])).status).toBe(400);
  });

  it('keeps at most MAX_MISSING_SEQS_PER_DEVICE missing numbers per device, the lowest', async () => {
    const phone = await server.device('tdp1');
    const pushed = [1];
    for (let round = 0; round < 4; round++) pushed.push(pushed.at(-1)! + SEQ_WINDOW - 1);
    const missing = pushed.slice(1).flatMap((seq, i) => Array.from({ length: seq - pushed[i]! - 1 }, (_, k) => pushed[i]! + 1 + k));
    expect(missing.length).toBeGreaterThan(MAX_MISSING_SEQS_PER_DEVICE);
    for (const seq of pushed) {
      const answer = await phone.push([upsertOf(propagandaSession(), seq)]);
      expect(answer.status).toBe(200);
      expect(answer.body.missingSeqs.length).toBeLessThanOrEqual(MAX_MISSING_SEQS_PER_DEVICE);
    }
    const stored = await server.store.db.selectFrom('device_missing_seqs').select('seq').orderBy('seq').execute();
    expect(stored.map((row) => Number(row.seq))).toEqual(missing.slice(0, MAX_MISSING_SEQS_PER_DEVICE));
  });
});
