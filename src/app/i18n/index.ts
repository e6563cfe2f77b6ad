// The app speaks Vietnamese: `text` is vi.ts (the office's words spread in from office.vi.ts;
// the province screen's, province.vi.ts, travel in its own chunk). `fill` fills {placeholders}.
// A field path's label falls back to its first segment's ("units.2.name" → "units"), then to
// the path itself; an error code's text falls back to the generic one.
import { vi, type Catalogue } from './vi.ts';

export const text: Catalogue = vi;

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));
}

export function fieldLabel(path: string): string {
  const fields = text.fields as Record<string, string>;
  return fields[path] ?? fields[path.split('.')[0] ?? ''] ?? path;
}

/** An error code's words; "tooLong:1000" fills the limit in ("tối đa 1.000 ký tự"). */
export function errorText(code: string): string {
  const errors = text.errors as Record<string, string>;
  const [name = code, limit] = code.split(':');
  const words = errors[name] ?? errors.other ?? code;
  return limit === undefined ? words : fill(words, { max: formatNumber(Number(limit)) });
}

const numberFormat = new Intl.NumberFormat('vi-VN');
/** 1234.5 → "1.234,5", as Vietnamese readers write numbers. */
export const formatNumber = (n: number) => numberFormat.format(n);

export { formatDate } from './dateText.ts';
export { compareVi, matchesSearch } from './search.ts';
