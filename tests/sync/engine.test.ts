// The phone's sync engine against the real server code in-process, over a network that
// can be cut: offline saves, lost responses, refused changes, conflicts, pulls and backoff.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { saveRecord, type DeviceStore, type NotebookDb } from '../../src/data/index.ts';
import type { SyncEngine, SyncEngineDeps } from '../../src/sync/index.ts';
import { newsPost, propagandaSession, upsertOf } from '../fixtures/records.ts';
import type { TestServer } from '../server/harness.ts';
import { syncTestbed } from '../support/sync-phone.ts';

type Mode = 'up' | 'down' | 'loseResponse' | 'hang' | 'forbidden';

interface Phone {
  db: NotebookDb;
  device: DeviceStore;
  engine: SyncEngine;
  network: { mode: Mode; requests: number };
  timers: { ms: number; fn: () => void }[];
}

const testbed = syncTestbed();
const server = testbed.server;

/** A phone behind a network the test can cut, with its timers kept for the test to run. */
async function phone(s: TestServer, username: string, options: Partial<SyncEngineDeps> = {}): Promise<Phone> {
  const network = { mode: 'up' as Mode, requests: 0 };
  const throughNetwork = (toServer: typeof fetch) =>
    (async (input: RequestInfo | URL, init?: RequestInit) => {
      network.requests += 1;
      if (network.mode === 'down') throw new TypeError('Failed to fetch');
      // A link that keeps the request open and never answers, until the phone gives up on it.
      if (network.mode === 'hang') {
        return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
      }
      if (network.mode === 'forbidden') return new Response(JSON.stringify({ error: 'forbidden' }), { status: 403 });
      const response = await toServer(input, init);
      if (network.mode === 'loseResponse') throw new TypeError('connection reset after the server answered');
      return response;
    }) as typeof fetch;
  const timers: Phone['timers'] = [];
  const engine = { random: () => 0.5, setTimer: (fn: () => void, ms: number) => timers.push({ fn, ms }), clearTimer: () => undefined, ...options };
  const { db, device, engine: running } = await testbed.phone(s, { username, link: throughNetwork, engine });
  return { db, device, engine: running, network, timers };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
}

async function serverRows(s: TestServer, id: string): Promise<{ rev: number; body: string | null }[]> {
  return s.store.db.selectFrom('records').select(['rev', 'body']).where('id', '=', id).execute();
}

