// The sync protocol's messages, shared by the phone's sync engine and the server.
// Push: the phone's outbox, in batches, each change with an id made on the phone and a
// per-device sequence number. Pull: records changed since a server cursor.
import * as z from 'zod/mini';
import { checklistRecord, recordKinds } from '../records/index.ts';
import { uuid } from '../ids.ts';

export const MAX_PUSH_CHANGES = 500;
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
  .check(
    z.refine((c) => c.op !== 'upsert' || c.record.id === c.recordId, { message: 'recordIdMismatch', path: ['recordId'] }),
  );
export type Change = z.infer<typeof change>;

export const pushRequest = z.strictObject({
  deviceId: uuid,
  changes: z.array(change).check(z.minLength(1), z.maxLength(MAX_PUSH_CHANGES)),
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
