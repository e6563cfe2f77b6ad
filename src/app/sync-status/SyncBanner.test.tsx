// @vitest-environment happy-dom
// The banner's last line: when the phone last synced, read from the phone after the first
// render. Until it has been read the banner must not claim the phone never synced (seen in
// Firefox right after an offline unlock on a phone that had synced).
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { syncTestbed } from '../../../tests/support/sync-phone.ts';
import type { DeviceStore } from '../../data/index.ts';
import { createSyncApi, SyncEngine } from '../../sync/index.ts';
import { vi as catalogue } from '../i18n/vi.ts';
import { ServicesContext, type AppServices } from '../services.ts';
import { SyncBanner } from './SyncBanner.tsx';

const testbed = syncTestbed();
const offline = createSyncApi({ baseUrl: '', fetch: () => Promise.reject(new TypeError('Failed to fetch')) });

async function mountBanner(engine: SyncEngine, db: AppServices['db']): Promise<{ text: () => string; unmount: () => Promise<void> }> {
  const root = document.createElement('div');
  await act(() => {
    render(
      <ServicesContext.Provider value={{ engine, db, signInAgain() {} } as unknown as AppServices}>
        <SyncBanner />
      </ServicesContext.Provider>,
      root,
    );
  });
  return { text: () => root.textContent ?? '', unmount: () => act(() => render(null, root)) };
}

/** The device values with their last sync time held back until `release` is called. */
function slowLastSync(device: DeviceStore): { device: DeviceStore; release: () => void } {
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  return { device: { ...device, lastSyncAt: async () => (await gate, device.lastSyncAt()) }, release };
}

describe('the sync banner after an offline opening', () => {
  it('does not say "never synced" on a phone that has synced, while its last sync time is still being read', async () => {
    const server = await testbed.server();
    const phone = await testbed.phone(server);
    await phone.engine.syncNow();
    expect(phone.engine.status.get().phase).toBe('idle');
    phone.engine.stop();

    // Opened again with no network: a new engine on the same device values, read slowly.
    const { device, release } = slowLastSync(phone.device);
    const reopened = new SyncEngine({ db: phone.db, api: offline, device, setTimer: () => undefined, clearTimer: () => undefined });
    const restoring = reopened.restore();
    const banner = await mountBanner(reopened, phone.db);
    await act(() => reopened.syncNow());
    expect(reopened.status.get().phase).toBe('offline');
    expect(banner.text()).not.toContain(catalogue.syncBanner.neverSynced);

    release();
    await act(() => restoring);
    expect(banner.text()).toContain(catalogue.syncBanner.lastSync.split('{at}')[0]);
    expect(banner.text()).not.toContain(catalogue.syncBanner.neverSynced);
    await banner.unmount();
    reopened.stop();
  });

  it('says "never synced" once it is known that this phone never synced', async () => {
    const server = await testbed.server();
    const phone = await testbed.phone(server);
    const banner = await mountBanner(phone.engine, phone.db);
    expect(banner.text()).not.toContain(catalogue.syncBanner.neverSynced);
    await act(() => phone.engine.restore());
    expect(banner.text()).toContain(catalogue.syncBanner.neverSynced);
    await banner.unmount();
  });
});
