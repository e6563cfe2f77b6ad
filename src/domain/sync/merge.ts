// Three-way merge of two edits of the same record, field by field. When the phone's edit and
// the server's newer version changed different fields, both edits are kept; when they touched
// the same field, it is a conflict for a person to resolve. The merged record must still pass
// the schema (a field can be valid alone and invalid beside another's edit).
import { checklistRecord, type ChecklistRecord } from '../records/index.ts';

export type MergeOutcome = { ok: true; merged: ChecklistRecord } | { ok: false; fields: string[] };

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function changedFields(from: Record<string, unknown>, to: Record<string, unknown>): Set<string> {
  const keys = new Set([...Object.keys(from), ...Object.keys(to)]);
  return new Set([...keys].filter((key) => !same(from[key], to[key])));
}

/**
 * `base` undefined: mine was made on no version at all (a new record whose id another form
 * saved first), so every field where the two differ is a field both touched.
 * `preferMine`: the person chose her version of the fields both touched; the others still merge.
 */
export function mergeRecords(
  base: ChecklistRecord | undefined,
  mine: ChecklistRecord,
  theirs: ChecklistRecord,
  options: { preferMine?: boolean } = {},
): MergeOutcome {
  if ((base && base.kind !== mine.kind) || mine.kind !== theirs.kind) return { ok: false, fields: ['kind'] };
  const baseFields = (base ?? {}) as Record<string, unknown>;
  const mineChanged = changedFields(baseFields, mine as Record<string, unknown>);
  const theirsChanged = changedFields(baseFields, theirs as Record<string, unknown>);
  const overlap = [...mineChanged].filter(
    (field) => theirsChanged.has(field) && !same((mine as Record<string, unknown>)[field], (theirs as Record<string, unknown>)[field]),
  );
  if (overlap.length > 0 && !options.preferMine) return { ok: false, fields: overlap.sort() };
  const merged: Record<string, unknown> = { ...theirs };
  for (const field of mineChanged) {
    const value = (mine as Record<string, unknown>)[field];
    if (value === undefined) delete merged[field];
    else merged[field] = value;
  }
  const checked = checklistRecord.safeParse(merged);
  if (!checked.success) return { ok: false, fields: [...new Set(checked.error.issues.map((i) => String(i.path[0])))].sort() };
  return { ok: true, merged: checked.data };
}
