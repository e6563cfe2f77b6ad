// The PIN lock: opens the app offline with the PIN (the vault's key is derived from it).
// Wrong PINs are counted on the phone; after a few each try waits longer, and after too
// many only an online sign-in opens the app. Nothing on the phone is deleted.
import { useEffect, useState } from 'preact/hooks';
import type { PhoneStore } from '../../data/phone.ts';
import type { ProfileResponse } from '../../domain/index.ts';
import { loadVault } from '../chunks.ts';
import { fill, text } from '../i18n/index.ts';
import { MAX_PIN_FAILURES, pinGate, type PinGate } from './pinAttempts.ts';
import { PinPad } from './PinPad.tsx';
import type { OpenAccount } from './vaultSession.ts';

export function LockScreen(props: { phone: PhoneStore; profile: ProfileResponse; onUnlocked: (open: OpenAccount) => void; onSignIn: () => void }) {
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [wrong, setWrong] = useState<{ failures: number } | null>(null);
  const [gate, setGate] = useState<PinGate>({ state: 'open' });
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    void props.phone.pinAttempts(props.profile.user.id).then((attempts) => setGate(pinGate(attempts, Date.now())));
  }, [props.phone, props.profile.user.id]);

  // While a wait runs, count it down and open again at its end.
  useEffect(() => {
    if (gate.state !== 'wait') return;
    const timer = setInterval(() => {
      const at = Date.now();
      setNow(at);
      if (at >= gate.until) setGate({ state: 'open' });
    }, 1000);
    return () => clearInterval(timer);
  }, [gate]);

  async function submit(event: Event) {
    event.preventDefault();
    if (pin.length < 4 || busy) return;
    setBusy(true);
    try {
      const { unlockWithPin } = await loadVault();
      const outcome = await unlockWithPin(props.phone, props.profile, pin);
      if (outcome.ok) {
        props.onUnlocked(outcome.open);
        return;
      }
      setPin('');
      setWrong({ failures: outcome.failures });
      setNow(Date.now());
      setGate(outcome.gate);
    } finally {
      setBusy(false);
    }
  }

  const waiting = gate.state === 'wait';
  const blocked = gate.state === 'signInNeeded';
  return (
    <main class="screen lock">
      <h1>{text.app.name}</h1>
      <form class="card" onSubmit={submit}>
        <h2>{text.lock.title}</h2>
        <p class="muted">{fill(text.lock.intro, { name: props.profile.user.displayName })}</p>
        {blocked ? (
          <p class="error" role="alert">
            {text.lock.signInNeeded}
          </p>
        ) : (
          <>
            {wrong && !waiting && (
              <p class="error" role="alert">
                {text.lock.wrong} {fill(text.lock.triesLeft, { n: MAX_PIN_FAILURES - wrong.failures })}
              </p>
            )}
            {waiting && (
              <p class="error" role="alert">
                {fill(text.lock.wait, { seconds: Math.max(1, Math.ceil((gate.until - now) / 1000)) })}
              </p>
            )}
            <PinPad value={pin} onChange={setPin} disabled={busy || waiting} />
            <button class="primary big" type="submit" disabled={busy || waiting || pin.length < 4}>
              {busy ? text.lock.opening : text.lock.open}
            </button>
          </>
        )}
        <button class="link" type="button" onClick={props.onSignIn}>
          {blocked ? text.lock.signInAgain : text.lock.otherAccount}
        </button>
        <details class="forgot-pin">
          <summary>{text.lock.forgotPin}</summary>
          <p>{text.lock.forgotPinExplain}</p>
        </details>
      </form>
    </main>
  );
}
