// The province deployment of README.md, as far as one machine allows: deploy/nginx-so-tay.conf
// in Debian's nginx with TLS in front of two server processes on one PostgreSQL database, a
// process going down behind it, and a pg_dump backup restored into a fresh database that a
// new process then serves, with the same records, the same devices and a counter that goes on.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newsPost, propagandaSession, upsertOf } from '../fixtures/records.ts';
import { signInOverHttp } from '../support/api-client.ts';
import type { HttpDevice, Json } from '../support/api-client.ts';
import { startProxy } from '../support/nginx.ts';
import type { RunningProxy } from '../support/nginx.ts';
import { createDatabase, dropDatabase } from '../support/postgres.ts';
import { startServer } from '../support/server-process.ts';
import type { RunningServer } from '../support/server-process.ts';
import { fetchTrusting } from '../support/tls-fetch.ts';
import { DEMO_PIN } from '../../server/store/demo.ts';

const cluster = inject('postgres');
if (!cluster) throw new Error('this suite runs in the postgres project only');

const databases: Array<{ name: string; url: string }> = [];
const processes: RunningServer[] = [];
let proxy: RunningProxy;
const backupDir = mkdtempSync(join(tmpdir(), 'sotay-backup-'));

beforeAll(async () => {
  databases.push(await createDatabase(cluster));
  // As README's deployment says: the processes trust the proxy in front of them.
  processes.push(await startServer({ env: { DATABASE_URL: databases[0]!.url, TRUST_PROXY: '1' } }));
  processes.push(await startServer({ env: { DATABASE_URL: databases[0]!.url, TRUST_PROXY: '1' } }));
  proxy = await startProxy([processes[0]!.url, processes[1]!.url]);
}, 90_000);

afterAll(async () => {
  await proxy?.stop();
  await Promise.all(processes.map((p) => p.stop()));
  for (const database of databases) await dropDatabase(cluster, database.name);
  rmSync(backupDir, { recursive: true, force: true });
});

/** README's restore step: server seqs after a restore pass any cursor a phone may hold. */
const RAISE_COUNTER = "update counters set value = value + 1000000000 where name = 'server_seq'";

const ids = (records: Json[]) => records.map((r) => [r.id, r.rev, r.serverSeq]);

describe('a province deployment on one machine', () => {
  let officer: HttpDevice;
  let pulledBefore: Json;

  it('sends plain HTTP to HTTPS', async () => {
    const response = await fetch(`${proxy.httpUrl}/api/v1/health`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('https://localhost/api/v1/health');
  });

  it('serves the API over TLS from both processes, and goes on when one stops', async () => {
    const tls = fetchTrusting(proxy.certificate);
    officer = await signInOverHttp(proxy.httpsUrl, 'canbo', { fetch: tls });
    const head = await signInOverHttp(proxy.httpsUrl, 'tdp1', { fetch: tls });
    for (let seq = 1; seq <= 3; seq++) {
      expect((await officer.push(proxy.httpsUrl, [upsertOf(newsPost(), seq)])).status).toBe(200);
      expect((await head.push(proxy.httpsUrl, [upsertOf(propagandaSession(), seq)])).status).toBe(200);
    }
    // "-" is the HTTP→HTTPS redirect, answered by nginx itself.
    const upstreams = new Set(
      proxy
        .accessLog()
        .map((line) => line.split(' ')[0])
        .filter((upstream) => upstream !== '-'),
    );
    expect(upstreams).toEqual(new Set([new URL(processes[0]!.url).host, new URL(processes[1]!.url).host]));

    await processes[1]!.stop();
    for (let seq = 4; seq <= 5; seq++) {
      const pushed = await head.push(proxy.httpsUrl, [upsertOf(propagandaSession(), seq)]);
      expect(pushed.status).toBe(200);
      expect(pushed.body.results[0]).toMatchObject({ status: 'applied', rev: 1, serverSeq: 3 + seq });
    }
    pulledBefore = (await officer.pull(proxy.httpsUrl, 0)).body;
    expect(pulledBefore.records).toHaveLength(8);
    expect(pulledBefore.cursor).toBe(8);
  });

  it("takes a cookie-carried change from the app's own https origin through the proxy, and refuses another site's", async () => {
    const tls = fetchTrusting(proxy.certificate);
    const signIn = async () => {
      const response = await tls(`${proxy.httpsUrl}/api/v1/sessions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'tdp2', pin: DEMO_PIN, deviceId: crypto.randomUUID() }),
      });
      expect(response.status).toBe(200);
      return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
    };
    const signOut = (cookie: string, origin: string) =>
      tls(`${proxy.httpsUrl}/api/v1/sessions/current`, { method: 'DELETE', headers: { Cookie: cookie, 'X-Requested-With': 'so-tay', Origin: origin } });
    const cookie = await signIn();
    const foreign = await signOut(cookie, 'https://evil.example');
    expect({ status: foreign.status, body: await foreign.json() }).toMatchObject({
      status: 403,
      body: { error: 'cross_site_request', fields: [{ path: 'Origin' }] },
    });
    // The browser's Origin names the port it was served on; nginx passes the Host with it.
    expect((await signOut(cookie, proxy.httpsUrl)).status).toBe(204);
  });

  it('restores a pg_dump backup into a fresh database that a new process serves as before', async () => {
    const file = join(backupDir, 'so-tay.dump');
    // The commands of README.md's backup and restore.
    execFileSync('pg_dump', ['--format=custom', `--file=${file}`, databases[0]!.url], { stdio: 'pipe' });
    const restored = await createDatabase(cluster);
    databases.push(restored);
    execFileSync('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${restored.url}`, file], { stdio: 'pipe' });
    execFileSync('psql', ['--no-psqlrc', '--quiet', `--dbname=${restored.url}`, '--command', RAISE_COUNTER], { stdio: 'pipe' });
    const revived = await startServer({ env: { DATABASE_URL: restored.url } });
    processes.push(revived);
    expect(revived.output()).not.toContain('Đã cập nhật cơ sở dữ liệu'); // no migration ran again

    // The officer's device and token came back with the data: no new sign-in.
    const pulled = await officer.pull(revived.url, 0);
    expect(pulled.status).toBe(200);
    expect(ids(pulled.body.records)).toEqual(ids(pulledBefore.records));
    expect(pulled.body.records).toEqual(pulledBefore.records);

    const first = pulledBefore.records[0];
    const edit = await officer.push(revived.url, [upsertOf({ ...first.record, title: 'Sau khi khôi phục' }, 4, 1)]);
    expect(edit.body.results[0]).toMatchObject({ status: 'applied', rev: 2, serverSeq: 1_000_000_009 });
    // A phone whose cursor was at the newest change before the restore gets the edit.
    const next = await officer.pull(revived.url, 8);
    expect(next.body.records.map((r: Json) => [r.id, r.rev])).toEqual([[first.id, 2]]);
  });
});
