// Says where the phone stands with the server: up to date, sending, offline, and how many
// records wait only on this phone.
import { watchOutboxSize } from '../../data/index.ts';
import { useLive } from '../hooks/useLive.ts';
import { useSyncStatus } from '../hooks/useSyncStatus.ts';
import { fill, text } from '../i18n/index.ts';
import { useServices } from '../services.ts';

export function SyncBanner() {
  const { db, engine } = useServices();
  const status = useSyncStatus(engine);
  const waiting = useLive(() => watchOutboxSize(db), [db]) ?? 0;
  const phaseText = text.syncBanner[status.phase];
  return (
    <div class={`sync-banner phase-${status.phase}`} role="status" aria-live="polite" data-phase={status.phase} data-waiting={waiting}>
      <span>
        {phaseText}
        {waiting > 0 && status.phase !== 'syncing' ? ` · ${fill(text.syncBanner.waiting, { n: waiting })}` : ''}
      </span>
      {waiting > 0 && status.phase !== 'syncing' && (
        <button class="link" onClick={() => void engine.syncNow()}>
          {text.syncBanner.syncNow}
        </button>
      )}
    </div>
  );
}
