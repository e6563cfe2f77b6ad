// Every time a violence case's details leave the server, who read it, on which device and how is
// written to the access log (one row per case), and the officer reads the log; records of other
// kinds are not logged. Nothing of the case's notes is in the log.
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newsPost, propagandaSession, upsertOf, violenceCase } from '../fixtures/records.ts';
import { startServer, START_TIME, type Json, type TestServer } from './harness.ts';
import { call, tokenFor } from './roles.ts';

const NOTES = 'Nạn nhân kể lại sự việc 5519';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

async function accessRows() {
  return server.store.db.selectFrom('case_access').select(['user_id', 'device_id', 'record_id', 'via', 'at']).orderBy('id').execute();
}

describe('the access log of violence cases', () => {
  it("logs each case in an officer's pull, and in a village head's pull of their own records only the cases", async () => {
    const head = await server.device('tdp1');
    const case1 = violenceCase({ notes: NOTES });
    const case2 = violenceCase({ caseCode: 'TDP1-2026-02' });
    await head.push([upsertOf(case1, 1), upsertOf(case2, 2), upsertOf(propagandaSession(), 3)]);
    const reporter = await server.device('canbo');
    await reporter.push([upsertOf(newsPost(), 1)]);
    expect(await accessRows()).toEqual([]);

    const officer = await server.device('canbo', crypto.randomUUID());
    expect((await officer.pull()).body.records).toHaveLength(4);
    const logged = await accessRows();
    expect(logged.map((row) => row.record_id).sort()).toEqual([case1.id, case2.id].sort());
    expect(
      logged.every((row) => row.user_id === 'canbo' && row.device_id === officer.deviceId && row.via === 'pull' && row.at === START_TIME.toISOString()),
    ).toBe(true);

    const headPull = await head.pull();
    expect(headPull.body.records).toHaveLength(3);
    const afterHead = (await accessRows()).slice(2);
    expect(afterHead.map((row) => [row.user_id, row.record_id]).sort()).toEqual(
      [
        ['tdp1', case1.id],
        ['tdp1', case2.id],
      ].sort(),
    );
    // A pull that carries no case writes nothing.
    await head.pull(`since=${headPull.body.cursor}`);
    expect(await accessRows()).toHaveLength(4);
    expect(JSON.stringify(await server.store.db.selectFrom('case_access').selectAll().execute())).not.toContain('5519');
  });

  it('logs each case an export lists, one row per case, and nothing for an export of figures only', async () => {
    const head = await server.device('tdp1');
    const listed = [
      violenceCase({ caseCode: 'XUAT-2026-01' }),
      violenceCase({ caseCode: 'XUAT-2026-02', date: '2026-03-02', statusDates: { received: '2026-03-02' }, status: 'received' }),
    ];
    const otherYear = violenceCase({ caseCode: 'XUAT-2025-01', date: '2025-12-01', statusDates: { received: '2025-12-01' }, status: 'received' });
    await head.push([upsertOf(listed[0]!, 1), upsertOf(listed[1]!, 2), upsertOf(otherYear, 3), upsertOf(propagandaSession(), 4)]);
    const officer = await server.device('canbo');
    for (const path of ['yearly.csv', 'yearly.docx', 'yearly.xlsx', 'cases.xlsx']) {
      const before = (await accessRows()).length;
      const response = await server.app.request(`/api/v1/reports/${path}?year=2026`, { headers: { Authorization: `Bearer ${officer.token}` } });
      expect(response.status).toBe(200);
      const bytes = new Uint8Array(await response.arrayBuffer());
      const text = path.endsWith('.csv')
        ? new TextDecoder().decode(bytes)
        : (await Promise.all(Object.values((await JSZip.loadAsync(bytes)).files).map((file) => file.async('string')))).join('\n');
      // The cases whose own row is in the file are exactly the cases logged for it.
      const inFile = [...listed, otherYear]
        .filter((c) => text.includes(c.caseCode))
        .map((c) => c.id)
        .sort();
      const logged = (await accessRows()).slice(before);
      expect([path, logged.map((row) => row.record_id).sort()]).toEqual([path, inFile]);
      expect(logged.every((row) => row.user_id === 'canbo' && row.device_id === officer.deviceId && row.via === 'export')).toBe(true);
    }
    // Only the case list names cases, the year's: the promise above is not empty, and the report's files name none.
    expect((await accessRows()).map((row) => row.record_id).sort()).toEqual(listed.map((c) => c.id).sort());
  });

  it("logs a conflict answer that carries the server's version of a case", async () => {
    const head = await server.device('tdp1');
    const other = await server.device('tdp1', crypto.randomUUID());
    const theCase = violenceCase({ notes: NOTES });
    await head.push([upsertOf(theCase, 1)]);
    await head.push([upsertOf({ ...theCase, notes: `${NOTES} a` }, 2, 1)]);
    const conflict = await other.push([upsertOf({ ...theCase, notes: `${NOTES} b` }, 1, 1)]);
    expect(conflict.body.results[0].status).toBe('conflict');
    expect(await accessRows()).toEqual([expect.objectContaining({ record_id: theCase.id, device_id: other.deviceId, via: 'conflict' })]);
  });

  it('logs a merged answer (it carries the newer version’s fields)', async () => {
    const head = await server.device('tdp1');
    const other = await server.device('tdp1', crypto.randomUUID());
    const theCase = violenceCase({ notes: NOTES });
    await head.push([upsertOf(theCase, 1)]);
    await head.push([upsertOf({ ...theCase, notes: `${NOTES} a` }, 2, 1)]);
    const merged = await other.push([upsertOf({ ...theCase, perpetratorCounselled: true }, 1, 1)]);
    expect(merged.body.results[0].merged).toBeDefined();
    expect(await accessRows()).toEqual([expect.objectContaining({ record_id: theCase.id, device_id: other.deviceId, via: 'merge' })]);
  });

  it('is shown to the officer, newest first, paged', async () => {
    const head = await server.device('tdp1');
    const cases = [violenceCase(), violenceCase({ caseCode: 'TDP1-2026-02' }), violenceCase({ caseCode: 'TDP1-2026-03' })];
    const pushed = await head.push(cases.map((c, i) => upsertOf(c, i + 1)));
    expect(pushed.body.results.map((r: Json) => r.status)).toEqual(['applied', 'applied', 'applied']);
    await head.pull();
    const officer = (await tokenFor(server, 'canbo')).token;
    const first = await call(server, 'GET', '/api/v1/case-access?limit=2', officer);
    expect(first.status).toBe(200);
    expect(first.json.entries).toHaveLength(2);
    expect(first.json.entries[0]).toMatchObject({ userId: 'tdp1', displayName: 'Tổ trưởng Tổ dân phố 1', deviceId: head.deviceId, via: 'pull' });
    const second = await call(server, 'GET', `/api/v1/case-access?limit=2&before=${first.json.next}`, officer);
    expect(second.json.entries).toHaveLength(1);
    expect(second.json.next).toBeNull();
    const ids = [...first.json.entries, ...second.json.entries].map((e: Json) => e.recordId).sort();
    expect(ids).toEqual(cases.map((c) => c.id).sort());
    // Each read names the case as the officer knows it: its code and unit.
    const named = [...first.json.entries, ...second.json.entries].map((e: Json) => [e.caseCode, e.unitId]).sort();
    expect(named).toEqual(cases.map((c) => [c.caseCode, 'tdp-1']).sort());
  });
});
