// What a form says of a refused field, made more precise than the schema's code where the
// draft shows what went wrong: a day that does not exist ("31/02/2026"), a date half typed,
// a link without https://, a text over its limit (named with the limit).
import { maxTextLength } from '../../domain/index.ts';
import { getPath, type Draft } from './draft.ts';

const WHOLE_DATE = /^\d{1,2}\/\d{1,2}\/\d{4}$/;
const DATE_TEXT = /^[\d/]+$/;

/** The error code the form shows for the schema's `code` at `path` of this draft. */
export function fieldIssueCode(draft: Draft, path: string, code: string): string {
  const value = getPath(draft, path);
  if (typeof value !== 'string') return code;
  if (code === 'too_big') {
    const max = maxTextLength(String(draft.kind), path);
    return max === undefined ? code : `tooLong:${max}`;
  }
  if (code !== 'invalid_format' || path === 'caseCode') return code;
  if (path === 'link') return 'linkFormat';
  // A date field holds what was typed until it is a real day (DateField.tsx).
  if (WHOLE_DATE.test(value)) return 'noSuchDay';
  if (DATE_TEXT.test(value)) return 'dateIncomplete';
  return code;
}
