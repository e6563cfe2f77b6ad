// The plan of a year for the office view, read from the phone's database: the server's copy
// is fetched into it when there is a connection, so offline the last one seen is shown (the
// seeds' defaults before any).
import { useEffect, useMemo } from 'preact/hooks';
import { keepOfficeValue, officeKey, watchOfficeValue } from '../../../data/index.ts';
import { defaultPlan, plan as planSchema, type Plan } from '../../../domain/plan/index.ts';
import { useLive } from '../../hooks/useLive.ts';
import { useServices } from '../../services.ts';
import { officeCall } from '../officeApi.ts';

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
  const { db } = useServices();
  const key = officeKey.plan(communeId, year);
  const stored = useLive(() => watchOfficeValue(db, key), [db, key]);
  const state = useMemo(() => storedPlan(stored) ?? { plan: defaultPlan(communeId, year), saved: false }, [stored, communeId, year]);

  useEffect(() => {
    void officeCall<PlanState>('GET', `/plans/${year}`).then(async (answer) => {
      const fresh = answer.ok ? storedPlan(answer.body) : undefined;
      // Offline or refused: the copy on this device (or the defaults) stays.
      if (fresh) await keepOfficeValue(db, key, fresh);
    });
  }, [db, key, year]);

  async function save(plan: Plan): Promise<SaveOutcome> {
    const checked = planSchema.safeParse(plan);
    if (!checked.success) return { ok: false, fields: checked.error.issues.map((i) => i.path.join('.')) };
    const answer = await officeCall('PUT', `/plans/${year}`, checked.data);
    if (!answer.ok) return 'failed' in answer || answer.status !== 400 ? { ok: false, failed: true } : { ok: false, fields: answer.fields };
    await keepOfficeValue(db, key, { plan: checked.data, saved: true });
    return { ok: true };
  }

  return { ...state, save };
}
