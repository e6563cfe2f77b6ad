// The whole authorisation matrix, generated: every route the app serves (read from the Hono
// app itself, so a new route fails here until its row is written) × every role × a target in
// the caller's own unit, another unit of the commune, and another commune. Each cell states
// the status expected; a refused call changes nothing; no answer to anyone ever carries a
// record outside their scope (markers below), and a pull returns exactly their scope.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { hashPin, sha256Hex as sha } from '../../server/auth/secrets.ts';
import type { Store } from '../../server/store/store.ts';
import { defaultPlan, defaultProvincePlan } from '../../src/domain/plan/index.ts';
import { defaultReportSettings } from '../../src/domain/plan/reportSettings.ts';
import { defaultUnitTypes } from '../../src/domain/setup/unitTypes.ts';
import { roles, type Role } from '../../src/domain/index.ts';
import { newsPost, propagandaSession, upsertOf, violenceCase } from '../fixtures/records.ts';
import { startServer, type TestServer } from './harness.ts';
import { actors, call, OTHER_COMMUNE, seedRoles, tokenFor } from './roles.ts';
import { DEMO_PIN } from '../../server/store/demo.ts';

type Target = 'own' | 'otherUnit' | 'otherCommune';
const targets: Target[] = ['own', 'otherUnit', 'otherCommune'];
const unitOf: Record<Target, string> = { own: 'tdp-1', otherUnit: 'tdp-2', otherCommune: 'thon-a' };
const userOf: Record<Target, string> = { own: 'tdp1', otherUnit: 'tdp2', otherCommune: 'xk-thon-a' };

/** Distinctive text in each seeded record, and who may ever see it. */
const markers: Record<string, Role[]> = {
  'MARK-TDP1': ['villageHead', 'communeOfficer', 'communeReporter'],
  'CASE-TDP1': ['villageHead', 'communeOfficer'],
  'MARK-TDP2': ['communeOfficer', 'communeReporter'],
  'CASE-TDP2': ['communeOfficer'],
  'MARK-WARD': ['communeOfficer', 'communeReporter'],
  'CASE-CONGAN': ['communeOfficer', 'communeReporter'],
  'MARK-XK': [],
  'CASE-XK': [],
};

// The OpenAPI document is public: it names the shapes the app's own scripts carry, and no data.
const PUBLIC = new Set(['GET /api/v1/health', 'POST /api/v1/sessions', 'POST /api/v1/enrolments', 'GET /api/v1/openapi.json']);

interface World {
  server: TestServer;
  tokens: Record<Role, string>;
  /** A second device of each target user, for revoke. */
  targetDevices: Record<Target, string>;
  /** Those devices' tokens. */
  targetTokens: Record<Target, string>;
}

interface Cell {
  path: string;
  body?: unknown;
  /** Statuses accepted for this cell. */
  expect: number[];
}

const officerOnly = (role: Role, ok = 200): number[] => (role === 'communeOfficer' ? [ok] : [403]);
/** The officer may act on the commune's units and users; another commune's are not found. */
const officerInCommune = (role: Role, target: Target, ok = 200): number[] => (role !== 'communeOfficer' ? [403] : target === 'otherCommune' ? [404] : [ok]);

