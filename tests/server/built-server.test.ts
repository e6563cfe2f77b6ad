// What `npm start` and the systemd unit run: the server compiled by scripts/build-server.ts,
// started from its output folder with plain node (no tsx), on the project's engine. A village
// head signs in over HTTP and pushes; on SQLite the push is applied by the push writer's thread
// and the WAL copied into the database file by the checkpointer's, both loaded from the build.
// The operator's command line runs from the same folder.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildServer, serverEntryPoints } from '../../scripts/build-server.ts';
import { propagandaSession, upsertOf } from '../fixtures/records.ts';
import { signInOverHttp } from '../support/api-client.ts';
import { createDatabase, dropDatabase } from '../support/postgres.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

// Inside the project, so that the build's imports find node_modules as they do in dist-server/.
const built = mkdtempSync(join('tests', '.tmp-server-build-'));
let dataDir: string;
let env: Record<string, string>;
let discard = async () => undefined as void;
let server: RunningServer;

beforeAll(async () => {
  await buildServer(built);
  dataDir = mkdtempSync(join(built, 'data-'));
  const cluster = inject('postgres');
  env = { DATA_DIR: dataDir };
  if (cluster) {
    const database = await createDatabase(cluster);
    env.DATABASE_URL = database.url;
    discard = () => dropDatabase(cluster, database.name);
  }
  server = await startServer({ built, dataDir, env });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await discard();
  rmSync(built, { recursive: true, force: true });
});

const onSqlite = () => env.DATABASE_URL === undefined;

describe('the built server', { timeout: 60_000 }, () => {
  it('is one folder: the server, the command line and the worker threads', () => {
    for (const name of Object.keys(serverEntryPoints)) expect(statSync(join(built, `${name}.js`)).isFile(), name).toBe(true);
  });

  it('signs in and takes a push over HTTP; on SQLite the threads write the file', async () => {
    const file = join(dataDir, 'notebook.sqlite');
    const head = await signInOverHttp(server.url, 'tdp1');
    // The checkpointer's first rounds copy the migrations and the seed; then only pushes grow the file.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const sizeBefore = onSqlite() ? statSync(file).size : 0;
    const changes = Array.from({ length: 200 }, (_, index) => upsertOf(propagandaSession({ note: `buổi ${index + 1}`.padEnd(900, '.') }), index + 1));
    const pushed = await head.push(server.url, changes);
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
    expect(pushed.body.results.map((r: { status: string }) => r.status)).toEqual(changes.map(() => 'applied'));
    const pulled = await head.pull(server.url, 0);
    expect(pulled.body.records).toHaveLength(200);
    if (!onSqlite()) return;
    // The server's connections never checkpoint on commit: the file grows only by the checkpointer's thread.
    const deadline = Date.now() + 15_000;
    while (statSync(file).size <= sizeBefore && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
    expect(statSync(file).size).toBeGreaterThan(sizeBefore);
    expect(server.output()).not.toMatch(/Error|error/);
  });

  it('runs the operator command line from the same folder', async () => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [join(built, 'admin.js'), 'province', 'list'], { env: childEnv }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect(run, run.stderr).toMatchObject({ code: 0 });
    expect(run.stdout).toContain('lam-dong');
  });
});
