// The province table of a period from the server (GET /api/v1/province/indicators). The last
// answer for each period is kept on this device, so the screen still shows it offline.
import { useEffect, useState } from 'preact/hooks';
import { periodKey, type Period } from '../../domain/indicators/period.ts';
import { provinceTableAnswer, type ProvinceTable } from '../../domain/province/index.ts';
import { useServices } from '../services.ts';

export type ProvinceTableState =
  | { phase: 'loading' }
  | { phase: 'ready'; table: ProvinceTable }
  /** No connection: the copy kept from the last answer, if any. */
  | { phase: 'offline'; table?: ProvinceTable; savedAt?: string }
  | { phase: 'failed' };

const cacheKey = (period: Period) => `so-tay-province:${periodKey(period)}`;

function cached(period: Period): { table: ProvinceTable; savedAt: string } | undefined {
  try {
    const raw = localStorage.getItem(cacheKey(period));
    return raw ? (JSON.parse(raw) as { table: ProvinceTable; savedAt: string }) : undefined;
  } catch {
    return undefined;
  }
}

export function useProvinceTable(period: Period, today: string): { state: ProvinceTableState; reload(): void } {
  const { api } = useServices();
  const [state, setState] = useState<ProvinceTableState>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    setState({ phase: 'loading' });
    void (async () => {
      const query = new URLSearchParams({ year: String(period.year), ...(period.quarter ? { quarter: String(period.quarter) } : {}) });
      const answer = await api.get(`/province/indicators?${query}`, provinceTableAnswer);
      if (cancelled) return;
      // No answer: the copy kept from the last one. A refusal or a broken answer: failed.
      if (!answer.ok) return setState(answer.problem === 'offline' ? { phase: 'offline', ...cached(period) } : { phase: 'failed' });
      const table = answer.value;
      setState({ phase: 'ready', table });
      try {
        localStorage.setItem(cacheKey(period), JSON.stringify({ table, savedAt: today }));
      } catch {
        // A full storage only costs the offline copy.
      }
    })();
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the period's fields, not the object made anew at each render; today only labels the offline copy
  }, [period.year, period.quarter, attempt]);
  return { state, reload: () => setAttempt((n) => n + 1) };
}
