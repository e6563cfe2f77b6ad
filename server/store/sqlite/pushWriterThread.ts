// The push writer's thread (pushWriter.ts): for each store of the process, its own connection
// to the SQLite file, the group commit of pushes (groupCommit.ts) with their WAL flush off the
// thread (walFlush.ts), and the push's prepared statements (pushReads.ts). Answers each
// request with its id.
import type { Kysely } from 'kysely';
import { parentPort } from 'node:worker_threads';
import { engineTraits } from '../engine.ts';
import { FlushGate } from './flushGate.ts';
import { groupCommittedPushes } from './groupCommit.ts';
import { sqliteStatements } from '../sync/pushReads.ts';
import type { WriterAnswer, WriterRequest } from './pushWriter.ts';
import type { Database } from '../schema/tables.ts';
import { openSqliteConnection } from './connection.ts';
import type { PushInput, PushOutcome } from '../store.ts';
import { walFlush, type CommitFlush } from './walFlush.ts';

interface StoreWriter {
  db: Kysely<Database>;
  commitFlush: CommitFlush;
  push(input: PushInput): Promise<PushOutcome>;
}

const port = parentPort!;
const stores = new Map<number, StoreWriter>();

function storeWriter({ store, file, gate }: WriterRequest): StoreWriter {
  let writer = stores.get(store);
  if (!writer) {
    const { database, db } = openSqliteConnection(file);
    // Checkpoints are the checkpointer's (checkpointer.ts), never a commit's.
    database.pragma('wal_autocheckpoint = 0');
    const commitFlush = walFlush(db, `${database.name}-wal`, gate && new FlushGate(gate));
    writer = { db, commitFlush, push: groupCommittedPushes(engineTraits('sqlite'), commitFlush, sqliteStatements(database)) };
    stores.set(store, writer);
  }
  return writer;
}

async function handle(request: WriterRequest): Promise<PushOutcome | undefined> {
  const writer = storeWriter(request);
  switch (request.type) {
    case 'push':
      return writer.push(JSON.parse(request.input) as PushInput);
    case 'flush':
      await writer.commitFlush.flush();
      return undefined;
    case 'close':
      stores.delete(request.store);
      await writer.commitFlush.flush();
      await writer.db.destroy();
      return undefined;
  }
}

port.on('message', (request: WriterRequest) => {
  handle(request).then(
    (outcome) => port.postMessage({ id: request.id, ok: true, outcome } satisfies WriterAnswer),
    (error: unknown) => {
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ id: request.id, ok: false, error: { name, message } } satisfies WriterAnswer);
    },
  );
});