describe('sync engine', () => {
  it('keeps a record saved offline and sends it once the connection returns', async () => {
    const s = await server();
    const p = await phone(s, 'tdp1');
    const session = propagandaSession();
    p.network.mode = 'down';
    await saveRecord(p.db, session);
    await p.engine.syncNow();
    expect(p.engine.status.get().phase).toBe('offline');
    expect(await p.db.outbox.count()).toBe(1);
    expect(await serverRows(s, session.id)).toEqual([]);

    p.network.mode = 'up';
    await p.engine.syncNow();
    expect(p.engine.status.get().phase).toBe('idle');
    expect(await p.db.outbox.count()).toBe(0);
    expect(await p.db.records.get(session.id)).toMatchObject({ syncState: 'sent', rev: 1 });
    const rows = await serverRows(s, session.id);
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.body!)).toEqual(session);
  });

  it('stores a change once when the response to its push was lost', async () => {
    const s = await server();
    const p = await phone(s, 'tdp1');
    const post = newsPost({ unitId: 'tdp-1', reporterId: 'tdp1' });
    await saveRecord(p.db, post);
    p.network.mode = 'loseResponse';
    await p.engine.syncNow();
    expect(await p.db.outbox.count()).toBe(1); // the phone never heard: it keeps the change
    expect(await s.countRows('applied_changes')).toBe(1); // but the server applied it

    p.network.mode = 'up';
    await p.engine.syncNow();
    expect(await p.db.outbox.count()).toBe(0);
    expect(await s.countRows('applied_changes')).toBe(1);
    expect(await serverRows(s, post.id)).toMatchObject([{ rev: 1 }]);
    expect(await p.db.records.get(post.id)).toMatchObject({ syncState: 'sent', rev: 1 });
  });

  it('splits a refused batch, sends the good changes and marks the bad one with its field', async () => {
    const s = await server();
    const p = await phone(s, 'tdp1');
    const good1 = newsPost({ unitId: 'tdp-1', reporterId: 'tdp1' });
    const good2 = propagandaSession();
    await saveRecord(p.db, good1);
    // An entry an older app version let through: the server's schema refuses its empty title.
    const bad = newsPost({ unitId: 'tdp-1', reporterId: 'tdp1', title: '' });
    await p.db.records.put({
      id: bad.id,
      kind: 'newsPost',
      unitId: 'tdp-1',
      date: bad.date,
      quarter: '2026-Q1',
      body: bad,
      rev: 0,
      deleted: false,
      syncState: 'pending',
      updatedAt: '',
    });
    await p.db.outbox.add({ seq: 2, changeId: randomUUID(), recordId: bad.id, kind: 'newsPost', op: 'upsert', baseRev: 0, record: bad, createdAt: '' });
    await p.db.meta.put({ key: 'nextSeq', value: 3 });
    await saveRecord(p.db, good2);

    await p.engine.syncNow();
    expect(await p.db.outbox.count()).toBe(0);
    expect(await p.db.records.get(good1.id)).toMatchObject({ syncState: 'sent' });
    expect(await p.db.records.get(good2.id)).toMatchObject({ syncState: 'sent' });
    const refused = await p.db.records.get(bad.id);
    expect(refused?.syncState).toBe('rejected');
    expect(refused?.rejection?.fields).toContain('title');
    expect(await serverRows(s, bad.id)).toEqual([]);
  });

  it('marks a record of another unit as rejected, and keeps it on the phone', async () => {
    const s = await server();
    const p = await phone(s, 'tdp1');
    const elsewhere = propagandaSession({ unitId: 'tdp-2' });
    await saveRecord(p.db, elsewhere);
    await p.engine.syncNow();
    expect(await p.db.records.get(elsewhere.id)).toMatchObject({ syncState: 'rejected', rejection: { reason: 'forbidden_unit' }, body: elsewhere });
    expect(await serverRows(s, elsewhere.id)).toEqual([]);
  });

  it("pulls its unit's records written elsewhere, and never another unit's", async () => {
    const s = await server();
    const p = await phone(s, 'tdp1');
    const officer = await s.device('canbo');
    const forTdp1 = newsPost({ unitId: 'tdp-1' });
    const forTdp2 = newsPost({ unitId: 'tdp-2' });
    expect((await officer.push([upsertOf(forTdp1, 1), upsertOf(forTdp2, 2)])).status).toBe(200);
    await p.engine.syncNow();
    expect(await p.db.records.get(forTdp1.id)).toMatchObject({ syncState: 'sent', rev: 1, body: forTdp1 });
    expect(await p.db.records.get(forTdp2.id)).toBeUndefined();
    expect(await p.device.cursor()).toBeGreaterThan(0);
  });

  it('turns an edit on a stale revision into a conflict that keeps both versions', async () => {
    const s = await server();
    const p = await phone(s, 'tdp1');
    const session = propagandaSession();
    await saveRecord(p.db, session);
    await p.engine.syncNow();
    const officer = await s.device('canbo');
    const theirs = { ...session, householdsReached: 60 };
    expect((await officer.push([upsertOf(theirs, 1, 1)])).body.results[0].status).toBe('applied');

    const mine = { ...session, householdsReached: 45 };
    await saveRecord(p.db, mine); // made on rev 1, before the phone pulled rev 2, on the same field
    await p.engine.syncNow();
    const local = await p.db.records.get(session.id);
    expect(local?.syncState).toBe('conflict');
    expect(local?.body).toEqual(mine);
    expect(local?.theirs?.record).toEqual(theirs);
    expect(JSON.parse((await serverRows(s, session.id))[0]!.body!)).toEqual(theirs);
  });

  it('merges an edit on a stale revision with the newer one when they changed different fields', async () => {
    const s = await server();
    const p = await phone(s, 'tdp1');
    const session = propagandaSession();
    await saveRecord(p.db, session);
    await p.engine.syncNow();
    const officer = await s.device('canbo');
    expect((await officer.push([upsertOf({ ...session, householdsReached: 60 }, 1, 1)])).body.results[0].status).toBe('applied');

    await saveRecord(p.db, { ...session, womenCount: 40 }); // made on rev 1: another field
    await p.engine.syncNow();
    const both = { ...session, householdsReached: 60, womenCount: 40 };
    expect(await p.db.records.get(session.id)).toMatchObject({ syncState: 'sent', rev: 3, body: both });
    expect(JSON.parse((await serverRows(s, session.id))[0]!.body!)).toEqual(both);
  });

  it('gives up on a call that stalls, and a later sync sends what waits', async () => {
    const s = await server();
    const p = await phone(s, 'tdp1', { requestTimeoutMs: 50 });
    const session = propagandaSession();
    await saveRecord(p.db, session);
    p.network.mode = 'hang';
    await p.engine.syncNow(); // returns: the stalled push was given up
    expect(p.engine.status.get()).toMatchObject({ phase: 'offline', failure: { kind: 'network' } });
    expect(p.timers.length).toBeGreaterThan(0); // and a retry is scheduled
    p.network.mode = 'up';
    await p.engine.syncNow();
    expect(await serverRows(s, session.id)).toHaveLength(1);
    expect(await p.db.outbox.count()).toBe(0);
  });

  it('stops for real: the call under way ends, and nothing runs after', async () => {
    const s = await server();
    const p = await phone(s, 'tdp1');
    await saveRecord(p.db, propagandaSession());
    p.network.mode = 'hang';
    const running = p.engine.syncNow();
    await until(() => p.network.requests === 1);
    p.engine.stop();
    await running;
    p.network.mode = 'up';
    await p.engine.syncNow();
    expect(p.network.requests).toBe(1);
    expect(await p.db.outbox.count()).toBe(1);
    expect(p.engine.status.get().phase).not.toBe('offline');
  });

  it('tells a refusal (403) from an ended session, and a bug in the app from being offline', async () => {
    const s = await server();
    const p = await phone(s, 'tdp1');
    await saveRecord(p.db, propagandaSession());
    p.network.mode = 'forbidden';
    await p.engine.syncNow();
    expect(p.engine.status.get()).toMatchObject({ phase: 'retrying', failure: { kind: 'server', status: 403 } });
    p.network.mode = 'up';
    p.device.deviceId = async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'id')");
    };
    await p.engine.syncNow();
    expect(p.engine.status.get()).toMatchObject({ phase: 'retrying', failure: { kind: 'unexpected' } });
  });

  it('retries after a failure on a growing, jittered delay, then succeeds', async () => {
    const s = await server();
    const p = await phone(s, 'tdp1', { backoff: { baseMs: 1_000, maxMs: 60_000 } });
    await saveRecord(p.db, propagandaSession());
    p.network.mode = 'down';
    await p.engine.syncNow();
    p.timers.at(-1)!.fn(); // the retry timer fires, and fails again
    await until(() => p.timers.length === 2);
    // random() = 0.5 → 3/4 of the ceiling: 1 s, then 2 s.
    expect(p.timers.map((t) => t.ms)).toEqual([750, 1500]);
    p.network.mode = 'up';
    p.timers.at(-1)!.fn();
    await until(() => p.engine.status.get().phase === 'idle');
    expect(await p.db.outbox.count()).toBe(0);
    expect(p.engine.status.get().phase).toBe('idle');
  });

  it('on a link down for weeks: one request per retry, delays growing to a cap, never stuck sending, and the change still goes', async () => {
    const s = await server();
    let clock = Date.parse('2026-10-01T01:00:00Z');
    const p = await phone(s, 'tdp1', { backoff: { baseMs: 1_000, maxMs: 60_000 }, now: () => clock });
    const session = propagandaSession();
    await saveRecord(p.db, session, { now: new Date(clock) });
    p.network.mode = 'down';
    await p.engine.syncNow();
    for (let retry = 1; retry < 12; retry++) {
      clock += p.timers.at(-1)!.ms;
      p.timers.at(-1)!.fn();
      await until(() => p.timers.length === retry + 1);
      expect(p.engine.status.get().sending.size).toBe(0);
    }
    // random() = 0.5: 3/4 of min(cap, 1 s × 2^n); nothing but the cap limits it.
    expect(p.timers.map((t) => t.ms)).toEqual([750, 1500, 3000, 6000, 12000, 24000, 45000, 45000, 45000, 45000, 45000, 45000]);
    expect(p.network.requests).toBe(12);
    clock += 30 * 24 * 3600_000; // a month later
    p.network.mode = 'up';
    p.timers.at(-1)!.fn();
    await until(() => p.engine.status.get().phase === 'idle');
    expect(await serverRows(s, session.id)).toHaveLength(1);
    expect(await p.db.outbox.count()).toBe(0);
  });

  it("orders changes by the server, whatever the phones' clocks say", async () => {
    const s = await server();
    const ahead = await phone(s, 'tdp1', { now: () => Date.parse('2026-12-30T00:00:00Z') });
    const behind = await phone(s, 'tdp1', { now: () => Date.parse('2026-01-02T00:00:00Z') });
    const first = propagandaSession({ date: '2026-05-02' });
    const second = propagandaSession({ date: '2026-05-01' });
    await saveRecord(ahead.db, first, { now: new Date('2026-12-30T00:00:00Z') });
    await ahead.engine.syncNow();
    s.setNow(new Date('2026-06-01T03:00:00.000Z'));
    await saveRecord(behind.db, second, { now: new Date('2026-01-02T00:00:00Z') });
    await behind.engine.syncNow();
    const rows = await s.store.db.selectFrom('records').select(['id', 'date', 'received_at', 'server_seq']).orderBy('server_seq').execute();
    // The order of arrival at the server; each record keeps the day its user chose; receive times are the server's.
    expect(rows.map((r) => [r.id, r.date, r.received_at])).toEqual([
      [first.id, '2026-05-02', '2026-06-01T02:30:00.000Z'],
      [second.id, '2026-05-01', '2026-06-01T03:00:00.000Z'],
    ]);
    await ahead.engine.syncNow();
    const pulledOrder = (await ahead.db.records.toArray()).map((r) => r.id).sort();
    expect(pulledOrder).toEqual([first.id, second.id].sort());
  });

  it('splits a batch over the body limit until every change fits', async () => {
    const s = await server({ bodyLimitBytes: 4_000 });
    const p = await phone(s, 'tdp1');
    const sessions = Array.from({ length: 12 }, () => propagandaSession({ note: 'Ghi chú '.repeat(30) }));
    for (const session of sessions) await saveRecord(p.db, session);
    await p.engine.syncNow();
    expect(await p.db.outbox.count()).toBe(0);
    expect(await s.countRows('records')).toBe(12);
    for (const session of sessions) expect((await p.db.records.get(session.id))?.syncState).toBe('sent');
  });
});
