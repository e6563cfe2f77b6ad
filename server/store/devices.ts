// The commune's devices whose change sequence has a hole: a phone that lost changes before
// sending them (wiped, or reinstalled). The officer sees them and can call the village head.
import type { Kysely } from 'kysely';
import type { CommuneDevice, DeviceGap } from '../../src/domain/devices.ts';
import type { Database } from './schema.ts';

export type { CommuneDevice, DeviceGap };


export async function devicesWithGaps(db: Kysely<Database>, communeId: string): Promise<DeviceGap[]> {
  const rows = await db
    .selectFrom('device_missing_seqs as m')
    .innerJoin('devices as d', 'd.id', 'm.device_id')
    .innerJoin('users as u', 'u.id', 'd.user_id')
    .select(['d.id as deviceId', 'u.id as userId', 'u.display_name as displayName', 'u.unit_id as unitId', 'd.last_seq as lastSeq', 'm.seq as seq'])
    .where('u.commune_id', '=', communeId)
    .orderBy('d.id')
    .orderBy('m.seq')
    .execute();
  const byDevice = new Map<string, DeviceGap>();
  for (const row of rows) {
    const gap = byDevice.get(row.deviceId) ?? {
      deviceId: row.deviceId,
      userId: row.userId,
      displayName: row.displayName,
      // Users of a commune always have a unit (only province users have none).
      unitId: row.unitId ?? '',
      lastSeq: Number(row.lastSeq),
      missingSeqs: [],
    };
    gap.missingSeqs.push(Number(row.seq));
    byDevice.set(row.deviceId, gap);
  }
  return [...byDevice.values()];
}


export async function listCommuneDevices(db: Kysely<Database>, communeId: string): Promise<CommuneDevice[]> {
  const rows = await db
    .selectFrom('devices as d')
    .innerJoin('users as u', 'u.id', 'd.user_id')
    .select(['d.id as deviceId', 'u.id as userId', 'u.display_name as displayName', 'u.unit_id as unitId', 'd.created_at as createdAt', 'd.revoked_at as revokedAt'])
    .where('u.commune_id', '=', communeId)
    .orderBy('u.id')
    .orderBy('d.id')
    .execute();
  // Users of a commune always have a unit (only province users have none).
  return rows.map((row) => ({ ...row, unitId: row.unitId ?? '' }));
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
