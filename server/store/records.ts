// The push and pull queries. A push runs as one transaction: every change of the batch is
// stored with its result, or (on a reused changeId) nothing is.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Change, ChangeResult, ChecklistRecord, PullResponse, PushResponse, RecordKind, ServerRecord } from '../../src/domain/index.ts';
import { mergeRecords, withKeptNotes } from '../../src/domain/index.ts';
import { changeHash } from '../sync/changeHash.ts';
import { caseReporterLimit, judgeChange, readScope } from '../sync/changeRules.ts';
import type { StoredHead } from '../sync/changeRules.ts';
import type { EngineTraits } from './engine.ts';
import type { Database, RecordTable } from './schema.ts';
import type { PullInput, PushInput, PushOutcome } from './store.ts';
import { retryingTransaction } from './transactions.ts';

/** At most this many skipped sequence numbers are remembered per gap, and reported. */
const MISSING_SEQ_CAP = 1000;

class ChangeIdReused extends Error {
  constructor(readonly index: number) {
    super('change id reused');
  }
}

export async function pushChanges(db: Kysely<Database>, traits: EngineTraits, input: PushInput): Promise<PushOutcome> {
  try {
    return { ok: true, response: await retryingTransaction(db, (trx) => pushBatch(trx, traits, input)) };
  } catch (error) {
    if (error instanceof ChangeIdReused) return { ok: false, reusedIndex: error.index };
    throw error;
  }
}

/**
 * Locks in the same order in every push, so that two pushes never wait on each other in a
 * cycle: the device's row (one push per device at a time, so a batch sent to two processes
 * at once is applied by the first and answered from storage by the second), then the batch's
 * records by id (an edit reads the revision no one else can change before it commits), then
 * the server_seq counter at each applied change (held to the commit, so commits take server
 * seqs in order and a pull's cursor never passes a change still to be committed).
 */
async function pushBatch(trx: Transaction<Database>, traits: EngineTraits, input: PushInput): Promise<PushResponse> {
  const { deviceId } = input.actor;
  let lastSeq = await lockDevice(trx, traits, deviceId);
  if (traits.rowLocks && input.changes.length > 0) await lockRecords(trx, input.changes.map((change) => change.recordId));
  const results: ChangeResult[] = [];
  for (const [index, change] of input.changes.entries()) {
    const hash = changeHash(deviceId, change);
    const earlier = await trx
      .selectFrom('applied_changes')
      .select(['body_hash', 'result'])
      .where('change_id', '=', change.changeId)
      .executeTakeFirst();
    if (earlier) {
      if (earlier.body_hash !== hash) throw new ChangeIdReused(index);
      results.push(JSON.parse(earlier.result) as ChangeResult);
      continue;
    }
    lastSeq = await noteSeq(trx, deviceId, lastSeq, change.seq);
    const result = await applyChange(trx, input, change);
    await trx
      .insertInto('applied_changes')
      .values({
        change_id: change.changeId,
        device_id: deviceId,
        seq: change.seq,
        record_id: change.recordId,
        body_hash: hash,
        result: JSON.stringify(result),
        received_at: input.receivedAt,
      })
      .execute();
    results.push(result);
  }
  return { results, missingSeqs: await missingSeqs(trx, deviceId) };
}

async function lockDevice(trx: Transaction<Database>, traits: EngineTraits, deviceId: string): Promise<number> {
  const query = trx.selectFrom('devices').select('last_seq').where('id', '=', deviceId);
  const device = await (traits.rowLocks ? query.forUpdate() : query).executeTakeFirstOrThrow();
  return Number(device.last_seq);
}

async function lockRecords(trx: Transaction<Database>, recordIds: string[]): Promise<void> {
  // PostgreSQL sorts before it locks, so every push takes these row locks in id order.
  await trx.selectFrom('records').select('id').where('id', 'in', [...new Set(recordIds)]).orderBy('id').forUpdate().execute();
}

