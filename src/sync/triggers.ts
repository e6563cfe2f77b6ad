// When sync runs: on app open, when the connection returns, when the app comes back to the
// screen, and after each save while online. The engine's own timer covers retries. When the
// connection goes, the engine is told at once, so the status never says "all sent" offline.
import type { SyncEngine } from './engine.ts';

export interface TriggerTarget {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

export function installSyncTriggers(engine: SyncEngine, win: TriggerTarget, doc?: { visibilityState: string } & TriggerTarget): () => void {
  const run = () => void engine.syncNow();
  const onVisible = () => {
    if (doc?.visibilityState === 'visible') run();
  };
  const onOffline = () => engine.connectionLost();
  win.addEventListener('online', run);
  win.addEventListener('offline', onOffline);
  doc?.addEventListener('visibilitychange', onVisible);
  run();
  return () => {
    win.removeEventListener('online', run);
    win.removeEventListener('offline', onOffline);
    doc?.removeEventListener('visibilitychange', onVisible);
  };
}

/** After a save: sync at once when the browser thinks it is online; otherwise wait for `online`. */
export function syncAfterSave(engine: SyncEngine, isOnline: () => boolean): void {
  if (isOnline()) void engine.syncNow();
}

/** The Background Sync tag under which the page asks the service worker to send the outbox. */
export const OUTBOX_SYNC_TAG = 'outbox-sync';
