// The first start of a phone with the enrolment code the officer handed out (typed, or filled
// from the QR link's fragment): the code and a new PIN chosen twice, with a connection; then
// the app is signed in, exactly as after a sign-in.
import { useState } from 'preact/hooks';
import type { PhoneStore } from '../../data/phone.ts';
import { groupEnrolmentCode, isEnrolmentCode, normaliseEnrolmentCode } from '../../domain/enrolment.ts';
import { newId } from '../../domain/ids.ts';
import { enrol, NetworkError, sessionKept } from '../../sync/session.ts';
import { loadVault } from '../chunks.ts';
import { text } from '../i18n/index.ts';
import type { OpenAccount } from '../lock/vaultSession.ts';

type Field = 'code' | 'pin' | 'pinAgain';

const refusals: Record<string, string> = {
  enrolment_code_invalid: text.enrol.codeWrong,
  enrolment_code_expired: text.enrol.codeExpired,
  enrolment_code_used: text.enrol.codeUsed,
  account_disabled: text.enrol.disabled,
  enrolment_locked: text.enrol.locked,
  rate_limited: text.signIn.busy,
};

export function Enrol(props: { phone: PhoneStore; initialCode?: string; onBack: () => void; onSignedIn: (open: OpenAccount) => void }) {
  const [code, setCode] = useState(props.initialCode ? groupEnrolmentCode(props.initialCode) : '');
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [invalid, setInvalid] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<string | null>(null);

  function check(): Partial<Record<Field, string>> {
    const found: Partial<Record<Field, string>> = {};
    if (!isEnrolmentCode(normaliseEnrolmentCode(code))) found.code = text.enrol.codeInvalid;
    if (!/^\d{4,8}$/.test(pin)) found.pin = text.enrol.pinInvalid;
    else if (pin !== pinAgain) found.pinAgain = text.enrol.pinMismatch;
    return found;
  }

  async function submit(event: Event) {
    event.preventDefault();
    setError(null);
    const found = check();
    setInvalid(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      // Whose code it is shows only in the answer: the enrolment binds a new device id.
      const deviceId = newId();
      const outcome = await enrol('', { code: normaliseEnrolmentCode(code), pin, deviceId });
      if (outcome.ok) {
        // The code is spent: take it out of the address bar and the history entry.
        if (location.hash.startsWith('#enrol=')) history.replaceState(null, '', `${location.pathname}#/`);
        if (!(await sessionKept(''))) {
          setError(text.signIn.sessionNotKept);
          return;
        }
        // The PIN just chosen also opens the app offline: it makes this account's vault.
        const { completeSignIn } = await loadVault();
        props.onSignedIn(await completeSignIn(props.phone, { answer: outcome.value, pin, deviceId }));
        return;
      }
      const refusal = refusals[outcome.body.error ?? ''];
      if (refusal && outcome.body.error?.startsWith('enrolment_code')) setInvalid({ code: refusal });
      else setError(refusal ?? text.signIn.failed);
    } catch (caught) {
      setError(caught instanceof NetworkError ? text.signIn.offline : text.signIn.failed);
    } finally {
      setBusy(false);
    }
  }

  const field = (name: Field, label: string, input: preact.JSX.Element, hint?: string) => (
    <label class={invalid[name] ? 'field invalid' : 'field'}>
      <span>{label}</span>
      {input}
      {hint && !invalid[name] && <small class="muted">{hint}</small>}
      {invalid[name] && (
        <small class="error" id={`${name}-error`}>
          {invalid[name]}
        </small>
      )}
    </label>
  );

  return (
    <main class="screen sign-in enrol">
      <h1>{text.app.name}</h1>
      <form onSubmit={submit} class="card" noValidate>
        <h2>{text.enrol.title}</h2>
        <p class="muted">{text.enrol.intro}</p>
        {field(
          'code',
          text.enrol.code,
          <input
            name="code"
            class="enrol-code"
            autocomplete="one-time-code"
            autocapitalize="characters"
            spellcheck={false}
            maxLength={12}
            aria-invalid={invalid.code ? 'true' : undefined}
            aria-describedby={invalid.code ? 'code-error' : undefined}
            value={code}
            onInput={(e) => setCode(e.currentTarget.value.toUpperCase())}
          />,
          text.enrol.codeHint,
        )}
        {field(
          'pin',
          text.enrol.pin,
          <input
            name="pin"
            type="password"
            inputMode="numeric"
            autocomplete="new-password"
            pattern="[0-9]*"
            maxLength={8}
            aria-invalid={invalid.pin ? 'true' : undefined}
            aria-describedby={invalid.pin ? 'pin-error' : undefined}
            value={pin}
            onInput={(e) => setPin(e.currentTarget.value)}
          />,
        )}
        {field(
          'pinAgain',
          text.enrol.pinAgain,
          <input
            name="pinAgain"
            type="password"
            inputMode="numeric"
            autocomplete="new-password"
            pattern="[0-9]*"
            maxLength={8}
            aria-invalid={invalid.pinAgain ? 'true' : undefined}
            aria-describedby={invalid.pinAgain ? 'pinAgain-error' : undefined}
            value={pinAgain}
            onInput={(e) => setPinAgain(e.currentTarget.value)}
          />,
        )}
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button class="primary big" type="submit" disabled={busy}>
          {busy ? text.enrol.working : text.enrol.submit}
        </button>
        <button class="link enrol-back" type="button" onClick={props.onBack}>
          {text.enrol.back}
        </button>
      </form>
    </main>
  );
}
