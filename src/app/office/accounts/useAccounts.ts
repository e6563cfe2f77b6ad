// The commune's accounts for its officer, from the server (online only): list, create one (its
// first enrolment code comes back), disable, enable, issue a new code.
import { useEffect, useState } from 'preact/hooks';
import type { CommuneAccount, NewAccount } from '../../../domain/communeAccounts.ts';
import type { IssuedEnrolment } from '../../../domain/enrolment.ts';
import { apiHeaders } from '../../../sync/index.ts';

export type { CommuneAccount };

export type CreateOutcome = { ok: true; account: CommuneAccount; enrolment: IssuedEnrolment } | { ok: false; fields: string[] };

export function useAccounts() {
  const [accounts, setAccounts] = useState<CommuneAccount[] | undefined>(undefined);
  const [failed, setFailed] = useState(false);

  async function call(method: string, path: string, body?: unknown): Promise<Response | undefined> {
    try {
      const headers = apiHeaders(body !== undefined);
      return await fetch(`/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
    } catch {
      return undefined;
    }
  }

  async function load(): Promise<void> {
    const response = await call('GET', '/accounts');
    if (response?.ok) {
      setAccounts(((await response.json()) as { accounts: CommuneAccount[] }).accounts);
      setFailed(false);
    } else {
      setFailed(true);
    }
  }

  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the screen opens: load is a new function at each render
  }, []);

  return {
    accounts,
    failed,
    async create(account: NewAccount): Promise<CreateOutcome | undefined> {
      const response = await call('POST', '/accounts', account);
      if (!response) return undefined;
      const body = (await response.json()) as { account: CommuneAccount; enrolment: IssuedEnrolment; fields?: { path: string }[] };
      if (response.status === 201) {
        await load();
        return { ok: true, account: body.account, enrolment: body.enrolment };
      }
      return response.status < 500 ? { ok: false, fields: (body.fields ?? []).map((f) => f.path) } : undefined;
    },
    async setDisabled(userId: string, disabled: boolean): Promise<boolean> {
      const response = await call('POST', `/accounts/${encodeURIComponent(userId)}/${disabled ? 'disable' : 'enable'}`);
      await load();
      return response?.ok ?? false;
    },
    async newCode(userId: string): Promise<IssuedEnrolment | undefined> {
      const response = await call('POST', `/accounts/${encodeURIComponent(userId)}/enrolment`);
      await load();
      return response?.ok ? ((await response.json()) as { enrolment: IssuedEnrolment }).enrolment : undefined;
    },
  };
}
