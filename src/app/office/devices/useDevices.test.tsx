// @vitest-environment happy-dom
// The officer's phone hooks on the real server in-process: the commune's phones listed with
// this one marked, a lost one revoked, a lock-out lifted; the phones whose changes have a
// hole, a page and then the next one added to it; none of it with no network.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVICE_GAPS_PAGE } from '../../../domain/devices.ts';
import { newsPost, propagandaSession, upsertOf } from '../../../../tests/fixtures/records.ts';
import { mountHook, offlineApi, signedIn, until } from '../../../../tests/app/signedInKit.tsx';
import { startServer, type TestServer } from '../../../../tests/server/harness.ts';
import { useDeviceGaps } from './useDeviceGaps.ts';
import { useDevices } from './useDevices.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe('the devices hook', () => {
  it('lists the phones with this one marked, revokes a lost one and lifts a lock-out', async () => {
    const lost = await server.device('tdp2');
    const officer = await signedIn(server, 'canbo');
    const view = await mountHook(useDevices, { api: officer.api, device: { deviceId: () => Promise.resolve(officer.deviceId) } as never });
    await until(() => view.current().devices !== undefined && view.current().ownDeviceId !== undefined, 'the phones');
    expect(view.current().devices!.map((d) => d.deviceId)).toEqual(expect.arrayContaining([lost.deviceId, officer.deviceId]));
    expect(view.current().ownDeviceId).toBe(officer.deviceId);

    expect(await view.current().revoke(lost.deviceId)).toBe(true);
    await until(() => view.current().devices!.find((d) => d.deviceId === lost.deviceId)?.revokedAt !== null, 'the phone revoked');
    expect((await lost.pull()).status).toBe(401);
    expect(await view.current().unlock('tdp2')).toBe(true);
    await view.unmount();
  });

  it('with no network: failed, and nothing revoked', async () => {
    const view = await mountHook(useDevices, { api: offlineApi });
    await until(() => view.current().failed, 'the failure');
    expect(await view.current().revoke('any')).toBe(false);
    await view.unmount();
  });
});

describe('the device gaps hook', () => {
  it('shows a page of the phones with holes, then adds the next page to it', async () => {
    const holed: string[] = [];
    for (let i = 0; i <= DEVICE_GAPS_PAGE; i++) {
      const phone = await server.device('tdp3');
      // Change 2 was lost on the phone before it was sent.
      await phone.push([
        upsertOf(propagandaSession({ unitId: 'tdp-3', reporterId: 'tdp3' }), 1),
        upsertOf(newsPost({ unitId: 'tdp-3', reporterId: 'tdp3' }), 3),
      ]);
      holed.push(phone.deviceId);
    }
    const officer = await signedIn(server, 'canbo');
    const view = await mountHook(useDeviceGaps, { api: officer.api, device: {} as never });
    await until(() => view.current().gaps !== null, 'the first page');
    expect(view.current().gaps).toHaveLength(DEVICE_GAPS_PAGE);
    expect(view.current().gaps!.every((gap) => gap.missingSeqs.join() === '2')).toBe(true);
    expect(view.current().next).not.toBeNull();
    await view.current().more();
    await until(() => view.current().gaps!.length === DEVICE_GAPS_PAGE + 1, 'the next page added');
    expect(
      view
        .current()
        .gaps!.map((gap) => gap.deviceId)
        .sort(),
    ).toEqual([...holed].sort());
    expect(view.current().next).toBeNull();
    await view.unmount();
  });

  it('with no network shows nothing', async () => {
    const view = await mountHook(useDeviceGaps, { api: offlineApi, device: {} as never });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(view.current().gaps).toBeNull();
    await view.unmount();
  });
});