/** One row per route: how to call it at a target, and what each role gets. */
const matrix: Record<string, (w: World, role: Role, target: Target) => Cell> = {
  'GET /api/v1/me': () => ({ path: '/api/v1/me', expect: [200] }),
  // The same document for everyone, signed in or not (tests/server/openapi.test.ts).
  'GET /api/v1/openapi.json': () => ({ path: '/api/v1/openapi.json', expect: [200] }),
  // Ends the caller's own session whatever the target: the first call of a role gets 204, its next ones 401.
  'DELETE /api/v1/sessions/current': () => ({ path: '/api/v1/sessions/current', expect: [204, 401] }),
  'POST /api/v1/sync/push': () => ({ path: '/api/v1/sync/push', expect: [200] }), // per change: see pushCell
  'GET /api/v1/sync/pull': () => ({ path: '/api/v1/sync/pull?since=0', expect: [200] }),
  'GET /api/v1/devices/gaps': (_, role) => ({ path: '/api/v1/devices/gaps', expect: officerOnly(role) }),
  'GET /api/v1/devices': (_, role) => ({ path: '/api/v1/devices', expect: officerOnly(role) }),
  'POST /api/v1/devices/:id/revoke': (w, role, target) => ({
    path: `/api/v1/devices/${w.targetDevices[target]}/revoke`,
    expect: officerInCommune(role, target),
  }),
  'POST /api/v1/accounts/:id/unlock': (_, role, target) => ({ path: `/api/v1/accounts/${userOf[target]}/unlock`, expect: officerInCommune(role, target) }),
  'GET /api/v1/accounts': (_, role) => ({ path: '/api/v1/accounts', expect: officerOnly(role) }),
  // A new account always lands in the officer's commune: a unit of another commune is refused by name.
  'POST /api/v1/accounts': (_, role, target) => ({
    path: '/api/v1/accounts',
    body: { username: `moi-${target.toLowerCase()}`, displayName: 'Tổ trưởng mới', role: 'villageHead', unitId: unitOf[target] },
    expect: role !== 'communeOfficer' ? [403] : target === 'otherCommune' ? [400] : [201],
  }),
  'POST /api/v1/accounts/:id/enrolment': (_, role, target) => ({
    path: `/api/v1/accounts/${userOf[target]}/enrolment`,
    expect: officerInCommune(role, target, 201),
  }),
  'POST /api/v1/accounts/:id/disable': (_, role, target) => ({ path: `/api/v1/accounts/${userOf[target]}/disable`, expect: officerInCommune(role, target) }),
  'POST /api/v1/accounts/:id/enable': (_, role, target) => ({ path: `/api/v1/accounts/${userOf[target]}/enable`, expect: officerInCommune(role, target) }),
  'GET /api/v1/audit': (_, role) => ({ path: '/api/v1/audit', expect: officerOnly(role) }),
  'GET /api/v1/case-access': (_, role) => ({ path: '/api/v1/case-access', expect: officerOnly(role) }),
  'GET /api/v1/reports/yearly.docx': (_, role) => ({ path: '/api/v1/reports/yearly.docx?year=2026', expect: officerOnly(role) }),
  'GET /api/v1/reports/yearly.xlsx': (_, role) => ({ path: '/api/v1/reports/yearly.xlsx?year=2026', expect: officerOnly(role) }),
  'GET /api/v1/reports/yearly.csv': (_, role) => ({ path: '/api/v1/reports/yearly.csv?year=2026', expect: officerOnly(role) }),
  'GET /api/v1/reports/cases.xlsx': (_, role) => ({ path: '/api/v1/reports/cases.xlsx?year=2026', expect: officerOnly(role) }),
  'GET /api/v1/reports/quarterly.docx': (_, role) => ({ path: '/api/v1/reports/quarterly.docx?year=2026&quarter=3', expect: officerOnly(role) }),
  'GET /api/v1/reports/quarterly.xlsx': (_, role) => ({ path: '/api/v1/reports/quarterly.xlsx?year=2026&quarter=3', expect: officerOnly(role) }),
  'GET /api/v1/reports/quarterly.csv': (_, role) => ({ path: '/api/v1/reports/quarterly.csv?year=2026&quarter=3', expect: officerOnly(role) }),
  'GET /api/v1/reports/settings/:year': (_, role) => ({ path: '/api/v1/reports/settings/2026', expect: officerOnly(role) }),
  // The settings always land in the officer's own commune: the body names none.
  'PUT /api/v1/reports/settings/:year': (_, role) => ({
    path: '/api/v1/reports/settings/2026',
    body: { ...defaultReportSettings({ name: 'Phường Nam Gia Nghĩa', provinceName: 'Lâm Đồng' }), signerName: 'Nguyễn Văn A' },
    expect: officerOnly(role),
  }),
  'GET /api/v1/plans/:year': (_, role) => ({ path: '/api/v1/plans/2026', expect: role === 'province' ? [403] : [200] }),
  'PUT /api/v1/plans/:year': (_, role, target) => ({
    path: '/api/v1/plans/2026',
    // A plan for another commune is refused by its communeId, whoever sends it.
    body: defaultPlan(target === 'otherCommune' ? OTHER_COMMUNE : 'nam-gia-nghia', 2026),
    expect: role !== 'communeOfficer' ? [403] : target === 'otherCommune' ? [400] : [200],
  }),
  'GET /api/v1/units': (_, role) => ({ path: '/api/v1/units', expect: officerOnly(role) }),
  'POST /api/v1/units': (_, role, target) => ({
    path: '/api/v1/units',
    body: { id: `to-moi-${target.toLowerCase()}`, name: 'Tổ mới', type: 'toDanPho', households: 10 },
    expect: officerOnly(role, 201),
  }),
  'PATCH /api/v1/units/:id': (_, role, target) => ({
    path: `/api/v1/units/${unitOf[target]}`,
    body: { households: 99 },
    expect: officerInCommune(role, target),
  }),
  'POST /api/v1/units/:id/retire': (_, role, target) => ({ path: `/api/v1/units/${unitOf[target]}/retire`, expect: officerInCommune(role, target) }),
  'POST /api/v1/units/:id/merge': (_, role, target) => ({
    path: `/api/v1/units/${unitOf[target]}/merge`,
    body: { into: 'tdp-3' },
    expect: officerInCommune(role, target),
  }),
  'GET /api/v1/unit-types': (_, role) => ({ path: '/api/v1/unit-types', expect: officerOnly(role) }),
  // The list is the caller's own commune's: there is no other commune's to name.
  'PUT /api/v1/unit-types': (_, role) => ({ path: '/api/v1/unit-types', body: { types: defaultUnitTypes }, expect: officerOnly(role) }),
  'GET /api/v1/reviews': (_, role) => ({ path: '/api/v1/reviews', expect: role === 'villageHead' || role === 'communeOfficer' ? [200] : [403] }),
  // A village head submits only their own unit's period (the unit comes from the account).
  'POST /api/v1/reviews/submit': (_, role, target) => ({
    path: '/api/v1/reviews/submit',
    // Periods already begun by the test server's clock (1/6/2026): one not begun is refused (reviews.ts).
    body: { period: { own: '2026-Q1', otherUnit: '2025-Q4', otherCommune: '2025' }[target] },
    expect: role === 'villageHead' ? [201] : [403],
  }),
  // The caller's own province only, whatever is asked: the answer never names a record (markers).
  'GET /api/v1/province/indicators': (_, role) => ({ path: '/api/v1/province/indicators?year=2026', expect: role === 'province' ? [200] : [403] }),
  // The province's plan: the province reads and saves its own; a commune officer reads their own province's (the
  // province comes from the account or the officer's commune, never from the request).
  'GET /api/v1/province/plan/:year': (_, role) => ({
    path: '/api/v1/province/plan/2026',
    expect: role === 'province' || role === 'communeOfficer' ? [200] : [403],
  }),
  // A plan naming another province is refused by its provinceId.
  'PUT /api/v1/province/plan/:year': (_, role, target) => ({
    path: '/api/v1/province/plan/2026',
    body: defaultProvincePlan(target === 'otherCommune' ? 'tinh-khac' : 'lam-dong', 2026),
    expect: role !== 'province' ? [403] : target === 'otherCommune' ? [400] : [200],
  }),
  'GET /api/v1/province/plan/:year/changes': (_, role) => ({ path: '/api/v1/province/plan/2026/changes', expect: role === 'province' ? [200] : [403] }),
  'POST /api/v1/reviews/decide': (_, role, target) => ({
    path: '/api/v1/reviews/decide',
    body: { unitId: unitOf[target], period: '2026-Q2', action: 'accept' },
    expect: role !== 'communeOfficer' ? [403] : target === 'otherCommune' ? [400] : [201],
  }),
};

