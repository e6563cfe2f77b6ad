// The plan a province's account saved for a year (seed 003's targets and deadline as it edits
// them; the defaults apply while there is none), the province of a commune (whose plan its
// officer reads), and the trail of the plan's changes.
import type { Kysely } from 'kysely';
import type { ProvincePlan } from '../../../src/domain/plan/index.ts';
import { storeGroup } from '../group.ts';
import type { Database } from '../schema/tables.ts';
import { NO_COMMUNE, withAudit, type AuditEventInput } from '../office/audit.ts';

/** The audit target of a province's plan of a year: "lam-dong 2026". */
export const provincePlanTarget = (provinceId: string, year: number) => `${provinceId} ${year}`;

export interface ProvincePlanChange {
  at: string;
  userId: string;
  displayName: string;
  fields: string[];
}

export async function loadProvincePlan(db: Kysely<Database>, provinceId: string, year: number): Promise<ProvincePlan | undefined> {
  const row = await db.selectFrom('province_plans').select('body').where('province_id', '=', provinceId).where('year', '=', year).executeTakeFirst();
  return row ? (JSON.parse(row.body) as ProvincePlan) : undefined;
}

async function saveProvincePlan(db: Kysely<Database>, input: { plan: ProvincePlan; userId: string; now: string }): Promise<void> {
  const { plan } = input;
  const body = JSON.stringify(plan);
  await db
    .insertInto('province_plans')
    .values({ province_id: plan.provinceId, year: plan.year, body, updated_at: input.now, updated_by: input.userId })
    .onConflict((oc) => oc.columns(['province_id', 'year']).doUpdateSet({ body, updated_at: input.now, updated_by: input.userId }))
    .execute();
}

/** The province a commune belongs to, if any. */
async function provinceOfCommune(db: Kysely<Database>, communeId: string): Promise<string | undefined> {
  const row = await db.selectFrom('communes').select('province_id').where('id', '=', communeId).executeTakeFirst();
  return row?.province_id ?? undefined;
}

/** Every saved change of the province's plan of the year, newest first: who, when, which fields. */
async function listProvincePlanChanges(db: Kysely<Database>, provinceId: string, year: number): Promise<ProvincePlanChange[]> {
  const rows = await db
    .selectFrom('audit_events as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.at', 'a.user_id', 'u.display_name', 'a.fields'])
    .where('a.commune_id', '=', NO_COMMUNE)
    .where('a.action', '=', 'provincePlan.update')
    .where('a.target', '=', provincePlanTarget(provinceId, year))
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
  return rows.map((row) => ({ at: row.at, userId: row.user_id, displayName: row.display_name ?? row.user_id, fields: JSON.parse(row.fields) as string[] }));
}

/** store.provincePlans: no call writes users or devices. */
export const provincePlansGroup = storeGroup('keeps', ({ db }) => ({
  /** The plan the province saved for a year; undefined when seed 003's defaults apply. */
  load: (provinceId: string, year: number) => loadProvincePlan(db, provinceId, year),
  save: ({ audit, ...input }: { plan: ProvincePlan; userId: string; now: string; audit?: AuditEventInput }) =>
    withAudit(db, audit, (trx) => saveProvincePlan(trx, input)),
  /** The province of a commune: the plan its officer is measured against. */
  provinceOfCommune: (communeId: string) => provinceOfCommune(db, communeId),
  changes: (provinceId: string, year: number) => listProvincePlanChanges(db, provinceId, year),
}));
