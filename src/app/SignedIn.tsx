// The signed-in account's screens, on its own database with its vault open. The sync engine
// runs for this account only; the app locks again after some minutes in the background.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { onReplacedByNewerVersion, type PhoneStore } from '../data/index.ts';
import { createSyncApi, fetchProfile, installSyncTriggers, SyncEngine, syncExclusive } from '../sync/index.ts';
import { createApiClient } from './api.ts';
import { Home } from './home/Home.tsx';
import { text } from './i18n/index.ts';
import { useAutoLock } from './lock/useAutoLock.ts';
import type { OpenAccount } from './lock/vaultSession.ts';
import { isLandingHash, isOfficeHash, OfficeEntry, OfficeLink } from './office/OfficeEntry.tsx';
import { ProvinceEntry } from './province/ProvinceEntry.tsx';
import { RecordScreen } from './records/RecordScreen.tsx';
import { HelpScreen } from './help/HelpScreen.tsx';
import { SavedNotice } from './home/SavedNotice.tsx';
import { useRoute } from './router.ts';
import { ServicesContext, type AppServices } from './services.ts';
import { SignOutDialog } from './sign-out/SignOutDialog.tsx';
import { signOutOfPhone } from './sign-out/signOutOfPhone.ts';
import { UpdatePrompt } from './sw-bridge.tsx';

/** Same-origin calls, carried by the session cookie: one client for every screen. */
const api = createApiClient();

export function SignedIn(props: { phone: PhoneStore; open: OpenAccount; onLocked: () => void; onSignedOut: () => void; onWiped: () => void }) {
  const { db, profile } = props.open;
  const [session, setSession] = useState(profile);
  const [signingOut, setSigningOut] = useState(false);
  // One engine per opened account, for as long as it is open: a profile refresh changes the
  // services, never the engine. Its runs are exclusive across the tabs and the service worker.
  const device = useMemo(() => props.phone.device(profile.user.id), [props.phone, profile.user.id]);
  // The callbacks from App are new functions at each of its renders: read when used, not kept.
  const latest = useRef(props);
  latest.current = props;
  const engine = useMemo(
    // No token: the session cookie rides along with each same-origin call.
    () => new SyncEngine({ db, api: createSyncApi({ baseUrl: '' }), device, exclusive: syncExclusive(db) }),
    [db, device],
  );
  const services = useMemo<AppServices>(
    () => ({
      db,
      device,
      phone: props.phone,
      engine,
      session,
      api,
      signOut: () => setSigningOut(true),
      // A session the server no longer knows (expired, or its cookie lost in a crash): unsent records stay sealed in this account's database.
      signInAgain: () => {
        engine.stop();
        void signOutOfPhone(latest.current.phone, latest.current.open).finally(latest.current.onSignedOut);
      },
    }),
    [db, device, engine, session, props.phone],
  );

  useEffect(() => {
    // The commune's units change (renamed, merged, retired): keep the phone's copy current for the next opening.
    void fetchProfile('').then(
      async (outcome) => {
        if (!outcome.ok) return;
        const next = { user: outcome.value.user, units: outcome.value.units };
        await props.phone.setSession(next);
        setSession(next);
      },
      () => undefined, // offline: the copy from the last sign-in serves
    );
  }, [props.phone, profile.user.id]);

  useEffect(() => {
    void engine.restore();
    const remove = installSyncTriggers(engine, window, document);
    const unsubscribe = engine.status.subscribe((status) => {
      if (status.phase === 'wiped') void props.phone.forgetAccount(profile.user.id).finally(props.onWiped);
    });
    return () => {
      unsubscribe();
      remove();
      engine.stop();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per engine; onWiped is a new function at each render of App and is read when it fires
  }, [engine]);

  useAutoLock(() => {
    engine.stop();
    db.vaultKey = undefined;
    props.onLocked();
  });

  // Another tab opened a newer version: this one's database is closed, so it must reload.
  const [replaced, setReplaced] = useState(false);
  useEffect(() => onReplacedByNewerVersion(db, () => setReplaced(true)), [db]);

  const route = useRoute();
  const officer = session.user.role === 'communeOfficer';
  useEffect(() => {
    if (officer && isLandingHash(location.hash)) location.replace('#/office');
  }, [officer, route]);
  const signOutSheet = signingOut && <SignOutDialog open={props.open} onCancel={() => setSigningOut(false)} onSignedOut={props.onSignedOut} />;
  // A province account has no unit to record for: its one screen is the communes' figures.
  if (session.user.role === 'province') {
    return (
      <ServicesContext.Provider value={services}>
        {signOutSheet}
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
      {signOutSheet}
      {/* A new version is offered on the home screen only: never over a half-filled form. */}
      <UpdatePrompt visible={route.screen === 'home' && !office} />
      {office && <OfficeEntry />}
      {officer && !office && <OfficeLink />}
      {route.screen === 'home' && !office && <SavedNotice />}
      {route.screen === 'home' && !office && <Home route={route} />}
      {route.screen === 'new' && <RecordScreen key={`new-${route.kind}`} kind={route.kind} />}
      {route.screen === 'record' && <RecordScreen key={route.id} recordId={route.id} />}
      {route.screen === 'help' && <HelpScreen />}
    </ServicesContext.Provider>
  );
}
