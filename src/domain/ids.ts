// Identifiers made on the phone (records, changes, devices) are random UUIDs, so two
// offline phones never collide and a resend carries the same id.
import * as z from 'zod/mini';

export const uuid = z.uuid();
export type Uuid = z.infer<typeof uuid>;

/** Short ids for units, users and communes chosen by the commune (e.g. "tdp-1"). */
export const slug = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[a-z0-9][a-z0-9-]*$/));

export function newId(): string {
  return globalThis.crypto.randomUUID();
}
