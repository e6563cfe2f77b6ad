// Says where the phone stands with the server: up to date, sending, offline; how many records
// wait only on this phone; when the last sync succeeded; what failed and why; and a retry button.
import { watchNeedsAttention, watchOutboxSize } from '../../data/index.ts';
import type { SyncFailure } from '../../sync/index.ts';
import { useLive } from '../hooks/useLive.ts';
import { useStoragePersistence } from '../hooks/useStoragePersistence.ts';
import { useSyncStatus } from '../hooks/useSyncStatus.ts';
import { fill, text } from '../i18n/index.ts';
import { useServices } from '../services.ts';

const timeFormat = new Intl.DateTimeFormat('vi-VN', { hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' });

function failureText(failure: SyncFailure | undefined): string | null {
  if (!failure) return null;
  if (failure.kind === 'network') return text.syncBanner.whyNetwork;
  if (failure.kind === 'unexpected') return text.syncBanner.whyUnexpected;
  if (failure.status === 401 || failure.status === 403) return text.syncBanner.whySignedOut;
  if (failure.status === 429) return text.syncBanner.whyBusy;
  return fill(text.syncBanner.whyServer, { status: failure.status });
}

export function SyncBanner() {
  const { db, engine } = useServices();
  const status = useSyncStatus(engine);
  const waiting = useLive(() => watchOutboxSize(db), [db]) ?? 0;
  const attention = useLive(() => watchNeedsAttention(db), [db])?.length ?? 0;
  const persistence = useStoragePersistence();
  const syncing = status.phase === 'syncing';
  const why = status.phase === 'idle' || syncing ? null : failureText(status.failure);
  return (
    <div class={`sync-banner phase-${status.phase}`} role="status" aria-live="polite" data-phase={status.phase} data-waiting={waiting}>
      <div class="sync-lines">
        <strong>{text.syncBanner[status.phase]}</strong>
        {waiting > 0 && !syncing && <span>{fill(text.syncBanner.waiting, { n: waiting })}</span>}
        {why && <span class="why">{why}</span>}
        {attention > 0 && <span class="why">{fill(text.syncBanner.attention, { n: attention })}</span>}
        {persistence !== 'unknown' && (
          <small data-persistence={persistence}>{persistence === 'persisted' ? text.syncBanner.storagePersisted : text.syncBanner.storageBestEffort}</small>
        )}
        <small>
          {status.lastSuccessAt === undefined ? text.syncBanner.neverSynced : fill(text.syncBanner.lastSync, { at: timeFormat.format(status.lastSuccessAt) })}
        </small>
      </div>
      {!syncing && status.phase !== 'signedOut' && (
        <button class="secondary retry" onClick={() => void engine.syncNow()}>
          {waiting > 0 ? text.syncBanner.syncNow : text.syncBanner.refresh}
        </button>
      )}
    </div>
  );
}
