// The records behind one figure of the table: every value can be traced to what was recorded.
// A violence case shows its code and status only, never its notes.
import type { RecordEntry, UnitEntry } from '../../../domain/indicators/index.ts';
import { occasionOn } from '../../../domain/plan/index.ts';
import type { ChecklistRecord } from '../../../domain/records/index.ts';
import { fill, formatDate, text } from '../../i18n/index.ts';
import { recordSummary as summary } from '../../records/recordSummary.ts';
import { routeHref } from '../../router.ts';

/** An activity held on an occasion of the year (Family Day, Women's Day, the Action Month) says so. */
const heldFor = (r: ChecklistRecord) => (r.kind === 'propagandaSession' || r.kind === 'newsPost' || r.kind === 'training' ? occasionOn(r.date) : null);

export function CellRecords(props: { title: string; ids: string[]; missingIds?: string[]; records: RecordEntry[]; units: UnitEntry[]; onClose: () => void }) {
  const wanted = new Set(props.ids);
  const missing = new Set(props.missingIds);
  const found = props.records.flatMap((e) => (e.record && !e.deleted && wanted.has(e.record.id) ? [e.record] : []));
  found.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const unitName = (id: string) => props.units.find((u) => u.id === id)?.name ?? id;
  return (
    <section class="cell-records" aria-label={props.title}>
      <header class="top">
        <strong>{props.title}</strong>
        <button class="link" onClick={props.onClose}>
          {text.form.back}
        </button>
      </header>
      <p class="muted">{fill(text.office.recordsBehind, { n: found.length })}</p>
      <ul>
        {found.map((r) => (
          <li key={r.id} data-cell-record={r.id} data-missing={missing.has(r.id) || undefined}>
            <a href={routeHref({ screen: 'record', id: r.id })}>
              {formatDate(r.date)} · {text.kinds[r.kind]} · {unitName(r.unitId)} · {summary(r)}
            </a>
            {heldFor(r) && <span class="occasion"> · {text.office.keyDates[heldFor(r)!]}</span>}
            {missing.has(r.id) && <strong class="missing-note"> · {text.office.missingRecord}</strong>}
          </li>
        ))}
      </ul>
    </section>
  );
}
