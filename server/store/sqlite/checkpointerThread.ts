// The checkpointer's thread (checkpointer.ts): its own connection to the SQLite file, a PASSIVE
// checkpoint every `everyMs`, and a last one when asked to stop.
import BetterSqlite3 from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

export interface CheckpointerData {
  file: string;
  everyMs: number;
}

const { file, everyMs } = workerData as CheckpointerData;
const port = parentPort!;
const db = new BetterSqlite3(file);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = FULL');

function checkpoint(): void {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy: the next round catches up.
  }
}

const timer = setInterval(checkpoint, everyMs);
port.once('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  port.close();
});
