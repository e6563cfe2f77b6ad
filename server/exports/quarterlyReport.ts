// A quarter's report: the yearly report's content (yearlyReport.ts) over the records up to the
// quarter's last day, told for the quarter, with the year to date beside it. The figures run to
// the quarter's last day, or to today while the quarter runs; a case's state is today's.
import { quarterDates, type Quarter } from '../../src/domain/index.ts';
import { periodFigures, type IndicatorCell, type IndicatorTable } from '../../src/domain/indicators/index.ts';
import { quarterNames } from './labels.ts';
import { buildYearlyReport, indicatorLines, type ReportSource, type YearlyReport } from './yearlyReport.ts';

/** The year to date's commune cells without the quarters still to come ("5 (Quý I: 0; Quý II: 2; Quý III: 3)"). */
function upTo(table: IndicatorTable, quarter: Quarter): IndicatorTable {
  const cut = (cell: IndicatorCell): IndicatorCell =>
    cell.value.kind === 'count' ? { ...cell, value: { ...cell.value, byQuarter: cell.value.byQuarter.filter((q) => q.quarter <= quarter) } } : cell;
  const commune = Object.fromEntries(Object.entries(table.commune).map(([id, cell]) => [id, cut(cell)])) as IndicatorTable['commune'];
  return { ...table, commune };
}

export function buildQuarterlyReport(source: ReportSource, quarter: Quarter): YearlyReport {
  const year = source.plan.year;
  const { first, last } = quarterDates({ year, quarter });
  // What happened after the quarter belongs to the next report.
  const records = source.records.filter((e) => !e.record || e.record.date <= last);
  const toDate = buildYearlyReport({ ...source, records });
  const table = toDate.quarters[quarter - 1]!;
  const inQuarter = records.filter((e) => !e.deleted && e.record && e.record.date >= first && e.record.date <= last);
  const quarterColumn = { name: quarterNames[quarter - 1]!, table };
  return {
    ...toDate,
    quarter,
    period: { year, quarter },
    range: { first, last },
    figuresTo: source.asOf < last ? source.asOf : last,
    table,
    lines: indicatorLines(source.plan, table, toDate.unitWord, source.asOf),
    yearToDate: indicatorLines(source.plan, upTo(toDate.table, quarter), toDate.unitWord, source.asOf),
    columns: [quarterColumn, { name: 'Lũy kế năm', table: toDate.table }],
    judged: quarterColumn,
    figures: periodFigures(records, { year, quarter }),
    recordCount: inQuarter.length,
  };
}
