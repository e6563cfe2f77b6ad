// The year arrows and the "whole year / quarter I–IV" tabs above an indicator table (the
// office's and the province's): each choice is a link, so the period lives in the address.
import type { Period } from '../../../domain/indicators/period.ts';
import { fill, text } from '../../i18n/index.ts';

export const QUARTER_NUMERALS = ['I', 'II', 'III', 'IV'] as const;

export function PeriodPicker(props: { period: Period; href: (period: Period) => string }) {
  const { period, href } = props;
  const choices: Period[] = [{ year: period.year }, ...([1, 2, 3, 4] as const).map((quarter) => ({ year: period.year, quarter }))];
  return (
    <>
      <nav class="period-nav" aria-label={text.office.periodLabel}>
        <a class="secondary" aria-label={text.office.previousYear} href={href({ year: period.year - 1 })}>
          ‹
        </a>
        <strong>{fill(text.office.year, { year: period.year })}</strong>
        <a class="secondary" aria-label={text.office.nextYear} href={href({ year: period.year + 1 })}>
          ›
        </a>
      </nav>
      <div class="period-choices" role="tablist">
        {choices.map((choice) => {
          const selected = choice.quarter === period.quarter;
          const label = choice.quarter ? fill(text.office.quarter, { q: QUARTER_NUMERALS[choice.quarter - 1]! }) : text.office.wholeYear;
          return (
            <a key={label} role="tab" aria-selected={selected} class={selected ? 'tab active' : 'tab'} href={href(choice)}>
              {label}
            </a>
          );
        })}
      </div>
    </>
  );
}
