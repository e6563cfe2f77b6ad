// The indicators by unit and quarter as one flat table: the Excel sheet "Chỉ tiêu" and the CSV.
import { indicatorIds } from '../../src/domain/plan/index.ts';
import { verdictLabels } from './labels.ts';
import { shortValue, type YearlyReport } from './yearlyReport.ts';
import { communeParts } from './yearlyReportDocx.ts';

export const indicatorHeaders = ['Đơn vị', 'Chỉ tiêu', 'Kế hoạch', 'Quý I', 'Quý II', 'Quý III', 'Quý IV', 'Cả năm', 'Đánh giá cả năm'];

export function indicatorRows(report: YearlyReport): string[][] {
  const lineOf = new Map(report.lines.map((l) => [l.id, l]));
  const { level } = communeParts(report.commune.name);
  const scopes = [
    { name: `Toàn ${level}`, cells: (t: typeof report.table) => t.commune },
    ...report.table.rows.map((row) => ({
      name: row.unit.name,
      cells: (t: typeof report.table) => t.rows.find((r) => r.unit.id === row.unit.id)!.cells,
    })),
  ];
  const rows: string[][] = [];
  for (const scope of scopes) {
    for (const id of indicatorIds) {
      const line = lineOf.get(id);
      if (!line) continue;
      const year = scope.cells(report.table)[id];
      rows.push([
        scope.name,
        line.name,
        line.targetText,
        ...report.quarters.map((q) => shortValue(scope.cells(q)[id])),
        shortValue(year),
        verdictLabels[year.verdict],
      ]);
    }
  }
  return rows;
}
