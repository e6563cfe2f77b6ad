// The officer's accounts panel: the commune's accounts with where each stands, a form to create
// a village head's (or a commune reporter's) account, and the enrolment card (code and QR) to
// hand over; disable, enable, and a new code for a new phone or a forgotten PIN.
import { useState } from 'preact/hooks';
import { creatableRoles, type NewAccount } from '../../../domain/communeAccounts.ts';
import type { IssuedEnrolment } from '../../../domain/enrolment.ts';
import type { UnitEntry } from '../../../domain/indicators/index.ts';
import { useConnection } from '../../hooks/useConnection.ts';
import { fill, text } from '../../i18n/index.ts';
import { EnrolmentCard } from './EnrolmentCard.tsx';
import { useAccounts, type CommuneAccount } from './useAccounts.ts';

type Card = { name: string; unitName: string; enrolment: IssuedEnrolment; created?: boolean };
type FormField = 'username' | 'displayName' | 'unitId';

function AccountForm(props: { units: UnitEntry[]; online: boolean; actions: ReturnType<typeof useAccounts>; onCreated: (card: Card) => void }) {
  const [draft, setDraft] = useState<NewAccount>({ username: '', displayName: '', role: 'villageHead', unitId: '' });
  const [invalid, setInvalid] = useState<FormField[]>([]);
  const [failed, setFailed] = useState(false);
  const fits = props.units.filter((u) => !u.retired && (draft.role === 'villageHead' ? u.type !== 'commune' : u.type === 'commune'));
  const unitId = fits.some((u) => u.id === draft.unitId) ? draft.unitId : (fits[0]?.id ?? '');
  const set = (change: Partial<NewAccount>) => setDraft({ ...draft, ...change });

  async function submit(event: Event) {
    event.preventDefault();
    setFailed(false);
    const outcome = await props.actions.create({ ...draft, unitId });
    if (!outcome) return setFailed(true);
    if (!outcome.ok) return setInvalid(outcome.fields.filter((f): f is FormField => ['username', 'displayName', 'unitId'].includes(f)));
    setInvalid([]);
    setDraft({ username: '', displayName: '', role: draft.role, unitId });
    props.onCreated({
      created: true,
      name: outcome.account.displayName,
      unitName: props.units.find((u) => u.id === outcome.account.unitId)?.name ?? '',
      enrolment: outcome.enrolment,
    });
  }

  const error = (field: FormField) =>
    invalid.includes(field) && (
      <small class="error" id={`account-${field}-error`}>
        {text.accounts.fieldErrors[field]}
      </small>
    );
  return (
    <form class="account-add" onSubmit={submit} noValidate>
      <label class={invalid.includes('displayName') ? 'field invalid' : 'field'}>
        <span>{text.accounts.displayName}</span>
        <input name="displayName" required value={draft.displayName} onInput={(e) => set({ displayName: e.currentTarget.value })} />
        {error('displayName')}
      </label>
      <label class={invalid.includes('username') ? 'field invalid' : 'field'}>
        <span>{text.accounts.username}</span>
        <input
          name="username"
          autocapitalize="none"
          spellcheck={false}
          required
          value={draft.username}
          onInput={(e) => set({ username: e.currentTarget.value })}
        />
        {error('username') || (
          <small class="muted">{fill(text.accounts.usernameHint, { commune: props.units.find((u) => u.type === 'commune')?.id ?? '' })}</small>
        )}
      </label>
      <label class="field">
        <span>{text.accounts.roleLabel}</span>
        <select name="role" value={draft.role} onChange={(e) => set({ role: e.currentTarget.value as NewAccount['role'] })}>
          {creatableRoles.map((role) => (
            <option key={role} value={role}>
              {text.accounts.role[role]}
            </option>
          ))}
        </select>
      </label>
      <label class={invalid.includes('unitId') ? 'field invalid' : 'field'}>
        <span>{text.accounts.unit}</span>
        <select name="unitId" value={unitId} onChange={(e) => set({ unitId: e.currentTarget.value })}>
          {fits.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
        {error('unitId')}
      </label>
      {failed && <p class="error">{text.accounts.failed}</p>}
      <button class="primary" type="submit" disabled={!props.online}>
        {text.accounts.create}
      </button>
    </form>
  );
}

function AccountRow(props: {
  account: CommuneAccount;
  unitName: string;
  online: boolean;
  actions: ReturnType<typeof useAccounts>;
  onCard: (card: Card) => void;
  onFailed: () => void;
}) {
  const { account, actions, online } = props;
  const managed = account.role === 'villageHead' || account.role === 'communeReporter';
  const newCode = async () => {
    if (!confirm(fill(text.accounts.newCodeConfirm, { name: account.displayName }))) return;
    const enrolment = await actions.newCode(account.id);
    if (enrolment) props.onCard({ name: account.displayName, unitName: props.unitName, enrolment });
    else props.onFailed();
  };
  const toggle = async () => {
    const disabling = account.state !== 'disabled';
    if (disabling && !confirm(fill(text.accounts.disableConfirm, { name: account.displayName }))) return;
    if (!(await actions.setDisabled(account.id, disabling))) props.onFailed();
  };
  return (
    <li class="account-row" data-account={account.username} data-state={account.state}>
      <p>
        <strong>{account.displayName}</strong> · {account.username} · {text.accounts.role[account.role]} · {props.unitName}
      </p>
      <p>
        <span class={`state-badge ${account.state}`}>{text.accounts.state[account.state]}</span>
        {account.enrolmentExpiresAt &&
          ` ${fill(text.accounts.codeValidUntil, { date: new Date(account.enrolmentExpiresAt).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' }) })}`}
      </p>
      {managed && (
        <div class="review-actions">
          <button class="secondary" type="button" disabled={!online} onClick={() => void newCode()}>
            {text.accounts.newCode}
          </button>
          <button class={account.state === 'disabled' ? 'secondary' : 'danger'} type="button" disabled={!online} onClick={() => void toggle()}>
            {account.state === 'disabled' ? text.accounts.enable : text.accounts.disable}
          </button>
        </div>
      )}
    </li>
  );
}

export function AccountPanel(props: { units: UnitEntry[] }) {
  const online = useConnection();
  const actions = useAccounts();
  const [card, setCard] = useState<Card | null>(null);
  const [failed, setFailed] = useState(false);
  const unitName = (id: string) => props.units.find((u) => u.id === id)?.name ?? id;
  return (
    <>
      <h2 id="accounts-title">{text.accounts.title}</h2>
      <p class="muted">{text.accounts.intro}</p>
      {!online && <p class="notice warn">{text.review.needsConnection}</p>}
      {(actions.failed || failed) && online && <p class="error">{text.accounts.failed}</p>}
      {card && (
        <>
          {card.created && <p role="status">{fill(text.accounts.created, { name: card.name })}</p>}
          <EnrolmentCard name={card.name} unitName={card.unitName} enrolment={card.enrolment} onClose={() => setCard(null)} />
        </>
      )}
      <ul class="account-list">
        {actions.accounts?.map((account) => (
          <AccountRow
            key={account.id}
            account={account}
            unitName={unitName(account.unitId)}
            online={online}
            actions={actions}
            onCard={setCard}
            onFailed={() => setFailed(true)}
          />
        ))}
      </ul>
      <details class="unit-setup">
        <summary>{text.accounts.add}</summary>
        <AccountForm units={props.units} online={online} actions={actions} onCreated={setCard} />
      </details>
    </>
  );
}
