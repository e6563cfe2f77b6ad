// The commune's accounts as its officer manages them: who, which role and unit, and where the
// account stands. Shared by the server's answers and the office screen.
import * as z from 'zod/mini';
import { roles, type Role } from './accounts.ts';
import { issuedEnrolment } from './enrolment.ts';
import { slug } from './ids.ts';

/** Waiting: created, no PIN chosen yet. Locked: too many wrong PINs. Disabled: by the officer. */
export const accountStates = ['waiting', 'active', 'locked', 'disabled'] as const;
export type AccountState = (typeof accountStates)[number];

export const communeAccount = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  unitId: z.string(),
  state: z.enum(accountStates),
  /** Until when an unused enrolment code of the account works, if there is one. */
  enrolmentExpiresAt: z.nullable(z.string()),
  lockedUntil: z.nullable(z.string()),
});
export type CommuneAccount = z.infer<typeof communeAccount>;

/** GET /accounts. */
export const accountList = z.object({ accounts: z.array(communeAccount) });

/** POST /accounts: the account and its first enrolment code. */
export const createdAccount = z.object({ account: communeAccount, enrolment: issuedEnrolment });

/** POST /accounts/:id/enrolment: a new code. */
export const reissuedEnrolment = z.object({ userId: z.string(), enrolment: issuedEnrolment });

/** POST /accounts/:id/disable and /enable. */
export const accountDisabled = z.object({ userId: z.string(), disabled: z.boolean(), changed: z.boolean() });

/** POST /accounts/:id/unlock. */
export const accountUnlocked = z.object({ userId: z.string(), unlocked: z.boolean() });

/** The roles an officer may create: the people who record in the commune. */
export const creatableRoles = ['villageHead', 'communeReporter'] as const satisfies readonly Role[];

export const newAccount = z.strictObject({
  username: z.string().check(z.trim(), z.toLowerCase(), z.minLength(3), z.maxLength(32), z.regex(/^[a-z0-9][a-z0-9._-]*$/)),
  displayName: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  role: z.enum(creatableRoles),
  unitId: slug,
});
export type NewAccount = z.infer<typeof newAccount>;

/**
 * User names sign in across the whole server, so a name another commune holds could not be
 * given again, and a 409 for it would tell one commune's officer who exists in another. A new
 * account's user name is therefore the commune's id, a dot, and the name the officer chose
 * ("nam-gia-nghia.totruong6"; kept as chosen when it already starts so): a commune id has no
 * dot, so no two communes' names can meet, and only the officer's own names can be taken.
 */
export function communeUsername(communeId: string, chosen: string): string {
  return chosen.startsWith(`${communeId}.`) ? chosen : `${communeId}.${chosen}`;
}
