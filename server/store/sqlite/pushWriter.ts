// SQLite's pushes are applied on a thread of their own, the push writer (pushWriterThread.ts),
// with its own connection to the file: the group commit, the WAL flush and every push's reads
// and writes run there, while the server's thread goes on reading requests, validating them,
// fingerprinting the changes and answering. A push is applied and flushed exactly as before
// (groupCommit.ts, walFlush.ts); only the thread differs. The server's own connection still
// writes everything else (accounts, plans, reviews): both connections begin their transactions
// with the write lock (connection.ts), so one waits for the other instead of failing.
// One thread serves every store the process opens (a test opens thousands): starting it loads
// the push's code anew, about half a second.
import type { Worker } from 'node:worker_threads';
import { changeHash } from '../../sync/changeHash.ts';
import type { FlushGate } from './flushGate.ts';
import type { PushInput, PushOutcome } from '../store.ts';
import { startWorkerThread } from './threads.ts';

/** A push's input travels as JSON text: cheaper to copy than objects, and parsed into fast ones. */
type WriterCall = { type: 'push'; input: string } | { type: 'flush' } | { type: 'close' };
export type WriterRequest = WriterCall & { id: number; store: number; file: string; gate?: SharedArrayBuffer };
export type WriterAnswer = { id: number; ok: true; outcome?: PushOutcome } | { id: number; ok: false; error: { name: string; message: string } };

export interface PushWriter {
  /** Opens the store's connection on the thread now rather than at the first push (a server). */
  start(): void;
  push(input: PushInput): Promise<PushOutcome>;
  /** Resolves once every push the writer has committed for this store is on disk. */
  flush(): Promise<void>;
  /** Flushes and closes the store's connection on the thread. */
  stop(): Promise<void>;
}

interface Waiting {
  resolve(outcome: PushOutcome | undefined): void;
  reject(error: Error): void;
}

/** The one thread, started when first asked, started again if it ever stopped. */
let thread: { worker: Worker; waiting: Map<number, Waiting> } | undefined;
let nextId = 1;
let nextStore = 1;

function startThread(): NonNullable<typeof thread> {
  const worker = startWorkerThread('pushWriterThread', import.meta.url);
  // Kept referenced only while a request waits: an idle thread does not keep a script alive.
  worker.unref();
  const waiting = new Map<number, Waiting>();
  const started = { worker, waiting };
  const failAll = (error: Error) => {
    if (thread === started) thread = undefined;
    for (const one of waiting.values()) one.reject(error);
    waiting.clear();
  };
  worker.on('message', (answer: WriterAnswer) => {
    const one = waiting.get(answer.id);
    if (!one) return;
    waiting.delete(answer.id);
    if (waiting.size === 0) worker.unref();
    if (answer.ok) one.resolve(answer.outcome);
    else one.reject(Object.assign(new Error(answer.error.message), { name: answer.error.name }));
  });
  worker.on('error', failAll);
  worker.once('exit', () => failAll(new Error('the push writer thread has stopped')));
  return started;
}

function ask(request: WriterCall & { store: number; file: string; gate?: SharedArrayBuffer }): Promise<PushOutcome | undefined> {
  thread ??= startThread();
  const { worker, waiting } = thread;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    if (waiting.size === 0) worker.ref();
    waiting.set(id, { resolve, reject });
    worker.postMessage({ ...request, id } satisfies WriterRequest);
  });
}

/**
 * The push writer of one SQLite file; its connection on the thread opens with its first request.
 * `gate`: a test's hold on the thread's WAL flushes (flushGate.ts).
 */
export function startPushWriter(file: string, gate?: FlushGate): PushWriter {
  const store = nextStore++;
  let opened = false;
  const call = (request: WriterCall) => {
    opened = true;
    return ask(gate ? { ...request, store, file, gate: gate.buffer } : { ...request, store, file });
  };
  return {
    // A thread that fails to start fails the pushes that follow; not an unhandled rejection here.
    start: () => void call({ type: 'flush' }).catch(() => undefined),
    // The fingerprints are made here, on the server's thread: the writer's is the busier one.
    push: async (input) => {
      const changeHashes = input.changes.map((change) => changeHash(input.actor.deviceId, change));
      return (await call({ type: 'push', input: JSON.stringify({ ...input, changeHashes }) }))!;
    },
    // Without a connection on the thread, no push was committed that a flush would cover.
    flush: async () => {
      if (opened) await call({ type: 'flush' });
    },
    async stop() {
      if (!opened) return;
      await call({ type: 'close' });
      opened = false;
    },
  };
}
