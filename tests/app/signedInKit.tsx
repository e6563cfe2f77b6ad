// What the tests of the signed-in app's hooks share: the app's API client backed by the real
// server in-process (tests/server/harness.ts) as one signed-in user, a hook mounted in a DOM
// under the services a screen gets, and waiting for what the hook shows.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { NotebookDb } from '../../src/data/index.ts';
import type { ProfileResponse } from '../../src/domain/index.ts';
import { createApiClient, type ApiClient } from '../../src/app/api.ts';
import { ServicesContext, type AppServices } from '../../src/app/services.ts';
import { StatusBox } from '../../src/sync/status.ts';
import type { TestServer } from '../server/harness.ts';

/** A signed-in user of the server: its profile, device id and the app's client carrying its session. */
export async function signedIn(server: TestServer, username: string): Promise<{ session: ProfileResponse; deviceId: string; api: ApiClient }> {
  const device = await server.device(username);
  const asUser: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('authorization', `Bearer ${device.token}`);
    return Promise.resolve(server.app.request(String(input), { ...init, headers }));
  };
  const api = createApiClient(asUser);
  const me = await api.get('/me', { safeParse: (data) => ({ success: true, data: data as ProfileResponse }) });
  if (!me.ok) throw new Error(`no profile for ${username}`);
  return { session: me.value, deviceId: device.deviceId, api };
}

/** A client whose every call finds no network. */
export const offlineApi = createApiClient(() => Promise.reject(new TypeError('Failed to fetch')));

export async function mountHook<T>(use: () => T, services: Partial<AppServices>): Promise<{ current: () => T; unmount: () => Promise<void> }> {
  const out: { value?: T } = {};
  function Probe() {
    out.value = use();
    return null;
  }
  const root = document.createElement('div');
  const all = {
    engine: { status: new StatusBox() },
    phone: {},
    device: { deviceId: () => Promise.resolve('') },
    db: {} as NotebookDb,
    signOut() {},
    signInAgain() {},
    ...services,
  } as AppServices;
  await act(() => {
    render(
      <ServicesContext.Provider value={all}>
        <Probe />
      </ServicesContext.Provider>,
      root,
    );
  });
  return { current: () => out.value!, unmount: () => act(() => render(null, root)) };
}

export async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (condition()) return;
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
  throw new Error(`timed out waiting for ${what}`);
}
