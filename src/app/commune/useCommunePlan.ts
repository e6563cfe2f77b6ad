// The commune's plan of a year as this device keeps it, for the office and the village head's
// home card alike: read from the phone's database (so offline the last copy seen serves, the
// seeds' defaults before any), and fetched from the server into it through the app's client
// when the screen opens and again each time `refresh` changes (the home card passes the last sync).
import { useEffect, useMemo } from 'preact/hooks';
import { keepOfficeValue, officeKey, watchOfficeValue } from '../../data/index.ts';
import { defaultPlan, plan as planSchema, planResponse, type Plan } from '../../domain/plan/index.ts';
import { useLive } from '../hooks/useLive.ts';
import { useServices } from '../services.ts';

export interface PlanState {
  plan: Plan;
  /** False while the seeds' defaults apply (no plan saved by the officer, or none on this device yet). */
  saved: boolean;
}

function storedPlan(value: unknown): PlanState | undefined {
  const stored = value as { plan?: unknown; saved?: unknown } | undefined;
  const parsed = stored && planSchema.safeParse(stored.plan);
  return parsed?.success ? { plan: parsed.data, saved: stored?.saved === true } : undefined;
}

export function useCommunePlan(communeId: string, year: number, refresh?: unknown): PlanState {
  const { db, api } = useServices();
  const key = officeKey.plan(communeId, year);
  const stored = useLive(() => watchOfficeValue(db, key), [db, key]);
  const state = useMemo(() => storedPlan(stored) ?? { plan: defaultPlan(communeId, year), saved: false }, [stored, communeId, year]);

  useEffect(() => {
    void api.get(`/plans/${year}`, planResponse).then(async (answer) => {
      const fresh = answer.ok ? storedPlan(answer.value) : undefined;
      // Offline or refused: the copy on this device (or the defaults) stays.
      if (fresh) await keepOfficeValue(db, key, fresh);
    });
  }, [api, db, key, year, refresh]);

  return state;
}
