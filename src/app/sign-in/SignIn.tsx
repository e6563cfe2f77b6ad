// Sign-in on a phone: user name and PIN, with a connection; or, the very first time, an
// enrolment code (Enrol.tsx). The server sets the session cookie and answers with the profile;
// the phone then sets up (or opens) this account's vault with the same PIN, so that the app
// opens offline with it afterwards.
import { useEffect, useState } from 'preact/hooks';
import type { PhoneStore } from '../../data/phone.ts';
import { enrolmentCodeFromHash } from '../../domain/enrolment.ts';
import { NetworkError, sessionKept, signIn } from '../../sync/session.ts';
import { loadVault, prefetchSignedIn } from '../chunks.ts';
import { fill, text } from '../i18n/index.ts';
import type { OpenAccount } from '../lock/vaultSession.ts';
import { Enrol } from './Enrol.tsx';

/** The accounts whose unsent records this phone keeps for them: none on a new phone, which needs no database code for it. */
async function keptFor(phone: PhoneStore): Promise<string[]> {
  if ((await phone.accounts()).length === 0) return [];
  return (await loadVault()).keptFor(phone);
}

export function SignIn(props: { phone: PhoneStore; notice?: string; onSignedIn: (open: OpenAccount) => void }) {
  // Opened from an enrolment QR code: its link carries the code in the fragment.
  const [enrolCode, setEnrolCode] = useState<string | undefined | null>(() => enrolmentCodeFromHash(location.hash) ?? null);
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [kept, setKept] = useState<string[]>([]);
  useEffect(() => {
    void keptFor(props.phone).then(setKept, () => undefined);
    // One account known on this phone (signing in again after its session ended): its name is typed for her.
    void props.phone.accounts().then(
      (accounts) => {
        const named = accounts.filter((account) => account.username);
        if (accounts.length === 1 && named.length === 1) setUsername((typed) => typed || named[0]!.username!);
      },
      () => undefined,
    );
    prefetchSignedIn();
  }, [props.phone]);

  async function submit(event: Event) {
    event.preventDefault();
    const name = username.normalize('NFC').trim().toLowerCase();
    // Our own words, not the browser's ("Please fill out this field.", in its language).
    if (name === '' || pin === '') {
      setError(name === '' ? text.signIn.usernameMissing : text.signIn.pinMissing);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const deviceId = await props.phone.deviceIdForSignIn(name);
      const outcome = await signIn('', { username: name, pin, deviceId });
      if (outcome.ok) {
        // Signed in, but the browser may not have kept the session (a Secure cookie over plain http).
        if (!(await sessionKept(''))) {
          setError(text.signIn.sessionNotKept);
          return;
        }
        const { completeSignIn } = await loadVault();
        props.onSignedIn(await completeSignIn(props.phone, { answer: outcome.value, username: name, pin, deviceId }));
        return;
      }
      // 429 rate_limited: the account's tries were all in flight at that moment, none failed yet.
      const tooMany = outcome.body.error === 'rate_limited' ? text.signIn.busy : text.signIn.locked;
      setError(outcome.status === 401 ? text.signIn.badCredentials : outcome.status === 429 ? tooMany : text.signIn.failed);
    } catch (caught) {
      setError(caught instanceof NetworkError ? text.signIn.offline : text.signIn.failed);
    } finally {
      setBusy(false);
    }
  }

  if (enrolCode !== null) return <Enrol phone={props.phone} initialCode={enrolCode} onBack={() => setEnrolCode(null)} onSignedIn={props.onSignedIn} />;

  return (
    <main class="screen sign-in">
      <h1>{text.app.name}</h1>
      <p class="muted">{text.app.tagline}</p>
      {kept.length > 0 && (
        <p class="notice kept-notice" role="status">
          {fill(text.signOut.kept, { names: kept.join(', ') })}
        </p>
      )}
      <form onSubmit={submit} class="card" noValidate>
        <h2>{text.signIn.title}</h2>
        {props.notice && (
          <p class="error" role="alert">
            {props.notice}
          </p>
        )}
        <p class="muted">{text.signIn.intro}</p>
        <label class="field">
          <span>{text.signIn.username}</span>
          <input name="username" autocomplete="username" autocapitalize="none" value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{text.signIn.pin}</span>
          <input
            name="pin"
            type="password"
            inputMode="numeric"
            autocomplete="current-password"
            pattern="[0-9]*"
            value={pin}
            onInput={(e) => setPin(e.currentTarget.value)}
          />
        </label>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button class="primary big" type="submit" disabled={busy}>
          {busy ? text.signIn.working : text.signIn.submit}
        </button>
      </form>
      <section class="card enrol-offer">
        <p class="muted">{text.enrol.offerHint}</p>
        <button class="secondary big" type="button" onClick={() => setEnrolCode(undefined)}>
          {text.enrol.offer}
        </button>
      </section>
    </main>
  );
}
