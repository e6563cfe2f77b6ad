// One small bar chart per indicator: the commune's value in each quarter of the year, the
// plan's target as a line, a quarter behind target marked with "!" (not by colour alone).
import { useMemo } from 'preact/hooks';
import type { LocalDate } from '../../../domain/index.ts';
import { computeIndicators, isBehind, percentOf, QUARTERS, type IndicatorCell, type RecordEntry, type UnitEntry } from '../../../domain/indicators/index.ts';
import { effectiveTarget, indicatorIds, indicatorsWithoutData, type Plan } from '../../../domain/plan/index.ts';
import { fill, formatNumber, text } from '../../i18n/index.ts';

const shown = indicatorIds.filter((id) => !indicatorsWithoutData.includes(id));

/** A count, or a percent for ratios (null when there was nothing to count). */
function magnitude(cell: IndicatorCell): number | null {
  if (cell.value.kind === 'count') return cell.value.count;
  if (cell.value.kind === 'ratio') return percentOf(cell.value);
  return null;
}

export function QuarterCharts(props: { plan: Plan; units: UnitEntry[]; records: RecordEntry[]; year: number; asOf: LocalDate }) {
  const { plan, units, records, year, asOf } = props;
  const quarters = useMemo(
    () => QUARTERS.map((quarter) => computeIndicators({ plan, units, records, period: { year, quarter }, asOf }).commune),
    [plan, units, records, year, asOf],
  );
  return (
    <div class="quarter-charts">
      {shown.map((id) => {
        const target = effectiveTarget(plan.indicators.find((i) => i.id === id) ?? { id, target: null });
        const values = quarters.map((q) => magnitude(q[id]));
        const percent = quarters[0]?.[id].value.kind === 'ratio';
        const targetValue = target && (target.kind === 'percent' || target.kind === 'countPerQuarter') ? target.min : null;
        // Headroom above the tallest bar for its label.
        const top = 1.25 * Math.max(percent ? 100 : 1, targetValue ?? 0, ...values.map((v) => v ?? 0));
        return (
          <figure class="quarter-chart" key={id} data-chart={id}>
            <figcaption>{text.office.indicators[id]}</figcaption>
            <div class="bars">
              {targetValue !== null && (
                <div
                  class="target-line"
                  style={{ bottom: `${(100 * targetValue) / top}%` }}
                  title={fill(text.office.planTarget, { target: String(targetValue) })}
                />
              )}
              {values.map((value, i) => {
                const cell = quarters[i]![id];
                const behind = isBehind(cell.verdict);
                const label = value === null ? '—' : percent ? `${formatNumber(value)}%` : String(value);
                return (
                  <div class="bar-slot" key={i}>
                    <span class="bar-label">
                      {label}
                      {behind ? ' !' : ''}
                    </span>
                    <div class={behind ? 'bar behind' : 'bar'} style={{ height: `${value === null ? 0 : (100 * value) / top}%` }} />
                  </div>
                );
              })}
            </div>
            <div class="bar-axis">
              {QUARTERS.map((q) => (
                <span key={q}>{fill(text.office.quarter, { q: ['I', 'II', 'III', 'IV'][q - 1]! })}</span>
              ))}
            </div>
          </figure>
        );
      })}
    </div>
  );
}
