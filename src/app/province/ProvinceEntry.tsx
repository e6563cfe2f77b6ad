// The part of the province screen in the main bundle: a loader that fetches the screen's chunk
// only when a province account signs in, so a village head's first load does not carry it.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { text } from '../i18n/index.ts';

let loaded: ComponentType | undefined;

export function ProvinceEntry() {
  const [Screen, setScreen] = useState<ComponentType | undefined>(() => loaded);
  useEffect(() => {
    if (!Screen) void import('./Province.tsx').then((module) => setScreen(() => (loaded = module.Province)));
  }, [Screen]);
  return Screen ? (
    <Screen />
  ) : (
    <main class="screen" aria-busy="true">
      {text.office.loading}
    </main>
  );
}
