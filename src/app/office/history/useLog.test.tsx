// @vitest-environment happy-dom
// The officer's logs on the real server in-process: the audit trail names what was done (a
// unit added), the case-access log is empty when no case was read; with no network, or for
// a village head, the log says it failed and shows nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPage, caseAccessPage } from '../../../domain/audit.ts';
import { unitList } from '../../../domain/setup/units.ts';
import { mountHook, offlineApi, signedIn, until } from '../../../../tests/app/signedInKit.tsx';
import { startServer, type TestServer } from '../../../../tests/server/harness.ts';
import { useLog } from './useLog.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe('the log hook', () => {
  it('loads the audit trail with what the officer did, and an empty case-access log', async () => {
    const officer = await signedIn(server, 'canbo');
    expect((await officer.api.send('POST', '/units', unitList, { id: 'tdp-77', name: 'Tổ dân phố 77', type: 'toDanPho', households: 12 })).ok).toBe(true);
    const audit = await mountHook(() => useLog('/audit', auditPage), officer);
    expect(audit.current().entries).toBeUndefined(); // loaded on demand
    await audit.current().load(null);
    await until(() => audit.current().entries !== undefined, 'the audit trail');
    expect(audit.current().entries!.some((e) => e.kind === 'event' && e.action === 'unit.create')).toBe(true);
    expect(audit.current().failed).toBe(false);
    await audit.unmount();

    const access = await mountHook(() => useLog('/case-access', caseAccessPage), officer);
    await access.current().load(null);
    await until(() => access.current().entries !== undefined, 'the case-access log');
    expect(access.current()).toMatchObject({ entries: [], next: null, failed: false });
    await access.unmount();
  });

  it('fails with no network, and for a village head', async () => {
    const head = await signedIn(server, 'tdp1');
    for (const api of [offlineApi, head.api]) {
      const view = await mountHook(() => useLog('/audit', auditPage), { api });
      await view.current().load(null);
      await until(() => view.current().failed, 'the failure');
      expect(view.current().entries).toBeUndefined();
      await view.unmount();
    }
  });
});
