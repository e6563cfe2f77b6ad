// The audit trail: record changes (from the record history) and account and office events, for
// the commune officer, newest first, paged; field names only, never a case's notes. The history,
// the trail and the access log are append-only in the database itself, on both engines.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultPlan, type Plan } from '../../src/domain/plan/index.ts';
import { propagandaSession, upsertOf, violenceCase } from '../fixtures/records.ts';
import { startServer, START_TIME, type Json, type TestServer } from './harness.ts';
import { call, tokenFor } from './roles.ts';

const NOTES = 'Ghi chú riêng tư của vụ việc 7731';

let server: TestServer;
let officer: string;
beforeEach(async () => {
  server = await startServer();
  officer = (await tokenFor(server, 'canbo')).token;
});
afterEach(async () => {
  await server.close();
});

/** The plan with the commune's news target per quarter moved to `min`. */
function withNewsTarget(plan: Plan, min: number): Plan {
  return {
    ...plan,
    indicators: plan.indicators.map((i) => (i.id === 'newsPostsPerQuarter' ? { ...i, target: { kind: 'countPerQuarter' as const, min } } : i)),
  };
}

const at = (minutes: number) => new Date(START_TIME.getTime() + minutes * 60_000);

describe('the audit trail', () => {
  it('has an event for every office action, and record changes with the names of the fields changed', async () => {
    const head = await server.device('tdp1');
    const theCase = violenceCase({ notes: NOTES });
    expect((await head.push([upsertOf(theCase, 1), upsertOf(propagandaSession(), 2)])).status).toBe(200);
    server.setNow(at(1));
    expect((await head.push([upsertOf({ ...theCase, notes: `${NOTES} (sửa)`, perpetratorCounselled: true }, 3, 1)])).body.results[0].status).toBe('applied');
    server.setNow(at(2));
    expect((await call(server, 'POST', '/api/v1/reviews/submit', head.token, { period: '2026-Q2' })).status).toBe(201);
    const calls: Array<[string, string, unknown?]> = [
      ['POST', '/api/v1/units', { id: 'to-6', name: 'Tổ dân phố 6', type: 'toDanPho', households: 50 }],
      // The form sends the households back unchanged: only the name is named. The same save again moves nothing: no event.
      ['PATCH', '/api/v1/units/nam-gia-nghia-to-6', { name: 'Tổ 6', households: 50 }],
      ['PATCH', '/api/v1/units/nam-gia-nghia-to-6', { name: 'Tổ 6', households: 50 }],
      ['POST', '/api/v1/units/nam-gia-nghia-to-6/merge', { into: 'tdp-5' }],
      ['POST', '/api/v1/units/tdp-4/retire'],
      ['PUT', '/api/v1/plans/2026', withNewsTarget({ ...defaultPlan('nam-gia-nghia', 2026), handledInTimeDays: 5 }, 2)],
      ['POST', '/api/v1/reviews/decide', { unitId: 'tdp-1', period: '2026-Q2', action: 'return', comment: 'Thiếu số hộ' }],
      ['POST', '/api/v1/accounts', { username: 'moi', displayName: 'Mới', role: 'villageHead', unitId: 'tdp-2' }],
      ['POST', `/api/v1/devices/${head.deviceId}/revoke`],
      ['GET', '/api/v1/reports/yearly.csv?year=2026'],
    ];
    for (const [method, path, body] of calls) expect((await call(server, method, path, officer, body)).status, path).toBeLessThan(300);

    const trail = await call(server, 'GET', '/api/v1/audit?limit=100', officer);
    expect(trail.status).toBe(200);
    expect(trail.text).not.toContain('7731');
    const entries = trail.json.entries as Json[];
    expect(
      entries
        .filter((e) => e.kind === 'event')
        .map((e) => e.action)
        .reverse(),
    ).toEqual([
      'review.submit',
      'unit.create',
      'unit.update',
      'unit.merge',
      'unit.retire',
      'plan.update',
      'review.return',
      'account.create',
      'enrolment.issue',
      'device.revoke',
      'report.export',
    ]);
    // The plan's changes by indicator, not "indicators" whole.
    expect(entries.find((e) => e.action === 'plan.update')).toMatchObject({
      target: '2026',
      fields: ['handledInTimeDays', 'indicators.newsPostsPerQuarter'],
      userId: 'canbo',
    });
    // The revoked phone is named by its owner.
    expect(entries.find((e) => e.action === 'device.revoke')).toMatchObject({ target: head.deviceId, targetName: 'Tổ trưởng Tổ dân phố 1' });
    expect(entries.find((e) => e.action === 'unit.update')).toMatchObject({ target: 'nam-gia-nghia-to-6', fields: ['name'] });
    const caseChanges = entries.filter((e) => e.kind === 'record' && e.recordId === theCase.id);
    expect(caseChanges.map((e) => [e.rev, e.fields])).toEqual([
      [2, ['notes', 'perpetratorCounselled']],
      [1, Object.keys(theCase).sort()],
    ]);
    expect(caseChanges[0]).toMatchObject({
      recordKind: 'violenceCase',
      unitId: 'tdp-1',
      userId: 'tdp1',
      displayName: 'Tổ trưởng Tổ dân phố 1',
      deviceId: head.deviceId,
    });
    // Newest first.
    expect(entries.map((e) => e.at)).toEqual([...entries.map((e) => e.at)].sort().reverse());
    const stored = await server.store.db.selectFrom('audit_events').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain('7731');
    expect(JSON.stringify(stored)).not.toContain('Thiếu số hộ');
  });

  it('pages by time without losing or repeating entries, whole instants at a time', async () => {
    const head = await server.device('tdp1');
    // Three records in one batch share one instant; then one a minute later, one two minutes later.
    await head.push([upsertOf(propagandaSession(), 1), upsertOf(propagandaSession(), 2), upsertOf(propagandaSession(), 3)]);
    server.setNow(at(1));
    await head.push([upsertOf(propagandaSession(), 4)]);
    server.setNow(at(2));
    await head.push([upsertOf(propagandaSession(), 5)]);
    const seen: string[] = [];
    let before: string | null = null;
    const sizes: number[] = [];
    do {
      const query: string = before ? `?limit=2&before=${encodeURIComponent(before)}` : '?limit=2';
      const page = await call(server, 'GET', `/api/v1/audit${query}`, officer);
      expect(page.status).toBe(200);
      sizes.push(page.json.entries.length);
      seen.push(...page.json.entries.map((e: Json) => e.recordId));
      before = page.json.next;
    } while (before);
    expect(sizes).toEqual([2, 3]);
    expect(new Set(seen).size).toBe(5);
    expect(seen).toHaveLength(5);
  });

  it('refuses a bad page query naming the field', async () => {
    const bad = await call(server, 'GET', '/api/v1/audit?before=yesterday&limit=0', officer);
    expect(bad.status).toBe(400);
    expect(bad.json.fields.map((f: Json) => f.path).sort()).toEqual(['before', 'limit']);
  });
});

