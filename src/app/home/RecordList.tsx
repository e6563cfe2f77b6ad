// The records of one checklist in one quarter, newest first, each with where it stands.
import type { ComponentChildren } from 'preact';
import type { LocalRecord } from '../../data/index.ts';
import { useSyncStatus } from '../hooks/useSyncStatus.ts';
import { compareVi, fill, formatDate, formatNumber, matchesSearch, text } from '../i18n/index.ts';
import { recordSummary as summary } from '../records/recordSummary.ts';
import { routeHref } from '../router.ts';
import { useServices } from '../services.ts';

/** What a search looks in: the date as shown, the summary, the note (a case's notes rest sealed: not searched). */
function searchable(local: LocalRecord): string {
  const note = local.body.kind === 'violenceCase' ? undefined : local.body.note;
  return `${formatDate(local.date)} ${summary(local.body)} ${note ?? ''}`;
}

/** Newest first; records of the same day in Vietnamese alphabetical order. */
function byDateThenSummary(a: LocalRecord, b: LocalRecord): number {
  return a.date === b.date ? compareVi(summary(a.body), summary(b.body)) : a.date < b.date ? 1 : -1;
}

/** The list; `search` (the search field) shows on one line with the count, above the rows. */
export function RecordList(props: { records: LocalRecord[]; query?: string; period?: string; search?: ComponentChildren }) {
  const { engine } = useServices();
  const status = useSyncStatus(engine);
  if (props.records.length === 0) return <p class="empty">{text.home.empty}</p>;
  const query = props.query?.trim() ?? '';
  const shown = props.records.filter((local) => query === '' || matchesSearch(searchable(local), query)).sort(byDateThenSummary);
  return (
    <>
      <div class="list-head">
        <p class="muted count">
          {props.period && <strong>{props.period} · </strong>}
          {fill(text.home.recordCount, { n: formatNumber(shown.length) })}
        </p>
        {props.search}
      </div>
      {shown.length === 0 && <p class="empty">{fill(text.search.noMatch, { query })}</p>}
      <ul class="record-list">
        {shown.map((local) => {
          const state = status.sending.has(local.id) && local.syncState === 'pending' ? 'sending' : local.syncState;
          return (
            <li key={local.id}>
              <a class="record-item" href={routeHref({ screen: 'record', id: local.id })} data-record-id={local.id} data-sync-state={state}>
                <span class="record-date">{formatDate(local.date)}</span>
                <span class="record-summary">{summary(local.body)}</span>
                <span class={`badge state-${state}`}>{text.syncState[state]}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </>
  );
}
