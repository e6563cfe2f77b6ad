// @vitest-environment happy-dom
// The officer's accounts hook on the real server in-process: the commune's accounts listed,
// a village head created with a first code (and listed waiting for it), a bad user name
// refused naming the field, an account disabled; with no network the panel is told it failed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEnrolmentCode, normaliseEnrolmentCode } from '../../../domain/enrolment.ts';
import { mountHook, offlineApi, signedIn, until } from '../../../../tests/app/signedInKit.tsx';
import { startServer, type TestServer } from '../../../../tests/server/harness.ts';
import { useAccounts } from './useAccounts.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe('the accounts hook', () => {
  it('lists, creates, refuses a bad name and disables, through the server', async () => {
    const officer = await signedIn(server, 'canbo');
    const view = await mountHook(useAccounts, officer);
    await until(() => view.current().accounts !== undefined, 'the accounts');
    expect(view.current().accounts!.map((a) => a.username)).toContain('tdp1');
    expect(view.current().failed).toBe(false);

    let created: Awaited<ReturnType<ReturnType<typeof useAccounts>['create']>>;
    created = await view.current().create({ username: 'totruong9', displayName: 'Tổ trưởng 9', role: 'villageHead', unitId: 'tdp-1' });
    expect(created).toMatchObject({ ok: true, account: { username: 'nam-gia-nghia.totruong9', state: 'waiting' } });
    expect(created?.ok && isEnrolmentCode(normaliseEnrolmentCode(created.enrolment.code))).toBe(true);
    await until(() => view.current().accounts!.some((a) => a.username === 'nam-gia-nghia.totruong9'), 'the new account listed');

    created = await view.current().create({ username: 'x', displayName: 'Tổ trưởng 10', role: 'villageHead', unitId: 'tdp-1' });
    expect(created).toEqual({ ok: false, fields: ['username'] });

    const id = view.current().accounts!.find((a) => a.username === 'nam-gia-nghia.totruong9')!.id;
    expect(await view.current().setDisabled(id, true)).toBe(true);
    await until(() => view.current().accounts!.find((a) => a.id === id)?.state === 'disabled', 'the account disabled');
    await view.unmount();
  });

  it('with no network: the list failed, a creation not done', async () => {
    const officer = await signedIn(server, 'canbo');
    const view = await mountHook(useAccounts, { ...officer, api: offlineApi });
    await until(() => view.current().failed, 'the failure');
    expect(view.current().accounts).toBeUndefined();
    expect(await view.current().create({ username: 'totruong11', displayName: 'Tổ trưởng 11', role: 'villageHead', unitId: 'tdp-1' })).toBeUndefined();
    await view.unmount();
  });

  it('a village head is refused the list', async () => {
    const head = await signedIn(server, 'tdp1');
    const view = await mountHook(useAccounts, head);
    await until(() => view.current().failed, 'the refusal');
    expect(view.current().accounts).toBeUndefined();
    await view.unmount();
  });
});
