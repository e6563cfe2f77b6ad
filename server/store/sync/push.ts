// A push applied set-based: the batch's rows are read with a few IN lookups, every change is
// judged in memory in the batch's order, and the outcome is written with multi-row statements
// (records, record_versions, applied_changes), one counter bump and one pass of the device's
// missing seqs. The whole batch is one transaction: every change is stored with its result,
// or (on a reused changeId, or a seq too far past the device's highest) nothing is.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Change, ChangeResult, ChecklistRecord, PushResponse } from '../../../src/domain/index.ts';
import { mergeRecords, withKeptNotes } from '../../../src/domain/index.ts';
import { changeHash } from '../../sync/changeHash.ts';
import { judgeChange } from '../../sync/changeRules.ts';
import type { StoredHead } from '../../sync/changeRules.ts';
import type { EngineTraits } from '../engine.ts';
import { maintainFacts } from '../province/facts.ts';
import { toServerRecord } from './pull.ts';
import { kyselyStatements, type PushStatements } from './pushReads.ts';
import type { AppliedChangeTable, Database, RecordTable, RecordVersionTable } from '../schema/tables.ts';
import { DeviceSeqBook, MAX_MISSING_SEQS_PER_DEVICE } from './seqBook.ts';
import type { PushInput, PushOutcome } from '../store.ts';
import { retryingTransaction } from './transactions.ts';

/** The whole batch is refused for one change: nothing of it is stored (store.ts PushOutcome). */
export class BatchRefused extends Error {
  constructor(
    readonly refusal: 'changeIdReused' | 'seqJump',
    readonly index: number,
  ) {
    super(refusal);
  }

  get outcome(): PushOutcome {
    return { ok: false, refusal: this.refusal, index: this.index };
  }
}

export async function pushChanges(db: Kysely<Database>, traits: EngineTraits, input: PushInput): Promise<PushOutcome> {
  try {
    return { ok: true, response: await retryingTransaction(db, (trx) => pushBatch(trx, traits, input)) };
  } catch (error) {
    if (error instanceof BatchRefused) return error.outcome;
    throw error;
  }
}

type RecordRow = Selectable<RecordTable>;
type VersionRow = RecordVersionTable;

/** What one batch reads before it decides, and what it will write. */
interface BatchState {
  readonly input: PushInput;
  /** Each record's row as it stands after the changes judged so far. */
  readonly rows: Map<string, RecordRow>;
  /** Records that did not exist before this batch. */
  readonly created: Set<string>;
  readonly touched: Set<string>;
  readonly unitCommunes: Map<string, string>;
  readonly versions: VersionRow[];
  /** Server seqs are numbered 1, 2, … here and shifted once the counter is bumped. */
  provisionalSeqs: number;
  readonly appliedResults: Array<Extract<ChangeResult, { status: 'applied' }>>;
}

/**
 * Locks in the same order in every push, so that two pushes never wait on each other in a
 * cycle: the device's row (one push per device at a time, so a batch sent to two processes
 * at once is applied by the first and answered from storage by the second), then the batch's
 * records by id (an edit reads the revision no one else can change before it commits), then
 * the server_seq counter, bumped once for the batch and held to the commit (so commits take
 * server seqs in order and a pull's cursor never passes a change still to be committed).
 */