/**
 * Who may write a new record in the target's unit (a village unit). A commune reporter writes
 * only at commune level (DESIGN §1: "what is theirs at commune level"), never in a village.
 */
function mayWrite(role: Role, target: Target): boolean {
  if (role === 'villageHead') return target === 'own';
  if (role === 'communeOfficer') return target !== 'otherCommune';
  return false;
}

const probe = createApp({ store: {} as Store, clock: () => new Date(), settings: {} });
const servedRoutes = [...new Set(probe.routes.filter((r) => r.method !== 'ALL' && !r.path.includes('*')).map((r) => `${r.method} ${r.path}`))].sort();

let world: World;
beforeEach(async () => {
  const server = await startServer();
  await seedRoles(server);
  const tokens = {} as Record<Role, string>;
  for (const role of roles) tokens[role] = (await tokenFor(server, actors[role])).token;
  const targetDevices = {} as Record<Target, string>;
  const targetTokens = {} as Record<Target, string>;
  for (const target of targets) ({ deviceId: targetDevices[target], token: targetTokens[target] } = await tokenFor(server, userOf[target]));
  world = { server, tokens, targetDevices, targetTokens };

  // The records each marker stands for, written by their own reporters.
  const tdp2 = await tokenFor(server, 'tdp2');
  const xk = await tokenFor(server, 'xk-thon-a');
  const push = async (token: string, deviceId: string, changes: unknown[]) => {
    const response = await call(server, 'POST', '/api/v1/sync/push', token, { deviceId, changes });
    expect(response.json.results.map((r: { status: string }) => r.status)).toEqual(changes.map(() => 'applied'));
  };
  await push(tokens.villageHead, (await server.store.sessions.findActor(sha(tokens.villageHead)))!.deviceId, [
    upsertOf(propagandaSession({ note: 'MARK-TDP1' }), 1),
    upsertOf(violenceCase({ notes: 'CASE-TDP1' }), 2),
  ]);
  await push(tdp2.token, tdp2.deviceId, [
    upsertOf(propagandaSession({ unitId: 'tdp-2', reporterId: 'tdp2', note: 'MARK-TDP2' }), 1),
    upsertOf(violenceCase({ unitId: 'tdp-2', reporterId: 'tdp2', caseCode: 'TDP2-2026-01', notes: 'CASE-TDP2' }), 2),
  ]);
  await push(tokens.communeReporter, (await server.store.sessions.findActor(sha(tokens.communeReporter)))!.deviceId, [
    upsertOf(newsPost({ reporterId: 'congan', title: 'MARK-WARD' }), 1),
    upsertOf(violenceCase({ unitId: 'nam-gia-nghia', reporterId: 'congan', reportedBy: 'police', caseCode: 'CA-2026-01', notes: 'CASE-CONGAN' }), 2),
  ]);
  await push(xk.token, xk.deviceId, [
    upsertOf(propagandaSession({ unitId: 'thon-a', reporterId: 'xk-thon-a', note: 'MARK-XK' }), 1),
    upsertOf(violenceCase({ unitId: 'thon-a', reporterId: 'xk-thon-a', caseCode: 'XK-2026-01', notes: 'CASE-XK' }), 2),
  ]);
  // Periods waiting for the officer's decision, in the ward and in the other commune.
  for (const [unitId, communeId] of [
    ['tdp-1', 'nam-gia-nghia'],
    ['tdp-2', 'nam-gia-nghia'],
    ['thon-a', OTHER_COMMUNE],
  ] as const) {
    await server.store.reviews.add(communeId, {
      id: crypto.randomUUID(),
      unitId,
      period: '2026-Q2',
      seq: 1,
      action: 'submit',
      comment: null,
      userId: 'x',
      at: '2026-06-01T00:00:00.000Z',
    });
  }
});
afterEach(async () => {
  await world.server.close();
});

