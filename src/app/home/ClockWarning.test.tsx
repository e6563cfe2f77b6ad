// @vitest-environment happy-dom
// The phone learns the server's time at each sync (the answers' Date header) and warns on the
// home screen when its own clock is more than a day off, also after a reload with no network.
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { syncTestbed } from '../../../tests/support/sync-phone.ts';
import { DAY_MS } from '../../domain/index.ts';
import { createSyncApi, SyncEngine } from '../../sync/index.ts';
import { ServicesContext, type AppServices } from '../services.ts';
import { ClockWarning } from './ClockWarning.tsx';

const testbed = syncTestbed();
const SERVER_NOW = new Date('2026-11-20T03:00:00Z');

async function warningOf(engine: SyncEngine): Promise<string> {
  const root = document.createElement('div');
  await act(() => {
    render(
      <ServicesContext.Provider value={{ engine } as unknown as AppServices}>
        <ClockWarning />
      </ServicesContext.Provider>,
      root,
    );
  });
  const text = root.textContent ?? '';
  await act(() => render(null, root));
  return text;
}

/** A phone whose clock reads the server's time moved by `offByMs`, synced once. */
async function syncedPhone(offByMs: number) {
  const server = await testbed.server();
  server.setNow(SERVER_NOW);
  const phone = await testbed.phone(server, { engine: { now: () => SERVER_NOW.getTime() + offByMs } });
  await phone.engine.syncNow();
  expect(phone.engine.status.get().phase).toBe('idle');
  return phone;
}

describe('the clock warning', () => {
  it('says how many days the phone is behind, and says it again after a reload with no network', async () => {
    const phone = await syncedPhone(-(3 * DAY_MS + 2 * 3_600_000));
    const warning = 'Đồng hồ của máy đang lệch 3 ngày so với máy chủ. Hãy chỉnh lại ngày giờ của máy.';
    expect(await warningOf(phone.engine)).toBe(warning);
    // The app opened again offline: a new engine on the same device values, its calls failing.
    const offline = createSyncApi({ baseUrl: '', fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    const reopened = new SyncEngine({ db: phone.db, api: offline, device: phone.device, setTimer: () => undefined, clearTimer: () => undefined });
    await reopened.restore();
    await reopened.syncNow();
    expect(reopened.status.get().phase).toBe('offline');
    expect(await warningOf(reopened)).toBe(warning);
    reopened.stop();
  });

  it('warns of a phone ahead of the server too', async () => {
    const phone = await syncedPhone(2 * DAY_MS + 60_000);
    expect(await warningOf(phone.engine)).toBe('Đồng hồ của máy đang lệch 2 ngày so với máy chủ. Hãy chỉnh lại ngày giờ của máy.');
  });

  it('says nothing when the phone is less than a day off', async () => {
    const phone = await syncedPhone(-20 * 3_600_000);
    expect(phone.engine.status.get().clockOffsetMs).toBe(20 * 3_600_000);
    expect(await warningOf(phone.engine)).toBe('');
  });
});
