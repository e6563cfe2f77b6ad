// The plan of a year for the office view, read from the phone's database: the server's copy
// is fetched into it when there is a connection, so offline the last one seen is shown (the
// seeds' defaults before any).
import { useEffect, useMemo } from 'preact/hooks';
import { keepOfficeValue, officeKey, watchOfficeValue } from '../../../data/index.ts';
import { defaultPlan, plan as planSchema, planResponse, type Plan } from '../../../domain/plan/index.ts';
import { useLive } from '../../hooks/useLive.ts';
import { useServices } from '../../services.ts';

export interface PlanState {
  plan: Plan;
  saved: boolean;
}

export type SaveOutcome = { ok: true } | { ok: false; fields: string[] } | { ok: false; failed: true };

function storedPlan(value: unknown): PlanState | undefined {
  const stored = value as { plan?: unknown; saved?: unknown } | undefined;
  const parsed = stored && planSchema.safeParse(stored.plan);
  return parsed?.success ? { plan: parsed.data, saved: stored?.saved === true } : undefined;
}

export function usePlan(communeId: string, year: number): PlanState & { save(plan: Plan): Promise<SaveOutcome> } {
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
  }, [api, db, key, year]);

  async function save(plan: Plan): Promise<SaveOutcome> {
    const checked = planSchema.safeParse(plan);
    if (!checked.success) return { ok: false, fields: checked.error.issues.map((i) => i.path.join('.')) };
    const answer = await api.send('PUT', `/plans/${year}`, planResponse, checked.data);
    if (!answer.ok) return answer.problem === 'refused' && answer.status === 400 ? { ok: false, fields: answer.fields } : { ok: false, failed: true };
    await keepOfficeValue(db, key, { plan: checked.data, saved: true });
    return { ok: true };
  }

  return { ...state, save };
}
