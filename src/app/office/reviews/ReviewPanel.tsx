// The officer reviews what the units submitted for the period: accept, or send back with a
// comment; each unit's history stays visible.
import { useState } from 'preact/hooks';
import { dayInVietnam } from '../../../domain/index.ts';
import type { UnitEntry } from '../../../domain/indicators/index.ts';
import { reviewKey, reviewStatuses, type ReviewEvent } from '../../../domain/review/review.ts';
import { useConnection } from '../../hooks/useConnection.ts';
import { fill, formatDate, text } from '../../i18n/index.ts';
import { periodText } from '../../review/periodText.ts';
import { useReviews } from '../../review/useReviews.ts';

function UnitReview(props: { unit: UnitEntry; events: ReviewEvent[]; online: boolean; decide: ReturnType<typeof useReviews>['decide']; period: string }) {
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const entry = reviewStatuses(props.events).get(reviewKey(props.unit.id, props.period));
  const status = entry?.status ?? 'none';
  const decide = async (action: 'accept' | 'return') => {
    if (action === 'return' && !comment.trim()) return setError(text.review.commentRequired);
    const outcome = await props.decide(props.unit.id, action, action === 'return' ? comment : undefined);
    setError(outcome.ok ? null : text.review.failed);
    if (outcome.ok) setComment('');
  };
  return (
    <li class="unit-review" data-review-unit={props.unit.id} data-review-status={status}>
      <p>
        <strong>{props.unit.name}</strong> · {text.review.status[status]}
      </p>
      {props.events.length > 0 && (
        <ol class="review-history" aria-label={text.review.history}>
          {props.events.map((e) => (
            <li key={e.id}>
              {formatDate(dayInVietnam(new Date(e.at)))} · {text.review.action[e.action]}
              {e.comment ? `: ${e.comment}` : ''}
            </li>
          ))}
        </ol>
      )}
      {status === 'submitted' && (
        <div class="review-actions">
          <button class="primary" disabled={!props.online} onClick={() => void decide('accept')}>
            {text.review.accept}
          </button>
          <input
            aria-label={`${text.review.comment} ${props.unit.id}`}
            placeholder={text.review.comment}
            value={comment}
            onInput={(e) => setComment((e.target as HTMLInputElement).value)}
          />
          <button class="danger" disabled={!props.online} onClick={() => void decide('return')}>
            {text.review.sendBack}
          </button>
        </div>
      )}
      {error && <p class="error">{error}</p>}
    </li>
  );
}

export function ReviewPanel(props: { period: string; units: UnitEntry[] }) {
  const online = useConnection();
  const { events, decide } = useReviews(props.period);
  const village = props.units.filter((u) => u.type !== 'commune' && !u.retired);
  return (
    <>
      <h2 id="review-title">{fill(text.review.title, { period: periodText(props.period) })}</h2>
      {!online && <p class="notice warn">{text.review.needsConnection}</p>}
      {events.length === 0 && <p class="muted">{text.review.noneSubmitted}</p>}
      <ul class="unit-reviews">
        {village.map((unit) => (
          <UnitReview key={unit.id} unit={unit} period={props.period} online={online} decide={decide} events={events.filter((e) => e.unitId === unit.id)} />
        ))}
      </ul>
    </>
  );
}
