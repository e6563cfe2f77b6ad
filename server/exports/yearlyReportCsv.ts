// The indicators by unit and period as CSV (the yearly report's and a quarter's): UTF-8 with a byte-order mark so Excel reads the
// Vietnamese text correctly, CRLF line ends, fields quoted when they need it. Every figure is a
// number of its own column: a count, or a numerator, a denominator and a percentage ("3/5" in one
// field opens as a date in a spreadsheet). Two dialects: commas with a decimal point (the
// default), or semicolons with a decimal comma, as a spreadsheet set to Vietnamese reads a CSV.
import { percentOf, type IndicatorValue } from '../../src/domain/indicators/index.ts';
import { indicatorRows, verdictHeader } from './indicatorRows.ts';
import type { YearlyReport } from './yearlyReport.ts';

export const BOM = '\uFEFF';

export const csvDelimiters = ['comma', 'semicolon'] as const;
export type CsvDelimiter = (typeof csvDelimiters)[number];

const dialects: Record<CsvDelimiter, { separator: string; decimal: string }> = {
  comma: { separator: ',', decimal: '.' },
  semicolon: { separator: ';', decimal: ',' },
};

/** Quoted when it holds the separator, a quote or a line end (a decimal comma under semicolons is not). */
export function csvField(value: string, separator: string): string {
  return value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Per period: the count or the numerator, the denominator, the percentage. */
export const csvHeaders = (report: YearlyReport) => [
  'Đơn vị',
  'Chỉ tiêu',
  'Kế hoạch',
  ...report.columns.flatMap(({ name }) => [`${name}: số lượng hoặc tử số`, `${name}: mẫu số`, `${name}: tỷ lệ (%)`]),
  verdictHeader(report),
];

function figureFields(value: IndicatorValue, decimal: string): string[] {
  if (value.kind === 'count') return [String(value.count), '', ''];
  if (value.kind === 'noData') return ['', '', ''];
  const percent = percentOf(value);
  return [String(value.numerator), String(value.denominator), percent === null ? '' : String(percent).replace('.', decimal)];
}

export function yearlyReportCsv(report: YearlyReport, delimiter: CsvDelimiter = 'comma'): string {
  const { separator, decimal } = dialects[delimiter];
  const rows = indicatorRows(report).map((row) => [
    row.unitName,
    row.indicatorName,
    row.targetText,
    ...row.values.flatMap((value) => figureFields(value, decimal)),
    row.verdictText,
  ]);
  const lines = [csvHeaders(report), ...rows].map((row) => row.map((field) => csvField(field, separator)).join(separator));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
