// What the commune's plan still expects, counted from the records on this phone (so it works
// offline): the unit's own figures for the year, the commune's count targets it adds to, and
// the plan's deadlines. The plan is the one the officer saved, kept on the phone and fetched
// again after each sync; the figures are the office dashboard's, from the same indicator table.
import { useMemo, useState } from 'preact/hooks';
import { unitProgress } from '../../domain/indicators/index.ts';
import { useCommunePlan } from '../commune/useCommunePlan.ts';
import { useCommuneUnits } from '../commune/useCommuneUnits.ts';
import { useYearRecords } from '../commune/useYearRecords.ts';
import { useSyncStatus } from '../hooks/useSyncStatus.ts';
import { fill, text } from '../i18n/index.ts';
import { prefs } from '../prefs.ts';
import { useServices } from '../services.ts';
import { communeLineText, deadlineText, ownLineText, type LineText } from './progressText.ts';

/** The ids earlier screens and tests know the two main lines by. */
const lineIds: Record<string, string> = { unitsReachedByPropaganda: 'propaganda', newsPostsPerQuarter: 'news' };

function Line(props: { id: string; line: LineText }) {
  const { line } = props;
  return (
    <li class={line.ok === null ? 'tally share' : line.ok ? 'tally reached' : 'tally'} data-progress={lineIds[props.id] ?? props.id} data-done={line.done}>
      <span class="tally-label">{line.label}</span>
      {line.state && <span class="tally-state">{line.state}</span>}
    </li>
  );
}

export function Progress(props: { today: string; unitId: string; unitName: string }) {
  const { session, engine } = useServices();
  const status = useSyncStatus(engine);
  const year = Number(props.today.slice(0, 4));
  const { plan, saved } = useCommunePlan(session.user.communeId, year, status.lastSuccessAt);
  const { entries: units } = useCommuneUnits();
  const records = useYearRecords(year);
  const progress = useMemo(
    () => records && unitProgress({ plan, units, records, unitId: props.unitId, today: props.today }),
    [plan, units, records, props.unitId, props.today],
  );
  const [open, setOpen] = useState(prefs.planCardOpen);
  if (!progress) return null;
  const unit = props.unitName;
  const lines = progress.lines.map((line) => ({ id: line.id, text: ownLineText(line, progress, plan.handledInTimeDays) }));
  const short = lines.filter((line) => line.text.ok === false).length;
  const deadline = (notice: (typeof progress.deadlines)[number]) => (
    <p key={notice.id} class={notice.state === 'coming' ? 'deadline' : 'deadline reminder'} role="note" data-deadline={notice.id} data-state={notice.state}>
      {deadlineText(notice)}
    </p>
  );
  // Folded to its title and what is short, so that her list shows on the first screen; a deadline close or passed shows folded too.
  return (
    <section class="card progress" aria-labelledby="progress-title" data-plan-saved={saved}>
      <details
        open={open}
        onToggle={(e) => {
          setOpen(e.currentTarget.open);
          prefs.setPlanCardOpen(e.currentTarget.open);
        }}
      >
        <summary>
          <h2 id="progress-title">{fill(text.progress.title, { year })}</h2>
          <span class={short > 0 ? 'plan-short' : 'plan-short met'} data-plan-short={short}>
            {short > 0 ? fill(text.progress.shortCount, { n: short }) : text.progress.allMet}
          </span>
        </summary>
        {!saved && <p class="muted">{fill(text.progress.defaultPlan, { year })}</p>}
        {progress.deadlines.filter((notice) => notice.state === 'coming').map(deadline)}
        <ul>
          {lines.map((line) => (
            <Line key={line.id} id={line.id} line={line.text} />
          ))}
        </ul>
        {progress.communeTargets.length > 0 && (
          <>
            <h3>{progress.scope === 'village' ? fill(text.progress.communeTargetsTitle, { unit }) : text.progress.communeOwnTargetsTitle}</h3>
            <ul data-commune-targets>
              {progress.communeTargets.map((line) => (
                <Line key={line.id} id={line.id} line={communeLineText(line, progress)} />
              ))}
            </ul>
          </>
        )}
      </details>
      {progress.deadlines.filter((notice) => notice.state !== 'coming').map(deadline)}
    </section>
  );
}
