// A violence case's notes never leave the server in a log line, an error answer or an export:
// every console write is captured while cases with distinctive notes are pushed valid, invalid,
// with a field that could hold an identity, conflicting, oversized, as broken JSON, and into a
// store that fails with the data in its error message.
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { upsertOf, violenceCase } from '../fixtures/records.ts';
import { startServer, type Json, type TestServer } from './harness.ts';

let server: TestServer;
let captured: string[];
beforeEach(async () => {
  server = await startServer({ bodyLimitBytes: 64 * 1024 });
  captured = [];
  const keep = (...args: unknown[]) => void captured.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : String(a))).join(' '));
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) vi.spyOn(console, method).mockImplementation(keep);
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk: unknown) => {
      captured.push(String(chunk));
      return true;
    });
  }
});
afterEach(async () => {
  vi.restoreAllMocks();
  await server.close();
});

const SECRET = 'Chị H. bị chồng đánh gãy tay, ở xóm Đồi';

/** Fails naming where the text showed up. */
function expectNowhere(text: string, answers: string[]): void {
  expect(answers.filter((answer) => answer.includes(text))).toEqual([]);
  expect(captured.filter((line) => line.includes(text))).toEqual([]);
}

describe('violence-case notes', () => {
  it('are never echoed in answers to valid, invalid, identity-bearing, oversized or broken pushes, nor logged', async () => {
    const head = await server.device('tdp1');
    const answers: string[] = [];
    const keep = (response: { status: number; body: Json }) => {
      answers.push(JSON.stringify(response.body));
      return response;
    };
    const valid = keep(await head.push([upsertOf(violenceCase({ notes: `${SECRET} #1` }), 1)]));
    expect(valid.body.results[0].status).toBe('applied');
    const invalid = keep(await head.push([upsertOf(violenceCase({ notes: `${SECRET} #2`, caseCode: 'lower case' }), 2)]));
    expect(invalid).toMatchObject({ status: 400, body: { error: 'invalid_body', fields: [{ path: 'changes.0.record.caseCode' }] } });
    const identity = keep(await head.push([upsertOf({ ...violenceCase({ notes: `${SECRET} #3` }), victimName: `${SECRET} #3` } as never, 2)]));
    expect(identity).toMatchObject({ status: 400, body: { fields: [{ path: 'changes.0.record.victimName', code: 'unrecognized_keys' }] } });
    const tooLong = keep(await head.push([upsertOf(violenceCase({ notes: `${SECRET} #4 `.repeat(60) }), 2)]));
    expect(tooLong).toMatchObject({ status: 400, body: { fields: [{ path: 'changes.0.record.notes', code: 'too_big' }] } });
    const overBodyLimit = keep(
      await head.push([
        upsertOf(violenceCase({ notes: `${SECRET} #5` }), 2),
        ...Array.from({ length: 80 }, (_, i) => upsertOf(violenceCase({ notes: `${SECRET} #5 `.repeat(30) }), 3 + i)),
      ]),
    );
    expect(overBodyLimit).toMatchObject({ status: 413, body: { error: 'body_too_large' } });
    const broken = keep(await head.pushRaw(`{"deviceId":"${head.deviceId}","changes":[{"notes":"${SECRET} #6"`));
    expect(broken).toMatchObject({ status: 400, body: { fields: [{ path: '', code: 'invalid_json' }] } });
    for (const n of [1, 2, 3, 4, 5, 6]) expectNowhere(`${SECRET} #${n}`, answers);
    expect(await server.countRows('records')).toBe(1);
  });

  it("are kept out of a conflict's answer and out of the logs", async () => {
    const head = await server.device('tdp1');
    const created = violenceCase({ notes: `${SECRET} v1` });
    await head.push([upsertOf(created, 1)]);
    const officer = await server.device('canbo');
    expect((await officer.push([upsertOf({ ...created, notes: `${SECRET} v2` }, 1, 1)])).body.results[0].status).toBe('applied');
    const stale = await head.push([upsertOf({ ...created, notes: `${SECRET} v3` }, 2, 1)]);
    expect(stale.body.results[0].status).toBe('conflict');
    // The server's version goes back to the phone that may see it; the losing text does not.
    expectNowhere(`${SECRET} v3`, [JSON.stringify(stale.body)]);
    expectNowhere(`${SECRET} v1`, [JSON.stringify(stale.body)]);
    expect(captured.filter((line) => line.includes(SECRET))).toEqual([]);
  });

  it('stay out of the log and the answer when the store fails with the data in its error', async () => {
    const head = await server.device('tdp1');
    const record = violenceCase({ notes: `${SECRET} #db` });
    vi.spyOn(server.store.sync, 'push').mockImplementation(async (input) => {
      throw new Error(`insert failed: ${JSON.stringify(input.changes)}`);
    });
    const failed = await head.push([upsertOf(record, 1)]);
    expect(failed).toEqual({ status: 500, body: { error: 'internal', message: 'Máy chủ gặp lỗi. Vui lòng thử lại sau.' } });
    expectNowhere(`${SECRET} #db`, [JSON.stringify(failed.body)]);
    expect(captured.join('\n')).toContain('POST /api/v1/sync/push: Error');
  });

  it('never appear in the yearly report, in any format', async () => {
    const head = await server.device('tdp1');
    await head.push([upsertOf(violenceCase({ notes: `${SECRET} #report` }), 1)]);
    const officer = await server.device('canbo');
    for (const format of ['csv', 'docx', 'xlsx']) {
      const response = await server.app.request(`/api/v1/reports/yearly.${format}?year=2026`, { headers: { Authorization: `Bearer ${officer.token}` } });
      expect(response.status).toBe(200);
      const bytes = new Uint8Array(await response.arrayBuffer());
      let text = new TextDecoder().decode(bytes);
      if (format !== 'csv') {
        const zip = await JSZip.loadAsync(bytes);
        text = (await Promise.all(Object.values(zip.files).map((file) => file.async('string')))).join('\n');
      }
      expect(text.length).toBeGreaterThan(500); // the file was read
      expect(text.includes(SECRET), format).toBe(false);
    }
    expect(captured.filter((line) => line.includes(SECRET))).toEqual([]);
  });

  it('never appear in the audit trail or the access log, which name fields and records only', async () => {
    const head = await server.device('tdp1');
    const created = violenceCase({ notes: `${SECRET} a1` });
    await head.push([upsertOf(created, 1)]);
    const officer = await server.device('canbo');
    await officer.push([upsertOf({ ...created, notes: `${SECRET} a2` }, 1, 1)]);
    expect((await head.push([upsertOf({ ...created, notes: `${SECRET} a3` }, 2, 1)])).body.results[0].status).toBe('conflict');
    await head.pull();
    await officer.pull();
    await server.app.request('/api/v1/reports/yearly.csv?year=2026', { headers: { Authorization: `Bearer ${officer.token}` } });
    const answers: string[] = [];
    for (const path of ['/api/v1/audit', '/api/v1/case-access']) {
      const response = await server.app.request(path, { headers: { Authorization: `Bearer ${officer.token}` } });
      expect(response.status).toBe(200);
      answers.push(await response.text());
    }
    expect(answers[0]).toContain('"fields":["notes"]');
    expect(answers[0]).toContain('report.export');
    expect(
      JSON.parse(answers[1]!)
        .entries.map((e: Json) => e.via)
        .sort(),
    ).toEqual(['conflict', 'pull', 'pull']);
    const tables = await Promise.all([
      server.store.db.selectFrom('audit_events').selectAll().execute(),
      server.store.db.selectFrom('case_access').selectAll().execute(),
    ]);
    expectNowhere(SECRET, [...answers, JSON.stringify(tables)]);
  });
});
