// The office's figures, computed on this device from what it holds (so they work offline): the
// indicator table of a period from the year's records (useYearRecords), the plan and the units,
// recomputed only when one of those changes.
import { useMemo } from 'preact/hooks';
import type { LocalDate } from '../../../domain/index.ts';
import { computeIndicators, type IndicatorTable, type Period, type RecordEntry, type UnitEntry } from '../../../domain/indicators/index.ts';
import type { Plan } from '../../../domain/plan/index.ts';

export function useIndicatorTable(input: {
  records: RecordEntry[] | undefined;
  plan: Plan;
  units: UnitEntry[];
  period: Period;
  asOf: LocalDate;
}): IndicatorTable | undefined {
  const { records, plan, units, period, asOf } = input;
  return useMemo(
    () => records && computeIndicators({ plan, units, records, period, asOf }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the period's fields, not the object made anew at each render
    [records, plan, units, period.year, period.quarter, asOf],
  );
}
