// The commune checklist's records travel like the others: pushed, validated field by field,
// scoped, pulled; and a village head cannot record the commune's inspections, trainings or complaints.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { complaint, contactPoint, deleteOf, inspection, preventionModel, training, upsertOf } from '../fixtures/records.ts';
import { startServer } from './harness.ts';
import type { TestServer } from './harness.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
  // After the fixtures' days (the last one 14/10/2026): no record is dated after today.
  server.setNow(new Date('2026-11-20T03:00:00Z'));
});
afterEach(async () => {
  await server.close();
});

describe('the commune checklist over sync', () => {
  it('stores the officer’s inspection, training and complaint and the village’s contact point and model', async () => {
    const office = await server.device('canbo');
    const head = await server.device('tdp1');
    const officeRecords = [inspection(), training(), complaint()];
    const unitRecords = [contactPoint(), preventionModel({ stoppedOn: '2026-08-01' })];
    const a = await office.push(officeRecords.map((r, i) => upsertOf(r, i + 1)));
    const b = await head.push(unitRecords.map((r, i) => upsertOf(r, i + 1)));
    expect([...a.body.results, ...b.body.results].map((r: { status: string }) => r.status)).toEqual(Array(5).fill('applied'));
    const pulled = await head.pull();
    expect(pulled.body.records.map((r: { id: string }) => r.id).sort()).toEqual(unitRecords.map((r) => r.id).sort());
    const all = await office.pull();
    expect(all.body.records).toHaveLength(5);
  });

  it('refuses a village head’s inspection, training or complaint, and stores nothing', async () => {
    const head = await server.device('tdp1');
    const own = { unitId: 'tdp-1', reporterId: 'tdp1' };
    const changes = [inspection(own), training(own), complaint(own)].map((r, i) => upsertOf(r, i + 1));
    const response = await head.push(changes);
    expect(response.body.results.map((r: { status: string; reason: string; fields: string[] }) => [r.status, r.reason, r.fields])).toEqual(
      Array(3).fill(['rejected', 'forbidden_kind', ['record.kind']]),
    );
    expect(await server.countRows('records')).toBe(0);
  });

  it('refuses a village head’s delete of the commune’s complaint', async () => {
    const office = await server.device('canbo');
    const made = complaint({ unitId: 'tdp-1' });
    await office.push([upsertOf(made, 1)]);
    const head = await server.device('tdp1');
    const response = await head.push([deleteOf(made.id, 'complaint', 1, 1)]);
    expect(response.body.results[0]).toMatchObject({ status: 'rejected', reason: 'forbidden_kind' });
  });

  it('names the bad fields: a stop before the start, a complaint handled before it came, no participants', async () => {
    const office = await server.device('canbo');
    const changes = [
      upsertOf(contactPoint({ unitId: 'tdp-2', reporterId: 'canbo', stoppedOn: '2025-01-01' }), 1),
      upsertOf(complaint({ handledOn: '2026-09-01' }), 2),
      upsertOf(training({ menCount: 0, womenCount: 0 }), 3),
    ];
    const response = await office.push(changes);
    expect(response.status).toBe(400);
    const paths = (response.body.fields as { path: string }[]).map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['changes.0.record.stoppedOn', 'changes.1.record.handledOn', 'changes.2.record.womenCount']));
    expect(await server.countRows('records')).toBe(0);
  });
});
