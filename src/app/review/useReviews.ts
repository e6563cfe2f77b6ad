// Review events of a period from the server, kept on this device for offline display, and
// the two things one can do: submit (village head) and decide (officer).
import { useEffect, useState } from 'preact/hooks';
import type { ReviewEvent } from '../../domain/review/review.ts';
import { apiHeaders } from '../../sync/index.ts';
import { useServices } from '../services.ts';

export type ReviewOutcome = { ok: true } | { ok: false; fields: string[] };

export function useReviews(period: string) {
  const { session } = useServices();
  const key = `so-tay-reviews:${session.user.id}:${period}`;
  const read = (): ReviewEvent[] => {
    try {
      return JSON.parse(localStorage.getItem(key) ?? '[]') as ReviewEvent[];
    } catch {
      return [];
    }
  };
  const [events, setEvents] = useState<ReviewEvent[]>(read);

  const headers = async () => {
    return apiHeaders(true);
  };

  async function refresh(): Promise<void> {
    try {
      const response = await fetch(`/api/v1/reviews?period=${encodeURIComponent(period)}`, { headers: await headers(), cache: 'no-store' });
      if (!response.ok) return;
      const body = (await response.json()) as { events: ReviewEvent[] };
      setEvents(body.events);
      try {
        localStorage.setItem(key, JSON.stringify(body.events));
      } catch {
        // Only the offline copy is lost.
      }
    } catch {
      // Offline: the copy on this device stays.
    }
  }

  async function post(path: string, body: unknown): Promise<ReviewOutcome> {
    try {
      const response = await fetch(`/api/v1/reviews/${path}`, { method: 'POST', headers: await headers(), body: JSON.stringify(body), cache: 'no-store' });
      if (!response.ok) {
        const answer = (await response.json().catch(() => ({}))) as { fields?: { path: string }[] };
        return { ok: false, fields: (answer.fields ?? []).map((f) => f.path) };
      }
      await refresh();
      return { ok: true };
    } catch {
      return { ok: false, fields: [] };
    }
  }

  useEffect(() => {
    setEvents(read());
    void refresh();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per period: read and refresh are new functions at each render
  }, [period]);

  return {
    events,
    submit: () => post('submit', { period }),
    decide: (unitId: string, action: 'accept' | 'return', comment?: string) => post('decide', { unitId, period, action, comment }),
  };
}
