// The indicators by unit and period as one flat table: the Excel sheet "Chỉ tiêu" and the CSV;
// the periods are the report's columns (the quarters and the year, or a quarter and the year to date).
// Each row keeps the values themselves (a count, or a numerator over a denominator), so that each
// renderer writes them its way: "2/3" in a sheet cell typed as text, three numeric columns in a CSV.
import type { IndicatorValue } from '../../src/domain/indicators/index.ts';
import { indicatorIds } from '../../src/domain/plan/index.ts';
import { lowerFirst, verdictLabels } from './labels.ts';
import { shortValue, type YearlyReport } from './yearlyReport.ts';
import { communeParts } from '../../src/domain/plan/reportSettings.ts';

export interface IndicatorRow {
  unitName: string;
  indicatorName: string;
  targetText: string;
  /** One per column of the report: the four quarters, then the year; or the quarter, then the year to date. */
  values: IndicatorValue[];
  /** Short figures for a sheet: "4", "2/3", "Chưa có số liệu". */
  shortValues: string[];
  verdictText: string;
}

export function indicatorRows(report: YearlyReport): IndicatorRow[] {
  const lineOf = new Map(report.lines.map((l) => [l.id, l]));
  const { level } = communeParts(report.commune.name);
  const scopes = [
    { name: `Toàn ${level}`, cells: (t: typeof report.table) => t.commune },
    ...report.table.rows.map((row) => ({
      name: row.unit.name,
      cells: (t: typeof report.table) => t.rows.find((r) => r.unit.id === row.unit.id)!.cells,
    })),
  ];
  const rows: IndicatorRow[] = [];
  for (const scope of scopes) {
    for (const id of indicatorIds) {
      const line = lineOf.get(id);
      if (!line) continue;
      const judged = scope.cells(report.judged.table)[id];
      const cells = report.columns.map((column) => scope.cells(column.table)[id]);
      rows.push({
        unitName: scope.name,
        indicatorName: line.name,
        targetText: line.targetText,
        values: cells.map((cell) => cell.value),
        shortValues: cells.map(shortValue),
        verdictText: verdictLabels[judged.verdict],
      });
    }
  }
  return rows;
}

/** "Đánh giá cả năm", "Đánh giá quý III". */
export const verdictHeader = (report: YearlyReport) => `Đánh giá ${lowerFirst(report.judged.name)}`;

/** The sheet's header: one column per period, the figures as shortValue writes them. */
export const indicatorSheetHeaders = (report: YearlyReport) => ['Đơn vị', 'Chỉ tiêu', 'Kế hoạch', ...report.columns.map((c) => c.name), verdictHeader(report)];

export const indicatorSheetRow = (row: IndicatorRow): string[] => [row.unitName, row.indicatorName, row.targetText, ...row.shortValues, row.verdictText];
