// The sync protocol's messages, shared by the phone's sync engine and the server.
// Push: the phone's outbox, in batches, each change with an id made on the phone and a
// per-device sequence number. Pull: records changed since a server cursor.
import * as z from 'zod/mini';
import { checklistRecord, recordKinds } from '../records/index.ts';
import { uuid } from '../ids.ts';

export const MAX_PUSH_CHANGES = 500;
/**
 * A change's seq must come less than this far past the device's highest seq the server holds
 * (counting the batch's earlier changes): at most SEQ_WINDOW - 1 numbers further, so at most
 * SEQ_WINDOW - 2 skipped. The phone numbers its changes one by one and sends them in order, so
 * only a long run of changes the server refused whole could leave such a hole; a device's
 * first change may start anywhere (its outbox kept under a fresh device id). Beyond: 400
 * `seq_jump` naming `changes.N.seq`, and nothing of the batch is stored.
 */
export const SEQ_WINDOW = 1000;
export const MAX_PULL_LIMIT = 1000;

const revision = z.int().check(z.minimum(0));

export const upsertChange = z.strictObject({
  changeId: uuid,
  seq: z.int().check(z.minimum(1)),
  op: z.literal('upsert'),
  recordId: uuid,
  /** The server revision this edit was made on; 0 for a new record. */
  baseRev: revision,
  record: checklistRecord,
  /**
   * The phone no longer holds this case's notes (a closed case, removed from the phone once
   * sent): the record comes without them, and the server keeps the notes it has.
   */
  notesKept: z.optional(z.literal(true)),
});

export const deleteChange = z.strictObject({
  changeId: uuid,
  seq: z.int().check(z.minimum(1)),
  op: z.literal('delete'),
  recordId: uuid,
  kind: z.enum(recordKinds),
  baseRev: revision,
});

export const change = z
  .discriminatedUnion('op', [upsertChange, deleteChange])
  .check(z.refine((c) => c.op !== 'upsert' || c.record.id === c.recordId, { message: 'recordIdMismatch', path: ['recordId'] }));
export type Change = z.infer<typeof change>;

export const pushRequest = z.strictObject({
  deviceId: uuid,
  changes: z.array(change).check(z.minLength(1), z.maxLength(MAX_PUSH_CHANGES)),
  /** 'compact': answer with compactPushResponse (below); absent: the full list of results. */
  answer: z.optional(z.literal('compact')),
});
export type PushRequest = z.infer<typeof pushRequest>;

/** A record as the server holds it: the last body, its revision, and whether it is deleted. */
export const serverRecord = z.object({
  id: uuid,
  kind: z.enum(recordKinds),
  unitId: z.string(),
  rev: z.int(),
  deleted: z.boolean(),
  /** The last body; kept on a tombstone too so a conflict can show what was deleted. */
  record: z.nullable(checklistRecord),
  /** Server time of the last write: the server's own clock, never the phone's. */
  receivedAt: z.string(),
  serverSeq: z.int(),
});
export type ServerRecord = z.infer<typeof serverRecord>;

export const changeResult = z.discriminatedUnion('status', [
  z.object({
    changeId: uuid,
    status: z.literal('applied'),
    rev: z.int(),
    serverSeq: z.int(),
    /** Set when the change was made on an old revision and merged field by field with the newer one. */
    merged: z.optional(checklistRecord),
  }),
  z.object({ changeId: uuid, status: z.literal('conflict'), server: serverRecord }),
  z.object({ changeId: uuid, status: z.literal('rejected'), reason: z.string(), fields: z.array(z.string()) }),
]);
export type ChangeResult = z.infer<typeof changeResult>;

export const pushResponse = z.object({
  results: z.array(changeResult),
  /** Sequence numbers of this device the server has never seen although later ones arrived. */
  missingSeqs: z.array(z.int()),
});
export type PushResponse = z.infer<typeof pushResponse>;

