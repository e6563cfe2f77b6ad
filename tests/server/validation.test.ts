import { afterEach, describe, expect, it } from 'vitest';
import { newsPost, propagandaSession, upsertOf, violenceCase } from '../fixtures/records.ts';
import { startServer } from './harness.ts';
import type { TestServer } from './harness.ts';

let server: TestServer;
afterEach(async () => {
  await server.close();
});

const nothingStored = async () => {
  expect(await server.countRows('records')).toBe(0);
  expect(await server.countRows('applied_changes')).toBe(0);
  const device = await server.store.db.selectFrom('devices').select('last_seq').executeTakeFirstOrThrow();
  expect(device.last_seq).toBe(0);
};

describe('bad input on push', () => {
  it('names a missing title and stores nothing of the batch', async () => {
    server = await startServer();
    const phone = await server.device('canbo');
    const { title: _title, ...untitled } = newsPost();
    const valid = upsertOf(propagandaSession({ reporterId: 'canbo' }), 1);
    const response = await phone.pushRaw(JSON.stringify({ deviceId: phone.deviceId, changes: [valid, upsertOf(untitled as never, 2)] }));
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: 'invalid_body',
      message: 'Dữ liệu gửi lên không hợp lệ.',
      fields: [{ path: 'changes.1.record.title', code: 'invalid_type' }],
    });
    await nothingStored();
  });

  it('names a negative count', async () => {
    server = await startServer();
    const phone = await server.device('tdp1');
    const response = await phone.push([upsertOf(propagandaSession({ menCount: -3 }), 1)]);
    expect(response.status).toBe(400);
    expect(response.body.fields).toEqual([{ path: 'changes.0.record.menCount', code: 'too_small' }]);
    await nothingStored();
  });

  it("refuses a victim's name slipped into a violence case", async () => {
    server = await startServer();
    const phone = await server.device('tdp1');
    const withName = { ...violenceCase(), victimName: 'Nguyễn Thị A' };
    const response = await phone.push([upsertOf(withName, 1)]);
    expect(response.status).toBe(400);
    expect(response.body.fields).toEqual([{ path: 'changes.0.record.victimName', code: 'unrecognized_keys' }]);
    await nothingStored();
  });

  it('answers malformed JSON with 400', async () => {
    server = await startServer();
    const phone = await server.device('tdp1');
    const response = await phone.pushRaw('{"deviceId":');
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('invalid_body');
    await nothingStored();
  });

  it('answers a body over the limit with 413 JSON and stores nothing', async () => {
    server = await startServer({ bodyLimitBytes: 4096 });
    const phone = await server.device('tdp1');
    const changes = Array.from({ length: 20 }, (_, index) => upsertOf(propagandaSession({ note: 'Ghi chú '.repeat(40) }), index + 1));
    expect(JSON.stringify({ deviceId: phone.deviceId, changes }).length).toBeGreaterThan(4096);
    const response = await phone.push(changes);
    expect(response.status).toBe(413);
    expect(response.body).toEqual({ error: 'body_too_large', message: 'Dữ liệu gửi lên quá lớn.' });
    await nothingStored();

    const small = await phone.push(changes.slice(0, 1));
    expect(small.status).toBe(200);
  });
});

describe('bad input on pull', () => {
  it('names the query field at fault', async () => {
    server = await startServer();
    const phone = await server.device('tdp1');
    const negative = await phone.pull('since=-1');
    expect(negative.status).toBe(400);
    expect(negative.body).toEqual({
      error: 'invalid_query',
      message: 'Tham số truy vấn không hợp lệ.',
      fields: [{ path: 'since', code: 'invalid_format' }],
    });
    const tooMany = await phone.pull('since=0&limit=1001');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.fields).toEqual([{ path: 'limit', code: 'too_big' }]);
    const zero = await phone.pull('since=0&limit=0');
    expect(zero.body.fields).toEqual([{ path: 'limit', code: 'too_small' }]);
    const fine = await phone.pull('since=0&limit=1000');
    expect(fine.status).toBe(200);
  });
});
