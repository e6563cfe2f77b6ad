// Users, their commune and units, and the devices they signed in on: the reads behind a token
// (store.sessions) and the writes of a sign-in and sign-out (store.devices, office/devices.ts),
// and the seeding of a new database.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Role, Unit } from '../../../src/domain/index.ts';
import { storeGroup } from '../group.ts';
import type { Database } from '../schema/tables.ts';
import { appendAudit, NO_COMMUNE } from '../office/audit.ts';
import type { Actor, BindDeviceInput, CommuneSeed, DeviceBinding, Profile, ProvinceSeed, UserForSignIn } from '../store.ts';

export async function findUserForSignIn(db: Kysely<Database>, username: string): Promise<UserForSignIn | undefined> {
  const row = await db.selectFrom('users').select(['id', 'pin_hash']).where('username', '=', username).where('disabled_at', 'is', null).executeTakeFirst();
  return row && { id: row.id, pinHash: row.pin_hash };
}

/**
 * Binds a new session to a device id. A device id belongs to the first account that used it:
 * the same account gets a new token on it; another account, or any account on a revoked id,
 * gets a fresh id made here (the phone adopts it from the sign-in answer). The existing row is
 * never rebound and a revocation never lifted; each fresh id leaves an audit event naming the
 * id that was refused.
 */
export async function bindDevice(db: Kysely<Database>, input: BindDeviceInput): Promise<DeviceBinding> {
  const expiresAt = input.expiresAt ?? null;
  const contact = { user_agent: input.userAgent ?? null, last_seen_at: input.now };
  const row = (id: string) => ({
    id,
    user_id: input.userId,
    token_hash: input.tokenHash,
    created_at: input.now,
    revoked_at: null,
    session_expires_at: expiresAt,
    ...contact,
  });
  // One conditional upsert: a new id is inserted, the account's own live id gets the new token, any other is left alone.
  const bound = await db
    .insertInto('devices')
    .values(row(input.deviceId))
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet({ token_hash: input.tokenHash, session_expires_at: expiresAt, ...contact })
        .where('devices.user_id', '=', input.userId)
        .where('devices.revoked_at', 'is', null),
    )
    .returning('id')
    .executeTakeFirst();
  if (bound) return { deviceId: input.deviceId };

  const held = await db.selectFrom('devices').select(['user_id', 'revoked_at']).where('id', '=', input.deviceId).executeTakeFirst();
  const refused = held && held.user_id === input.userId ? 'revoked' : 'otherAccount';
  const user = await db.selectFrom('users').select('commune_id').where('id', '=', input.userId).executeTakeFirst();
  const fresh = randomUUID();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('devices').values(row(fresh)).execute();
    await appendAudit(trx, {
      communeId: user?.commune_id ?? NO_COMMUNE,
      at: input.now,
      userId: input.userId,
      deviceId: fresh,
      action: refused === 'revoked' ? 'device.reissue_revoked' : 'device.reissue',
      target: input.deviceId,
      fields: [],
    });
  });
  return { deviceId: fresh, refused };
}

/** The actor behind a token whose session has not ended at `now`, with the session's end. */
export async function findSession(db: Kysely<Database>, tokenHash: string, now: string): Promise<{ actor: Actor; expiresAt: string | null } | undefined> {
  const row = await db
    .selectFrom('devices')
    .innerJoin('users', 'users.id', 'devices.user_id')
    .select([
      'devices.id as deviceId',
      'users.id as userId',
      'users.role',
      'users.commune_id',
      'users.unit_id',
      'users.province_id',
      'devices.session_expires_at',
    ])
    .where('devices.token_hash', '=', tokenHash)
    .where('devices.revoked_at', 'is', null)
    .where('users.disabled_at', 'is', null)
    .where((eb) => eb.or([eb('devices.session_expires_at', 'is', null), eb('devices.session_expires_at', '>', now)]))
    .executeTakeFirst();
  if (!row) return undefined;
  const actor: Actor = { deviceId: row.deviceId, userId: row.userId, role: row.role as Role, communeId: row.commune_id ?? '', unitId: row.unit_id ?? '' };
  if (row.province_id) actor.provinceId = row.province_id;
  return { actor, expiresAt: row.session_expires_at };
}

/** Moves the end of a device's session (sliding on use, or to now on sign-out). */
/** Moves a session's end; the time of the use that moved it is the device's last contact. */
export async function setSessionExpiry(db: Kysely<Database>, deviceId: string, expiresAt: string, seenAt: string): Promise<void> {
  await db.updateTable('devices').set({ session_expires_at: expiresAt, last_seen_at: seenAt }).where('id', '=', deviceId).execute();
}

