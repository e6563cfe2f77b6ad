// A device's change numbers over one batch: its highest seq and the numbers it skipped (the
// officer sees the gaps). Noted in memory change by change, in the batch's order, then written
// once: the late arrivals' gaps deleted, the new gaps inserted, the highest seq updated.
import type { Transaction } from 'kysely';
import { SEQ_WINDOW } from '../../../src/domain/index.ts';
import { inChunks } from '../rowChunks.ts';
import type { Database } from '../schema/tables.ts';

/** At most this many skipped numbers are kept per device (the lowest ones), and reported. */
export const MAX_MISSING_SEQS_PER_DEVICE = 1000;

export class DeviceSeqBook {
  private last: number;
  /** Gaps opened by this batch (all above the stored highest seq). */
  private readonly opened = new Set<number>();
  /** Late arrivals of numbers at or below the stored highest seq: their gaps close. */
  private readonly closed = new Set<number>();

  constructor(private readonly storedLast: number) {
    this.last = storedLast;
  }

  /** True when `seq` comes too far past the highest seq so far (SEQ_WINDOW); a device's first change may start anywhere. */
  jumpsTooFar(seq: number): boolean {
    return this.last > 0 && seq - this.last >= SEQ_WINDOW;
  }

  /** Keeps the highest seq and the numbers skipped below it (the lowest, up to the device's cap); a late arrival clears its gap. */
  note(seq: number): void {
    if (seq <= this.last) {
      if (!this.opened.delete(seq)) this.closed.add(seq);
      return;
    }
    for (let missing = this.last + 1; missing < seq && this.opened.size < MAX_MISSING_SEQS_PER_DEVICE; missing++) this.opened.add(missing);
    this.last = seq;
  }

  async save(trx: Transaction<Database>, deviceId: string): Promise<void> {
    for (const closed of inChunks([...this.closed])) {
      await trx.deleteFrom('device_missing_seqs').where('device_id', '=', deviceId).where('seq', 'in', closed).execute();
    }
    // The device keeps at most its cap of missing numbers: the lowest of those stored and opened.
    let room = MAX_MISSING_SEQS_PER_DEVICE;
    if (this.opened.size > 0) {
      const stored = await trx
        .selectFrom('device_missing_seqs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('device_id', '=', deviceId)
        .executeTakeFirstOrThrow();
      room -= Number(stored.n);
    }
    // Opened gaps are all above the stored highest seq, so above every stored missing number.
    const opened = [...this.opened]
      .sort((a, b) => a - b)
      .slice(0, Math.max(0, room))
      .map((seq) => ({ device_id: deviceId, seq }));
    for (const rows of inChunks(opened)) {
      await trx
        .insertInto('device_missing_seqs')
        .values(rows)
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    if (this.last !== this.storedLast) await trx.updateTable('devices').set({ last_seq: this.last }).where('id', '=', deviceId).execute();
  }
}
