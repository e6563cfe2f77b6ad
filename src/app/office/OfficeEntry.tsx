// The part of the office view in the main bundle: a loader that fetches the screen's chunk
// only when an officer opens it, so a village head's first load does not grow.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { text } from '../i18n/index.ts';

export { isLandingHash, isOfficeHash } from './officeRoute.ts';

let loaded: ComponentType | undefined;

export function OfficeEntry() {
  const [Screen, setScreen] = useState<ComponentType | undefined>(() => loaded);
  useEffect(() => {
    if (Screen) return;
    void import('./Office.tsx').then((module) => {
      loaded = module.Office;
      setScreen(() => module.Office);
    });
  }, [Screen]);
  if (!Screen)
    return (
      <main class="screen" aria-busy="true">
        {text.office.loading}
      </main>
    );
  return <Screen />;
}

/** Back to the office view from the record screens an officer also uses. */
export function OfficeLink() {
  return (
    <nav style={{ maxWidth: 640, margin: '0 auto', padding: '4px 14px 0' }}>
      <a class="link" href="#/office">
        {text.office.link}
      </a>
    </nav>
  );
}
