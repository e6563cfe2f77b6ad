// The pull query: what changed in the actor's scope since a cursor; and store.sync, whose push
// each engine applies its own way (push.ts, sqlite/pushWriter.ts).
import type { Kysely, Selectable } from 'kysely';
import type { ChecklistRecord, PullResponse, RecordKind, ServerRecord } from '../../../src/domain/index.ts';
import { caseReporterLimit, readScope } from '../../sync/changeRules.ts';
import { storeGroup } from '../group.ts';
import { devicesWithGaps } from '../office/devices.ts';
import type { Database, RecordTable } from '../schema/tables.ts';
import type { PullInput, PushInput } from '../store.ts';

export async function pullRecords(db: Kysely<Database>, input: PullInput): Promise<PullResponse> {
  const scope = readScope(input.actor);
  if (!scope) return { records: [], cursor: input.since, more: false };
  let query = db.selectFrom('records').selectAll().where('server_seq', '>', input.since);
  query = 'unitId' in scope ? query.where('unit_id', '=', scope.unitId) : query.where('commune_id', '=', scope.communeId);
  const caseReporter = caseReporterLimit(input.actor);
  if (caseReporter !== undefined) {
    query = query.where((eb) => eb.or([eb('kind', '!=', 'violenceCase'), eb('reporter_id', '=', caseReporter)]));
  }
  const skip = input.skipOwn ?? [];
  if (skip.length > 0) {
    // The phone holds these revisions already: it wrote them and has the server's answer.
    query = query.where((eb) =>
      eb.not(eb.and([eb('last_device_id', '=', input.actor.deviceId), eb.or(skip.map(([from, to]) => eb.between('server_seq', from, to)))])),
    );
  }
  const rows = await query
    .orderBy('server_seq')
    .limit(input.limit + 1)
    .execute();
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    records: page.map(toServerRecord),
    cursor: last ? Number(last.server_seq) : input.since,
    more: rows.length > input.limit,
  };
}

type RecordRow = Selectable<RecordTable>;

export function toServerRecord(row: RecordRow): ServerRecord {
  return {
    id: row.id,
    kind: row.kind as RecordKind,
    unitId: row.unit_id,
    rev: Number(row.rev),
    deleted: Number(row.deleted) === 1,
    record: row.body === null ? null : (JSON.parse(row.body) as ChecklistRecord),
    receivedAt: row.received_at,
    serverSeq: Number(row.server_seq),
  };
}

/** store.sync: writes records and the devices' seqs, never who a token names. */
export const syncGroup = storeGroup('keeps', ({ db, pushPath }) => ({
  /** The whole batch in one transaction: all of it is stored, or nothing (each engine its own way: postgres.ts, sqlite/store.ts). */
  push: (input: PushInput) => pushPath.push(input),
  pull: async (input: PullInput) => {
    const response = await pullRecords(db, input);
    // Nothing goes out to a phone before it is on disk (walFlush.ts): its cursor would pass it.
    await pushPath.durable?.();
    return response;
  },
  /** One page of the commune's devices with missing change numbers, by device id after `after`. */
  devicesWithGaps: (input: { communeId: string; after: string | null; limit: number }) => devicesWithGaps(db, input),
}));
