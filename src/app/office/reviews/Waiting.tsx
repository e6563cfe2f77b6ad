// What is overdue and waiting, whatever period the officer looks at: every period a unit
// submitted and that is not yet decided (a link opens its review), and, once the units'
// deadline has passed, the units whose year has not come in.
import { dayInVietnam, type LocalDate } from '../../../domain/index.ts';
import type { UnitEntry } from '../../../domain/indicators/index.ts';
import { parsePeriodKey } from '../../../domain/indicators/period.ts';
import type { Plan } from '../../../domain/plan/index.ts';
import { waitingReviews, yearNotIn } from '../../../domain/review/waiting.ts';
import { fill, formatDate, text } from '../../i18n/index.ts';
import { periodText } from '../../review/periodText.ts';
import { ALL_PERIODS, useReviews } from '../../review/useReviews.ts';
import { officeHref } from '../officeRoute.ts';

export function Waiting(props: { plan: Plan; units: UnitEntry[]; today: LocalDate }) {
  const { events } = useReviews(ALL_PERIODS);
  const unitName = (id: string) => props.units.find((u) => u.id === id)?.name ?? id;
  const waiting = waitingReviews(events);
  const villages = props.units.filter((u) => u.type !== 'commune' && !u.retired).map((u) => u.id);
  const late = yearNotIn(events, villages, props.plan.year, props.plan.deadlines.unitsToCommune, props.today);
  return (
    <>
      <h2 id="waiting-title">{text.office.waitingTitle}</h2>
      {waiting.length === 0 && late.length === 0 && <p>{text.office.waitingNone}</p>}
      {waiting.length > 0 && (
        <ul class="waiting-reviews">
          {waiting.map((w) => {
            const period = parsePeriodKey(w.period);
            return (
              <li key={`${w.unitId}|${w.period}`} data-waiting-review={`${w.unitId} ${w.period}`}>
                {period ? <a href={officeHref(period)}>{`${unitName(w.unitId)} · ${periodText(w.period)}`}</a> : unitName(w.unitId)}
                {` · ${fill(text.office.waitingSince, { date: formatDate(dayInVietnam(new Date(w.at))) })}`}
              </li>
            );
          })}
        </ul>
      )}
      {late.length > 0 && (
        <p class="notice warn" data-year-not-in={late.join(' ')}>
          {fill(text.office.yearNotIn, { year: props.plan.year, date: formatDate(props.plan.deadlines.unitsToCommune), units: late.map(unitName).join(', ') })}
        </p>
      )}
    </>
  );
}
