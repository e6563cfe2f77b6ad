// A record's field value in words, for the conflict notice: "Kênh đăng: Báo, đài".
import { text, formatDate, formatNumber } from '../i18n/index.ts';

const optionsOf: Record<string, Record<string, string>> = {
  form: text.options.form,
  topics: text.options.topics,
  language: text.options.language,
  channel: text.options.channel,
  reportedBy: text.options.reportedBy,
  acts: text.options.acts,
  victimSex: text.options.sex,
  perpetratorSex: text.options.sex,
  victimAgeBand: text.options.ageBand,
  perpetratorRelation: text.options.relation,
  supportServices: text.options.support,
  measures: text.options.measures,
  status: text.options.status,
  prosecution: text.options.prosecution,
  keeper: text.options.keeper,
  modelType: text.options.modelType,
  audience: text.options.audience,
};

export function describeValue(field: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? text.form.yes : text.form.no;
  if (typeof value === 'number') return formatNumber(value);
  if (Array.isArray(value)) return value.map((v) => describeValue(field, v)).join(', ') || '—';
  if (typeof value === 'object')
    return Object.values(value as Record<string, unknown>)
      .map((v) => describeValue(field, v))
      .join(', ');
  const label = optionsOf[field]?.[String(value)];
  if (label) return label;
  return /^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? formatDate(String(value)) : String(value);
}

/** The fields where two versions of a record differ. */
export function differingFields(a: object, b: object): string[] {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  return [...new Set([...Object.keys(left), ...Object.keys(right)])].filter((key) => JSON.stringify(left[key]) !== JSON.stringify(right[key]));
}
