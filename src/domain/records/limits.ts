// The longest text each field takes, read from the record's own schema, so the form can say
// the limit ("tối đa 1.000 ký tự") and count towards it without a second copy of the number.
import { schemaOfKind } from './index.ts';

interface SchemaDef {
  type: string;
  shape?: Record<string, { _zod: { def: SchemaDef } }>;
  innerType?: { _zod: { def: SchemaDef } };
  checks?: { _zod: { def: { check: string; maximum?: number } } }[];
}

/** The maximum length of the text field `field` of records of `kind`, if it has one. */
export function maxTextLength(kind: string, field: string): number | undefined {
  const schema = (schemaOfKind as Record<string, { _zod: { def: SchemaDef } } | undefined>)[kind];
  let def = schema?._zod.def.shape?.[field]?._zod.def;
  while (def?.type === 'optional' && def.innerType) def = def.innerType._zod.def;
  if (def?.type !== 'string') return undefined;
  return def.checks?.find((check) => check._zod.def.check === 'max_length')?._zod.def.maximum;
}
