// Review events of a period (or of every period: `ALL_PERIODS`) from the server, kept on this
// device for offline display, and the two things one can do with a period: submit (village
// head) and decide (officer). Read again after each
// sync that succeeds, so an officer's send-back shows as soon as the phone is in touch.
import { useEffect, useState } from 'preact/hooks';
import { reviewEventList, reviewEventWritten, type ReviewEvent } from '../../domain/review/review.ts';
import { useServices } from '../services.ts';

export type ReviewOutcome = { ok: true } | { ok: false; fields: string[] };

/** The period of useReviews that reads every period's events (the officer's waiting list). */
export const ALL_PERIODS = 'all';

/** Sent on the window after a submission or decision, so that every review view reads again. */
const REVIEWS_CHANGED = 'so-tay-reviews-changed';

export function useReviews(period: string) {
  const { session, api, engine } = useServices();
  const key = `so-tay-reviews:${session.user.id}:${period}`;
  const path = period === ALL_PERIODS ? '/reviews' : `/reviews?period=${encodeURIComponent(period)}`;
  const read = (): ReviewEvent[] => {
    try {
      return JSON.parse(localStorage.getItem(key) ?? '[]') as ReviewEvent[];
    } catch {
      return [];
    }
  };
  const [events, setEvents] = useState<ReviewEvent[]>(read);

  async function refresh(): Promise<void> {
    const answer = await api.get(path, reviewEventList);
    // Offline or refused: the copy on this device stays.
    if (!answer.ok) return;
    setEvents(answer.value.events);
    try {
      localStorage.setItem(key, JSON.stringify(answer.value.events));
    } catch {
      // Only the offline copy is lost.
    }
  }

  async function post(path: string, body: unknown): Promise<ReviewOutcome> {
    const answer = await api.send('POST', `/reviews/${path}`, reviewEventWritten, body);
    if (!answer.ok) return { ok: false, fields: answer.problem === 'refused' ? answer.fields : [] };
    // Every review view of the page reads again (the officer's waiting list drops what was just decided).
    window.dispatchEvent(new Event(REVIEWS_CHANGED));
    return { ok: true };
  }

  useEffect(() => {
    setEvents(read());
    void refresh();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per period: read and refresh are new functions at each render
  }, [period]);

  useEffect(() => {
    const again = () => void refresh();
    window.addEventListener(REVIEWS_CHANGED, again);
    return () => window.removeEventListener(REVIEWS_CHANGED, again);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refresh is a new function at each render; the period's is the one kept here
  }, [period]);

  // Each sync that ends well (a new lastSuccessAt) brings the review's news too.
  useEffect(() => {
    let seen = engine.status.get().lastSuccessAt;
    return engine.status.subscribe((status) => {
      if (status.phase !== 'idle' || status.lastSuccessAt === undefined || status.lastSuccessAt === seen) return;
      seen = status.lastSuccessAt;
      void refresh();
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refresh is a new function at each render; the period's is the one kept by the effect above
  }, [engine, period]);

  return {
    events,
    submit: () => post('submit', { period }),
    decide: (unitId: string, action: 'accept' | 'return', comment?: string) => post('decide', { unitId, period, action, comment }),
  };
}
