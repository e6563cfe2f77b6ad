// A device's change numbers over one batch: its highest seq and the numbers it skipped (the
// officer sees the gaps). Noted in memory change by change, in the batch's order, then written
// once: the late arrivals' gaps deleted, the new gaps inserted, the highest seq updated.
import type { Transaction } from 'kysely';
import { inChunks } from './rowChunks.ts';
import type { Database } from './schema.ts';

/** At most this many skipped sequence numbers are remembered per gap, and reported. */
export const MISSING_SEQ_CAP = 1000;

export class DeviceSeqBook {
  private last: number;
  /** Gaps opened by this batch (all above the stored highest seq). */
  private readonly opened = new Set<number>();
  /** Late arrivals of numbers at or below the stored highest seq: their gaps close. */
  private readonly closed = new Set<number>();

  constructor(private readonly storedLast: number) {
    this.last = storedLast;
  }

  /** Keeps the highest seq and the numbers skipped below it; a late arrival clears its gap. */
  note(seq: number): void {
    if (seq <= this.last) {
      if (!this.opened.delete(seq)) this.closed.add(seq);
      return;
    }
    let skipped = 0;
    for (let missing = this.last + 1; missing < seq && skipped < MISSING_SEQ_CAP; missing++, skipped++) this.opened.add(missing);
    this.last = seq;
  }

  async save(trx: Transaction<Database>, deviceId: string): Promise<void> {
    for (const closed of inChunks([...this.closed])) {
      await trx.deleteFrom('device_missing_seqs').where('device_id', '=', deviceId).where('seq', 'in', closed).execute();
    }
    for (const opened of inChunks([...this.opened].map((seq) => ({ device_id: deviceId, seq })))) {
      await trx.insertInto('device_missing_seqs').values(opened).onConflict((oc) => oc.doNothing()).execute();
    }
    if (this.last !== this.storedLast) await trx.updateTable('devices').set({ last_seq: this.last }).where('id', '=', deviceId).execute();
  }
}
