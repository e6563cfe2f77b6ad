// The commune's accounts for its officer, from the server (online only): list, create one (its
// first enrolment code comes back), disable, enable, issue a new code.
import { useEffect, useState } from 'preact/hooks';
import { accountDisabled, accountList, createdAccount, reissuedEnrolment, type CommuneAccount, type NewAccount } from '../../../domain/communeAccounts.ts';
import type { IssuedEnrolment } from '../../../domain/enrolment.ts';
import { useServices } from '../../services.ts';

export type { CommuneAccount };

export type CreateOutcome = { ok: true; account: CommuneAccount; enrolment: IssuedEnrolment } | { ok: false; fields: string[] };

export function useAccounts() {
  const { api } = useServices();
  const [accounts, setAccounts] = useState<CommuneAccount[] | undefined>(undefined);
  const [failed, setFailed] = useState(false);

  async function load(): Promise<void> {
    const answer = await api.get('/accounts', accountList);
    if (answer.ok) setAccounts(answer.value.accounts);
    setFailed(!answer.ok);
  }

  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the screen opens: load is a new function at each render
  }, []);

  return {
    accounts,
    failed,
    /** Undefined when it could not be done (offline, the server failing): the panel says so. */
    async create(account: NewAccount): Promise<CreateOutcome | undefined> {
      const answer = await api.send('POST', '/accounts', createdAccount, account);
      if (answer.ok) {
        await load();
        return { ok: true, account: answer.value.account, enrolment: answer.value.enrolment };
      }
      return answer.problem === 'refused' && answer.status < 500 ? { ok: false, fields: answer.fields } : undefined;
    },
    async setDisabled(userId: string, disabled: boolean): Promise<boolean> {
      const answer = await api.send('POST', `/accounts/${encodeURIComponent(userId)}/${disabled ? 'disable' : 'enable'}`, accountDisabled);
      await load();
      return answer.ok;
    },
    async newCode(userId: string): Promise<IssuedEnrolment | undefined> {
      const answer = await api.send('POST', `/accounts/${encodeURIComponent(userId)}/enrolment`, reissuedEnrolment);
      await load();
      return answer.ok ? answer.value.enrolment : undefined;
    },
  };
}
