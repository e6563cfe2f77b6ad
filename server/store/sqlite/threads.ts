// Worker threads of the store (the push writer, the checkpointer) are files of their own,
// found beside the module that starts them: `name.ts` when the server runs from its sources
// (tsx: development, tests), `name.js` in the build (dist-server/, scripts/build-server.ts),
// where each thread is an entry point of its own next to the server's.
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** From the sources the thread loads TypeScript through tsx's require hook. */
const TSX_BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
require(workerData.tsx).register();
require(workerData.entry);
`;

/** Starts the thread `name` (a file beside `from`, the caller's import.meta.url) with its data. */
export function startWorkerThread(name: string, from: string, workerData: Record<string, unknown> = {}): Worker {
  const fromSources = extname(fileURLToPath(from)) === '.ts';
  if (!fromSources) return new Worker(new URL(`./${name}.js`, from), { workerData });
  const entry = fileURLToPath(new URL(`./${name}.ts`, from));
  const tsx = createRequire(from).resolve('tsx/cjs/api');
  return new Worker(TSX_BOOTSTRAP, { eval: true, workerData: { ...workerData, tsx, entry } });
}
