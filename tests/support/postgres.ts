// A throwaway PostgreSQL cluster from Debian's packages for the test suites: installed when
// missing (as root), initialised and started as the `postgres` user in a temp folder it owns,
// listening on 127.0.0.1 at a free port with its own socket folder; one database per server.
import { execFileSync, execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './ports.ts';

export interface PostgresCluster {
  host: string;
  port: number;
  user: string;
}

const INSTALL_COMMAND = 'apt-get update && apt-get install -y postgresql';
const isRoot = process.getuid?.() === 0;

/** The newest installed server's bin folder, e.g. /usr/lib/postgresql/15/bin. */
function serverBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] && join(root, versions[0], 'bin');
}

export function ensurePostgresInstalled(): string {
  const found = serverBinDir();
  if (found) return found;
  if (!isRoot) throw new Error(`PostgreSQL is not installed. Run as root: sh -c '${INSTALL_COMMAND}'`);
  console.log(`[postgres] not installed; running: ${INSTALL_COMMAND}`);
  execSync(INSTALL_COMMAND, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const installed = serverBinDir();
  if (!installed) throw new Error(`PostgreSQL still missing after: ${INSTALL_COMMAND}`);
  return installed;
}

/** initdb refuses root: run the server's tools as `postgres` when we are root. */
function runAsOwner(command: string, args: string[]): void {
  if (isRoot) execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' });
  else execFileSync(command, args, { stdio: 'pipe' });
}

export async function startCluster(options: { durable?: boolean } = {}): Promise<PostgresCluster & { stop(): void }> {
  const bin = ensurePostgresInstalled();
  const dir = mkdtempSync(join(tmpdir(), 'sotay-pg-'));
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  runAsOwner(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  // A test cluster: fsync off trades crash safety, which no test here needs, for speed.
  // Benchmarks ask for PostgreSQL's defaults (durable), as a real server would run.
  const fast = options.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
  const settings = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}${fast}`;
  runAsOwner(join(bin, 'pg_ctl'), ['start', '-w', '-D', data, '-l', join(dir, 'server.log'), '-o', settings]);
  return {
    host: '127.0.0.1',
    port,
    user: 'postgres',
    stop() {
      try {
        runAsOwner(join(bin, 'pg_ctl'), ['stop', '-w', '-m', 'fast', '-D', data]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export function databaseUrl(cluster: PostgresCluster, database: string): string {
  return `postgres://${cluster.user}@${cluster.host}:${cluster.port}/${database}`;
}

async function asAdmin<T>(cluster: PostgresCluster, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl(cluster, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new empty database with a random name; returns its address. */
export async function createDatabase(cluster: PostgresCluster): Promise<{ name: string; url: string }> {
  const name = `sotay_${randomBytes(6).toString('hex')}`;
  await asAdmin(cluster, (client) => client.query(`create database ${name}`));
  return { name, url: databaseUrl(cluster, name) };
}

export async function dropDatabase(cluster: PostgresCluster, name: string): Promise<void> {
  await asAdmin(cluster, (client) => client.query(`drop database if exists ${name} with (force)`));
}
