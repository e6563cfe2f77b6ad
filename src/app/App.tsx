// The app's root: sign-in (online, the first time on a phone), the PIN lock (offline, every
// time the app opens and after some minutes in the background), then the screens of the
// signed-in account on its own database. Only the sign-in screen is in the first load: the
// lock and the signed-in screens are lazy chunks (chunks.ts), loaded before they are shown.
import { useEffect, useState } from 'preact/hooks';
import { idbPhoneStore } from '../data/phone.ts';
import type { ProfileResponse } from '../domain/index.ts';
import { loadLock, loadSignedIn, loadVault, prefetchSignedIn } from './chunks.ts';
import { text } from './i18n/index.ts';
import type { OpenAccount } from './lock/vaultSession.ts';
import { SignIn } from './sign-in/SignIn.tsx';

const phone = idbPhoneStore();

type LockChunk = Awaited<ReturnType<typeof loadLock>>;
type SignedInChunk = Awaited<ReturnType<typeof loadSignedIn>>;

type Gate =
  | { screen: 'loading' }
  | { screen: 'signIn'; notice?: string }
  | { screen: 'locked'; profile: ProfileResponse; chunk: LockChunk }
  | { screen: 'open'; open: OpenAccount; chunk: SignedInChunk };

async function lockedGate(profile: ProfileResponse): Promise<Gate> {
  return { screen: 'locked', profile, chunk: await loadLock() };
}

/** Where the app opens: the lock when this phone has a signed-in account with a vault, else sign-in. */
async function openingGate(): Promise<Gate> {
  const profile = await phone.session();
  if (profile && (await phone.vault(profile.user.id))) return lockedGate(profile);
  return { screen: 'signIn' };
}

export function App() {
  const [gate, setGate] = useState<Gate>({ screen: 'loading' });
  useEffect(() => {
    openingGate().then(setGate, () => setGate({ screen: 'signIn' }));
  }, []);
  const lockedProfile = gate.screen === 'locked' ? gate.profile : undefined;
  useEffect(() => {
    if (!lockedProfile) return;
    // The signed-in screens come while the PIN is typed.
    prefetchSignedIn();
    void loadVault()
      .then((vault) => vault.wipedWhileLocked(phone, lockedProfile))
      .then((wiped) => {
        if (wiped) setGate({ screen: 'signIn', notice: text.signIn.wiped });
      });
  }, [lockedProfile]);

  const opened = (open: OpenAccount) => void loadSignedIn().then((chunk) => setGate({ screen: 'open', open, chunk }));
  switch (gate.screen) {
    case 'loading':
      return <main class="screen" aria-busy="true" />;
    case 'signIn':
      return <SignIn phone={phone} notice={gate.notice} onSignedIn={opened} />;
    case 'locked':
      return <gate.chunk.LockScreen phone={phone} profile={gate.profile} onUnlocked={opened} onSignIn={() => setGate({ screen: 'signIn' })} />;
    case 'open':
      return (
        <gate.chunk.SignedIn
          key={gate.open.profile.user.id}
          phone={phone}
          open={gate.open}
          onLocked={() => void lockedGate(gate.open.profile).then(setGate)}
          onSignedOut={() => setGate({ screen: 'signIn' })}
          onWiped={() => setGate({ screen: 'signIn', notice: text.signIn.wiped })}
        />
      );
  }
}
