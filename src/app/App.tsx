// The app's root: sign-in (online, the first time on a phone), the PIN lock (offline, every
// time the app opens and after some minutes in the background), then the screens of the
// signed-in account on its own database.
import { useEffect, useState } from 'preact/hooks';
import { idbPhoneStore, notebookDb, wipeLocalData } from '../data/index.ts';
import type { ProfileResponse } from '../domain/index.ts';
import { fetchProfile } from '../sync/index.ts';
import { text } from './i18n/index.ts';
import { LockScreen } from './lock/LockScreen.tsx';
import type { OpenAccount } from './lock/vaultSession.ts';
import { SignedIn } from './SignedIn.tsx';
import { SignIn } from './sign-in/SignIn.tsx';

const phone = idbPhoneStore();

type Gate =
  | { screen: 'loading' }
  | { screen: 'signIn'; notice?: string }
  | { screen: 'locked'; profile: ProfileResponse }
  | { screen: 'open'; open: OpenAccount };

/** Where the app opens: the lock when this phone has a signed-in account with a vault, else sign-in. */
async function openingGate(): Promise<Gate> {
  const profile = await phone.session();
  if (profile && (await phone.vault(profile.user.id))) return { screen: 'locked', profile };
  return { screen: 'signIn' };
}

/**
 * A lost phone must wipe itself even if nobody can type its PIN: while locked, the app asks
 * the server who it is, and a revoked device's answer removes the account's data.
 */
async function wipedWhileLocked(profile: ProfileResponse): Promise<boolean> {
  const outcome = await fetchProfile('').catch(() => undefined);
  if (!outcome || outcome.ok || outcome.status !== 401 || outcome.body.error !== 'device_revoked') return false;
  const account = await phone.account(profile.user.id);
  if (account) await wipeLocalData(notebookDb(account.dbName), phone.device(profile.user.id));
  await phone.forgetAccount(profile.user.id);
  return true;
}

export function App() {
  const [gate, setGate] = useState<Gate>({ screen: 'loading' });
  useEffect(() => {
    openingGate().then(setGate, () => setGate({ screen: 'signIn' }));
  }, []);
  const lockedProfile = gate.screen === 'locked' ? gate.profile : undefined;
  useEffect(() => {
    if (!lockedProfile) return;
    void wipedWhileLocked(lockedProfile).then((wiped) => {
      if (wiped) setGate({ screen: 'signIn', notice: text.signIn.wiped });
    });
  }, [lockedProfile]);

  const opened = (open: OpenAccount) => setGate({ screen: 'open', open });
  switch (gate.screen) {
    case 'loading':
      return <main class="screen" aria-busy="true" />;
    case 'signIn':
      return <SignIn phone={phone} notice={gate.notice} onSignedIn={opened} />;
    case 'locked':
      return <LockScreen phone={phone} profile={gate.profile} onUnlocked={opened} onSignIn={() => setGate({ screen: 'signIn' })} />;
    case 'open':
      return (
        <SignedIn
          key={gate.open.profile.user.id}
          phone={phone}
          open={gate.open}
          onLocked={() => setGate({ screen: 'locked', profile: gate.open.profile })}
          onSignedOut={() => setGate({ screen: 'signIn' })}
          onWiped={() => setGate({ screen: 'signIn', notice: text.signIn.wiped })}
        />
      );
  }
}
