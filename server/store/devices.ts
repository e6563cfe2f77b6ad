// The commune's devices whose change sequence has a hole: a phone that lost changes before
// sending them (wiped, or reinstalled). The officer sees them and can call the village head.
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface DeviceGap {
  deviceId: string;
  userId: string;
  displayName: string;
  unitId: string;
  lastSeq: number;
  missingSeqs: number[];
}

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
      unitId: row.unitId,
      lastSeq: Number(row.lastSeq),
      missingSeqs: [],
    };
    gap.missingSeqs.push(Number(row.seq));
    byDevice.set(row.deviceId, gap);
  }
  return [...byDevice.values()];
}
