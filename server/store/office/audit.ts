// The audit trail and the access log, both append-only in the database itself (migration 0005).
// The trail the officer reads mixes two sources by time: account and office events
// (audit_events) and record changes (record_versions, kept by every push).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Engine } from '../engine.ts';
import { jsonSql } from '../province/jsonSql.ts';
import { changedFields } from '../../../src/domain/audit.ts';
import type { AuditAction, AuditEntry, AuditPage, CaseAccess, CaseAccessPage, CaseAccessVia } from '../../../src/domain/audit.ts';
import { storeGroup } from '../group.ts';
import type { Database } from '../schema/tables.ts';

/**
 * The commune of an event that belongs to none: a province account's, or the operator's on a
 * province (server/admin). No commune's trail shows it; `user_id` and `target` still say who and what.
 */
export const NO_COMMUNE = '';

export interface AuditInput {
  communeId: string;
  at: string;
  userId: string;
  deviceId: string | null;
}

export interface AuditEventInput extends AuditInput {
  action: AuditAction;
  target: string;
  /** Names of the fields changed, never their values. */
  fields: string[];
}

export async function appendAudit(db: Kysely<Database>, event: AuditEventInput): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      commune_id: event.communeId,
      at: event.at,
      user_id: event.userId,
      device_id: event.deviceId,
      action: event.action,
      target: event.target,
      fields: JSON.stringify(event.fields),
    })
    .execute();
}

/**
 * A change and the audit event that records it, in one transaction: the event is written only
 * when `happened` says the change was made, and a failing event undoes the change. Without an
 * event (a test setting up rows) the change runs alone.
 */
export async function withAudit<T>(
  db: Kysely<Database>,
  event: AuditEventInput | undefined,
  change: (trx: Kysely<Database>) => Promise<T>,
  happened: (result: T) => boolean = () => true,
): Promise<T> {
  if (!event) return change(db);
  return db.transaction().execute(async (trx: Transaction<Database>) => {
    const result = await change(trx);
    if (happened(result)) await appendAudit(trx, event);
    return result;
  });
}

/**
 * One page of the commune's trail, newest first, older than `before` (an ISO time). A page
 * ends on a whole instant: every entry of its oldest time is in it (a batch pushed at once
 * shares one time), so the next page starts cleanly before that time.
 */
export async function listAuditTrail(db: Kysely<Database>, input: { communeId: string; before: string | null; limit: number }): Promise<AuditPage> {
  const events = (atOrBefore: { op: '<' | '='; at: string } | null, limit?: number) => {
    let query = db
      .selectFrom('audit_events as a')
      .leftJoin('users as u', 'u.id', 'a.user_id')
      .leftJoin('users as t', 't.id', 'a.target')
      // A device event's target is a device: named by the account it belongs to.
      .leftJoin('devices as d', 'd.id', 'a.target')
      .leftJoin('users as du', 'du.id', 'd.user_id')
      .select([
        'a.id',
        'a.at',
        'a.action',
        'a.user_id',
        'u.display_name',
        'a.device_id',
        'a.target',
        't.display_name as target_name',
        'du.display_name as device_owner',
        'a.fields',
      ])
      .where('a.commune_id', '=', input.communeId);
    if (atOrBefore) query = query.where('a.at', atOrBefore.op, atOrBefore.at);
    query = query.orderBy('a.at', 'desc').orderBy('a.id', 'desc');
    return limit ? query.limit(limit).execute() : query.execute();
  };
  const versions = (atOrBefore: { op: '<' | '='; at: string } | null, limit?: number) => {
    let query = db
      .selectFrom('record_versions as v')
      .innerJoin('records as r', 'r.id', 'v.record_id')
      .leftJoin('users as u', 'u.id', 'v.user_id')
      .select(['v.record_id', 'v.rev', 'v.deleted', 'v.body', 'v.received_at', 'v.user_id', 'u.display_name', 'v.device_id', 'r.kind', 'r.unit_id'])
      .where('r.commune_id', '=', input.communeId);
    if (atOrBefore) query = query.where('v.received_at', atOrBefore.op, atOrBefore.at);
    query = query.orderBy('v.received_at', 'desc').orderBy('v.record_id', 'desc').orderBy('v.rev', 'desc');
    return limit ? query.limit(limit).execute() : query.execute();
  };
  const before = input.before ? { op: '<' as const, at: input.before } : null;
  const [eventRows, versionRows] = await Promise.all([events(before, input.limit + 1), versions(before, input.limit + 1)]);
  const times = [...eventRows.map((row) => row.at), ...versionRows.map((row) => row.received_at)].sort().reverse();
  if (times.length === 0) return { entries: [], next: null };
  const oldest = times[Math.min(input.limit, times.length) - 1]!;
  const older = { op: '<' as const, at: oldest };
  const more = times.some((time) => time < oldest) || (await events(older, 1)).length > 0 || (await versions(older, 1)).length > 0;
  // Everything newer than the page's oldest instant is among the rows read; that instant is read whole.
  const [tieEvents, tieVersions] = await Promise.all([events({ op: '=', at: oldest }), versions({ op: '=', at: oldest })]);
  const pageEvents = [...eventRows.filter((row) => row.at > oldest), ...tieEvents];
  const pageVersions = [...versionRows.filter((row) => row.received_at > oldest), ...tieVersions];
  const previous = await previousBodies(db, pageVersions);
  const entries: AuditEntry[] = [
    ...pageEvents.map((row): AuditEntry => ({
      kind: 'event',
      at: row.at,
      action: row.action as AuditAction,
      userId: row.user_id,
      displayName: row.display_name ?? row.user_id,
      deviceId: row.device_id,
      target: row.target,
      targetName: row.target_name ?? row.device_owner ?? null,
      fields: JSON.parse(row.fields) as string[],
    })),
    ...pageVersions.map((row): AuditEntry => ({
      kind: 'record',
      at: row.received_at,
      recordKind: row.kind,
      recordId: row.record_id,
      unitId: row.unit_id,
      rev: Number(row.rev),
      deleted: Number(row.deleted) === 1,
      userId: row.user_id,
      displayName: row.display_name ?? row.user_id,
      deviceId: row.device_id,
      fields: Number(row.deleted) === 1 ? [] : changedFields(previous.get(`${row.record_id}:${Number(row.rev) - 1}`) ?? null, parse(row.body)),
    })),
  ].sort((a, b) => (a.at === b.at ? 0 : a.at < b.at ? 1 : -1));
  return { entries, next: more ? oldest : null };
}