export async function findActor(db: Kysely<Database>, tokenHash: string): Promise<Actor | undefined> {
  const row = await db
    .selectFrom('devices')
    .innerJoin('users', 'users.id', 'devices.user_id')
    .select(['devices.id as deviceId', 'users.id as userId', 'users.role', 'users.commune_id', 'users.unit_id', 'users.province_id'])
    .where('devices.token_hash', '=', tokenHash)
    .where('devices.revoked_at', 'is', null)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const actor: Actor = { deviceId: row.deviceId, userId: row.userId, role: row.role as Role, communeId: row.commune_id ?? '', unitId: row.unit_id ?? '' };
  if (row.province_id) actor.provinceId = row.province_id;
  return actor;
}

export async function loadProfile(db: Kysely<Database>, userId: string): Promise<Profile | undefined> {
  const user = await db
    .selectFrom('users')
    .leftJoin('communes', 'communes.id', 'users.commune_id')
    .leftJoin('provinces', (join) => join.on((eb) => eb('provinces.id', '=', eb.fn.coalesce('users.province_id', 'communes.province_id'))))
    .select([
      'users.id',
      'users.display_name',
      'users.role',
      'users.commune_id',
      'users.unit_id',
      'communes.name as commune_name',
      'provinces.id as province_id',
      'provinces.name as province_name',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!user) return undefined;
  const units = user.commune_id
    ? await db
        .selectFrom('units')
        .select(['id', 'commune_id', 'name', 'type', 'households'])
        .where('commune_id', '=', user.commune_id)
        .where('retired', '=', 0)
        .orderBy('id')
        .execute()
    : [];
  return {
    user: {
      id: user.id,
      displayName: user.display_name,
      role: user.role as Role,
      // A province user has no commune and no unit.
      communeId: user.commune_id ?? '',
      communeName: user.commune_name ?? '',
      unitId: user.unit_id ?? '',
      ...(user.province_id ? { provinceId: user.province_id, provinceName: user.province_name ?? '' } : {}),
    },
    units: units.map((unit): Unit => ({
      id: unit.id,
      communeId: unit.commune_id,
      name: unit.name,
      type: unit.type as Unit['type'],
      households: Number(unit.households),
    })),
  };
}

export async function hasAnyCommune(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('communes').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function hasAnyProvince(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('provinces').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function seedCommune(db: Kysely<Database>, seed: CommuneSeed): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { commune } = seed;
    await trx
      .insertInto('provinces')
      .values(seed.province)
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    await trx
      .insertInto('communes')
      .values({ id: commune.id, name: commune.name, province_name: commune.provinceName, province_id: seed.province.id })
      .execute();
    await trx
      .insertInto('units')
      .values(seed.units.map((u) => ({ id: u.id, commune_id: commune.id, name: u.name, type: u.type, households: u.households })))
      .execute();
    await trx
      .insertInto('users')
      .values(
        seed.users.map((u) => ({
          id: u.id,
          username: u.username,
          display_name: u.displayName,
          role: u.role,
          commune_id: commune.id,
          unit_id: u.unitId,
          pin_hash: u.pinHash,
        })),
      )
      .execute();
  });
}

/** A province and its province accounts (Sở Nội vụ): they belong to the province, not to a commune. */
export async function seedProvince(db: Kysely<Database>, seed: ProvinceSeed): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('provinces')
      .values(seed.province)
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    if (seed.users.length === 0) return;
    await trx
      .insertInto('users')
      .values(
        seed.users.map((u) => ({
          id: u.id,
          username: u.username,
          display_name: u.displayName,
          role: 'province',
          commune_id: null,
          unit_id: null,
          province_id: seed.province.id,
          pin_hash: u.pinHash,
        })),
      )
      .execute();
  });
}

/** Why a token that names no actor is refused, when it is known: a revoked device, a disabled account. */
export async function tokenRefusal(db: Kysely<Database>, tokenHash: string): Promise<'device_revoked' | 'account_disabled' | undefined> {
  const row = await db
    .selectFrom('devices')
    .innerJoin('users', 'users.id', 'devices.user_id')
    .select(['devices.revoked_at', 'users.disabled_at'])
    .where('devices.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.revoked_at !== null) return 'device_revoked';
  return row.disabled_at ? 'account_disabled' : undefined;
}

/** store.sessions: reads only; the session cache answers `find` from memory. */
export const sessionsGroup = storeGroup('keeps', ({ db }) => ({
  findUserForSignIn: (username: string) => findUserForSignIn(db, username),
  /** The actor behind a token hash whose session has not ended at `now` (ISO), and when it ends. */
  find: (tokenHash: string, now: string) => findSession(db, tokenHash, now),
  /** The actor behind a token hash, if the device exists and is not revoked. */
  findActor: (tokenHash: string) => findActor(db, tokenHash),
  loadProfile: (userId: string) => loadProfile(db, userId),
  /** Why a known token names no actor: a revoked device (the phone wipes itself) or a disabled account. */
  tokenRefusal: (tokenHash: string) => tokenRefusal(db, tokenHash),
}));