describe('an audit event and the change it records', () => {
  it('are one transaction: when the event cannot be written, the change is undone', async () => {
    const head = await server.device('tdp1');
    const office = async () => ({
      units: (await call(server, 'GET', '/api/v1/units', officer)).json,
      plan: (await call(server, 'GET', '/api/v1/plans/2026', officer)).json,
      reviews: (await call(server, 'GET', '/api/v1/reviews?period=2026-Q2', officer)).json,
      devices: (await call(server, 'GET', '/api/v1/devices', officer)).json,
    });
    const before = await office();
    // The trail's table out of the way: every audit write fails, on either engine.
    await sql`alter table audit_events rename to audit_events_away`.execute(server.store.db);
    const writes: Array<[string, string, string, unknown?]> = [
      ['POST', '/api/v1/units', officer, { id: 'to-6', name: 'Tổ dân phố 6', type: 'toDanPho', households: 50 }],
      ['PATCH', '/api/v1/units/tdp-4', officer, { name: 'Tổ 4 mới' }],
      ['POST', '/api/v1/units/tdp-4/merge', officer, { into: 'tdp-5' }],
      ['POST', '/api/v1/units/tdp-3/retire', officer],
      ['PUT', '/api/v1/plans/2026', officer, { ...defaultPlan('nam-gia-nghia', 2026), handledInTimeDays: 5 }],
      ['POST', '/api/v1/reviews/submit', head.token, { period: '2026-Q2' }],
      ['POST', `/api/v1/devices/${head.deviceId}/revoke`, officer],
    ];
    for (const [method, path, token, body] of writes) expect((await call(server, method, path, token, body)).status, path).toBe(500);
    await sql`alter table audit_events_away rename to audit_events`.execute(server.store.db);
    expect(await office()).toEqual(before);
  });
});

describe('append-only tables', () => {
  it.each(['record_versions', 'audit_events', 'case_access'] as const)('%s refuses UPDATE and DELETE in the database itself', async (table) => {
    const head = await server.device('tdp1');
    await head.push([upsertOf(violenceCase({ notes: NOTES }), 1)]);
    await head.pull();
    await call(server, 'POST', '/api/v1/units/tdp-5/retire', officer);
    const before = await server.countRows(table);
    expect(before).toBeGreaterThan(0);
    const db = server.store.db;
    await expect(sql`update ${sql.table(table)} set user_id = 'someone-else'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from ${sql.table(table)}`.execute(db)).rejects.toThrow(/append-only/);
    expect(await server.countRows(table)).toBe(before);
    const users = await db.selectFrom(table).select('user_id').execute();
    expect(users.every((row) => row.user_id !== 'someone-else')).toBe(true);
  });
});