export const pullResponse = z.object({
  records: z.array(serverRecord),
  cursor: z.int(),
  more: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponse>;

/** A 4xx body: a machine-readable code and the fields at fault. */
export const errorBody = z.object({
  error: z.string(),
  message: z.string(),
  fields: z.optional(z.array(z.object({ path: z.string(), code: z.string() }))),
});
export type ErrorBody = z.infer<typeof errorBody>;

// ---------------------------------------------------------------------------------------------
// The compact push answer. A phone that sends `answer: 'compact'` gets the plain applied
// changes as runs (a run: consecutive changes of the batch with one revision and consecutive
// server seqs, e.g. 500 new records → one run) and the other results in full. Phones that do
// not ask (older versions) get the full list, as before.

/** [index of the run's first change in the batch, number of changes, rev, first serverSeq] */
export const appliedRun = z.tuple([z.int().check(z.minimum(0)), z.int().check(z.minimum(1)), z.int(), z.int()]);
export type AppliedRun = z.infer<typeof appliedRun>;

export const compactPushResponse = z.object({
  applied: z.array(appliedRun),
  /** Conflicts, rejections and merged edits, in full. */
  others: z.array(changeResult),
  missingSeqs: z.array(z.int()),
});
export type CompactPushResponse = z.infer<typeof compactPushResponse>;

export function compactPushAnswer(response: PushResponse): CompactPushResponse {
  const applied: AppliedRun[] = [];
  const others: ChangeResult[] = [];
  response.results.forEach((result, index) => {
    if (result.status !== 'applied' || result.merged) {
      others.push(result);
      return;
    }
    const run = applied.at(-1);
    if (run && run[0] + run[1] === index && run[2] === result.rev && run[3] + run[1] === result.serverSeq) run[1] += 1;
    else applied.push([index, 1, result.rev, result.serverSeq]);
  });
  return { applied, others, missingSeqs: response.missingSeqs };
}

/** The full answer again, from the batch the phone sent (in its order) and the compact one. */
export function expandPushAnswer(changes: ReadonlyArray<{ changeId: string }>, answer: CompactPushResponse): PushResponse {
  const results: ChangeResult[] = [];
  for (const [first, count, rev, serverSeq] of answer.applied) {
    for (let i = 0; i < count; i++) {
      const change = changes[first + i];
      if (change) results.push({ changeId: change.changeId, status: 'applied', rev, serverSeq: serverSeq + i });
    }
  }
  return { results: [...results, ...answer.others], missingSeqs: answer.missingSeqs };
}

// ---------------------------------------------------------------------------------------------
// A pull may name server seqs whose answer the phone already holds (its own changes, applied
// and acknowledged in this sync): records whose latest revision is one of them are not sent
// back. A phone that names none (wiped, reinstalled, older) gets everything.

/** At most this many ranges in one pull (a sync's pushes give one range per batch or so). */
export const MAX_SKIP_RANGES = 64;

export type SeqRange = readonly [from: number, to: number];

/** Sorted, merged ranges of the given seqs, at most `max` (the newest kept). */
export function seqRanges(seqs: Iterable<number>, max = MAX_SKIP_RANGES): SeqRange[] {
  const sorted = [...new Set(seqs)].sort((a, b) => a - b);
  const ranges: Array<[number, number]> = [];
  for (const seq of sorted) {
    const last = ranges.at(-1);
    if (last && last[1] + 1 === seq) last[1] = seq;
    else ranges.push([seq, seq]);
  }
  return ranges.slice(-max);
}

export const formatSeqRanges = (ranges: readonly SeqRange[]): string => ranges.map(([from, to]) => (from === to ? `${from}` : `${from}-${to}`)).join(',');

/** "5-9,12" → [[5, 9], [12, 12]]; undefined when malformed or too many. */
export function parseSeqRanges(text: string): SeqRange[] | undefined {
  if (text === '') return [];
  const parts = text.split(',');
  if (parts.length > MAX_SKIP_RANGES) return undefined;
  const ranges: SeqRange[] = [];
  for (const part of parts) {
    const match = /^(\d{1,15})(?:-(\d{1,15}))?$/.exec(part);
    if (!match) return undefined;
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    if (to < from) return undefined;
    ranges.push([from, to]);
  }
  return ranges;
}
