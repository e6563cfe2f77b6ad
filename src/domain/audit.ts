// The commune's audit trail as its officer reads it: record changes (from the record history)
// and account and office events, newest first; and the log of who read a violence case's
// details. Field NAMES only: never a value of a case's free text.
import * as z from 'zod/mini';

export const auditActions = [
  'account.create',
  'account.disable',
  'account.enable',
  'account.unlock',
  'enrolment.issue',
  'enrolment.use',
  'device.revoke',
  /** A sign-in or enrolment sent a device id that another account holds, or a revoked one: it got a fresh id. */
  'device.reissue',
  'device.reissue_revoked',
  'plan.update',
  'unit.create',
  'unit.update',
  'unit.retire',
  'unit.merge',
  'review.submit',
  'review.accept',
  'review.return',
  'report.export',
  'report.settings',
  'province.create',
  'commune.create',
  'commune.move',
  /** The province's account saved its plan of a year (targets, deadline): no commune's trail; target "<province> <year>". */
  'provincePlan.update',
] as const;
export type AuditAction = (typeof auditActions)[number];

/**
 * Events by the people who run the server, from its command line (server/admin), carry this
 * user id followed by their system user name: "operator:root". They have no account.
 */
export const OPERATOR_PREFIX = 'operator:';

export function isOperator(userId: string): boolean {
  return userId.startsWith(OPERATOR_PREFIX);
}

export const auditEntry = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('event'),
    at: z.string(),
    action: z.enum(auditActions),
    userId: z.string(),
    displayName: z.string(),
    deviceId: z.nullable(z.string()),
    /** What the event is about: a user id, a unit id, a device id, a period, a year. */
    target: z.string(),
    /** The target's name when it is a user of the commune. */
    targetName: z.nullable(z.string()),
    fields: z.array(z.string()),
  }),
  z.object({
    kind: z.literal('record'),
    at: z.string(),
    recordKind: z.string(),
    recordId: z.string(),
    unitId: z.string(),
    rev: z.number(),
    deleted: z.boolean(),
    userId: z.string(),
    displayName: z.string(),
    deviceId: z.string(),
    /** Top-level fields that differ from the previous revision (all of them for a new record). */
    fields: z.array(z.string()),
  }),
]);
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditPage = z.object({
  entries: z.array(auditEntry),
  /** Pass as `before` for the next (older) page; null when there is none. */
  next: z.nullable(z.string()),
});
export type AuditPage = z.infer<typeof auditPage>;

/** How a case's details left the server. */
export const caseAccessVias = ['pull', 'conflict', 'merge', 'export'] as const;
export type CaseAccessVia = (typeof caseAccessVias)[number];

export const caseAccess = z.object({
  id: z.number(),
  at: z.string(),
  userId: z.string(),
  displayName: z.string(),
  deviceId: z.string(),
  recordId: z.string(),
  /** The case's code and unit, as the officer knows it; null when the record is gone. */
  caseCode: z.nullable(z.string()),
  unitId: z.nullable(z.string()),
  via: z.enum(caseAccessVias),
});
export type CaseAccess = z.infer<typeof caseAccess>;

export const caseAccessPage = z.object({
  entries: z.array(caseAccess),
  next: z.nullable(z.number()),
});
export type CaseAccessPage = z.infer<typeof caseAccessPage>;

/** Names of the top-level fields whose values differ between two versions of a record. */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((key) => JSON.stringify(before?.[key]) !== JSON.stringify(after?.[key])).sort();
}
