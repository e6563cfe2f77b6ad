// Two real server processes over one PostgreSQL database, taking pushes for the same records
// at the same moment: a change is applied once, no edit overwrites another unseen, a device's
// gaps stay right, and a pull's cursor never passes a change another process commits late.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PIN } from '../../server/store/demo.ts';
import { openPostgresStore } from '../../server/store/postgres.ts';
import type { PostgresStore } from '../../server/store/postgres.ts';
import type { Change } from '../../src/domain/index.ts';
import { propagandaSession, upsertOf } from '../fixtures/records.ts';
import { signInOverHttp } from '../support/api-client.ts';
import type { Json } from '../support/api-client.ts';
import { createDatabase, dropDatabase } from '../support/postgres.ts';
import { startServer } from '../support/server-process.ts';
import type { RunningServer } from '../support/server-process.ts';

const cluster = inject('postgres');
if (!cluster) throw new Error('this suite runs in the postgres project only');

let database: { name: string; url: string };
let processes: RunningServer[] = [];
let inspect: PostgresStore;
let one: string;
let two: string;

beforeAll(async () => {
  database = await createDatabase(cluster);
  // The first process migrates and seeds; the second finds both done.
  const first = await startServer({ env: { DATABASE_URL: database.url } });
  const second = await startServer({ env: { DATABASE_URL: database.url } });
  processes = [first, second];
  [one, two] = [first.url, second.url];
  inspect = openPostgresStore(database.url, { maxConnections: 2 });
}, 90_000);

afterAll(async () => {
  await inspect?.close();
  await Promise.all(processes.map((p) => p.stop()));
  const logs = processes.map((p) => p.output()).join('\n');
  expect(logs).not.toContain('[server]'); // no request ended in a 500
  await dropDatabase(cluster, database.name);
});

const statuses = (responses: Array<{ status: number }>) => responses.map((r) => r.status);

