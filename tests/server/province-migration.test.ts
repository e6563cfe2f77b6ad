// Migration 0008 on a database written before it: provinces are made from the communes'
// province names, a province account that hung off a commune moves to that commune's province,
// and every other account, device and record is as it was (SQLite copies the users table).
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newToken, sha256Hex, UNUSABLE_PIN_HASH } from '../../server/auth/secrets.ts';
import { migrateUpTo } from '../../server/store/schema/migrations.ts';
import { MIGRATION_NAMES } from '../support/migration-names.ts';
import { openTestStore, type TestStore } from './harness.ts';

let store: TestStore;
let discard: () => Promise<void>;
beforeEach(async () => {
  ({ store, discard } = await openTestStore());
});
afterEach(async () => {
  await discard();
});

describe('migration 0008 on an older database', () => {
  it('moves a province account to its commune’s province and keeps every other account and device', async () => {
    const db = store.db as unknown as Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    await migrateUpTo(db, store.engine, '0007_office_setup');
    await db.insertInto('communes').values({ id: 'nam-gia-nghia', name: 'Phường Nam Gia Nghĩa', province_name: 'Lâm Đồng' }).execute();
    await db
      .insertInto('units')
      .values([
        { id: 'nam-gia-nghia', commune_id: 'nam-gia-nghia', name: 'UBND', type: 'commune', households: 0 },
        { id: 'tdp-1', commune_id: 'nam-gia-nghia', name: 'Tổ dân phố 1', type: 'toDanPho', households: 214 },
      ])
      .execute();
    const user = (id: string, role: string, unit: string) => ({
      id,
      username: id,
      display_name: id,
      role,
      commune_id: 'nam-gia-nghia',
      unit_id: unit,
      pin_hash: UNUSABLE_PIN_HASH,
    });
    await db
      .insertInto('users')
      .values([user('tdp1', 'villageHead', 'tdp-1'), user('tinh', 'province', 'nam-gia-nghia')])
      .execute();
    // Columns of migration 0005 survive SQLite's copy of the table: a disabled account, one waiting for enrolment.
    await db
      .insertInto('users')
      .values({ ...user('old', 'villageHead', 'tdp-1'), disabled_at: '2026-02-01T00:00:00Z', pin_set: 0 })
      .execute();
    const tokens = { tdp1: newToken(), tinh: newToken() };
    for (const [id, token] of Object.entries(tokens)) {
      await db
        .insertInto('devices')
        .values({ id: `device-${id}`, user_id: id, token_hash: sha256Hex(token), created_at: '2026-01-01T00:00:00Z', revoked_at: null })
        .execute();
    }

    // 0008 and the migrations after it.
    expect(await store.migrate()).toEqual(MIGRATION_NAMES.slice(MIGRATION_NAMES.indexOf('0008_province')));

    expect(await store.db.selectFrom('provinces').selectAll().execute()).toEqual([{ id: 'lam-dong', name: 'Tỉnh Lâm Đồng' }]);
    expect(await store.db.selectFrom('communes').select(['id', 'province_id']).execute()).toEqual([{ id: 'nam-gia-nghia', province_id: 'lam-dong' }]);
    expect(await store.db.selectFrom('users').select(['id', 'role', 'commune_id', 'unit_id', 'province_id']).orderBy('id').execute()).toEqual([
      { id: 'old', role: 'villageHead', commune_id: 'nam-gia-nghia', unit_id: 'tdp-1', province_id: null },
      { id: 'tdp1', role: 'villageHead', commune_id: 'nam-gia-nghia', unit_id: 'tdp-1', province_id: null },
      { id: 'tinh', role: 'province', commune_id: null, unit_id: null, province_id: 'lam-dong' },
    ]);
    expect(await store.db.selectFrom('users').select(['id', 'disabled_at', 'pin_set']).where('id', 'in', ['old', 'tdp1']).orderBy('id').execute()).toEqual([
      { id: 'old', disabled_at: '2026-02-01T00:00:00Z', pin_set: 0 },
      { id: 'tdp1', disabled_at: null, pin_set: 1 },
    ]);
    expect(await store.sessions.findActor(sha256Hex(tokens.tdp1))).toEqual({
      deviceId: 'device-tdp1',
      userId: 'tdp1',
      role: 'villageHead',
      communeId: 'nam-gia-nghia',
      unitId: 'tdp-1',
    });
    expect(await store.sessions.findActor(sha256Hex(tokens.tinh))).toEqual({
      deviceId: 'device-tinh',
      userId: 'tinh',
      role: 'province',
      communeId: '',
      unitId: '',
      provinceId: 'lam-dong',
    });
    // The users table still refuses a village head without a unit, and a device of no user.
    await expect(
      db
        .insertInto('users')
        .values({ ...user('x', 'villageHead', 'tdp-1'), unit_id: null })
        .execute(),
    ).rejects.toThrow();
    await expect(
      db.insertInto('devices').values({ id: 'd', user_id: 'nobody', token_hash: 'h', created_at: 'now', revoked_at: null }).execute(),
    ).rejects.toThrow();
  });
});
