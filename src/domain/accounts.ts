// Who signs in and what they see. Real accounts and roles have their own issue; here a
// user has a role and a unit, and each signed-in phone (device) has its own token.
import * as z from 'zod/mini';
import { slug, uuid } from './ids.ts';

export const roles = ['province', 'communeOfficer', 'communeReporter', 'villageHead'] as const;
export type Role = (typeof roles)[number];

/** The built-in unit type ids (each commune keeps its own list: src/domain/setup/unitTypes.ts). */
export const unitTypes = ['thon', 'ap', 'ban', 'buon', 'toDanPho', 'khuPho', 'commune'] as const;

export const unit = z.object({
  id: slug,
  communeId: slug,
  name: z.string(),
  /** An id from the commune's unit type list, or "commune" for the commune's own unit. */
  type: z.string().check(z.minLength(1), z.maxLength(40)),
  households: z.int(),
});
export type Unit = z.infer<typeof unit>;

export const signInRequest = z.strictObject({
  /** Up to a commune id (64), a dot and a chosen name (32): communeUsername. */
  username: z.string().check(z.trim(), z.toLowerCase(), z.minLength(1), z.maxLength(100)),
  pin: z.string().check(z.regex(/^\d{4,8}$/)),
  deviceId: uuid,
});
export type SignInRequest = z.infer<typeof signInRequest>;

/** A province user belongs to a province, not to a commune: their commune and unit are empty. */
const slugOrNone = z.union([slug, z.literal('')]);

export const signedInUser = z.object({
  id: slug,
  displayName: z.string(),
  role: z.enum(roles),
  communeId: slugOrNone,
  communeName: z.string(),
  unitId: slugOrNone,
  /** The province of the user (a province user) or of their commune; absent in sessions saved before it existed. */
  provinceId: z.optional(slug),
  provinceName: z.optional(z.string()),
});
export type SignedInUser = z.infer<typeof signedInUser>;

/**
 * The session travels in an HttpOnly cookie, out of reach of page scripts. A non-browser client
 * (a script, a test, a benchmark) asks for the token in the answer with this header and sends it
 * back as `Authorization: Bearer`; the app never asks.
 */
export const TOKEN_IN_BODY = { header: 'X-Session-Token', value: 'body' } as const;

/**
 * Sent by the app on every API call. A state-changing call carried by the cookie without it is
 * refused: a page of another site cannot set a custom header without a CORS preflight, which
 * this server never grants (SameSite=Strict is the first guard, this the second).
 */
export const CLIENT_HEADER = { name: 'X-Requested-With', value: 'so-tay' } as const;

export const signInResponse = z.object({
  /** Only for a client that asked with TOKEN_IN_BODY. */
  token: z.optional(z.string()),
  user: signedInUser,
  units: z.array(unit),
  /**
   * The device id the session is bound to. Another account's id, or a revoked one, is never
   * taken over: the server makes a fresh one, which the phone keeps from then on. Absent from
   * servers before it.
   */
  deviceId: z.optional(uuid),
});
export type SignInResponse = z.infer<typeof signInResponse>;

/** What the server says of the signed-in user now: their account and the commune's current units. */
export const profileResponse = z.object({
  user: signedInUser,
  units: z.array(unit),
});
export type ProfileResponse = z.infer<typeof profileResponse>;
