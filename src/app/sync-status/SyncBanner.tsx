// Says where the phone stands with the server: up to date, sending, offline; how many records
// wait only on this phone (never "all sent" while one waits); when the last sync succeeded; what
// failed and why; and a button to send now, which says why nothing happens without a connection.
import { useState } from 'preact/hooks';
import { watchNeedsAttention, watchRecordsWaiting } from '../../data/index.ts';
import type { SyncFailure, SyncPhase } from '../../sync/index.ts';
import { useConnection } from '../hooks/useConnection.ts';
import { useLive } from '../hooks/useLive.ts';
import { useStoragePersistence } from '../hooks/useStoragePersistence.ts';
import { useSyncStatus } from '../hooks/useSyncStatus.ts';
import { fill, text } from '../i18n/index.ts';
import { useServices } from '../services.ts';

const timeParts = new Intl.DateTimeFormat('vi-VN', {
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Asia/Ho_Chi_Minh',
});

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

/** The first line: the phase, except that "all sent" is never said while a record waits. */
function headline(phase: SyncPhase, waiting: number): string {
  if (phase === 'idle' && waiting > 0) return fill(text.syncBanner.idleWaiting, { n: waiting });
  const waits = waiting > 0 && phase !== 'syncing' && phase !== 'signedOut' ? ` · ${fill(text.syncBanner.waiting, { n: waiting })}` : '';
  return `${text.syncBanner[phase]}${waits}`;
}

export function SyncBanner() {
  const { db, engine, signInAgain } = useServices();
  const status = useSyncStatus(engine);
  const online = useConnection();
  // Undefined until the phone's outbox has been counted: "0 waiting" is never said before it is known.
  const counted = useLive(() => watchRecordsWaiting(db), [db]);
  const waiting = counted ?? 0;
  const attention = useLive(() => watchNeedsAttention(db), [db])?.length ?? 0;
  const persistence = useStoragePersistence();
  /** "Gửi ngay" pressed with no connection: say why nothing is sent, until the connection returns. */
  const [pressedOffline, setPressedOffline] = useState(false);
  const syncing = status.phase === 'syncing';
  const why = status.phase === 'idle' || syncing ? null : failureText(status.failure);
  const phase = status.phase === 'idle' && waiting > 0 ? 'waiting' : status.phase;
  // Nothing waits and nothing needs her: one line, the moment of the last sync beside it.
  const calm = status.phase === 'idle' && counted === 0 && attention === 0 && !(pressedOffline && !online) && status.lastSuccessAt !== undefined;
  const sendNow = () => {
    if (!navigator.onLine) {
      setPressedOffline(true);
      return;
    }
    setPressedOffline(false);
    void engine.syncNow();
  };
  return (
    <div
      class={`sync-banner phase-${phase}${calm ? ' calm' : ''}`}
      role="status"
      aria-live="polite"
      data-phase={status.phase}
      data-waiting={counted}
      data-persistence={persistence}
    >
      <div class="sync-lines">
        <strong>{headline(status.phase, waiting)}</strong>
        {why && status.phase !== 'signedOut' && <span class="why">{why}</span>}
        {pressedOffline && !online && <span class="why">{text.syncBanner.sendNowOffline}</span>}
        {status.phase === 'signedOut' && waiting > 0 && <span class="why">{fill(text.syncBanner.keptUntilSignIn, { n: waiting })}</span>}
        {attention > 0 && <span class="why">{fill(text.syncBanner.attention, { n: attention })}</span>}
        <small>
          {/* Not "never synced" before the phone has read when it last synced: that comes after the first render. */}
          {status.lastSuccessAt === undefined
            ? status.restored && text.syncBanner.neverSynced
            : calm
              ? formatMoment(status.lastSuccessAt)
              : fill(text.syncBanner.lastSync, { at: formatMoment(status.lastSuccessAt) })}
          {/* The browser may clear what it did not promise to keep: a warning only while something waits to be sent. */}
          {persistence === 'bestEffort' && waiting > 0 && <span data-persistence={persistence}> · {text.syncBanner.storageBestEffort}</span>}
        </small>
      </div>
      {status.phase === 'signedOut' && (
        <button class="primary retry" onClick={signInAgain}>
          {text.syncBanner.signInAgain}
        </button>
      )}
      {!syncing && status.phase !== 'signedOut' && (
        <button class="secondary retry" onClick={sendNow}>
          {waiting > 0 ? text.syncBanner.syncNow : text.syncBanner.refresh}
        </button>
      )}
    </div>
  );
}
