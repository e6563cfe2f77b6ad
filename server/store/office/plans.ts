// The plan a commune's officer saved for a year (targets, deadlines); the defaults apply while
// there is none.
import type { Kysely } from 'kysely';
import type { Plan } from '../../../src/domain/plan/index.ts';
import { storeGroup } from '../group.ts';
import type { Database } from '../schema/tables.ts';
import { withAudit, type AuditEventInput } from './audit.ts';

/** The plan the officer saved for that year, if any (the defaults apply otherwise). */
export async function loadPlan(db: Kysely<Database>, communeId: string, year: number): Promise<Plan | undefined> {
  const row = await db.selectFrom('plans').select('body').where('commune_id', '=', communeId).where('year', '=', year).executeTakeFirst();
  return row ? (JSON.parse(row.body) as Plan) : undefined;
}

export async function savePlan(db: Kysely<Database>, input: { plan: Plan; userId: string; now: string }): Promise<void> {
  const { plan } = input;
  const body = JSON.stringify(plan);
  await db
    .insertInto('plans')
    .values({ commune_id: plan.communeId, year: plan.year, body, updated_at: input.now, updated_by: input.userId })
    .onConflict((oc) => oc.columns(['commune_id', 'year']).doUpdateSet({ body, updated_at: input.now, updated_by: input.userId }))
    .execute();
}

/** store.plans: no call writes users or devices. */
export const plansGroup = storeGroup('keeps', ({ db }) => ({
  /** The plan the commune's officer saved for a year; undefined when the defaults apply. */
  load: (communeId: string, year: number) => loadPlan(db, communeId, year),
  /** `audit`, here and in the other groups: the event that records the change, written in its transaction (audit.ts withAudit). */
  save: ({ audit, ...input }: { plan: Plan; userId: string; now: string; audit?: AuditEventInput }) => withAudit(db, audit, (trx) => savePlan(trx, input)),
}));
