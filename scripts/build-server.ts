// Builds the server into plain JavaScript for production (npm start, deploy/so-tay@.service):
// the server, the operator's command line and the store's worker threads, each an entry point
// of its own in one folder, so a thread's file is found beside the code that starts it
// (server/store/sqlite/threads.ts). Dependencies stay in node_modules (better-sqlite3 and pg among
// them); only our code is compiled. tsx runs the sources in development and tests.
import { rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export const SERVER_BUILD_DIR = 'dist-server';

/** Output file (without `.js`) → source. The thread names are the ones threads.ts looks for. */
export const serverEntryPoints = {
  server: 'server/main.ts',
  admin: 'server/admin/main.ts',
  pushWriterThread: 'server/store/sqlite/pushWriterThread.ts',
  checkpointerThread: 'server/store/sqlite/checkpointerThread.ts',
};

export async function buildServer(outdir = SERVER_BUILD_DIR): Promise<void> {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: serverEntryPoints,
    outdir,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outdir = process.argv[2] ?? SERVER_BUILD_DIR;
  await buildServer(outdir);
  console.log(
    `Built the server into ${outdir}/ (${Object.keys(serverEntryPoints)
      .map((name) => `${name}.js`)
      .join(', ')})`,
  );
}
