// The dates ahead (the report deadlines and the days the plan marks every year), after the
// report deadlines already passed, marked overdue.
import { comingDates, daysBetween, overdueDeadlines, type Plan } from '../../../domain/plan/index.ts';
import type { LocalDate } from '../../../domain/index.ts';
import { fill, formatDate, text } from '../../i18n/index.ts';

export function ComingDates(props: { plan: Plan; today: LocalDate }) {
  const dates = [...overdueDeadlines(props.plan, props.today), ...comingDates(props.plan, props.today)];
  return (
    <ul class="coming-dates">
      {dates.map((d) => {
        const days = daysBetween(props.today, d.start);
        const when =
          d.end < props.today
            ? fill(text.office.overdueDays, { n: -days })
            : days > 0
              ? fill(text.office.daysLeft, { n: days })
              : days === 0
                ? text.office.today
                : text.office.running;
        const span = d.start === d.end ? formatDate(d.start) : `${formatDate(d.start)} – ${formatDate(d.end)}`;
        return (
          <li key={d.id} data-key-date={d.id} class={d.end < props.today ? 'overdue' : undefined}>
            <strong>{text.office.keyDates[d.id]}</strong>
            <span>
              {span} · <em>{when}</em>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