/** Everything a refused call must leave as it was. */
async function snapshot(server: TestServer): Promise<string> {
  const db = server.store.db;
  const tables = await Promise.all([
    db.selectFrom('records').select(['id', 'rev', 'deleted', 'body']).orderBy('id').execute(),
    db.selectFrom('units').selectAll().orderBy('id').execute(),
    db.selectFrom('users').selectAll().orderBy('id').execute(),
    db.selectFrom('devices').select(['id', 'revoked_at']).orderBy('id').execute(),
    db.selectFrom('plans').selectAll().orderBy('commune_id').execute(),
    db.selectFrom('province_plans').selectAll().orderBy('province_id').execute(),
    db.selectFrom('report_settings').selectAll().orderBy('commune_id').execute(),
    db.selectFrom('review_events').select(['id', 'action']).orderBy('id').execute(),
    db.selectFrom('sign_in_throttle').selectAll().orderBy('key').execute(),
    db.selectFrom('enrolment_codes').select(['id', 'used_at', 'replaced_at']).orderBy('id').execute(),
    db.selectFrom('audit_events').select('id').orderBy('id').execute(),
  ]);
  return JSON.stringify(tables);
}

function leaks(role: Role, text: string): string[] {
  return Object.entries(markers)
    .filter(([marker, seenBy]) => !seenBy.includes(role) && text.includes(marker))
    .map(([marker]) => marker);
}

