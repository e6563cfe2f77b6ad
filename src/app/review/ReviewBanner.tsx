// On the village head's home: where the quarter's review stands, the officer's comment when
// it came back, and the button to submit it (with a connection).
import { useState } from 'preact/hooks';
import { allowed, reviewKey, reviewStatuses } from '../../domain/review/review.ts';
import { useConnection } from '../hooks/useConnection.ts';
import { fill, text } from '../i18n/index.ts';
import { useServices } from '../services.ts';
import { periodText } from './periodText.ts';
import { useReviews } from './useReviews.ts';

export function ReviewBanner(props: { period: string }) {
  const { session } = useServices();
  const online = useConnection();
  const { events, submit } = useReviews(props.period);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const entry = reviewStatuses(events).get(reviewKey(session.user.unitId, props.period));
  const status = entry?.status;
  const canSubmit = allowed(status, 'submit');
  return (
    <section class={`review-banner review-${status ?? 'none'}`} data-review-status={status ?? 'none'} aria-live="polite">
      <p>
        <strong>{text.review.status[status ?? 'none']}</strong> · {periodText(props.period)}
      </p>
      {status === 'returned' && entry?.last.comment && <p class="error">{fill(text.review.returnedBecause, { comment: entry.last.comment })}</p>}
      {canSubmit && (
        <button
          class="secondary"
          disabled={!online || busy}
          onClick={async () => {
            setBusy(true);
            setFailed(!(await submit()).ok);
            setBusy(false);
          }}
        >
          {busy ? text.review.submitting : fill(text.review.submit, { period: periodText(props.period) })}
        </button>
      )}
      {canSubmit && !online && <p class="muted">{text.review.needsConnection}</p>}
      {failed && <p class="error">{text.review.failed}</p>}
    </section>
  );
}
