// The bytes a sync saves: a phone is not sent back the records it has just sent (their answers
// are on the phone already), push answers come compact, and change ids compress; yet a phone
// whose data was wiped, another device of the same user, and a later edit from elsewhere all
// still get every record. The real engine and data layer against the server code in-process.
import 'fake-indexeddb/auto';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { saveRecord } from '../../src/data/index.ts';
import { uuid } from '../../src/domain/index.ts';
import type { SyncEngineDeps } from '../../src/sync/index.ts';
import { propagandaSession, upsertOf } from '../fixtures/records.ts';
import type { Json, TestDevice, TestServer } from '../server/harness.ts';
import { syncTestbed } from '../support/sync-phone.ts';

const testbed = syncTestbed();

interface Exchange {
  url: string;
  request: Json;
  answer: Json;
}

/** A phone signed in as `signedIn`, with its own database; every exchange is kept. */
async function phone(s: TestServer, signedIn: TestDevice, options: Partial<SyncEngineDeps> = {}) {
  const exchanges: Exchange[] = [];
  const requestsSent: ((url: string) => void)[] = [];
  const recorded = (toServer: typeof fetch) =>
    (async (input: RequestInfo | URL, init?: RequestInit) => {
      for (const listener of requestsSent) listener(String(input));
      const response = await toServer(input, init);
      const text = init?.body instanceof Uint8Array ? gunzipSync(init.body).toString('utf8') : String(init?.body ?? '');
      exchanges.push({ url: String(input), request: text ? JSON.parse(text) : undefined, answer: await response.clone().json() });
      return response;
    }) as typeof fetch;
  const { db, device, engine } = await testbed.phone(s, { signedIn, link: recorded, engine: options });
  const pulled = () => exchanges.filter((e) => e.url.includes('/sync/pull')).flatMap((e) => e.answer.records as Json[]);
  return { db, device, engine, exchanges, requestsSent, pulled };
}

const server = () => testbed.server();