describe('the authorisation matrix', () => {
  it('has a row for every route the app serves', () => {
    const missing = servedRoutes.filter((route) => !PUBLIC.has(route) && !(route in matrix));
    expect(missing).toEqual([]);
    expect(servedRoutes.length).toBeGreaterThan(20);
  });

  it.each(servedRoutes.filter((route) => !PUBLIC.has(route)))('%s answers 401 without a token or with an unknown one', async (route) => {
    const [method, pattern] = route.split(' ') as [string, string];
    const path = pattern.replace(':year', '2026').replace(':id', 'tdp-1');
    const before = await snapshot(world.server);
    for (const token of [undefined, 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']) {
      const response = await call(world.server, method, path, token, method === 'GET' ? undefined : {});
      expect(response.status, `${route} ${token ? 'unknown token' : 'no token'}`).toBe(401);
      expect(response.json).toEqual({ error: 'unauthorized', message: 'Phiên đăng nhập không hợp lệ. Vui lòng đăng nhập lại.' });
    }
    expect(await snapshot(world.server)).toBe(before);
  });

  it.each(servedRoutes.filter((route) => !PUBLIC.has(route) && !route.startsWith('GET ')))(
    '%s refuses a cookie-carried call from another site, app header or not, and changes nothing',
    async (route) => {
      const [method, pattern] = route.split(' ') as [string, string];
      const path = pattern.replace(':year', '2026').replace(':id', 'tdp-1');
      const before = await snapshot(world.server);
      for (const role of roles) {
        for (const [header, value] of [
          ['Sec-Fetch-Site', 'cross-site'],
          ['Origin', 'https://evil.example'],
        ] as const) {
          const response = await world.server.app.request(path, {
            method,
            headers: { Cookie: `so_tay_session=${world.tokens[role]}`, 'X-Requested-With': 'so-tay', 'Content-Type': 'application/json', [header]: value },
            body: '{}',
          });
          expect([role, header, response.status]).toEqual([role, header, 403]);
          expect(await response.json()).toMatchObject({ error: 'cross_site_request', fields: [{ path: header }] });
        }
      }
      expect(await snapshot(world.server)).toBe(before);
    },
  );

  it.each(Object.keys(matrix))('%s: every role × own unit, other unit, other commune', async (route) => {
    expect(servedRoutes).toContain(route);
    const [method] = route.split(' ') as [string];
    const cells = roles.flatMap((role) => targets.map((target) => ({ role, target, cell: matrix[route]!(world, role, target) })));
    const failures: string[] = [];
    // Refusals first, on the untouched world: each must change nothing.
    const refusedFirst = [...cells].sort((a, b) => Number(a.cell.expect[0]! < 300) - Number(b.cell.expect[0]! < 300));
    for (const { role, target, cell } of refusedFirst) {
      const before = await snapshot(world.server);
      const body = route === 'POST /api/v1/sync/push' ? await pushBody(role, target) : cell.body;
      const response = await call(world.server, method, cell.path, world.tokens[role], body ?? (method === 'GET' ? undefined : {}));
      const where = `${role} × ${target}`;
      if (!cell.expect.includes(response.status)) failures.push(`${where}: ${response.status}, expected ${cell.expect.join('/')}`);
      if (response.status >= 400) {
        if ((await snapshot(world.server)) !== before) failures.push(`${where}: a refused call changed stored data`);
        if (typeof response.json?.message !== 'string') failures.push(`${where}: a refusal without a message`);
      }
      const leaked = leaks(role, response.text);
      if (leaked.length > 0) failures.push(`${where}: answer carries ${leaked.join(', ')}`);
      if (route === 'POST /api/v1/sync/push' && response.status === 200) {
        const status = response.json.results[0].status;
        const expected = mayWrite(role, target) ? 'applied' : 'rejected';
        if (status !== expected) failures.push(`${where}: change ${status}, expected ${expected}`);
      }
    }
    expect(failures).toEqual([]);
  });

  /** A new record in the target's unit, reported by the caller. */
  async function pushBody(role: Role, target: Target) {
    const actor = await world.server.store.sessions.findActor(sha(world.tokens[role]));
    const seq = (await world.server.store.db.selectFrom('devices').select('last_seq').where('id', '=', actor!.deviceId).executeTakeFirstOrThrow()).last_seq;
    return { deviceId: actor!.deviceId, changes: [upsertOf(propagandaSession({ unitId: unitOf[target], reporterId: actors[role] }), Number(seq) + 1)] };
  }

  it.each(roles)('a %s signing in with the device id of a user of its own unit, another unit, another commune takes none of them', async (role) => {
    const { server } = world;
    await server.store.db
      .updateTable('users')
      .set({ pin_hash: await hashPin(DEMO_PIN) })
      .where('id', '=', actors[role])
      .execute();
    const failures: string[] = [];
    for (const target of targets) {
      const deviceId = world.targetDevices[target];
      const row = () =>
        server.store.db.selectFrom('devices').select(['user_id', 'revoked_at', 'last_seq']).where('id', '=', deviceId).executeTakeFirstOrThrow();
      const before = await row();
      const response = await server.app.request('/api/v1/sessions', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Session-Token': 'body' },
        body: JSON.stringify({ username: actors[role], pin: DEMO_PIN, deviceId }),
      });
      const answer = await response.json();
      const where = `${role} × ${target}`;
      const own = actors[role] === userOf[target];
      if (response.status !== 200) failures.push(`${where}: ${response.status}`);
      // The same account signing in again on its own device keeps the id; any other gets a fresh one.
      if ((answer.deviceId === deviceId) !== own) failures.push(`${where}: answered device id ${answer.deviceId}`);
      if (JSON.stringify(await row()) !== JSON.stringify(before)) failures.push(`${where}: the owner's device row changed`);
      const owner = await call(server, 'GET', '/api/v1/me', world.targetTokens[target]);
      if (!own && owner.json?.user?.id !== userOf[target]) failures.push(`${where}: the owner's session answers ${owner.status}`);
      const reissued = await server.store.db
        .selectFrom('audit_events')
        .select('device_id')
        .where('action', '=', 'device.reissue')
        .where('target', '=', deviceId)
        .execute();
      if (reissued.length !== (own ? 0 : 1)) failures.push(`${where}: ${reissued.length} device.reissue events`);
    }
    expect(failures).toEqual([]);
  });

  it("answers a new unit id or user name alike whether the caller's unit, another unit, another commune or nobody has it", async () => {
    const { server } = world;
    const officer = world.tokens.communeOfficer;
    const unitAnswers = [];
    for (const id of [unitOf.own, unitOf.otherUnit, unitOf.otherCommune, 'khong-ai-co']) {
      const answer = await call(server, 'POST', '/api/v1/units', officer, { id, name: 'Tổ mới', type: 'toDanPho', households: 10 });
      unitAnswers.push([answer.status, answer.json.error ?? null]);
    }
    const accountAnswers = [];
    for (const username of [userOf.own, userOf.otherUnit, userOf.otherCommune, 'khong-ai-co']) {
      const answer = await call(server, 'POST', '/api/v1/accounts', officer, { username, displayName: 'Tổ trưởng mới', role: 'villageHead', unitId: 'tdp-3' });
      accountAnswers.push([answer.status, answer.json.error ?? null]);
    }
    expect({ unitAnswers, accountAnswers }).toEqual({ unitAnswers: unitAnswers.map(() => [201, null]), accountAnswers: accountAnswers.map(() => [201, null]) });
  });

  it.each(roles)('a %s pulls exactly its scope, violence cases only where its role handles them', async (role) => {
    const response = await call(world.server, 'GET', '/api/v1/sync/pull?since=0', world.tokens[role]);
    expect(response.status).toBe(200);
    const texts = (response.json.records as { record: { note?: string; notes?: string; title?: string } }[])
      .map(({ record }) => record.note ?? record.notes ?? record.title)
      .sort();
    const visible = Object.entries(markers)
      .filter(([, seenBy]) => seenBy.includes(role))
      .map(([marker]) => marker)
      .sort();
    expect(texts).toEqual(visible);
  });
});
