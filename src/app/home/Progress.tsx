// What the plan expects of the unit, counted from the records on this phone (so it works
// offline): news posts this quarter, propaganda this year, and reminders as deadlines come near.
import { watchYear } from '../../data/index.ts';
import { unitProgress, type Reminder, type Tally } from '../../domain/index.ts';
import { useLive } from '../hooks/useLive.ts';
import { fill, formatDate, formatNumber, text } from '../i18n/index.ts';
import { useServices } from '../services.ts';

function TallyLine(props: { tally: Tally; label: string; id: string }) {
  const reached = props.tally.done >= props.tally.target;
  return (
    <li class={reached ? 'tally reached' : 'tally'} data-progress={props.id} data-done={props.tally.done}>
      <strong class="tally-count">
        {formatNumber(props.tally.done)} / {formatNumber(props.tally.target)}
      </strong>
      <span class="tally-label">{props.label}</span>
      <span class="tally-state">{reached ? `✓ ${text.progress.reached}` : fill(text.progress.missing, { n: formatNumber(props.tally.target - props.tally.done) })}</span>
    </li>
  );
}

function reminderText(reminder: Reminder): string {
  const days = formatNumber(reminder.daysLeft);
  const date = formatDate(reminder.deadline);
  if (reminder.kind === 'report') return reminder.daysLeft === 0 ? fill(text.progress.reportToday, { date }) : fill(text.progress.reportReminder, { days, date });
  return fill(text.progress.quarterNewsReminder, { days, n: formatNumber(reminder.missing) });
}

export function Progress(props: { today: string; unitId: string; unitName: string }) {
  const { db } = useServices();
  const year = Number(props.today.slice(0, 4));
  const records = useLive(() => watchYear(db, year), [db, year]);
  if (!records) return null;
  const progress = unitProgress(records.filter((r) => r.unitId === props.unitId), props.today);
  const period = { quarter: progress.quarter.quarter, year: progress.quarter.year };
  return (
    <section class="card progress" aria-labelledby="progress-title">
      <h2 id="progress-title">{fill(text.progress.title, { unit: props.unitName })}</h2>
      <ul>
        <TallyLine id="news" tally={progress.newsThisQuarter} label={fill(text.progress.newsThisQuarter, period)} />
        <TallyLine id="propaganda" tally={progress.propagandaThisYear} label={fill(text.progress.propagandaThisYear, { year })} />
      </ul>
      {progress.reminders.map((reminder) => (
        <p key={reminder.kind} class="reminder" role="note">
          {reminderText(reminder)}
        </p>
      ))}
    </section>
  );
}
