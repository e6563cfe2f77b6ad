// @vitest-environment happy-dom
// Reviews on the real server in-process: a village head submits a quarter, the officer sees
// it and accepts it, a send-back without a comment is refused naming the field; offline the
// copy kept on this device is shown and a decision is not made.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountHook, offlineApi, signedIn, until } from '../../../tests/app/signedInKit.tsx';
import { startServer, type TestServer } from '../../../tests/server/harness.ts';
import { StatusBox } from '../../sync/status.ts';
import type { SyncEngine } from '../../sync/index.ts';
import { useReviews } from './useReviews.ts';

const PERIOD = '2026-Q2';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe('the reviews hook', () => {
  it("carries a head's submission to the officer's decision, and keeps a copy for offline", async () => {
    const head = await signedIn(server, 'tdp1');
    const submitting = await mountHook(() => useReviews(PERIOD), head);
    expect(await submitting.current().submit()).toEqual({ ok: true });
    await until(() => submitting.current().events.length === 1, "the head's submission");
    await submitting.unmount();

    const officer = await signedIn(server, 'canbo');
    const deciding = await mountHook(() => useReviews(PERIOD), officer);
    await until(() => deciding.current().events.some((e) => e.unitId === 'tdp-1' && e.action === 'submit'), 'the submission');
    expect(await deciding.current().decide('tdp-1', 'return')).toEqual({ ok: false, fields: ['comment'] });
    expect(await deciding.current().decide('tdp-1', 'accept')).toEqual({ ok: true });
    await until(() => deciding.current().events.some((e) => e.action === 'accept'), 'the acceptance');
    await deciding.unmount();

    const offline = await mountHook(() => useReviews(PERIOD), { session: officer.session, api: offlineApi });
    expect(offline.current().events.map((e) => e.action)).toEqual(['submit', 'accept']);
    expect(await offline.current().decide('tdp-1', 'accept')).toEqual({ ok: false, fields: [] });
    await offline.unmount();
  });

  it("shows the officer's send-back on the head's screen after the next sync, without reopening it", async () => {
    const period = '2026-Q1'; // begun by the test server's clock (1/6/2026): a period not begun is refused
    const head = await signedIn(server, 'tdp2');
    const status = new StatusBox();
    const engine = { status } as unknown as SyncEngine;
    const screen = await mountHook(() => useReviews(period), { ...head, engine });
    expect(await screen.current().submit()).toEqual({ ok: true });
    await until(() => screen.current().events.length === 1, "the head's submission");

    const officer = await signedIn(server, 'canbo');
    const deciding = await mountHook(() => useReviews(period), officer);
    await until(() => deciding.current().events.some((e) => e.unitId === 'tdp-2'), 'the submission at the office');
    expect(await deciding.current().decide('tdp-2', 'return', 'Thiếu số hộ của buổi họp tháng 8')).toEqual({ ok: true });
    await deciding.unmount();

    // The head's screen stays open; a sync runs and ends well, as the engine reports it.
    status.update({ phase: 'syncing' });
    expect(screen.current().events.map((e) => e.action)).toEqual(['submit']);
    status.update({ phase: 'idle', lastSuccessAt: Date.now() });
    await until(() => screen.current().events.some((e) => e.action === 'return'), 'the send-back after the sync');
    expect(screen.current().events.at(-1)?.comment).toBe('Thiếu số hộ của buổi họp tháng 8');
    await screen.unmount();
  });
});