describe('two server processes, one database', () => {
  it('applies a batch sent to both processes at the same moment once, and answers both alike', async () => {
    const phone = await signInOverHttp(one, 'tdp1');
    const sessions: string[] = [];
    for (let round = 0; round < 12; round++) {
      const batch = [1, 2, 3].map((k) => {
        const session = propagandaSession();
        sessions.push(session.id);
        return upsertOf(session, round * 3 + k);
      });
      const [a, b] = await Promise.all([phone.push(one, batch), phone.push(two, batch)]);
      expect(statuses([a, b])).toEqual([200, 200]);
      expect(b.body).toEqual(a.body);
      expect(a.body.results.map((r: Json) => [r.status, r.rev])).toEqual([
        ['applied', 1],
        ['applied', 1],
        ['applied', 1],
      ]);
    }
    const rows = await inspect.db.selectFrom('records').select(['id', 'rev']).where('id', 'in', sessions).execute();
    expect(rows).toHaveLength(36);
    expect(rows.every((row) => row.rev === 1)).toBe(true);
    const applied = await inspect.db.selectFrom('applied_changes').select('change_id').where('record_id', 'in', sessions).execute();
    expect(applied).toHaveLength(36);
  });

  it('lets one of several edits made on the same revision win, and turns the others into conflicts', async () => {
    const heads = [await signInOverHttp(one, 'tdp1'), await signInOverHttp(two, 'tdp1'), await signInOverHttp(one, 'canbo')];
    const session = propagandaSession();
    expect((await heads[0]!.push(one, [upsertOf(session, 1)])).body.results[0].rev).toBe(1);

    const rounds = 10;
    let winner = session;
    for (let round = 0; round < rounds; round++) {
      const baseRev = round + 1;
      const edits = heads.map((_, i) => ({ ...session, householdsReached: 100 * (round + 1) + i }));
      const responses = await Promise.all(heads.map((head, i) => head.push(i % 2 === 0 ? one : two, [upsertOf(edits[i]!, round + 2, baseRev)])));
      expect(statuses(responses)).toEqual([200, 200, 200]);
      const results = responses.map((r) => r.body.results[0]);
      const appliedAt = results.flatMap((r: Json, i: number) => (r.status === 'applied' ? [i] : []));
      expect(appliedAt).toHaveLength(1);
      expect(results[appliedAt[0]!].rev).toBe(baseRev + 1);
      winner = edits[appliedAt[0]!]!;
      for (const result of results.filter((r: Json) => r.status !== 'applied')) {
        expect(result.status).toBe('conflict');
        expect(result.server.rev).toBe(baseRev + 1);
        expect(result.server.record).toEqual(winner);
      }
    }
    const row = await inspect.db.selectFrom('records').select(['rev', 'body']).where('id', '=', session.id).executeTakeFirstOrThrow();
    expect(row.rev).toBe(rounds + 1);
    expect(JSON.parse(row.body!)).toEqual(winner);
  });

  it('creates a record sent by two devices at the same moment once: the other gets a conflict, never an error', async () => {
    const [phoneA, phoneB] = [await signInOverHttp(one, 'tdp1'), await signInOverHttp(two, 'tdp1')];
    for (let round = 1; round <= 10; round++) {
      const session = propagandaSession();
      const responses = await Promise.all([
        phoneA.push(one, [upsertOf({ ...session, menCount: 1 }, round)]),
        phoneB.push(two, [upsertOf({ ...session, menCount: 2 }, round)]),
      ]);
      expect(statuses(responses)).toEqual([200, 200]);
      expect(responses.map((r) => r.body.results[0].status).sort()).toEqual(['applied', 'conflict']);
      const rows = await inspect.db.selectFrom('records').select('rev').where('id', '=', session.id).execute();
      expect(rows).toEqual([{ rev: 1 }]);
    }
  });

  it('answers a changeId used by two devices at the same moment once with its result, and once with 409', async () => {
    const [phoneA, phoneB] = [await signInOverHttp(one, 'tdp1'), await signInOverHttp(two, 'tdp1')];
    for (let round = 1; round <= 10; round++) {
      const change = upsertOf(propagandaSession(), round);
      const responses = await Promise.all([phoneA.push(one, [change]), phoneB.push(two, [change])]);
      expect(statuses(responses).sort()).toEqual([200, 409]);
      const stored = await inspect.db.selectFrom('applied_changes').select('change_id').where('change_id', '=', change.changeId).execute();
      expect(stored).toHaveLength(1);
    }
  });

  it("keeps one device's highest seq and its gaps right when its batches reach both processes at once", async () => {
    const phone = await signInOverHttp(one, 'tdp2');
    for (let k = 1; k <= 10; k++) {
      const odd = upsertOf(propagandaSession({ unitId: 'tdp-2', reporterId: 'tdp2' }), 2 * k - 1);
      const even = upsertOf(propagandaSession({ unitId: 'tdp-2', reporterId: 'tdp2' }), 2 * k);
      const [a, b] = await Promise.all([phone.push(one, [odd]), phone.push(two, [even])]);
      expect(statuses([a, b])).toEqual([200, 200]);
    }
    const device = await inspect.db.selectFrom('devices').select('last_seq').where('id', '=', phone.deviceId).executeTakeFirstOrThrow();
    expect(device.last_seq).toBe(20);
    const gaps = await inspect.db.selectFrom('device_missing_seqs').select('seq').where('device_id', '=', phone.deviceId).execute();
    expect(gaps).toEqual([]);
    const last = await phone.push(two, [upsertOf(propagandaSession({ unitId: 'tdp-2', reporterId: 'tdp2' }), 23)]);
    expect(last.body.missingSeqs).toEqual([21, 22]);
  });

  it('checks at most five of fifty wrong PINs sent to both processes at once, then refuses the right one on both', async () => {
    const signIn = (url: string, pin: string) =>
      fetch(`${url}/api/v1/sessions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Session-Token': 'body' },
        body: JSON.stringify({ username: 'bgn-tdp3', pin, deviceId: randomUUID() }),
      }).then(async (response) => ({ status: response.status, body: (await response.json()) as Json }));
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => signIn(i % 2 === 0 ? one : two, '0000')));
    expect(answers.filter((answer) => answer.status === 401).length).toBeLessThanOrEqual(5);
    expect(answers.every((answer) => answer.status === 401 || answer.status === 429)).toBe(true);
    const row = await inspect.db.selectFrom('sign_in_throttle').select('failures').where('key', '=', 'account:bgn-tdp3').executeTakeFirstOrThrow();
    expect(row.failures).toBeLessThanOrEqual(5);
    for (const url of [one, two]) expect((await signIn(url, DEMO_PIN)).body.error).toBe('sign_in_locked');
  });

  it('never lets a pull cursor pass a change that another process commits later', async () => {
    const officer = await signInOverHttp(two, 'canbo');
    const start = await officer.pull(one, 0, 1000);
    let cursor: number = start.body.cursor;
    const writers = await Promise.all(['tdp3', 'tdp4', 'tdp5'].map((name) => signInOverHttp(one, name)));
    const pushed = new Set<string>();
    let writing = true;

    const write = async (writer: (typeof writers)[number], w: number) => {
      const unitId = `tdp-${w + 3}`;
      for (let batch = 0; batch < 8; batch++) {
        const changes: Change[] = [1, 2].map((k) => {
          const session = propagandaSession({ unitId, reporterId: `tdp${w + 3}` });
          pushed.add(session.id);
          return upsertOf(session, batch * 2 + k);
        });
        const response = await writer.push(batch % 2 === w % 2 ? one : two, changes);
        expect(response.status).toBe(200);
      }
    };
    const seen = new Set<string>();
    const read = async () => {
      let turn = 0;
      for (;;) {
        const done = !writing;
        const page = await officer.pull(turn++ % 2 === 0 ? one : two, cursor, 5);
        expect(page.status).toBe(200);
        for (const record of page.body.records as Json[]) seen.add(record.id);
        expect(page.body.cursor).toBeGreaterThanOrEqual(cursor);
        cursor = page.body.cursor;
        if (done && !page.body.more) return;
      }
    };
    const reader = read();
    await Promise.all(writers.map(write));
    writing = false;
    await reader;

    expect(pushed.size).toBe(48);
    // Each record was written once: a cursor that skipped its seq would never see it again.
    expect([...pushed].filter((id) => !seen.has(id))).toEqual([]);
  });
});
