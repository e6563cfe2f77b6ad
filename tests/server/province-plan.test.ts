// The province's plan of a year (GET/PUT /api/v1/province/plan/:year): seed 003's targets and
// deadline until the province's account saves its own; each save audited with the names of what
// changed (GET …/changes); a bad plan refused with its fields named and nothing stored; a
// commune officer reads the plan of their own commune's province, and no other.
import { readFileSync } from 'node:fs';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { hashPin, UNUSABLE_PIN_HASH } from '../../server/auth/secrets.ts';
import { DEMO_PIN, demoSeed } from '../../server/store/demo.ts';
import { defaultProvincePlan, type ProvincePlan } from '../../src/domain/plan/index.ts';
import { startServer, type Json, type TestServer } from './harness.ts';
import { call, tokenFor } from './roles.ts';

const SEED_003 = readFileSync(new URL('../../../shared/seeds/003_93e647efddbf02db.txt', import.meta.url), 'utf8');

let server: TestServer;
let province: string;
let otherProvince: string;
let officer: string;
let otherOfficer: string;
let head: string;

beforeAll(async () => {
  server = await startServer();
  await server.store.seedProvince((await demoSeed()).province);
  // A commune of another province, with its officer and its province's account.
  await server.store.seedCommune({
    province: { id: 'dak-lak', name: 'Tỉnh Đắk Lắk' },
    commune: { id: 'xa-ea-kao', name: 'Xã Ea Kao', provinceName: 'Đắk Lắk' },
    units: [{ id: 'xa-ea-kao', communeId: 'xa-ea-kao', name: 'UBND xã Ea Kao', type: 'commune', households: 0 }],
    users: [
      {
        id: 'eakao-canbo',
        username: 'eakao-canbo',
        displayName: 'Cán bộ Ea Kao',
        role: 'communeOfficer',
        unitId: 'xa-ea-kao',
        pinHash: await hashPin(DEMO_PIN),
      },
    ],
  });
  await server.store.seedProvince({
    province: { id: 'dak-lak', name: 'Tỉnh Đắk Lắk' },
    users: [{ id: 'tinh-dl', username: 'tinh-dl', displayName: 'Sở Nội vụ Đắk Lắk', pinHash: UNUSABLE_PIN_HASH }],
  });
  province = (await tokenFor(server, 'tinh')).token;
  otherProvince = (await tokenFor(server, 'tinh-dl')).token;
  officer = (await tokenFor(server, 'canbo')).token;
  otherOfficer = (await tokenFor(server, 'eakao-canbo')).token;
  head = (await tokenFor(server, 'tdp1')).token;
  server.setNow(new Date('2026-03-02T03:00:00.000Z'));
});
afterAll(async () => {
  await server?.close();
});

const targetOf = (plan: Json, id: string) => plan.indicators.find((i: Json) => i.id === id).target;
const withTarget = (plan: ProvincePlan, id: string, target: Json): ProvincePlan => ({
  ...plan,
  indicators: plan.indicators.map((i) => (i.id === id ? { ...i, target } : i)),
});

