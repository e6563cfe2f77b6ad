// Dates that cannot drift: the server says its time in every answer, refuses a record dated
// after today in Vietnam (a day to spare for time zones) naming the fields, and a review of a
// period that has not begun.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { propagandaSession, upsertOf, violenceCase } from '../fixtures/records.ts';
import { startServer, type TestDevice, type TestServer } from './harness.ts';

let server: TestServer;
let tdp1: TestDevice;

beforeAll(async () => {
  server = await startServer();
  tdp1 = await server.device('tdp1');
});
afterAll(async () => {
  await server?.close();
});

/** 21/11/2026 00:30 in Vietnam, still the 20th in UTC. */
const NOW = new Date('2026-11-20T17:30:00Z');

describe('the server’s time', () => {
  it('is in the Date header of every API answer, by the server’s clock', async () => {
    server.setNow(NOW);
    const pull = await server.app.request('/api/v1/sync/pull?since=0', { headers: { Authorization: `Bearer ${tdp1.token}` } });
    expect(pull.status).toBe(200);
    expect(pull.headers.get('date')).toBe('Fri, 20 Nov 2026 17:30:00 GMT');
    const refused = await server.app.request('/api/v1/sync/pull?since=0');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('date')).toBe('Fri, 20 Nov 2026 17:30:00 GMT');
  });
});

describe('a record dated after today', () => {
  it('is refused with 400 naming the fields, and nothing is stored', async () => {
    server.setNow(NOW);
    const before = await server.countRows('records');
    const later = propagandaSession({ date: '2026-11-23' });
    const caseClosedLater = violenceCase({
      date: '2026-11-01',
      status: 'closed',
      statusDates: { received: '2026-11-01', verified: '2026-11-02', intervening: '2026-11-03', closed: '2026-11-25' },
    });
    const answer = await tdp1.push([upsertOf(propagandaSession(), 1), upsertOf(later, 2), upsertOf(caseClosedLater, 3)]);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('date_after_today');
    expect(answer.body.fields).toEqual([
      { path: 'changes.1.record.date', code: 'afterToday' },
      { path: 'changes.2.record.statusDates.closed', code: 'afterToday' },
    ]);
    expect(await server.countRows('records')).toBe(before);
  });

  it('is taken up to the day after today in Vietnam (a phone a time zone ahead)', async () => {
    server.setNow(NOW);
    const tomorrow = propagandaSession({ date: '2026-11-22' });
    const answer = await tdp1.push([upsertOf(tomorrow, 1)]);
    expect(answer.status).toBe(200);
    expect(answer.body.results[0].status).toBe('applied');
  });
});

describe('a review of a period', () => {
  const submit = (period: string) =>
    server.app.request('/api/v1/reviews/submit', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tdp1.token}` },
      body: JSON.stringify({ period }),
    });

  it('is refused while the period has not begun, naming the period', async () => {
    server.setNow(new Date('2026-12-31T16:30:00Z')); // 31/12 23:30 in Vietnam
    for (const period of ['2027-Q1', '2027']) {
      const answer = await submit(period);
      expect(answer.status).toBe(400);
      expect(await answer.json()).toMatchObject({ error: 'period_not_begun', fields: [{ path: 'period', code: 'notBegun' }] });
    }
    expect(await server.countRows('review_events')).toBe(0);
  });

  it('is taken once the period has begun in Vietnam, though not yet in UTC', async () => {
    server.setNow(new Date('2026-12-31T17:30:00Z')); // 01/01/2027 00:30 in Vietnam
    expect((await submit('2027-Q1')).status).toBe(201);
  });
});
