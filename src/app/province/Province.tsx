// The province's view (Sở Nội vụ): every commune of the province side by side for a quarter or
// the year, as the server computes it, the cells behind each commune's own target, and the
// communes with no figures for the period. Loaded on demand, in its own chunk.
import { dayInVietnam, quarterOf } from '../../domain/index.ts';
import type { Period } from '../../domain/indicators/period.ts';
import { indicatorsNotInProvinceView } from '../../domain/province/index.ts';
import type { ProvinceTable } from '../../domain/province/index.ts';
import { fill, formatDate, text } from '../i18n/index.ts';
import { provinceVi as t } from '../i18n/province.vi.ts';
import { useRoute } from '../router.ts';
import { useServices } from '../services.ts';
import { SignedInHeader } from '../SignedInHeader.tsx';
import { PeriodPicker, QUARTER_NUMERALS } from '../office/indicators/PeriodPicker.tsx';
import { CommuneGrid } from './CommuneGrid.tsx';
import { provinceHref, provincePeriod } from './provinceRoute.ts';
import { useProvinceTable } from './useProvinceTable.ts';
import '../office/office.css';
import './province.css';

const periodText = (period: Period) =>
  period.quarter ? fill(t.periodQuarter, { q: QUARTER_NUMERALS[period.quarter - 1]!, year: period.year }) : fill(t.periodYear, { year: period.year });

function NotReported(props: { table: ProvinceTable }) {
  const { table } = props;
  const missing = table.communes.filter((c) => !c.reported);
  return (
    <section class="card" aria-labelledby="not-reported-title" data-not-reported={table.notReportedIds.join(' ')}>
      <h2 id="not-reported-title">{fill(t.notReportedTitle, { period: periodText(table.period) })}</h2>
      {missing.length === 0 && <p>{fill(t.notReportedNone, { period: periodText(table.period) })}</p>}
      <ul class="silent-units">
        {missing.map((c) => (
          <li key={c.communeId} class={c.overdue ? 'overdue' : undefined}>
            {c.communeName} · {fill(c.overdue ? t.overdue : t.dueBy, { date: formatDate(c.deadline) })}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Results(props: { table: ProvinceTable }) {
  const { table } = props;
  const behind = table.communes.filter((c) => c.behind.length > 0).length;
  return (
    <>
      <p class="muted">{fill(t.serverNote, { date: formatDate(table.asOf) })}</p>
      <p class="behind-summary">
        <strong>{fill(t.behindSummary, { n: behind, total: table.communes.length })}</strong>
      </p>
      <CommuneGrid communes={table.communes} />
      <p class="muted">{text.office.legend}</p>
      {indicatorsNotInProvinceView.length > 0 && (
        <p class="muted">
          {text.office.noDataTitle} {indicatorsNotInProvinceView.map((id) => text.office.indicators[id]).join('; ')}.
        </p>
      )}
    </>
  );
}

export function Province() {
  const { session } = useServices();
  useRoute(); // re-render on hash changes
  const today = dayInVietnam(new Date());
  const period = provincePeriod(location.hash, { year: quarterOf(today).year });
  const { state, reload } = useProvinceTable(period, today);
  const table = state.phase === 'ready' || state.phase === 'offline' ? state.table : undefined;

  return (
    <main class="screen office province">
      <SignedInHeader title={t.title} place={session.user.provinceName ?? ''} />
      {state.phase === 'offline' && (
        <p class="notice" role="status">
          {state.table ? fill(t.offline, { date: formatDate(state.savedAt ?? '') }) : t.offlineEmpty}
        </p>
      )}
      {state.phase === 'failed' && (
        <p class="notice error" role="alert">
          {t.failed}{' '}
          <button class="secondary" onClick={reload}>
            {t.retry}
          </button>
        </p>
      )}
      {table && <NotReported table={table} />}

      <section class="card" aria-labelledby="province-table-title">
        <h2 id="province-table-title">{t.tableTitle}</h2>
        <PeriodPicker period={period} href={provinceHref} />
        {state.phase === 'loading' && <p aria-busy="true">{text.office.loading}</p>}
        {table && <Results table={table} />}
      </section>
    </main>
  );
}
