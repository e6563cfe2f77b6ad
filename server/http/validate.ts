// Input checked with the shared zod schemas; a failure becomes a 400 naming each field.
import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { apiError } from './errors.ts';
import type { FieldError } from './errors.ts';

type Issue = z.core.$ZodIssue;

/** One entry per field: an unknown key is named itself ("record.victimName"), not its object. */
export function fieldsOf(issues: readonly Issue[]): FieldError[] {
  return issues.flatMap((issue): FieldError[] => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...path, key].join('.'), code: issue.code }));
    }
    // Our own refinements carry their code in the message ("required", "outOfOrder").
    return [{ path: path.join('.'), code: issue.code === 'custom' ? issue.message : issue.code }];
  });
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

export async function parseJsonBody<T>(c: Context, schema: z.ZodMiniType<T>): Promise<Parsed<T>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    return { ok: false, response: apiError(c, 400, 'invalid_body', [{ path: '', code: 'invalid_json' }]) };
  }
  const result = schema.safeParse(body);
  if (!result.success) return { ok: false, response: apiError(c, 400, 'invalid_body', fieldsOf(result.error.issues)) };
  return { ok: true, data: result.data };
}

export function parseQuery<T>(c: Context, schema: z.ZodMiniType<T>): Parsed<T> {
  const result = schema.safeParse(c.req.query());
  if (!result.success) return { ok: false, response: apiError(c, 400, 'invalid_query', fieldsOf(result.error.issues)) };
  return { ok: true, data: result.data };
}
