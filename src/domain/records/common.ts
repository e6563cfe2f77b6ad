// Fields every checklist record carries: whose it is (unit, reporter) and the day it happened.
import * as z from 'zod/mini';
import { localDate } from '../dates.ts';
import { slug, uuid } from '../ids.ts';

export const shortNote = z.optional(z.string().check(z.maxLength(1000)));

export const commonFields = {
  id: uuid,
  unitId: slug,
  reporterId: slug,
  date: localDate,
};

export const count = z.int().check(z.minimum(0), z.maximum(100_000));

/**
 * For a record-wide check: run it as soon as the fields it reads are valid. By default zod skips
 * such a check while any field has an issue, so a form would name a date out of order only after
 * every other mistake was fixed; with this, every mistake is named in one pass.
 */
export function whenValid(...fields: string[]) {
  // A custom issue (another check's finding) leaves its field well typed: only the type and format issues stop it.
  const blocks = (issue: { code?: string; path?: readonly PropertyKey[] }) => issue.code !== 'custom' && fields.includes(String(issue.path?.[0]));
  return { when: (payload: { issues: readonly { code?: string; path?: readonly PropertyKey[] }[] }) => !payload.issues.some(blocks) };
}

/** A non-empty list without repeats. */
export function choiceList<const T extends readonly [string, ...string[]]>(values: T) {
  return z.array(z.enum(values)).check(
    z.minLength(1),
    z.refine((list) => new Set(list).size === list.length, { message: 'duplicate' }),
  );
}
