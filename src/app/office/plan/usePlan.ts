// The plan of a year for the office view: the copy this device keeps (useCommunePlan, shared
// with the village head's home card) and the officer's save to the server and to that copy.
import { keepOfficeValue, officeKey } from '../../../data/index.ts';
import { plan as planSchema, planResponse, type Plan } from '../../../domain/plan/index.ts';
import { useCommunePlan, type PlanState } from '../../commune/useCommunePlan.ts';
import { useServices } from '../../services.ts';

export type SaveOutcome = { ok: true } | { ok: false; fields: string[] } | { ok: false; failed: true };

export function usePlan(communeId: string, year: number): PlanState & { save(plan: Plan): Promise<SaveOutcome> } {
  const { db, api } = useServices();
  const state = useCommunePlan(communeId, year);

  async function save(plan: Plan): Promise<SaveOutcome> {
    const checked = planSchema.safeParse(plan);
    if (!checked.success) return { ok: false, fields: checked.error.issues.map((i) => i.path.join('.')) };
    const answer = await api.send('PUT', `/plans/${year}`, planResponse, checked.data);
    if (!answer.ok) return answer.problem === 'refused' && answer.status === 400 ? { ok: false, fields: answer.fields } : { ok: false, failed: true };
    await keepOfficeValue(db, officeKey.plan(communeId, year), { plan: checked.data, saved: true });
    return { ok: true };
  }

  return { ...state, save };
}