export async function pushBatch(
  trx: Transaction<Database>,
  traits: EngineTraits,
  input: PushInput,
  statements: PushStatements = kyselyStatements(trx, traits),
): Promise<PushResponse> {
  const { actor, changes, receivedAt } = input;
  const deviceId = actor.deviceId;
  const seqBook = new DeviceSeqBook(await statements.deviceLastSeq(deviceId));
  const rows = await loadRecords(
    statements,
    changes.map((change) => change.recordId),
  );
  const earlier = await loadEarlierAnswers(
    statements,
    changes.map((change) => change.changeId),
  );
  const unitIds = new Set<string>([actor.unitId, ...[...rows.values()].map((row) => row.unit_id)]);
  for (const change of changes) if (change.op === 'upsert') unitIds.add(change.record.unitId);
  const state: BatchState = {
    input,
    rows,
    created: new Set(),
    touched: new Set(),
    unitCommunes: new Map((await statements.unitCommunes([...unitIds])).map((row) => [row.id, row.commune_id])),
    versions: [],
    provisionalSeqs: 0,
    appliedResults: [],
  };

  const answered = new Map<string, { hash: string; result: ChangeResult }>(earlier);
  const results: ChangeResult[] = [];
  const newAnswers: Array<{ change: Change; hash: string; result: ChangeResult }> = [];
  for (const [index, change] of changes.entries()) {
    const hash = input.changeHashes?.[index] ?? changeHash(deviceId, change);
    const before = answered.get(change.changeId);
    if (before) {
      if (before.hash !== hash) throw new BatchRefused('changeIdReused', index);
      results.push(before.result);
      continue;
    }
    // A seq far past the device's highest would make the server keep the numbers in between.
    if (seqBook.jumpsTooFar(change.seq)) throw new BatchRefused('seqJump', index);
    seqBook.note(change.seq);
    const result = await applyChange(trx, state, change);
    answered.set(change.changeId, { hash, result });
    newAnswers.push({ change, hash, result });
    results.push(result);
  }

  await assignServerSeqs(state, statements);
  // The province's facts follow the records written (facts.ts).
  await maintainFacts(
    trx,
    traits.engine,
    [...state.touched],
    () => writeRecords(state, statements),
    (query) => statements.compiled(query),
  );
  await statements.insertVersions(state.versions);
  await statements.insertAnswers(
    newAnswers.map(({ change, hash, result }): AppliedChangeTable => ({
      change_id: change.changeId,
      device_id: deviceId,
      seq: change.seq,
      record_id: change.recordId,
      body_hash: hash,
      result: JSON.stringify(result),
      received_at: receivedAt,
    })),
  );
  await seqBook.save(trx, deviceId);
  return { results, missingSeqs: await statements.missingSeqs(deviceId, MAX_MISSING_SEQS_PER_DEVICE) };
}

/** The batch's records, one query; on PostgreSQL also their row locks, taken in id order. */
async function loadRecords(statements: PushStatements, recordIds: string[]): Promise<Map<string, RecordRow>> {
  const rows = await statements.records([...new Set(recordIds)].sort());
  return new Map(rows.map((row) => [row.id, row]));
}

async function loadEarlierAnswers(statements: PushStatements, changeIds: string[]): Promise<Map<string, { hash: string; result: ChangeResult }>> {
  const rows = await statements.earlierAnswers([...new Set(changeIds)]);
  return new Map(rows.map((row) => [row.change_id, { hash: row.body_hash, result: JSON.parse(row.result) as ChangeResult }]));
}

/** Judges one change against the record as the batch has left it, and notes what to write. */
async function applyChange(trx: Transaction<Database>, state: BatchState, sent: Change): Promise<ChangeResult> {
  const { actor, receivedAt } = state.input;
  const row = state.rows.get(sent.recordId);
  // An edit from a phone that no longer holds the case's notes keeps the server's (as the batch has left them).
  const change = withKeptNotes(sent, row?.body ? (JSON.parse(row.body) as ChecklistRecord) : undefined);
  const targetUnitId = change.op === 'upsert' ? change.record.unitId : (row?.unit_id ?? actor.unitId);
  const targetCommuneId = state.unitCommunes.get(targetUnitId);
  const verdict = judgeChange(actor, change, row && storedHead(row), targetCommuneId);

  if (verdict.action === 'reject') {
    return { changeId: change.changeId, status: 'rejected', reason: verdict.reason, fields: verdict.fields };
  }
  let merged: ChecklistRecord | undefined;
  if (verdict.action === 'conflict') {
    // A conflict needs another device's newer revision, so the row was stored before this
    // batch (rows this batch wrote are this device's) and its server_seq is a real one.
    if (!row) throw new Error('a conflict needs a stored record');
    merged = await mergeWithNewer(trx, state, change, row);
    if (!merged) return { changeId: change.changeId, status: 'conflict', server: toServerRecord(row) };
  }

  const rev = Number(row?.rev ?? 0) + 1;
  const serverSeq = ++state.provisionalSeqs;
  const written: Written = { rev, serverSeq, receivedAt, deviceId: actor.deviceId, userId: actor.userId };
  let next: RecordRow;
  if (change.op === 'upsert') {
    const record = merged ?? change.record;
    const owner = row ?? { id: record.id, unit_id: record.unitId, commune_id: targetCommuneId ?? actor.communeId, reporter_id: record.reporterId };
    next = recordRow(owner, record.kind, record.date, 0, JSON.stringify(record), written);
  } else if (row) {
    next = recordRow(row, row.kind, row.date, 1, row.body, written);
  } else {
    const owner = { id: change.recordId, unit_id: actor.unitId, commune_id: actor.communeId, reporter_id: actor.userId };
    next = recordRow(owner, change.kind, null, 1, null, written);
  }
  if (!row) state.created.add(change.recordId);
  state.rows.set(change.recordId, next);
  state.touched.add(change.recordId);
  state.versions.push({
    record_id: change.recordId,
    rev,
    deleted: next.deleted,
    body: next.body,
    device_id: actor.deviceId,
    user_id: actor.userId,
    received_at: receivedAt,
  });
  const result: Extract<ChangeResult, { status: 'applied' }> = merged
    ? { changeId: change.changeId, status: 'applied', rev, serverSeq, merged }
    : { changeId: change.changeId, status: 'applied', rev, serverSeq };
  state.appliedResults.push(result);
  return result;
}

