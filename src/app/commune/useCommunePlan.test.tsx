// @vitest-environment happy-dom
// A village head's copy of the commune's plan, on the real data layer and the real server in
// process: the seeds' defaults until the officer saves a plan, that plan once the next sync
// asks again (the home card passes the last sync's time as `refresh`), and the copy kept on
// the phone when there is no network.
import 'fake-indexeddb/auto';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeKey } from '../../data/index.ts';
import { defaultPlan, planResponse } from '../../domain/plan/index.ts';
import { mountHook, offlineApi, signedIn, until } from '../../../tests/app/signedInKit.tsx';
import { startServer, type TestServer } from '../../../tests/server/harness.ts';
import { throwawayDbs } from '../../../tests/support/notebook-db.ts';
import { useCommunePlan } from './useCommunePlan.ts';

const freshDb = throwawayDbs();
const COMMUNE = 'nam-gia-nghia';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe("the village head's copy of the plan", () => {
  it('takes the plan the officer saved at the next sync, and keeps it for offline', async () => {
    const db = freshDb();
    const head = await signedIn(server, 'tdp1');
    let sync: (at: number) => void = () => undefined;
    const view = await mountHook(
      () => {
        const [refresh, setRefresh] = useState(0);
        sync = setRefresh;
        return useCommunePlan(COMMUNE, 2026, refresh);
      },
      { db, ...head },
    );
    expect(view.current()).toMatchObject({ saved: false, plan: { deadlines: { unitsToCommune: '2026-11-25' } } });
    // The opening's fetch has answered (the defaults, kept) before the officer saves.
    for (let i = 0; i < 300 && !(await db.office.get(officeKey.plan(COMMUNE, 2026))); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await db.office.get(officeKey.plan(COMMUNE, 2026))).toMatchObject({ value: { saved: false } });

    const officer = await signedIn(server, 'canbo');
    const plan = defaultPlan(COMMUNE, 2026);
    const saved = await officer.api.send('PUT', '/plans/2026', planResponse, { ...plan, deadlines: { ...plan.deadlines, unitsToCommune: '2026-12-15' } });
    expect(saved.ok).toBe(true);
    await act(() => sync(1));
    await until(() => view.current().saved, 'the saved plan');
    expect(view.current().plan.deadlines.unitsToCommune).toBe('2026-12-15');
    await view.unmount();

    const offline = await mountHook(() => useCommunePlan(COMMUNE, 2026), { db, session: head.session, api: offlineApi });
    await until(() => offline.current().saved, 'the copy on this phone');
    expect(offline.current().plan.deadlines.unitsToCommune).toBe('2026-12-15');
    await offline.unmount();
  });
});
