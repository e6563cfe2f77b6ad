// Sign-out on a phone with records waiting: send them first (with a connection), or keep them
// on the phone for this account. With nothing waiting, a plain confirmation.
import { useEffect, useState } from 'preact/hooks';
import { outboxSize } from '../../data/index.ts';
import { useConnection } from '../hooks/useConnection.ts';
import { fill, text } from '../i18n/index.ts';
import type { OpenAccount } from '../lock/vaultSession.ts';
import { useServices } from '../services.ts';
import { signOutOfPhone } from './signOutOfPhone.ts';

export function SignOutDialog(props: { open: OpenAccount; onCancel: () => void; onSignedOut: () => void }) {
  const { engine, phone, db } = useServices();
  const online = useConnection();
  const [pending, setPending] = useState<number | undefined>(undefined);
  const [busy, setBusy] = useState<'sending' | 'leaving' | null>(null);
  const [notAllSent, setNotAllSent] = useState(false);

  useEffect(() => {
    void outboxSize(db).then(setPending);
  }, [db]);

  async function leave() {
    setBusy('leaving');
    engine.stop();
    await signOutOfPhone(phone, props.open);
    props.onSignedOut();
  }

  async function sendFirst() {
    setBusy('sending');
    await engine.syncNow();
    const left = await outboxSize(db);
    setPending(left);
    if (left === 0) return leave();
    setNotAllSent(true);
    setBusy(null);
  }

  if (pending === undefined) return null;
  return (
    <div class="sheet-backdrop">
      <div class="sheet" role="dialog" aria-modal="true" aria-labelledby="sign-out-title">
        <h2 id="sign-out-title">{text.signOut.title}</h2>
        {pending === 0 ? (
          <>
            <p>{text.signOut.confirm}</p>
            <button class="primary big" disabled={busy !== null} onClick={() => void leave()}>
              {text.signIn.signOut}
            </button>
          </>
        ) : (
          <>
            <p>{fill(text.signOut.pending, { n: pending })}</p>
            {notAllSent && (
              <p class="error" role="alert">
                {text.signOut.notAllSent}
              </p>
            )}
            {!online && <p class="muted">{text.signOut.offline}</p>}
            <button class="primary big" disabled={!online || busy !== null} onClick={() => void sendFirst()}>
              {busy === 'sending' ? text.signOut.sending : text.signOut.sendFirst}
            </button>
            <button class="secondary" disabled={busy !== null} onClick={() => void leave()}>
              {text.signOut.keep}
            </button>
            <p class="muted">{text.signOut.keepExplain}</p>
          </>
        )}
        <button class="link" disabled={busy !== null} onClick={props.onCancel}>
          {text.signOut.cancel}
        </button>
      </div>
    </div>
  );
}
