// The operator's command line (server/admin) run for real, as a child process, on a fresh
// database of the project's engine (a SQLite file in DATA_DIR, or a PostgreSQL database by
// DATABASE_URL); then the real server process on that database, where the officer and the
// province account enrol with the printed codes. Nothing is seeded: the commands make it all.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { openStoreAt, type OpenedStore, type StoreLocation } from '../../server/store/open.ts';
import { createDatabase, dropDatabase } from '../support/postgres.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { DEMO_PIN } from '../../server/store/demo.ts';

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

let location: StoreLocation;
let env: Record<string, string>;
let discard: () => Promise<void>;
let store: OpenedStore | undefined;
let server: RunningServer | undefined;

beforeEach(async () => {
  const cluster = inject('postgres');
  const dataDir = mkdtempSync(join(tmpdir(), 'sotay-admin-'));
  if (cluster) {
    const database = await createDatabase(cluster);
    location = { databaseUrl: database.url, dataDir };
    env = { DATABASE_URL: database.url, DATA_DIR: dataDir };
    discard = () => dropDatabase(cluster, database.name);
  } else {
    location = { dataDir };
    env = { DATA_DIR: dataDir };
    discard = async () => undefined;
  }
});

afterEach(async () => {
  await server?.stop();
  await store?.close();
  server = undefined;
  store = undefined;
  await discard();
  rmSync(location.dataDir, { recursive: true, force: true });
});

function admin(...args: string[]): Promise<Run> {
  const childEnv: Record<string, string | undefined> = { ...process.env, DATABASE_URL: undefined, ...env, SUDO_USER: 'nguyen-van-an' };
  if (childEnv.DATABASE_URL === undefined) delete childEnv.DATABASE_URL;
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'server/admin/main.ts', ...args], { env: childEnv as NodeJS.ProcessEnv }, (error, stdout, stderr) => {
      resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** The code the command printed: "Enrolment code for canbo-ngn: K7M4-Q2XP (…)". */
function printedCode(run: Run): string {
  const match = /Enrolment code for \S+: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(run.stdout);
  if (!match) throw new Error(`no code in: ${run.stdout}${run.stderr}`);
  return match[1]!;
}

function db(): OpenedStore {
  store ??= openStoreAt(location);
  return store;
}

const TABLES = ['provinces', 'communes', 'units', 'users', 'enrolment_codes', 'audit_events'] as const;

async function counts(): Promise<Record<string, number>> {
  const entries = await Promise.all(
    TABLES.map(
      async (table) =>
        [
          table,
          Number(
            (
              await db()
                .db.selectFrom(table)
                .select((eb) => eb.fn.countAll().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          ),
        ] as const,
    ),
  );
  return Object.fromEntries(entries);
}

async function enrol(code: string): Promise<{ status: number; body: { token?: string; user?: Record<string, string> } & Record<string, unknown> }> {
  const response = await fetch(`${server!.url}/api/v1/enrolments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Session-Token': 'body' },
    body: JSON.stringify({ code, pin: '246813', deviceId: randomUUID() }),
  });
  return { status: response.status, body: await response.json() };
}

async function get(path: string, token: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server!.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: response.status, body: await response.json() };
}

/** The demo's province account does not exist, and the server did not list the demo's accounts. */
async function expectNoDemo(): Promise<void> {
  expect(server!.output()).not.toContain('Tài khoản mẫu');
  const demo = await fetch(`${server!.url}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'tinh', pin: DEMO_PIN, deviceId: randomUUID() }),
  });
  expect(demo.status).toBe(401);
}

const COMMUNE = [
  '--province',
  'lam-dong',
  '--id',
  'nam-gia-nghia',
  '--name',
  'Phường Nam Gia Nghĩa',
  '--officer',
  'canbo-ngn',
  '--officer-name',
  'Nguyễn Thị Hoa',
];

