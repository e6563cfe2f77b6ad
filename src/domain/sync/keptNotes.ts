// A closed case's notes leave the phone once the server holds them. A later edit from that
// phone comes without notes and says so (`notesKept`): the server keeps the notes it has,
// so an edit can never wipe them by accident. Notes written anew in the edit replace them.
import type { ChecklistRecord } from '../records/index.ts';
import type { Change } from './protocol.ts';

export function withKeptNotes(change: Change, stored: ChecklistRecord | undefined): Change {
  if (change.op !== 'upsert' || !change.notesKept) return change;
  const record = change.record;
  if (record.kind !== 'violenceCase' || record.notes !== undefined) return change;
  if (stored?.kind !== 'violenceCase' || stored.notes === undefined) return change;
  return { ...change, record: { ...record, notes: stored.notes } };
}
