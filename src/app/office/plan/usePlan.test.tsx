// @vitest-environment happy-dom
// The plan hook on the real data layer and the real server in-process: the seeds' defaults
// until the server's copy arrives, a save stored on the server and on this device, a plan
// that breaks its schema refused naming the field; offline the copy on this device is shown
// and a save fails; a village head's save is refused. The copy a village head's home card reads
// (useCommunePlan) takes the officer's plan at the next sync and keeps it for offline.
import 'fake-indexeddb/auto';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeKey, type NotebookDb } from '../../../data/index.ts';
import { defaultPlan, planResponse } from '../../../domain/plan/index.ts';
import { useCommunePlan } from '../../commune/useCommunePlan.ts';
import { mountHook, offlineApi, signedIn, until } from '../../../../tests/app/signedInKit.tsx';
import { startServer, type TestServer } from '../../../../tests/server/harness.ts';
import { throwawayDbs } from '../../../../tests/support/notebook-db.ts';
import { usePlan } from './usePlan.ts';

const freshDb = throwawayDbs();
const COMMUNE = 'nam-gia-nghia';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

/** Waits for the server's copy of the year's plan to be kept on this device. */
async function keptCopy(db: NotebookDb, year: number): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await db.office.get(officeKey.plan(COMMUNE, year))) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('no copy kept');
}

describe('the plan hook', () => {
  it('saves to the server and keeps the copy, which it shows offline', async () => {
    const db = freshDb();
    const officer = await signedIn(server, 'canbo');
    const view = await mountHook(() => usePlan(COMMUNE, 2026), { db, ...officer });
    expect(view.current()).toMatchObject({ saved: false, plan: { communeId: COMMUNE, year: 2026 } });
    await keptCopy(db, 2026);

    const changed = { ...view.current().plan, handledInTimeDays: 21 };
    expect(await view.current().save(changed)).toEqual({ ok: true });
    await until(() => view.current().saved, 'the saved plan');
    expect(view.current().plan.handledInTimeDays).toBe(21);
    const onServer = await officer.api.get('/plans/2026', planResponse);
    expect(onServer).toMatchObject({ ok: true, value: { saved: true, plan: { handledInTimeDays: 21 } } });

    expect(await view.current().save({ ...changed, handledInTimeDays: 999 })).toEqual({ ok: false, fields: ['handledInTimeDays'] });
    await view.unmount();

    const offline = await mountHook(() => usePlan(COMMUNE, 2026), { db, session: officer.session, api: offlineApi });
    await until(() => offline.current().saved, 'the copy on this device');
    expect(offline.current().plan.handledInTimeDays).toBe(21);
    expect(await offline.current().save({ ...changed, handledInTimeDays: 30 })).toEqual({ ok: false, failed: true });
    await offline.unmount();
  });

  it("refuses a village head's save", async () => {
    const head = await signedIn(server, 'tdp1');
    const db = freshDb();
    const view = await mountHook(() => usePlan(COMMUNE, 2027), { db, ...head });
    await keptCopy(db, 2027); // a village head reads the plan
    expect(await view.current().save(view.current().plan)).toEqual({ ok: false, failed: true });
    await view.unmount();
  });
});

describe("the village head's copy of the plan", () => {
  it('takes the plan the officer saved at the next sync, and keeps it for offline', async () => {
    const db = freshDb();
    const head = await signedIn(server, 'tdp1');
    let sync: (at: number) => void = () => undefined;
    const view = await mountHook(
      () => {
        const [refresh, setRefresh] = useState(0);
        sync = setRefresh;
        return useCommunePlan(COMMUNE, 2028, refresh);
      },
      { db, ...head },
    );
    expect(view.current()).toMatchObject({ saved: false, plan: { deadlines: { unitsToCommune: '2028-11-25' } } });
    // The opening's fetch has answered (the defaults, kept) before the officer saves.
    await keptCopy(db, 2028);

    const officer = await signedIn(server, 'canbo');
    const plan = defaultPlan(COMMUNE, 2028);
    const saved = await officer.api.send('PUT', '/plans/2028', planResponse, { ...plan, deadlines: { ...plan.deadlines, unitsToCommune: '2028-12-15' } });
    expect(saved.ok).toBe(true);
    await act(() => sync(1));
    await until(() => view.current().saved, 'the saved plan');
    expect(view.current().plan.deadlines.unitsToCommune).toBe('2028-12-15');
    await view.unmount();

    const offline = await mountHook(() => useCommunePlan(COMMUNE, 2028), { db, session: head.session, api: offlineApi });
    await until(() => offline.current().saved, 'the copy on this phone');
    expect(offline.current().plan.deadlines.unitsToCommune).toBe('2028-12-15');
    await offline.unmount();
  });
});