async function applyChange(trx: Transaction<Database>, input: PushInput, sent: Change): Promise<ChangeResult> {
  const { actor, receivedAt } = input;
  const row = await trx.selectFrom('records').selectAll().where('id', '=', sent.recordId).executeTakeFirst();
  // An edit from a phone that no longer holds the case's notes keeps the server's.
  const change = withKeptNotes(sent, row?.body ? (JSON.parse(row.body) as ChecklistRecord) : undefined);
  const targetUnitId = change.op === 'upsert' ? change.record.unitId : (row?.unit_id ?? actor.unitId);
  const targetCommuneId = await communeOfUnit(trx, targetUnitId);
  const verdict = judgeChange(actor, change, row && storedHead(row), targetCommuneId);

  if (verdict.action === 'reject') {
    return { changeId: change.changeId, status: 'rejected', reason: verdict.reason, fields: verdict.fields };
  }
  let merged: ChecklistRecord | undefined;
  if (verdict.action === 'conflict') {
    if (!row) throw new Error('a conflict needs a stored record');
    merged = await mergeWithNewer(trx, change, row);
    if (!merged) return { changeId: change.changeId, status: 'conflict', server: toServerRecord(row) };
  }

  const rev = Number(row?.rev ?? 0) + 1;
  const serverSeq = await nextServerSeq(trx);
  const written = { rev, server_seq: serverSeq, received_at: receivedAt, last_device_id: actor.deviceId, last_user_id: actor.userId };
  if (change.op === 'upsert') {
    const record = merged ?? change.record;
    const body = { kind: record.kind, date: record.date, deleted: 0, body: JSON.stringify(record), ...written };
    if (row) {
      await trx.updateTable('records').set(body).where('id', '=', row.id).execute();
    } else {
      await trx
        .insertInto('records')
        .values({ id: record.id, unit_id: record.unitId, commune_id: targetCommuneId ?? actor.communeId, reporter_id: record.reporterId, ...body })
        .execute();
    }
  } else if (row) {
    await trx.updateTable('records').set({ deleted: 1, ...written }).where('id', '=', row.id).execute();
  } else {
    await trx
      .insertInto('records')
      .values({
        id: change.recordId,
        kind: change.kind,
        unit_id: actor.unitId,
        commune_id: actor.communeId,
        reporter_id: actor.userId,
        date: null,
        deleted: 1,
        body: null,
        ...written,
      })
      .execute();
  }
  await trx
    .insertInto('record_versions')
    .values({
      record_id: change.recordId,
      rev,
      deleted: change.op === 'delete' ? 1 : 0,
      body: change.op === 'upsert' ? JSON.stringify(merged ?? change.record) : (row?.body ?? null),
      device_id: actor.deviceId,
      user_id: actor.userId,
      received_at: receivedAt,
    })
    .execute();
  return merged
    ? { changeId: change.changeId, status: 'applied', rev, serverSeq, merged }
    : { changeId: change.changeId, status: 'applied', rev, serverSeq };
}

/** An edit made on an old revision, merged field by field with the newer one when they don't overlap. */
async function mergeWithNewer(trx: Transaction<Database>, change: Change, row: RecordRow): Promise<ChecklistRecord | undefined> {
  if (change.op !== 'upsert' || Number(row.deleted) === 1 || row.body === null || change.baseRev === 0) return undefined;
  const base = await trx
    .selectFrom('record_versions')
    .select(['body', 'deleted'])
    .where('record_id', '=', row.id)
    .where('rev', '=', change.baseRev)
    .executeTakeFirst();
  if (!base?.body || Number(base.deleted) === 1) return undefined;
  const outcome = mergeRecords(JSON.parse(base.body) as ChecklistRecord, change.record, JSON.parse(row.body) as ChecklistRecord);
  return outcome.ok ? outcome.merged : undefined;
}

/** The counter's row lock, held to the commit, makes commits take server_seqs in order. */
async function nextServerSeq(trx: Transaction<Database>): Promise<number> {
  const row = await trx
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('name', '=', 'server_seq')
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

async function communeOfUnit(trx: Transaction<Database>, unitId: string): Promise<string | undefined> {
  const unit = await trx.selectFrom('units').select('commune_id').where('id', '=', unitId).executeTakeFirst();
  return unit?.commune_id;
}

/** Keeps the device's highest seq and the numbers it skipped; a late arrival clears its gap. */
async function noteSeq(trx: Transaction<Database>, deviceId: string, lastSeq: number, seq: number): Promise<number> {
  if (seq <= lastSeq) {
    await trx.deleteFrom('device_missing_seqs').where('device_id', '=', deviceId).where('seq', '=', seq).execute();
    return lastSeq;
  }
  const skipped: Array<{ device_id: string; seq: number }> = [];
  for (let missing = lastSeq + 1; missing < seq && skipped.length < MISSING_SEQ_CAP; missing++) {
    skipped.push({ device_id: deviceId, seq: missing });
  }
  if (skipped.length > 0) {
    await trx.insertInto('device_missing_seqs').values(skipped).onConflict((oc) => oc.doNothing()).execute();
  }
  await trx.updateTable('devices').set({ last_seq: seq }).where('id', '=', deviceId).execute();
  return seq;
}

async function missingSeqs(trx: Transaction<Database>, deviceId: string): Promise<number[]> {
  const rows = await trx
    .selectFrom('device_missing_seqs')
    .select('seq')
    .where('device_id', '=', deviceId)
    .orderBy('seq')
    .limit(MISSING_SEQ_CAP)
    .execute();
  return rows.map((row) => Number(row.seq));
}

export async function pullRecords(db: Kysely<Database>, input: PullInput): Promise<PullResponse> {
  const scope = readScope(input.actor);
  if (!scope) return { records: [], cursor: input.since, more: false };
  let query = db.selectFrom('records').selectAll().where('server_seq', '>', input.since);
  query = 'unitId' in scope ? query.where('unit_id', '=', scope.unitId) : query.where('commune_id', '=', scope.communeId);
  const caseReporter = caseReporterLimit(input.actor);
  if (caseReporter !== undefined) {
    query = query.where((eb) => eb.or([eb('kind', '!=', 'violenceCase'), eb('reporter_id', '=', caseReporter)]));
  }
  const rows = await query.orderBy('server_seq').limit(input.limit + 1).execute();
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    records: page.map(toServerRecord),
    cursor: last ? Number(last.server_seq) : input.since,
    more: rows.length > input.limit,
  };
}

type RecordRow = Selectable<RecordTable>;

function storedHead(row: RecordRow): StoredHead {
  return {
    kind: row.kind,
    unitId: row.unit_id,
    communeId: row.commune_id,
    reporterId: row.reporter_id,
    rev: Number(row.rev),
    lastDeviceId: row.last_device_id,
  };
}

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