describe("the province's plan", () => {
  it("starts from seed 003's targets and deadline, as the seed words them", async () => {
    // The lines of seed 003 the defaults come from (src/domain/plan/provincePlan.ts).
    expect(SEED_003).toContain(
      '88% người bị bạo lực gia đình, bạo lực trên cơ sở giới được phát hiện, được tiếp cận ít nhất một trong các dịch vụ hỗ trợ cơ bản',
    );
    expect(SEED_003).toContain(
      '85% người gây bạo lực gia đình, bạo lực trên cơ sở giới được phát hiện ở mức chưa bị truy cứu trách nhiệm hình sự được tư vấn, tham vấn',
    );
    expect(SEED_003).toContain('mỗi quý có ít nhất 04 tin, bài về bình đẳng giới trên hệ thống thông tin cơ sở');
    expect(SEED_003).toContain('gửi về Sở Nội vụ **trước ngày 01/12/2026**');
    const { status, json } = await call(server, 'GET', '/api/v1/province/plan/2026', province);
    expect(status).toBe(200);
    expect(json.saved).toBe(false);
    expect(json.plan.provinceId).toBe('lam-dong');
    expect(targetOf(json.plan, 'victimsReachedService')).toEqual({ kind: 'percent', min: 88 });
    expect(targetOf(json.plan, 'perpetratorsCounselled')).toEqual({ kind: 'percent', min: 85 });
    expect(targetOf(json.plan, 'newsPostsPerQuarter')).toEqual({ kind: 'countPerQuarter', min: 4 });
    expect(json.plan.deadlines).toEqual({ communeToProvince: '2026-12-01' });
  });

  it('names the fields of a bad plan and stores nothing', async () => {
    const plan = defaultProvincePlan('lam-dong', 2026);
    const cases: Array<[unknown, string[]]> = [
      [withTarget(plan, 'victimsReachedService', { kind: 'percent', min: 120 }), ['indicators.5.target.min']],
      [withTarget(plan, 'newsPostsPerQuarter', { kind: 'percent', min: 50 }), ['indicators.0.target.kind']],
      [{ ...plan, deadlines: { communeToProvince: '01/12/2026' } }, ['deadlines.communeToProvince']],
      [{ ...plan, year: 2027 }, ['year']],
      [{ ...plan, provinceId: 'dak-lak' }, ['provinceId']],
    ];
    for (const [body, fields] of cases) {
      const { status, json } = await call(server, 'PUT', '/api/v1/province/plan/2026', province, body);
      expect([status, json.fields.map((f: Json) => f.path)]).toEqual([400, fields]);
    }
    expect((await call(server, 'PUT', '/api/v1/province/plan/20x6', province, plan)).json.fields).toEqual([{ path: 'year', code: 'invalid_format' }]);
    expect(await server.countRows('province_plans')).toBe(0);
    expect(await server.countRows('audit_events')).toBe(0);
  });

  it('refuses a save from anyone but the province (403), and without a token (401)', async () => {
    const plan = withTarget(defaultProvincePlan('lam-dong', 2026), 'conferencesHeld', { kind: 'countPerYear', min: 9 });
    for (const token of [officer, head]) expect((await call(server, 'PUT', '/api/v1/province/plan/2026', token, plan)).status).toBe(403);
    expect((await call(server, 'PUT', '/api/v1/province/plan/2026', undefined, plan)).status).toBe(401);
    expect((await call(server, 'GET', '/api/v1/province/plan/2026', head)).status).toBe(403);
    expect((await call(server, 'GET', '/api/v1/province/plan/2026/changes', officer)).status).toBe(403);
    expect(await server.countRows('province_plans')).toBe(0);
  });

  it('saves the plan, audits the names of what changed, and lists each save', async () => {
    const plan = withTarget(withTarget(defaultProvincePlan('lam-dong', 2026), 'newsPostsPerQuarter', { kind: 'countPerQuarter', min: 5 }), 'conferencesHeld', {
      kind: 'countPerYear',
      min: 2,
      compare: 'moreThan',
    });
    const saved = await call(server, 'PUT', '/api/v1/province/plan/2026', province, { ...plan, deadlines: { communeToProvince: '2026-11-28' } });
    expect(saved.status).toBe(200);
    expect(saved.json.saved).toBe(true);
    const read = await call(server, 'GET', '/api/v1/province/plan/2026', province);
    expect(read.json).toEqual({ plan: { ...plan, deadlines: { communeToProvince: '2026-11-28' } }, saved: true });
    server.setNow(new Date('2026-03-03T03:00:00.000Z'));
    await call(server, 'PUT', '/api/v1/province/plan/2026', province, withTarget(read.json.plan, 'perpetratorsCounselled', null));

    const events = await server.store.db.selectFrom('audit_events').selectAll().orderBy('id').execute();
    expect(events.map((e) => [e.commune_id, e.user_id, e.action, e.target, JSON.parse(e.fields)])).toEqual([
      ['', 'tinh', 'provincePlan.update', 'lam-dong 2026', ['deadlines.communeToProvince', 'indicators.newsPostsPerQuarter', 'indicators.conferencesHeld']],
      ['', 'tinh', 'provincePlan.update', 'lam-dong 2026', ['indicators.perpetratorsCounselled']],
    ]);
    const changes = await call(server, 'GET', '/api/v1/province/plan/2026/changes', province);
    expect(changes.json.changes).toEqual([
      { at: '2026-03-03T03:00:00.000Z', displayName: 'Sở Nội vụ', fields: ['indicators.perpetratorsCounselled'] },
      {
        at: '2026-03-02T03:00:00.000Z',
        displayName: 'Sở Nội vụ',
        fields: ['deadlines.communeToProvince', 'indicators.newsPostsPerQuarter', 'indicators.conferencesHeld'],
      },
    ]);
    // Another year, and another province, are untouched.
    expect((await call(server, 'GET', '/api/v1/province/plan/2027', province)).json.saved).toBe(false);
    expect((await call(server, 'GET', '/api/v1/province/plan/2026', otherProvince)).json).toEqual({ plan: defaultProvincePlan('dak-lak', 2026), saved: false });
    expect((await call(server, 'GET', '/api/v1/province/plan/2026/changes', otherProvince)).json.changes).toEqual([]);
  });

  it("lets a commune officer read their own province's plan, and only theirs", async () => {
    const own = await call(server, 'GET', '/api/v1/province/plan/2026', officer);
    expect(own.status).toBe(200);
    expect(own.json.plan.provinceId).toBe('lam-dong');
    expect(targetOf(own.json.plan, 'newsPostsPerQuarter')).toEqual({ kind: 'countPerQuarter', min: 5 });
    const other = await call(server, 'GET', '/api/v1/province/plan/2026', otherOfficer);
    expect(other.json).toEqual({ plan: defaultProvincePlan('dak-lak', 2026), saved: false });
  });
});