// Each command is a new Node process (about 1 to 4 s on a busy machine): generous limits.
describe('npm run admin: a province deployment without seeds', { timeout: 300_000 }, () => {
  it('creates a province, a commune with its officer and a province account; both enrol with the printed codes', async () => {
    expect(await admin('province', 'create', '--id', 'lam-dong', '--name', 'Tỉnh Lâm Đồng')).toMatchObject({
      status: 0,
      stdout: expect.stringContaining('Created province lam-dong'),
    });
    // Again with the same name: already there, no error; with another name: refused.
    expect(await admin('province', 'create', '--id', 'lam-dong', '--name', 'Tỉnh Lâm Đồng')).toMatchObject({
      status: 0,
      stdout: expect.stringContaining('already exists'),
    });
    expect(await admin('province', 'create', '--id', 'lam-dong', '--name', 'Tỉnh Đắk Nông')).toMatchObject({
      status: 1,
      stderr: expect.stringContaining('already exists with the name'),
    });

    const commune = await admin('commune', 'create', ...COMMUNE);
    expect(commune.status).toBe(0);
    const firstOfficerCode = printedCode(commune);
    const reissued = await admin('account', 'reissue', '--username', 'canbo-ngn');
    expect(reissued.status).toBe(0);
    const officerCode = printedCode(reissued);
    const account = await admin('account', 'create-province', '--province', 'lam-dong', '--username', 'so-noi-vu', '--name', 'Sở Nội vụ');
    expect(account.status).toBe(0);
    const provinceCode = printedCode(account);
    expect((await admin('province', 'list')).stdout).toContain('lam-dong\tTỉnh Lâm Đồng\tcommunes: 1\tprovince accounts: so-noi-vu');
    expect((await admin('commune', 'list', '--province', 'lam-dong')).stdout).toContain(
      'nam-gia-nghia\tPhường Nam Gia Nghĩa\tofficers: canbo-ngn (waiting for enrolment)',
    );

    // Names are stored as given; the commune has its own unit, the officer sits on it.
    const row = await db().db.selectFrom('communes').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ id: 'nam-gia-nghia', name: 'Phường Nam Gia Nghĩa', province_id: 'lam-dong', province_name: 'Lâm Đồng' });
    expect(await db().db.selectFrom('units').select(['id', 'name', 'type']).execute()).toEqual([
      { id: 'nam-gia-nghia', name: 'UBND phường Nam Gia Nghĩa', type: 'commune' },
    ]);
    // Every change has its event, by the operator: the commune's in its trail, the province's in none.
    const events = await db().db.selectFrom('audit_events').select(['commune_id', 'user_id', 'action']).orderBy('id').execute();
    expect(events).toEqual([
      { commune_id: '', user_id: 'operator:nguyen-van-an', action: 'province.create' },
      { commune_id: 'nam-gia-nghia', user_id: 'operator:nguyen-van-an', action: 'commune.create' },
      { commune_id: 'nam-gia-nghia', user_id: 'operator:nguyen-van-an', action: 'account.create' },
      { commune_id: 'nam-gia-nghia', user_id: 'operator:nguyen-van-an', action: 'enrolment.issue' },
      { commune_id: 'nam-gia-nghia', user_id: 'operator:nguyen-van-an', action: 'enrolment.issue' },
      { commune_id: '', user_id: 'operator:nguyen-van-an', action: 'account.create' },
      { commune_id: '', user_id: 'operator:nguyen-van-an', action: 'enrolment.issue' },
    ]);
    await store!.close();
    store = undefined;

    server = await startServer({ env });
    // A database the operator set up gets no demo: neither its accounts nor their list.
    await expectNoDemo();
    // The reissued code replaced the first one.
    expect((await enrol(firstOfficerCode)).body).toMatchObject({ error: 'enrolment_code_used' });
    const officer = await enrol(officerCode);
    expect(officer.status).toBe(200);
    expect(officer.body.user).toMatchObject({
      role: 'communeOfficer',
      communeId: 'nam-gia-nghia',
      communeName: 'Phường Nam Gia Nghĩa',
      provinceId: 'lam-dong',
    });
    const accounts = await get('/api/v1/accounts', officer.body.token!);
    expect(accounts.status).toBe(200);
    // The officer's trail shows what the operator did to the commune.
    const trail = await get('/api/v1/audit', officer.body.token!);
    expect(trail.status).toBe(200);
    expect(JSON.stringify(trail.body)).toContain('operator:nguyen-van-an');

    const head = await enrol(provinceCode);
    expect(head.status).toBe(200);
    expect(head.body.user).toMatchObject({ role: 'province', provinceId: 'lam-dong', provinceName: 'Tỉnh Lâm Đồng', communeId: '' });
    const table = await get('/api/v1/province/indicators?year=2026', head.body.token!);
    expect(table.status).toBe(200);
    expect((table.body.communes as Array<{ communeId: string }>).map((c) => c.communeId)).toEqual(['nam-gia-nghia']);

    // Moved to another province, the commune leaves this province's table.
    expect((await admin('province', 'create', '--id', 'dak-nong', '--name', 'Tỉnh Đắk Nông')).status).toBe(0);
    expect(await admin('commune', 'move', '--id', 'nam-gia-nghia', '--province', 'dak-nong')).toMatchObject({
      status: 0,
      stdout: expect.stringContaining('to dak-nong'),
    });
    expect((await get('/api/v1/province/indicators?year=2026', head.body.token!)).body.communes).toEqual([]);

    // Disabled, the officer's session stops working; enabled, it works again.
    expect((await admin('account', 'disable', '--username', 'canbo-ngn')).status).toBe(0);
    expect((await get('/api/v1/accounts', officer.body.token!)).status).toBe(401);
    expect(await admin('account', 'disable', '--username', 'canbo-ngn')).toMatchObject({ status: 0, stdout: expect.stringContaining('already disabled') });
    expect((await admin('account', 'reissue', '--username', 'canbo-ngn')).status).toBe(1);
    expect((await admin('account', 'enable', '--username', 'canbo-ngn')).status).toBe(0);
    expect((await get('/api/v1/accounts', officer.body.token!)).status).toBe(200);
  });

  it('a database with a province and no commune yet gets no demo when the server starts', async () => {
    expect((await admin('province', 'create', '--id', 'lam-dong', '--name', 'Tỉnh Lâm Đồng')).status).toBe(0);
    server = await startServer({ env });
    await expectNoDemo();
    expect(await counts()).toMatchObject({ provinces: 1, communes: 0, users: 0 });
  });

  it('refuses bad input with a message and a non-zero exit, and changes nothing', async () => {
    expect((await admin('province', 'create', '--id', 'lam-dong', '--name', 'Tỉnh Lâm Đồng')).status).toBe(0);
    expect((await admin('commune', 'create', ...COMMUNE)).status).toBe(0);
    const before = await counts();
    const refusals: Array<[string[], number, string]> = [
      [['province', 'create', '--id', 'Lâm Đồng', '--name', 'Tỉnh Lâm Đồng'], 1, '--id "Lâm Đồng"'],
      [['province', 'create', '--id', 'lam-dong'], 1, 'missing --name'],
      [['province', 'create', '--id', 'x', '--name', 'X', '--colour', 'red'], 2, "Unknown option '--colour'"],
      [['commune', 'create', ...COMMUNE.slice(0, 1), 'quang-nam', ...COMMUNE.slice(2, 3), 'tam-ky', ...COMMUNE.slice(4)], 1, 'no province "quang-nam"'],
      [['commune', 'create', ...COMMUNE], 1, 'commune "nam-gia-nghia" already exists'],
      [['commune', 'create', ...COMMUNE.slice(0, 3), 'bac-gia-nghia', ...COMMUNE.slice(4)], 1, 'username "canbo-ngn" is taken'],
      [['commune', 'create', ...COMMUNE.slice(0, 3), 'Bac_Gia', ...COMMUNE.slice(4)], 1, '--id "Bac_Gia"'],
      [['commune', 'move', '--id', 'bac-gia-nghia', '--province', 'lam-dong'], 1, 'no commune "bac-gia-nghia"'],
      [['account', 'create-province', '--province', 'lam-dong', '--username', 'canbo-ngn', '--name', 'Sở Nội vụ'], 1, 'username "canbo-ngn" is taken'],
      [['account', 'reissue', '--username', 'nobody'], 1, 'no account "nobody"'],
      [['commune', 'list', '--province', 'quang-nam'], 1, 'no province "quang-nam"'],
      [['nothing'], 2, 'unknown command'],
    ];
    // Independent of each other: run together.
    const runs = await Promise.all(refusals.map(([args]) => admin(...args)));
    refusals.forEach(([args, status, message], i) => {
      expect({ args, status: runs[i]!.status, stderr: runs[i]!.stderr }).toMatchObject({ args, status, stderr: expect.stringContaining(message) });
    });
    expect(await counts()).toEqual(before);
  });

  it('writes each change and its audit event in one transaction: a refused event leaves no commune', async () => {
    expect((await admin('province', 'create', '--id', 'lam-dong', '--name', 'Tỉnh Lâm Đồng')).status).toBe(0);
    // The database refuses the last event the command writes (the officer's code).
    const refuse =
      db().engine === 'postgres'
        ? [
            sql`create function refuse_issue() returns trigger language plpgsql as $$ begin
            if new.action = 'enrolment.issue' then raise exception 'no codes today'; end if; return new; end $$`,
            sql`create trigger refuse_issue before insert on audit_events for each row execute function refuse_issue()`,
          ]
        : [sql`create trigger refuse_issue before insert on audit_events when new.action = 'enrolment.issue' begin select raise(abort, 'no codes today'); end`];
    for (const statement of refuse) await statement.execute(db().db);
    const before = await counts();
    const run = await admin('commune', 'create', ...COMMUNE);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('no codes today');
    expect(await counts()).toEqual(before);
  });
});