describe('what a sync sends back', () => {
  it('does not send a phone the records it just sent, and answers the push with one run', async () => {
    const s = await server();
    const p = await phone(s, await s.device('tdp1'));
    const sessions = Array.from({ length: 30 }, () => propagandaSession());
    for (const session of sessions) await saveRecord(p.db, session);
    await p.engine.syncNow();
    expect(p.engine.status.get().phase).toBe('idle');
    expect(await s.countRows('records')).toBe(30);
    const push = p.exchanges.find((e) => e.url.includes('/sync/push'))!;
    expect(push.request.answer).toBe('compact');
    expect(push.answer.applied).toHaveLength(1);
    expect(push.answer.applied[0].slice(0, 3)).toEqual([0, 30, 1]);
    expect(p.pulled()).toEqual([]);
    // Every record is on the phone as sent, at the server's revision.
    const local = await p.db.records.toArray();
    expect(local.map((r) => [r.syncState, r.rev])).toEqual(sessions.map(() => ['sent', 1]));
    // The cursor went past its own changes: the next sync asks from there and gets nothing.
    expect(await p.device.cursor()).toBe(30);
    p.exchanges.length = 0;
    await p.engine.syncNow();
    expect(p.exchanges.map((e) => e.url)).toEqual(['/api/v1/sync/pull?since=30&limit=1000']);
  });

  it('still sends everything to a phone whose data was wiped, and to another device of the same user', async () => {
    const s = await server();
    const signedIn = await s.device('tdp1');
    const first = await phone(s, signedIn);
    const sessions = Array.from({ length: 5 }, () => propagandaSession());
    for (const session of sessions) await saveRecord(first.db, session);
    await first.engine.syncNow();
    expect(first.pulled()).toEqual([]);

    // The same device id, its records and cursor gone (storage cleared under the app).
    const wiped = await phone(s, signedIn);
    await wiped.engine.syncNow();
    expect(
      wiped
        .pulled()
        .map((r: Json) => r.id)
        .sort(),
    ).toEqual(sessions.map((r) => r.id).sort());
    expect(await wiped.db.records.count()).toBe(5);

    // A reinstalled app signs in as a new device.
    const reinstalled = await phone(s, await s.device('tdp1'));
    await reinstalled.engine.syncNow();
    expect(await reinstalled.db.records.count()).toBe(5);
  });

  it('sends a record this phone wrote once another device has edited it, in the same sync as its own new push', async () => {
    const s = await server();
    const a = await phone(s, await s.device('tdp1'));
    const b = await phone(s, await s.device('tdp1'));
    const session = propagandaSession();
    await saveRecord(a.db, session);
    await a.engine.syncNow();
    await b.engine.syncNow();
    const edited = { ...(await b.db.records.get(session.id))!.body, menCount: 99 };
    await saveRecord(b.db, edited);
    await b.engine.syncNow();

    await saveRecord(a.db, propagandaSession());
    a.exchanges.length = 0;
    await a.engine.syncNow();
    expect(a.pulled().map((r: Json) => r.id)).toEqual([session.id]);
    const local = await a.db.records.get(session.id);
    expect(local?.body).toEqual(edited);
    expect(local?.rev).toBe(2);
  });

  it('asks for the pull as soon as the last push is answered, while it stores that answer, and ends as if one came after the other', async () => {
    const s = await server();
    // The batch is exactly as large as the outbox: the phone must see that nothing follows it.
    const p = await phone(s, await s.device('tdp1'), { batchSize: 20 });
    const other = await phone(s, await s.device('tdp1'));
    const theirs = propagandaSession();
    await saveRecord(other.db, theirs);
    await other.engine.syncNow();
    const mine = Array.from({ length: 20 }, () => propagandaSession());
    for (const session of mine) await saveRecord(p.db, session);
    // What happens, in order: requests as they leave, and the outbox entries the push's answer removes.
    const events: string[] = [];
    p.requestsSent.push((url) => events.push(url.includes('/sync/pull') ? 'pull sent' : 'push sent'));
    p.db.outbox.hook('deleting', () => void events.push('answer stored'));
    await p.engine.syncNow();
    expect(events.filter((e) => e.endsWith('sent'))).toEqual(['push sent', 'pull sent']);
    expect(events.indexOf('answer stored')).toBeGreaterThan(0);
    expect(events.indexOf('pull sent')).toBeLessThan(events.indexOf('answer stored'));
    // The outcome is the same as a pull after the answer was stored.
    expect(p.pulled().map((r: Json) => r.id)).toEqual([theirs.id]);
    expect(await p.db.outbox.count()).toBe(0);
    expect((await p.db.records.toArray()).map((r) => [r.syncState, r.rev])).toEqual([...mine, theirs].map(() => ['sent', 1]));
    expect(await p.device.cursor()).toBe(21);
  });

  it('makes change ids that are UUIDs, unique, and differ between two databases of one device', async () => {
    const s = await server();
    const signedIn = await s.device('tdp1');
    const one = await phone(s, signedIn);
    const two = await phone(s, signedIn);
    for (const p of [one, two]) for (let i = 0; i < 3; i++) await saveRecord(p.db, propagandaSession());
    const ids = [...(await one.db.outbox.toArray()), ...(await two.db.outbox.toArray())].map((e) => e.changeId);
    for (const changeId of ids) expect(uuid.safeParse(changeId).success).toBe(true);
    expect(new Set(ids).size).toBe(6);
    // Both send seq 1–3 under one device id; neither is taken for a reuse of the other's ids.
    await one.engine.syncNow();
    await two.engine.syncNow();
    expect(await s.countRows('records')).toBe(6);
  });
});

describe('older phones and bad input', () => {
  it('answers a push without `answer` with the full list of results, as before', async () => {
    const s = await server();
    const device = await s.device('tdp1');
    const changes = [upsertOf(propagandaSession(), 1), upsertOf(propagandaSession(), 2)];
    const answer = await device.push(changes);
    expect(answer.status).toBe(200);
    expect(answer.body.results.map((r: Json) => [r.changeId, r.status, r.rev])).toEqual(changes.map((c) => [c.changeId, 'applied', 1]));
    // And an old phone's pull, without skip, gets its own records back.
    expect((await device.pull('since=0')).body.records).toHaveLength(2);
  });

  it('refuses a malformed skip list with 400 naming the field', async () => {
    const s = await server();
    const device = await s.device('tdp1');
    for (const skip of ['abc', '9-5', Array.from({ length: 65 }, (_, i) => i + 1).join(',')]) {
      const answer = await device.pull(`since=0&skip=${skip}`);
      expect(answer.status).toBe(400);
      expect(answer.body.fields).toEqual([{ path: 'skip', code: 'invalidRanges' }]);
    }
  });

  it('leaves out only the named seqs of this device', async () => {
    const s = await server();
    const a = await s.device('tdp1');
    const b = await s.device('tdp1');
    await a.push([upsertOf(propagandaSession(), 1), upsertOf(propagandaSession(), 2)]);
    await b.push([upsertOf(propagandaSession(), 1)]);
    const seqsOf = (answer: Json) => answer.body.records.map((r: Json) => r.serverSeq);
    expect(seqsOf(await a.pull('since=0&skip=1-3'))).toEqual([3]); // 3 is b's: named, but not a's
    expect(seqsOf(await b.pull('since=0&skip=1-2'))).toEqual([1, 2, 3]); // 1–2 are a's, 3 not named
    expect(seqsOf(await a.pull('since=0&skip=2'))).toEqual([1, 3]);
  });
});
