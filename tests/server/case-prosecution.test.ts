// A case says whether its perpetrator is criminally prosecuted, and a broadcast, banners or a
// post carries no attendees: the server takes both, keeps an older phone's records valid (a case
// without the field reads as not known), refuses a state it does not know, still asks a meeting
// for its attendees, and, on a database from before migration 0013, rebuilds the province's
// facts so that perpetrators counselled are counted over those not prosecuted.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateUpTo } from '../../server/store/schema/migrations.ts';
import type { Actor } from '../../server/store/store.ts';
import { propagandaSession, upsertOf, violenceCase } from '../fixtures/records.ts';
import { MIGRATION_NAMES } from '../support/migration-names.ts';
import { openTestStore, startServer, type TestServer } from './harness.ts';

let close: () => Promise<void>;
afterEach(async () => {
  await close();
});

describe('over the sync API', () => {
  let server: TestServer;
  const open = async () => {
    server = await startServer();
    close = () => server.close();
    return server.device('tdp1');
  };

  it("keeps an older phone's case without a prosecution, and a broadcast without attendees, as they were sent", async () => {
    const phone = await open();
    const older = violenceCase({ perpetratorCounselled: true });
    const told = violenceCase({ caseCode: 'TDP1-2026-02', prosecution: 'notProsecuted' });
    const { menCount: _men, womenCount: _women, ...broadcast } = propagandaSession({ form: 'loudspeaker', householdsReached: 60 });
    const response = await phone.push([upsertOf(older, 1), upsertOf(told, 2), upsertOf(broadcast as never, 3)]);
    expect(response.status).toBe(200);
    expect(response.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied', 'applied']);
    const pulled = (await phone.pull()).body.records.map((c: { record: object }) => c.record);
    expect(pulled).toEqual(expect.arrayContaining([older, told, broadcast]));
    expect(pulled.find((r: { id: string }) => r.id === older.id)).not.toHaveProperty('prosecution');
  });

  it('names a prosecution it does not know, and a meeting sent without attendees, and stores nothing', async () => {
    const phone = await open();
    const { menCount: _men, womenCount: _women, ...meeting } = propagandaSession({ form: 'villageMeeting' });
    const response = await phone.push([upsertOf({ ...violenceCase(), prosecution: 'maybe' } as never, 1), upsertOf(meeting as never, 2)]);
    expect(response.status).toBe(400);
    expect(response.body.fields).toEqual([
      { path: 'changes.0.record.prosecution', code: 'invalid_value' },
      { path: 'changes.1.record.menCount', code: 'required' },
      { path: 'changes.1.record.womenCount', code: 'required' },
    ]);
    expect(await server.countRows('records')).toBe(0);
  });
});

describe('migration 0013 on an older database', () => {
  it('rebuilds the facts: a case from before counts in neither term until its perpetrator is said not prosecuted', async () => {
    const opened = await openTestStore();
    const store = opened.store;
    close = opened.discard;
    const db = store.db as unknown as Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    await migrateUpTo(db, store.engine, '0012_unit_start');
    await db.insertInto('provinces').values({ id: 'p', name: 'Tỉnh P' }).execute();
    await db.insertInto('communes').values({ id: 'xa', name: 'Xã', province_name: 'P', province_id: 'p' }).execute();
    await db
      .insertInto('units')
      .values([
        { id: 'xa', commune_id: 'xa', name: 'UBND', type: 'commune', households: 0 },
        { id: 'thon-1', commune_id: 'xa', name: 'Thôn 1', type: 'thon', households: 40 },
      ])
      .execute();
    await db
      .insertInto('users')
      .values({ id: 'canbo', username: 'canbo', display_name: 'Cán bộ', role: 'communeOfficer', commune_id: 'xa', unit_id: 'xa', pin_hash: 'x' })
      .execute();
    const deviceId = randomUUID();
    await db
      .insertInto('devices')
      .values({ id: deviceId, user_id: 'canbo', token_hash: deviceId, created_at: '2026-01-01T00:00:00Z', revoked_at: null })
      .execute();
    // A counselled perpetrator's case, stored with the facts of the definitions before 0013 (counselled over every case).
    const old = violenceCase({ unitId: 'thon-1', reporterId: 'canbo', perpetratorCounselled: true });
    await db
      .insertInto('records')
      .values({
        id: old.id,
        kind: old.kind,
        unit_id: old.unitId,
        commune_id: 'xa',
        reporter_id: 'canbo',
        date: old.date,
        rev: 1,
        deleted: 0,
        body: JSON.stringify(old),
        server_seq: 1,
        received_at: '2026-05-05T00:00:00.000Z',
        last_device_id: deviceId,
        last_user_id: 'canbo',
      })
      .execute();
    const zero = {
      handled_after: 0,
      pending_day: old.date,
      news_posts: 0,
      conferences: 0,
      sessions: 0,
      households_named: 0,
      victims_needing: 1,
      victims_reached: 1,
    };
    await db
      .insertInto('unit_quarter_facts')
      .values({ commune_id: 'xa', unit_id: 'thon-1', year: 2026, quarter: 2, records: 1, cases: 1, perpetrators_counselled: 1, ...zero })
      .execute();
    await db.insertInto('fact_definitions').values({ name: 'unit_quarter_facts', digest: 'before 0013' }).execute();

    expect(await store.migrate()).toEqual(MIGRATION_NAMES.slice(MIGRATION_NAMES.indexOf('0013_case_prosecution')));
    const counselled = async () => {
      const [figures] = await store.province.figures({ provinceId: 'p', period: { year: 2026 }, asOf: '2026-11-20', defaultHandledInTimeDays: 7 });
      return figures!.values.perpetratorsCounselled;
    };
    expect(await counselled()).toEqual({ kind: 'ratio', numerator: 0, denominator: 0, pending: 0 });

    const actor: Actor = { userId: 'canbo', role: 'communeOfficer', communeId: 'xa', unitId: 'xa', deviceId };
    const edit = {
      changeId: randomUUID(),
      seq: 1,
      op: 'upsert' as const,
      recordId: old.id,
      baseRev: 1,
      record: { ...old, prosecution: 'notProsecuted' as const },
    };
    const outcome = await store.sync.push({ actor, changes: [edit], receivedAt: '2026-11-20T00:00:00.000Z' });
    expect(outcome.ok && outcome.response.results[0]!.status).toBe('applied');
    expect(await counselled()).toEqual({ kind: 'ratio', numerator: 1, denominator: 1, pending: 0 });
  });
});
