// The content of the commune's yearly report, computed once from the records and shared by
// the Word, Excel and CSV renderers: the year's indicators, each quarter's, and the figures.
import type { LocalDate } from '../../src/domain/index.ts';
import {
  computeIndicators,
  percentOf,
  periodFigures,
  QUARTERS,
  type IndicatorCell,
  type IndicatorTable,
  type PeriodFigures,
  type RecordEntry,
  type UnitEntry,
} from '../../src/domain/indicators/index.ts';
import { effectiveTarget, type IndicatorId, type Plan, type Target } from '../../src/domain/plan/index.ts';
import { reviewKey, reviewStatuses, type ReviewEvent, type ReviewStatus } from '../../src/domain/review/review.ts';
import type { UnitType } from '../../src/domain/setup/unitTypes.ts';
import { formatDecimal, indicatorName, quarterNames, slashDate, targetText, unitWord, verdictLabels } from './labels.ts';

export interface ReportCommune {
  id: string;
  name: string;
  provinceName: string;
}

export interface ReportSource {
  commune: ReportCommune;
  units: UnitEntry[];
  /** The commune's list of unit types (the defaults when absent): names the units' types. */
  unitTypes?: UnitType[];
  records: RecordEntry[];
  plan: Plan;
  /** Today in Vietnam: the report says "as of" this day. */
  asOf: LocalDate;
  /** Review events of the commune (any period); the report shows what was accepted. */
  reviews?: ReviewEvent[];
  /** Whether the records are all those received or only the accepted ones. */
  basis?: 'all' | 'accepted';
}

export interface UnitReview {
  /** The year's review: null when never submitted. */
  year: ReviewStatus | null;
  /** How many of the four quarters are in each state. */
  quarters: Record<ReviewStatus, number>;
}

export interface IndicatorLine {
  id: IndicatorId;
  name: string;
  target: Target | null;
  targetText: string;
  resultText: string;
  verdictText: string;
  cell: IndicatorCell;
}

export interface YearlyReport extends ReportSource {
  year: number;
  unitWord: string;
  table: IndicatorTable;
  quarters: IndicatorTable[];
  figures: PeriodFigures;
  lines: IndicatorLine[];
  /** Live records of the year, the ones the report counts. */
  recordCount: number;
  /** Per unit: whether its year, and how many of its quarters, the officer accepted. */
  review: Map<string, UnitReview>;
}

function reviewByUnit(events: readonly ReviewEvent[], unitIds: readonly string[], year: number): Map<string, UnitReview> {
  const statuses = reviewStatuses(events);
  const statusOf = (unitId: string, period: string) => statuses.get(reviewKey(unitId, period))?.status ?? null;
  return new Map(
    unitIds.map((id) => {
      const quarters: Record<ReviewStatus, number> = { submitted: 0, accepted: 0, returned: 0 };
      for (const q of QUARTERS) {
        const status = statusOf(id, `${year}-Q${q}`);
        if (status) quarters[status] += 1;
      }
      return [id, { year: statusOf(id, String(year)), quarters }];
    }),
  );
}

export function buildYearlyReport(source: ReportSource): YearlyReport {
  const year = source.plan.year;
  const input = { plan: source.plan, units: source.units, records: source.records, asOf: source.asOf };
  const table = computeIndicators({ ...input, period: { year } });
  const quarters = QUARTERS.map((quarter) => computeIndicators({ ...input, period: { year, quarter } }));
  const word = unitWord(table.rows.filter((r) => !r.communeLevel).map((r) => r.unit.type), source.unitTypes);
  const lines = source.plan.indicators.map((indicator): IndicatorLine => {
    const cell = table.commune[indicator.id];
    const target = effectiveTarget(indicator);
    const province = indicator.target && indicator.provinceTarget ? `; tỉnh giao: ${targetText(indicator.provinceTarget)}` : '';
    const fromProvince = !indicator.target && indicator.provinceTarget ? ' (chỉ tiêu của tỉnh)' : '';
    return {
      id: indicator.id,
      name: indicatorName(indicator.id, word),
      target,
      targetText: `${targetText(target)}${fromProvince}${province}`,
      resultText: resultText(cell, source.asOf),
      verdictText: verdictLabels[cell.verdict],
      cell,
    };
  });
  const live = source.records.filter((e) => !e.deleted && e.record && e.record.date.startsWith(`${year}-`));
  const review = reviewByUnit(source.reviews ?? [], table.rows.map((r) => r.unit.id), year);
  return { ...source, year, unitWord: word, table, quarters, figures: periodFigures(source.records, { year }), lines, recordCount: live.length, review };
}

export function ratioText(numerator: number, denominator: number): string {
  if (denominator === 0) return '0/0';
  return `${numerator}/${denominator} (${formatDecimal((1000 * numerator) / denominator / 10)}%)`;
}

export function resultText(cell: IndicatorCell, asOf: LocalDate): string {
  const value = cell.value;
  switch (value.kind) {
    case 'noData':
      return 'Ứng dụng chưa thu thập số liệu này. [Cán bộ bổ sung kết quả]';
    case 'count': {
      if (value.byQuarter.length <= 1) return String(value.count);
      const quarters = value.byQuarter.map((q) => `${quarterNames[q.quarter - 1]}: ${q.count}`).join('; ');
      return `${value.count} (${quarters})`;
    }
    case 'ratio': {
      const pending = value.pendingIds?.length ? `; ${value.pendingIds.length} vụ đang trong thời hạn xử lý tại ngày ${slashDate(asOf)}` : '';
      return `${ratioText(value.numerator, value.denominator)}${pending}`;
    }
  }
}

/** A cell as a short figure for tables: "4", "2/3", "67%", "—". */
export function shortValue(cell: IndicatorCell): string {
  const value = cell.value;
  if (value.kind === 'noData') return 'Chưa có số liệu';
  if (value.kind === 'count') return String(value.count);
  const percent = percentOf(value);
  return percent === null ? '—' : `${value.numerator}/${value.denominator}`;
}
