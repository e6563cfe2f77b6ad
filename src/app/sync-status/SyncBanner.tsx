// Says where the phone stands with the server: up to date, sending, offline; how many records
// wait only on this phone; when the last sync succeeded; what failed and why; and a retry button.
import { watchNeedsAttention, watchOutboxSize } from '../../data/index.ts';
import type { SyncFailure } from '../../sync/index.ts';
import { useLive } from '../hooks/useLive.ts';
import { useStoragePersistence } from '../hooks/useStoragePersistence.ts';
import { useSyncStatus } from '../hooks/useSyncStatus.ts';
import { fill, text } from '../i18n/index.ts';
import { useServices } from '../services.ts';

const timeParts = new Intl.DateTimeFormat('vi-VN', { hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Ho_Chi_Minh' });

/** "06:26, 23/11" */
function formatMoment(at: number): string {
  const part = (type: string) => timeParts.formatToParts(at).find((p) => p.type === type)?.value ?? '';
  return `${part('hour')}:${part('minute')}, ${part('day')}/${part('month')}`;
}

function failureText(failure: SyncFailure | undefined): string | null {
  if (!failure) return null;
  if (failure.kind === 'network') return null; // the phase already says: no connection
  if (failure.kind === 'unexpected') return text.syncBanner.whyUnexpected;
  if (failure.status === 401) return text.syncBanner.whySignedOut;
  if (failure.status === 429) return text.syncBanner.whyBusy;
  return fill(text.syncBanner.whyServer, { status: failure.status });
}

export function SyncBanner() {
  const { db, engine, signInAgain } = useServices();
  const status = useSyncStatus(engine);
  // Undefined until the phone's outbox has been counted: "0 waiting" is never said before it is known.
  const counted = useLive(() => watchOutboxSize(db), [db]);
  const waiting = counted ?? 0;
  const attention = useLive(() => watchNeedsAttention(db), [db])?.length ?? 0;
  const persistence = useStoragePersistence();
  const syncing = status.phase === 'syncing';
  const why = status.phase === 'idle' || syncing ? null : failureText(status.failure);
  return (
    <div class={`sync-banner phase-${status.phase}`} role="status" aria-live="polite" data-phase={status.phase} data-waiting={counted}>
      <div class="sync-lines">
        <strong>
          {text.syncBanner[status.phase]}
          {waiting > 0 && !syncing && status.phase !== 'signedOut' && ` · ${fill(text.syncBanner.waiting, { n: waiting })}`}
        </strong>
        {why && status.phase !== 'signedOut' && <span class="why">{why}</span>}
        {status.phase === 'signedOut' && waiting > 0 && <span class="why">{fill(text.syncBanner.keptUntilSignIn, { n: waiting })}</span>}
        {attention > 0 && <span class="why">{fill(text.syncBanner.attention, { n: attention })}</span>}
        <small>
          {status.lastSuccessAt === undefined ? text.syncBanner.neverSynced : fill(text.syncBanner.lastSync, { at: formatMoment(status.lastSuccessAt) })}
          {persistence !== 'unknown' && (
            <span data-persistence={persistence}> · {persistence === 'persisted' ? text.syncBanner.storagePersisted : text.syncBanner.storageBestEffort}</span>
          )}
        </small>
      </div>
      {status.phase === 'signedOut' && (
        <button class="primary retry" onClick={signInAgain}>
          {text.syncBanner.signInAgain}
        </button>
      )}
      {!syncing && status.phase !== 'signedOut' && (
        <button class="secondary retry" onClick={() => void engine.syncNow()}>
          {waiting > 0 ? text.syncBanner.syncNow : text.syncBanner.refresh}
        </button>
      )}
    </div>
  );
}