/** What applying a change stamps on its record. */
interface Written {
  rev: number;
  serverSeq: number;
  receivedAt: string;
  deviceId: string;
  userId: string;
}

/**
 * A record's next row, written out field by field: an object spread here cost about 10 µs a
 * change (V8 copies into a slow object), a tenth of a push's time on the push writer's thread.
 */
function recordRow(
  owner: Pick<RecordRow, 'id' | 'unit_id' | 'commune_id' | 'reporter_id'>,
  kind: string,
  date: string | null,
  deleted: number,
  body: string | null,
  written: Written,
): RecordRow {
  return {
    id: owner.id,
    unit_id: owner.unit_id,
    commune_id: owner.commune_id,
    reporter_id: owner.reporter_id,
    kind,
    date,
    deleted,
    body,
    rev: written.rev,
    server_seq: written.serverSeq,
    received_at: written.receivedAt,
    last_device_id: written.deviceId,
    last_user_id: written.userId,
  };
}

/** An edit made on an old revision, merged field by field with the newer one when they don't overlap. */
async function mergeWithNewer(trx: Transaction<Database>, state: BatchState, change: Change, row: RecordRow): Promise<ChecklistRecord | undefined> {
  if (change.op !== 'upsert' || Number(row.deleted) === 1 || row.body === null || change.baseRev === 0) return undefined;
  const pending = state.versions.find((version) => version.record_id === row.id && version.rev === change.baseRev);
  const base =
    pending ??
    (await trx.selectFrom('record_versions').select(['body', 'deleted']).where('record_id', '=', row.id).where('rev', '=', change.baseRev).executeTakeFirst());
  if (!base?.body || Number(base.deleted) === 1) return undefined;
  const outcome = mergeRecords(JSON.parse(base.body) as ChecklistRecord, change.record, JSON.parse(row.body) as ChecklistRecord);
  return outcome.ok ? outcome.merged : undefined;
}

/** One bump of the counter for the whole batch; its row lock is held to the commit. */
async function assignServerSeqs(state: BatchState, statements: PushStatements): Promise<void> {
  const count = state.provisionalSeqs;
  if (count === 0) return;
  const offset = (await statements.bumpServerSeq(count)) - count;
  for (const result of state.appliedResults) result.serverSeq += offset;
  for (const id of state.touched) {
    const row = state.rows.get(id)!;
    row.server_seq = Number(row.server_seq) + offset;
  }
}

function recordValues(row: RecordRow): RecordTable {
  return {
    id: row.id,
    unit_id: row.unit_id,
    commune_id: row.commune_id,
    reporter_id: row.reporter_id,
    kind: row.kind,
    date: row.date,
    rev: Number(row.rev),
    deleted: Number(row.deleted),
    body: row.body,
    server_seq: Number(row.server_seq),
    received_at: row.received_at,
    last_device_id: row.last_device_id,
    last_user_id: row.last_user_id,
  };
}

/**
 * New records with a plain insert (two processes creating the same record collide on the key
 * and the later one runs again, then sees a conflict); records that existed, locked above, updated.
 */
async function writeRecords(state: BatchState, writes: PushStatements): Promise<void> {
  const created: RecordTable[] = [];
  const updated: RecordTable[] = [];
  for (const id of state.touched) (state.created.has(id) ? created : updated).push(recordValues(state.rows.get(id)!));
  await writes.insertRecords(created);
  await writes.updateRecords(updated);
}

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
