// What every operator command shares: the database, the clock, who runs it (recorded in the
// audit trail as "operator:<system user>", server/admin has no account of its own), and the
// refusal that leaves the database as it was and exits non-zero.
import { userInfo } from 'node:os';
import type { Kysely } from 'kysely';
import { OPERATOR_PREFIX } from '../../src/domain/audit.ts';
import type { AuditInput } from '../store/office/audit.ts';
import type { Database } from '../store/schema/tables.ts';

/** Bad input or a state that forbids the change: the message is for the operator; nothing was written. */
export class Refusal extends Error {}

export interface OperatorContext {
  db: Kysely<Database>;
  /** "operator:<name>" */
  operator: string;
  now: () => Date;
  /** How long an enrolment code works. */
  codeLifetimeMs: number;
}

/** The system user behind the command: the one who ran sudo, else the current one. */
export function operatorId(env: NodeJS.ProcessEnv): string {
  return `${OPERATOR_PREFIX}${env.SUDO_USER || userInfo().username}`;
}

export function operatorAudit(ctx: OperatorContext, communeId: string, at: string): AuditInput {
  return { communeId, at, userId: ctx.operator, deviceId: null };
}

/** Dates for the operator: ISO in UTC, as stored. */
export function until(expiresAt: string): string {
  return `${expiresAt.slice(0, 16).replace('T', ' ')} UTC`;
}
