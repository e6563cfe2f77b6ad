// The indicators by unit and quarter as CSV: UTF-8 with a byte-order mark so Excel reads
// the Vietnamese text correctly, CRLF line ends, fields quoted when they need it.
import { indicatorHeaders, indicatorRows } from './indicatorRows.ts';
import type { YearlyReport } from './yearlyReport.ts';

export const BOM = '\uFEFF';

export function csvField(value: string): string {
  return /[",\r\n;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function yearlyReportCsv(report: YearlyReport): string {
  const lines = [indicatorHeaders, ...indicatorRows(report)].map((row) => row.map(csvField).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
