// The plan of a year for the office view: the server's when there is a connection, the last
// one seen on this device when there is not, the seeds' defaults before either.
import { useEffect, useState } from 'preact/hooks';
import { defaultPlan, plan as planSchema, type Plan } from '../../domain/plan/index.ts';
import { apiHeaders } from '../../sync/index.ts';

export interface PlanState {
  plan: Plan;
  saved: boolean;
}

const cacheKey = (communeId: string, year: number) => `so-tay-plan:${communeId}:${year}`;

function cached(communeId: string, year: number): PlanState | undefined {
  try {
    const raw = localStorage.getItem(cacheKey(communeId, year));
    const value = raw ? (JSON.parse(raw) as { plan: unknown; saved: boolean }) : undefined;
    const parsed = value && planSchema.safeParse(value.plan);
    return value && parsed?.success ? { plan: parsed.data, saved: value.saved } : undefined;
  } catch {
    return undefined;
  }
}

export type SaveOutcome = { ok: true } | { ok: false; fields: string[] } | { ok: false; failed: true };

export function usePlan(communeId: string, year: number): PlanState & { save(plan: Plan): Promise<SaveOutcome> } {
  const initial = () => cached(communeId, year) ?? { plan: defaultPlan(communeId, year), saved: false };
  const [state, setState] = useState<PlanState>(initial);

  const remember = (next: PlanState) => {
    setState(next);
    try {
      localStorage.setItem(cacheKey(communeId, year), JSON.stringify(next));
    } catch {
      // A full storage only costs the offline copy of the plan.
    }
  };

  const authorised = async (): Promise<Record<string, string>> => {
    return apiHeaders(true);
  };

  useEffect(() => {
    setState(initial());
    let cancelled = false;
    void (async () => {
      try {
        const response = await fetch(`/api/v1/plans/${year}`, { headers: await authorised() });
        if (!response.ok || cancelled) return;
        const body = (await response.json()) as PlanState;
        const parsed = planSchema.safeParse(body.plan);
        if (parsed.success && !cancelled) remember({ plan: parsed.data, saved: body.saved });
      } catch {
        // Offline: the cached plan or the defaults stay.
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [communeId, year]);

  async function save(plan: Plan): Promise<SaveOutcome> {
    const checked = planSchema.safeParse(plan);
    if (!checked.success) return { ok: false, fields: checked.error.issues.map((i) => i.path.join('.')) };
    try {
      const response = await fetch(`/api/v1/plans/${year}`, { method: 'PUT', headers: await authorised(), body: JSON.stringify(checked.data) });
      if (response.status === 400) {
        const body = (await response.json()) as { fields?: { path: string }[] };
        return { ok: false, fields: (body.fields ?? []).map((f) => f.path) };
      }
      if (!response.ok) return { ok: false, failed: true };
      remember({ plan: checked.data, saved: true });
      return { ok: true };
    } catch {
      return { ok: false, failed: true };
    }
  }

  return { ...state, save };
}
