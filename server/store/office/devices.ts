// The phones signed in: bound at sign-in, their session moved on use and sign-out, listed and
// revoked by the commune's officer (store.devices); and the commune's devices whose change
// sequence has a hole, a phone that lost changes before sending them (wiped, or reinstalled),
// which the officer sees to call the village head (store.sync).
import type { Kysely } from 'kysely';
import type { CommuneDevice, DeviceGap, DeviceGapsPage } from '../../../src/domain/devices.ts';
import { bindDevice, setSessionExpiry } from '../accounts/sessions.ts';
import { storeGroup } from '../group.ts';
import type { Database } from '../schema/tables.ts';
import type { BindDeviceInput } from '../store.ts';
import { withAudit, type AuditEventInput } from './audit.ts';

export type { CommuneDevice, DeviceGap, DeviceGapsPage };

/** One page of the commune's devices with gaps, by device id, after `after`. */
export async function devicesWithGaps(db: Kysely<Database>, input: { communeId: string; after: string | null; limit: number }): Promise<DeviceGapsPage> {
  let devices = db
    .selectFrom('devices as d')
    .innerJoin('users as u', 'u.id', 'd.user_id')
    .select(['d.id as deviceId', 'u.id as userId', 'u.display_name as displayName', 'u.unit_id as unitId', 'd.last_seq as lastSeq'])
    .where('u.commune_id', '=', input.communeId)
    .where((eb) => eb.exists(eb.selectFrom('device_missing_seqs as m').select('m.seq').whereRef('m.device_id', '=', 'd.id')));
  if (input.after !== null) devices = devices.where('d.id', '>', input.after);
  const rows = await devices
    .orderBy('d.id')
    .limit(input.limit + 1)
    .execute();
  const page = rows.slice(0, input.limit);
  if (page.length === 0) return { devices: [], next: null };
  const missing = await db
    .selectFrom('device_missing_seqs')
    .select(['device_id', 'seq'])
    .where(
      'device_id',
      'in',
      page.map((row) => row.deviceId),
    )
    .orderBy('device_id')
    .orderBy('seq')
    .execute();
  const seqsOf = new Map<string, number[]>();
  for (const row of missing) seqsOf.set(row.device_id, [...(seqsOf.get(row.device_id) ?? []), Number(row.seq)]);
  return {
    devices: page.map((row): DeviceGap => ({
      deviceId: row.deviceId,
      userId: row.userId,
      displayName: row.displayName,
      // Users of a commune always have a unit (only province users have none).
      unitId: row.unitId ?? '',
      lastSeq: Number(row.lastSeq),
      missingSeqs: seqsOf.get(row.deviceId) ?? [],
    })),
    next: rows.length > input.limit ? page.at(-1)!.deviceId : null,
  };
}

export async function listCommuneDevices(db: Kysely<Database>, communeId: string): Promise<CommuneDevice[]> {
  const rows = await db
    .selectFrom('devices as d')
    .innerJoin('users as u', 'u.id', 'd.user_id')
    .select([
      'd.id as deviceId',
      'u.id as userId',
      'u.display_name as displayName',
      'u.unit_id as unitId',
      'd.created_at as createdAt',
      'd.revoked_at as revokedAt',
      'd.user_agent as userAgent',
      'd.last_seen_at as lastSeenAt',
    ])
    .where('u.commune_id', '=', communeId)
    .orderBy('u.id')
    .orderBy('d.id')
    .execute();
  // Users of a commune always have a unit (only province users have none).
  return rows.map((row) => ({ ...row, unitId: row.unitId ?? '', userAgent: row.userAgent ?? null, lastSeenAt: row.lastSeenAt ?? null }));
}

/** Revokes a device of the commune; false when no such device is signed in to it. */
export async function revokeDevice(db: Kysely<Database>, input: { communeId: string; deviceId: string; now: string }): Promise<boolean> {
  const device = await db
    .selectFrom('devices as d')
    .innerJoin('users as u', 'u.id', 'd.user_id')
    .select(['d.id', 'd.revoked_at'])
    .where('d.id', '=', input.deviceId)
    .where('u.commune_id', '=', input.communeId)
    .executeTakeFirst();
  if (!device) return false;
  if (device.revoked_at === null) {
    await db.updateTable('devices').set({ revoked_at: input.now }).where('id', '=', input.deviceId).execute();
  }
  return true;
}

/** store.devices: writes devices, so every call clears the cached sessions. */
export const devicesGroup = storeGroup('clears', ({ db }) => ({
  /**
   * A new token (only its hash is stored) on the device: the id sent when it is new or already
   * this user's and not revoked, else a fresh id (accounts/sessions.ts), which the sign-in answer carries.
   */
  bind: (input: BindDeviceInput) => bindDevice(db, input),
  /** Moves the end of a device's session: later on use, or to now on sign-out; `seenAt` is the device's last contact. */
  setSessionExpiry: (deviceId: string, expiresAt: string, seenAt: string) => setSessionExpiry(db, deviceId, expiresAt, seenAt),
  /** The phones signed in to the commune, revoked ones included. */
  list: (communeId: string) => listCommuneDevices(db, communeId),
  /** Revokes one of the commune's devices (its token stops working); false when not found there. */
  revoke: ({ audit, ...input }: { communeId: string; deviceId: string; now: string; audit?: AuditEventInput }) =>
    withAudit(
      db,
      audit,
      (trx) => revokeDevice(trx, input),
      (revoked) => revoked,
    ),
}));
