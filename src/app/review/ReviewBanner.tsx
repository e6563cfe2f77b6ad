// On the village head's home: where the quarter's review stands, the officer's comment when
// it came back, and the button to submit it (with a connection). Sent back, it needs her and
// goes at the top of the home; otherwise it waits below her list.
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { allowed, reviewKey, reviewStatuses } from '../../domain/review/review.ts';
import { useConnection } from '../hooks/useConnection.ts';
import { fill, text } from '../i18n/index.ts';
import { useServices } from '../services.ts';
import { periodText } from './periodText.ts';
import { useReviews } from './useReviews.ts';

/** The banner, handed to `children` for the top of the home (sent back) or for below the list. */
export function PlacedReviewBanner(props: { period: string; children: (top: VNode | null, bottom: VNode | null) => VNode }) {
  const { session } = useServices();
  const reviews = useReviews(props.period);
  const returned = reviewStatuses(reviews.events).get(reviewKey(session.user.unitId, props.period))?.status === 'returned';
  const banner = <ReviewBanner period={props.period} reviews={reviews} />;
  return props.children(returned ? banner : null, returned ? null : banner);
}

function ReviewBanner(props: { period: string; reviews: ReturnType<typeof useReviews> }) {
  const { session } = useServices();
  const online = useConnection();
  const { events, submit } = props.reviews;
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
