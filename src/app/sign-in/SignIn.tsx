// First sign-in on a phone: user name and PIN, with a connection; or, the very first time, an
// enrolment code (Enrol.tsx). The answer (token, user, units) is kept on the phone so the app
// opens offline afterwards.
import { useState } from 'preact/hooks';
import type { DeviceStore } from '../../data/index.ts';
import type { SignInResponse } from '../../domain/index.ts';
import { signIn } from '../../sync/index.ts';
import { enrolmentCodeFromHash } from '../../domain/enrolment.ts';
import { text } from '../i18n/index.ts';
import { completeSignIn } from './completeSignIn.ts';
import { Enrol } from './Enrol.tsx';

export function SignIn(props: { device: DeviceStore; notice?: string; onSignedIn: (session: SignInResponse) => void }) {
  // Opened from an enrolment QR code: its link carries the code in the fragment.
  const [enrolCode, setEnrolCode] = useState<string | undefined | null>(() => enrolmentCodeFromHash(location.hash) ?? null);
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const deviceId = await props.device.deviceId();
      const outcome = await signIn('', { username: username.normalize('NFC'), pin, deviceId });
      if (outcome.ok) {
        await completeSignIn(props.device, outcome.value, props.onSignedIn);
        return;
      }
      setError(outcome.status === 401 ? text.signIn.badCredentials : outcome.status === 429 ? text.signIn.locked : text.signIn.failed);
    } catch (caught) {
      setError(caught instanceof TypeError ? text.signIn.offline : text.signIn.failed);
    } finally {
      setBusy(false);
    }
  }

  if (enrolCode !== null) return <Enrol device={props.device} initialCode={enrolCode} onBack={() => setEnrolCode(null)} onSignedIn={props.onSignedIn} />;

  return (
    <main class="screen sign-in">
      <h1>{text.app.name}</h1>
      <p class="muted">{text.app.tagline}</p>
      <form onSubmit={submit} class="card">
        <h2>{text.signIn.title}</h2>
        {props.notice && <p class="error" role="alert">{props.notice}</p>}
        <p class="muted">{text.signIn.intro}</p>
        <label class="field">
          <span>{text.signIn.username}</span>
          <input name="username" autocomplete="username" autocapitalize="none" required value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{text.signIn.pin}</span>
          <input name="pin" type="password" inputMode="numeric" autocomplete="current-password" pattern="[0-9]*" required value={pin} onInput={(e) => setPin(e.currentTarget.value)} />
        </label>
        {error && <p class="error" role="alert">{error}</p>}
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
