// The offer to install the app, on the home screen. On Android (Chromium) it appears once a
// first record is saved, with the browser's own dialog behind "Install"; on an iPhone the
// steps of Share → Add to Home Screen, since that also keeps Safari from deleting the data.
// "Later" puts it off for a month.
import { useEffect, useState } from 'preact/hooks';
import { text } from '../i18n/index.ts';
import { prefs } from '../prefs.ts';
import { installPrompt, isInstalled, isIos } from './installEvents.ts';

export function InstallOffer() {
  const [available, setAvailable] = useState(installPrompt.available());
  const [putOff, setPutOff] = useState(() => prefs.installPutOff());
  useEffect(() => {
    const update = () => setAvailable(installPrompt.available());
    const unsubscribe = installPrompt.subscribe(update);
    update(); // the event may have come between the first render and this subscription
    return unsubscribe;
  }, []);

  if (putOff || isInstalled()) return null;
  const later = () => {
    prefs.putOffInstall();
    setPutOff(true);
  };

  if (isIos()) {
    return (
      <section class="card install ios" aria-labelledby="install-title">
        <h2 id="install-title">{text.install.iosTitle}</h2>
        <p>{text.install.iosIntro}</p>
        <ol>
          <li>{text.install.iosStep1}</li>
          <li>{text.install.iosStep2}</li>
          <li>{text.install.iosStep3}</li>
        </ol>
        <button class="secondary" onClick={later}>
          {text.install.understood}
        </button>
      </section>
    );
  }

  if (!available || !prefs.hasSaved()) return null;
  return (
    <section class="card install" aria-labelledby="install-title">
      <h2 id="install-title">{text.install.title}</h2>
      <p>{text.install.androidText}</p>
      <div class="buttons">
        <button class="primary" onClick={() => void installPrompt.show()}>
          {text.install.install}
        </button>
        <button class="secondary" onClick={later}>
          {text.install.later}
        </button>
      </div>
    </section>
  );
}
