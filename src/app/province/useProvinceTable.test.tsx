// @vitest-environment happy-dom
// The province table on the real server in-process: ready with its communes, kept for
// offline, where the kept copy is shown; a refusal (a village head's account) is failed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountHook, offlineApi, signedIn, until } from '../../../tests/app/signedInKit.tsx';
import { startServer, type TestServer } from '../../../tests/server/harness.ts';
import { demoSeed } from '../../../server/store/demo.ts';
import { useProvinceTable } from './useProvinceTable.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
  // The demo's province account, as main.ts seeds it.
  await server.store.seedProvince((await demoSeed()).province);
});
afterAll(() => server.close());

describe('the province table hook', () => {
  it('shows the answer, and the copy kept from it when offline', async () => {
    const province = await signedIn(server, 'tinh');
    const period = { year: 2026, quarter: 2 as const };
    const view = await mountHook(() => useProvinceTable(period, '2026-06-01').state, province);
    await until(() => view.current().phase === 'ready', 'the table');
    const shown = view.current();
    expect(shown.phase === 'ready' && shown.table.communes.map((c) => c.communeId)).toContain('nam-gia-nghia');
    await view.unmount();

    const offline = await mountHook(() => useProvinceTable(period, '2026-06-02').state, { api: offlineApi });
    await until(() => offline.current().phase === 'offline', 'the offline copy');
    expect(offline.current()).toMatchObject({ phase: 'offline', savedAt: '2026-06-01', table: { period } });
    await offline.unmount();
  });

  it('is failed when the server refuses', async () => {
    const head = await signedIn(server, 'tdp1');
    const view = await mountHook(() => useProvinceTable({ year: 2026 }, '2026-06-01').state, head);
    await until(() => view.current().phase === 'failed', 'the refusal');
    await view.unmount();
  });
});
