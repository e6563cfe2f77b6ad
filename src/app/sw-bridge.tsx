// The one module of the page that talks to the service worker: registration, and the
// update offer. A new version is offered on the home screen only (never over a half-filled
// form) and applied only when the user taps "Update"; records waiting in the outbox stay in
// the phone's database through it and are sent afterwards (tests/e2e/app-update.e2e.test.ts).
import { useEffect, useState } from 'preact/hooks';
import { Workbox } from 'workbox-window';
import { OUTBOX_SYNC_TAG } from '../sync/triggers.ts';
import { text } from './i18n/index.ts';

let workbox: Workbox | undefined;
const waitingListeners = new Set<() => void>();
let updateWaiting = false;

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  workbox = new Workbox('/sw.js', { type: 'classic' });
  workbox.addEventListener('waiting', () => {
    updateWaiting = true;
    for (const listener of waitingListeners) listener();
  });
  void workbox.register();
}

/** Asks the browser to wake the worker when the connection returns (Chromium's Background Sync). */
export function requestBackgroundSync(): void {
  if (!workbox || !('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.ready
    .then((registration) => (registration as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }).sync?.register(OUTBOX_SYNC_TAG))
    .catch(() => undefined); // not supported here: the open / online / timer triggers cover it
}

/** The user chose to update: the new worker takes over, then the page reloads once. */
function applyUpdate(): void {
  navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
  workbox?.messageSkipWaiting();
}

export function UpdatePrompt(props: { visible: boolean }) {
  const [waiting, setWaiting] = useState(updateWaiting);
  useEffect(() => {
    const listener = () => setWaiting(true);
    waitingListeners.add(listener);
    return () => void waitingListeners.delete(listener);
  }, []);
  if (!waiting || !props.visible) return null;
  return (
    <div class="update-bar" role="status">
      <span>{text.update.ready}</span>
      <button class="secondary" onClick={applyUpdate}>
        {text.update.apply}
      </button>
    </div>
  );
}
