// The app's root: the sign-in gate, then the screens of the signed-in user.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { notebookDb, idbDeviceStore, onReplacedByNewerVersion, outboxSize } from '../data/index.ts';
import type { SignInResponse } from '../domain/index.ts';
import { createSyncApi, fetchProfile, installSyncTriggers, SyncEngine } from '../sync/index.ts';
import { Home } from './home/Home.tsx';
import { text } from './i18n/index.ts';
import { isLandingHash, isOfficeHash, OfficeEntry, OfficeLink } from './office/OfficeEntry.tsx';
import { ProvinceEntry } from './province/ProvinceEntry.tsx';
import { RecordScreen } from './records/RecordScreen.tsx';
import { useRoute } from './router.ts';
import { ServicesContext, type AppServices } from './services.ts';
import { SignIn } from './sign-in/SignIn.tsx';
import { UpdatePrompt } from './sw-bridge.tsx';

const db = notebookDb();
const device = idbDeviceStore();

export function App() {
  const [session, setSession] = useState<SignInResponse | null | undefined>(undefined);
  // Set when the server said this device was revoked and the phone wiped the app's data.
  const [wiped, setWiped] = useState(false);
  useEffect(() => {
    device.session().then((s) => setSession(s ?? null), () => setSession(null));
  }, []);

  if (session === undefined) return <main class="screen" aria-busy="true" />;
  if (session === null) return <SignIn device={device} notice={wiped ? text.signIn.wiped : undefined} onSignedIn={setSession} />;
  return (
    <SignedIn
      session={session}
      onSignedOut={() => setSession(null)}
      onWiped={() => {
        setWiped(true);
        setSession(null);
      }}
    />
  );
}

function SignedIn(props: { session: SignInResponse; onSignedOut: () => void; onWiped: () => void }) {
  const services = useMemo<AppServices>(() => {
    const api = createSyncApi({ baseUrl: '', token: async () => (await device.session())?.token });
    const engine = new SyncEngine({ db, api, device });
    return {
      db,
      device,
      engine,
      session: props.session,
      async signOut() {
        // Unsent records belong to this user: signing out first would leave them to be refused
        // under the next user's account on this phone. Send them first.
        if ((await outboxSize(db)) > 0) {
          alert(text.signIn.signOutBlocked);
          return;
        }
        engine.stop();
        await device.clearSession();
        props.onSignedOut();
      },
    };
    // One engine per signed-in session.
  }, [props.session]);

  useEffect(() => {
    // The commune's units change (renamed, merged, retired): keep the phone's copy current for the next opening.
    void fetchProfile('', props.session.token).then(
      async (outcome) => {
        if (outcome.ok) await device.setSession({ ...props.session, user: outcome.value.user, units: outcome.value.units });
      },
      () => undefined, // offline: the copy from the last sign-in serves
    );
    void services.engine.restore();
    const remove = installSyncTriggers(services.engine, window, document);
    const unsubscribe = services.engine.status.subscribe((status) => {
      if (status.phase === 'wiped') props.onWiped();
    });
    return () => {
      unsubscribe();
      remove();
      services.engine.stop();
    };
  }, [services]);

  // Another tab opened a newer version: this one's database is closed, so it must reload.
  const [replaced, setReplaced] = useState(false);
  useEffect(() => onReplacedByNewerVersion(db, () => setReplaced(true)), []);

  const route = useRoute();
  const officer = props.session.user.role === 'communeOfficer';
  // A province account has no unit to record for: its one screen is the communes' figures.
  const province = props.session.user.role === 'province';
  useEffect(() => {
    if (officer && isLandingHash(location.hash)) location.replace('#/office');
  }, [officer, route]);
  if (province) {
    return (
      <ServicesContext.Provider value={services}>
        <ProvinceEntry />
      </ServicesContext.Provider>
    );
  }
  const office = officer && isOfficeHash(location.hash);
  return (
    <ServicesContext.Provider value={services}>
      {replaced && (
        <div class="update-bar" role="alert">
          <span>{text.update.replaced}</span>
          <button class="secondary" onClick={() => location.reload()}>
            {text.update.reload}
          </button>
        </div>
      )}
      {/* A new version is offered on the home screen only: never over a half-filled form. */}
      <UpdatePrompt visible={route.screen === 'home' && !office} />
      {office && <OfficeEntry />}
      {officer && !office && <OfficeLink />}
      {route.screen === 'home' && !office && <Home route={route} />}
      {route.screen === 'new' && <RecordScreen key={`new-${route.kind}`} kind={route.kind} />}
      {route.screen === 'record' && <RecordScreen key={route.id} recordId={route.id} />}
    </ServicesContext.Provider>
  );
}
