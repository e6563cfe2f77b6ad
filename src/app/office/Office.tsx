// The commune officer's progress view: the plan's indicators for each unit over a quarter or
// the year, from the records, plan and units kept on this device (so it works offline), the units that sent
// nothing this quarter, the coming dates, and the report downloads.
import { dayInVietnam, quarterOf } from '../../domain/index.ts';
import { periodKey } from '../../domain/indicators/index.ts';
import { fill, formatDate, text } from '../i18n/index.ts';
import { routeHref, useRoute } from '../router.ts';
import { useServices } from '../services.ts';
import { SignedInHeader } from '../SignedInHeader.tsx';
import { PeriodPicker, QUARTER_NUMERALS } from './indicators/PeriodPicker.tsx';
import { SyncBanner } from '../sync-status/SyncBanner.tsx';
import { AccountPanel } from './accounts/AccountPanel.tsx';
import { ComingDates } from './indicators/ComingDates.tsx';
import { HistoryPanel } from './history/HistoryPanel.tsx';
import { DeviceGaps } from './devices/DeviceGaps.tsx';
import { DevicePanel } from './devices/DevicePanel.tsx';
import { IndicatorGrid } from './indicators/IndicatorGrid.tsx';
import { useYearRecords } from '../commune/useYearRecords.ts';
import { useIndicatorTable } from './indicators/useIndicatorTable.ts';
import { officeHref, officePeriod } from './officeRoute.ts';
import { PlanEditor } from './plan/PlanEditor.tsx';
import { ReportSettingsEditor } from './plan/ReportSettingsEditor.tsx';
import { useReportSettings } from './plan/useReportSettings.ts';
import { QuarterCharts } from './indicators/QuarterCharts.tsx';
import { ReportDownloads } from './reports/ReportDownloads.tsx';
import { ReviewPanel } from './reviews/ReviewPanel.tsx';
import { Waiting } from './reviews/Waiting.tsx';
import { usePlan } from './plan/usePlan.ts';
import { UnitSetup } from './units/UnitSetup.tsx';
import { useUnits } from './units/useUnits.ts';
import './office.css';

export function Office() {
  const { session } = useServices();
  useRoute(); // re-render on hash changes
  const today = dayInVietnam(new Date());
  const current = quarterOf(today);
  const period = officePeriod(location.hash, { year: current.year });
  const communeId = session.user.communeId;
  const planState = usePlan(communeId, period.year);
  const plan = planState.plan;
  const currentPlan = usePlan(communeId, current.year).plan;
  const unitsState = useUnits();
  const reportSettings = useReportSettings(period.year);
  const units = unitsState.entries;

  const yearRecords = useYearRecords(period.year);
  const currentRecords = useYearRecords(current.year);
  const table = useIndicatorTable({ records: yearRecords, plan, units, period, asOf: today });
  const thisQuarter = useIndicatorTable({ records: currentRecords, plan: currentPlan, units, period: current, asOf: today });
  const unitName = (id: string) => units.find((u) => u.id === id)?.name ?? id;

  return (
    <main class="screen office">
      <SignedInHeader title={text.office.title} place={session.user.communeName} />
      <SyncBanner />

      <section class="card" aria-labelledby="coming-title">
        <h2 id="coming-title">{text.office.comingTitle}</h2>
        <ComingDates plan={currentPlan} today={today} />
      </section>

      <section class="card" aria-labelledby="waiting-title">
        <Waiting plan={currentPlan} units={units} today={today} />
      </section>

      <section class="card" aria-labelledby="silent-title" data-silent-units={thisQuarter?.silentUnitIds.join(' ')}>
        <h2 id="silent-title">{fill(text.office.silentTitle, { q: QUARTER_NUMERALS[current.quarter - 1]!, year: current.year })}</h2>
        {thisQuarter && thisQuarter.silentUnitIds.length === 0 && (
          <p>{fill(text.office.silentNone, { q: QUARTER_NUMERALS[current.quarter - 1]!, year: current.year })}</p>
        )}
        <ul class="silent-units">
          {thisQuarter?.silentUnitIds.map((id) => (
            <li key={id}>{unitName(id)}</li>
          ))}
        </ul>
      </section>

      <DeviceGaps unitName={unitName} />

      <section class="card" aria-labelledby="table-title">
        <h2 id="table-title">{text.office.tableTitle}</h2>
        <PeriodPicker period={period} href={officeHref} />
        <p class="muted">{fill(text.office.localNote, { date: formatDate(today) })}</p>
        {table ? (
          <IndicatorGrid table={table} plan={plan} communeName={session.user.communeName} records={yearRecords ?? []} units={units} />
        ) : (
          <p aria-busy="true">{text.office.loading}</p>
        )}
      </section>

      {yearRecords && (
        <section class="card" aria-labelledby="charts-title">
          <h2 id="charts-title">{fill(text.office.chartsTitle, { year: period.year })}</h2>
          <QuarterCharts plan={plan} units={units} records={yearRecords} year={period.year} asOf={today} />
        </section>
      )}

      <section class="card" aria-labelledby="review-title">
        <ReviewPanel period={periodKey(period)} units={units} />
      </section>

      <section class="card" aria-labelledby="plan-title">
        <h2 id="plan-title">{fill(text.office.planTitle, { year: period.year })}</h2>
        <p class="muted" data-plan-saved={planState.saved}>
          {planState.saved ? text.office.planSavedNote : text.office.planDefault}
        </p>
        <PlanEditor plan={plan} saved={planState.saved} save={planState.save} />
        <ReportSettingsEditor state={reportSettings} />
      </section>

      <section class="card" aria-labelledby="units-title">
        <h2 id="units-title">{text.office.unitsTitle}</h2>
        <UnitSetup units={unitsState} />
      </section>

      <section class="card" aria-labelledby="accounts-title">
        <AccountPanel units={units} />
      </section>

      <section class="card" aria-labelledby="devices-title">
        <DevicePanel />
      </section>

      <section class="card history" aria-label={text.history.auditTitle}>
        <HistoryPanel unitName={unitName} />
      </section>

      <section class="card" aria-labelledby="report-title">
        <h2 id="report-title">{fill(text.office.reportTitle, { year: period.year })}</h2>
        <ReportDownloads
          year={period.year}
          quarter={period.quarter ?? (period.year === current.year ? current.quarter : 4)}
          settings={reportSettings.settings}
        />
      </section>

      <p>
        <a class="link" href={routeHref({ screen: 'home', kind: 'newsPost' })}>
          {text.office.records}
        </a>
      </p>
    </main>
  );
}
