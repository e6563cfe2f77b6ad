// A short help page for the village head, so that she needs no phone call: what each state of a
// record means and what to do, what to do when the app asks to sign in again, and a forgotten PIN.
import { text } from '../i18n/index.ts';
import { routeHref } from '../router.ts';

/** The states a record shows on the list, in the order she meets them. */
const syncStates = ['pending', 'sending', 'sent', 'rejected', 'conflict'] as const;

export function HelpScreen() {
  const t = text.help;
  return (
    <main class="screen help">
      <header class="top">
        <h1>{t.title}</h1>
        <a class="link" href={routeHref({ screen: 'home' })}>
          {t.back}
        </a>
      </header>
      <section class="card">
        <h2>{t.statesTitle}</h2>
        <dl class="help-states">
          {syncStates.map((state) => (
            <div key={state}>
              <dt>{text.syncState[state]}</dt>
              <dd>{t.stateMeaning[state]}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section class="card">
        <h2>{t.signInTitle}</h2>
        <p>{t.signIn}</p>
      </section>
      <section class="card">
        <h2>{t.pinTitle}</h2>
        <p>{text.lock.forgotPinExplain}</p>
      </section>
      <section class="card">
        <h2>{t.offlineTitle}</h2>
        <p>{t.offline}</p>
      </section>
    </main>
  );
}