function parse(body: string | null): Record<string, unknown> | null {
  return body === null ? null : (JSON.parse(body) as Record<string, unknown>);
}

/** The bodies of the revisions before these, to name the fields each one changed. */
async function previousBodies(db: Kysely<Database>, rows: Array<{ record_id: string; rev: number }>): Promise<Map<string, Record<string, unknown> | null>> {
  const wanted = rows.filter((row) => Number(row.rev) > 1);
  if (wanted.length === 0) return new Map();
  const found = await db
    .selectFrom('record_versions')
    .select(['record_id', 'rev', 'body'])
    .where('record_id', 'in', [...new Set(wanted.map((row) => row.record_id))])
    .execute();
  const want = new Set(wanted.map((row) => `${row.record_id}:${Number(row.rev) - 1}`));
  return new Map(found.filter((row) => want.has(`${row.record_id}:${Number(row.rev)}`)).map((row) => [`${row.record_id}:${Number(row.rev)}`, parse(row.body)]));
}

export interface CaseReads {
  communeId: string;
  at: string;
  userId: string;
  deviceId: string;
  via: CaseAccessVia;
  recordIds: string[];
}

/** Multi-row inserts for all the cases of one answer (a thousand rows a statement: an export may list more). */
export async function logCaseAccess(db: Kysely<Database>, reads: CaseReads): Promise<void> {
  for (let start = 0; start < reads.recordIds.length; start += 1000) await logCaseAccessRows(db, reads, reads.recordIds.slice(start, start + 1000));
}

async function logCaseAccessRows(db: Kysely<Database>, reads: CaseReads, recordIds: string[]): Promise<void> {
  await db
    .insertInto('case_access')
    .values(
      recordIds.map((recordId) => ({
        commune_id: reads.communeId,
        at: reads.at,
        user_id: reads.userId,
        device_id: reads.deviceId,
        record_id: recordId,
        via: reads.via,
      })),
    )
    .execute();
}

/** One page of the commune's access log, newest first, with ids below `before`. */
export async function listCaseAccess(
  db: Kysely<Database>,
  engine: Engine,
  input: { communeId: string; before: number | null; limit: number },
): Promise<CaseAccessPage> {
  const json = jsonSql(engine);
  let query = db
    .selectFrom('case_access as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .leftJoin('records as r', 'r.id', 'a.record_id')
    // The case's code only, read in the database: the body (its notes among them) never leaves it here.
    .select([
      'a.id',
      'a.at',
      'a.user_id',
      'u.display_name',
      'a.device_id',
      'a.record_id',
      'a.via',
      'r.unit_id',
      json.text(json.document(sql.ref('r.body')), 'caseCode').as('case_code'),
    ])
    .where('a.commune_id', '=', input.communeId);
  if (input.before !== null) query = query.where('a.id', '<', input.before);
  const rows = await query
    .orderBy('a.id', 'desc')
    .limit(input.limit + 1)
    .execute();
  const page = rows.slice(0, input.limit);
  return {
    entries: page.map((row): CaseAccess => ({
      id: Number(row.id),
      at: row.at,
      userId: row.user_id,
      displayName: row.display_name ?? row.user_id,
      deviceId: row.device_id,
      recordId: row.record_id,
      caseCode: row.case_code ?? null,
      unitId: row.unit_id ?? null,
      via: row.via as CaseAccessVia,
    })),
    next: rows.length > input.limit ? Number(page.at(-1)!.id) : null,
  };
}

/** store.audit: the trail and the case-access log; no call writes users or devices. */
export const auditGroup = storeGroup('keeps', ({ db, engine }) => ({
  append: (event: AuditEventInput) => appendAudit(db, event),
  listTrail: (input: { communeId: string; before: string | null; limit: number }) => listAuditTrail(db, input),
  logCaseAccess: (reads: CaseReads) => logCaseAccess(db, reads),
  listCaseAccess: (input: { communeId: string; before: number | null; limit: number }) => listCaseAccess(db, engine, input),
}));
