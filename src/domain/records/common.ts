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

/** A non-empty list without repeats. */
export function choiceList<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .array(z.enum(values))
    .check(
      z.minLength(1),
      z.refine((list) => new Set(list).size === list.length, { message: 'duplicate' }),
    );
}
