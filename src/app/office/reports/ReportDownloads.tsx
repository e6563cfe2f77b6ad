// Word, Excel and CSV of the yearly report and of a quarter's, and the separate case list
// (MẬT), built by the server: they need a connection, and the buttons say so when there is none. What the report settings still lack is
// said before the download (which works anyway).
import { useState } from 'preact/hooks';
import type { ReportSettings } from '../../../domain/plan/reportSettings.ts';
import { useConnection } from '../../hooks/useConnection.ts';
import { fill, text } from '../../i18n/index.ts';
import { QUARTER_NUMERALS } from '../indicators/PeriodPicker.tsx';
import { MissingSettings } from '../plan/ReportSettingsEditor.tsx';
import { useReportDownload, type ReportQuarter } from './useReportDownload.ts';

const formats = [
  { format: 'docx', label: () => text.office.downloadWord, quarterLabel: () => text.reportSettings.downloadQuarterWord },
  { format: 'xlsx', label: () => text.office.downloadExcel, quarterLabel: () => text.reportSettings.downloadQuarterExcel },
  { format: 'csv', label: () => text.office.downloadCsv, quarterLabel: () => text.reportSettings.downloadQuarterCsv },
] as const;

const QUARTERS: readonly ReportQuarter[] = [1, 2, 3, 4];

export function ReportDownloads(props: { year: number; quarter: ReportQuarter; settings?: ReportSettings }) {
  const online = useConnection();
  const { busy, failed, acceptedOnly, setAcceptedOnly, semicolons, setSemicolons, download, downloadCases } = useReportDownload(props.year);
  const [quarter, setQuarter] = useState<ReportQuarter>(props.quarter);

  return (
    <div class="report-downloads">
      <p class="muted">{text.office.reportIntro}</p>
      {!online && <p class="notice warn">{text.office.needsConnection}</p>}
      {failed && online && (
        <p class="notice error" role="alert">
          {text.office.downloadFailed}
        </p>
      )}
      <label class="choice">
        <input type="checkbox" checked={acceptedOnly} onChange={(e) => setAcceptedOnly((e.target as HTMLInputElement).checked)} />
        {text.office.acceptedOnly}
      </label>
      <label class="choice">
        <input type="checkbox" checked={semicolons} onChange={(e) => setSemicolons((e.target as HTMLInputElement).checked)} />
        {text.office.csvSemicolons}
      </label>
      <MissingSettings settings={props.settings} fix />
      <div class="actions">
        {formats.map(({ format, label }) => (
          <button key={format} class={format === 'docx' ? 'primary' : 'secondary'} disabled={!online || busy !== null} onClick={() => void download(format)}>
            {busy === format ? text.office.downloading : label()}
          </button>
        ))}
      </div>
      <h3>{text.reportSettings.quarterTitle}</h3>
      <label class="field quarter-choice">
        <span>{text.reportSettings.quarter}</span>
        <select value={quarter} onChange={(e) => setQuarter(Number((e.target as HTMLSelectElement).value) as ReportQuarter)}>
          {QUARTERS.map((q) => (
            <option key={q} value={q}>
              {fill(text.reportSettings.quarterName, { q: QUARTER_NUMERALS[q - 1]! })}
            </option>
          ))}
        </select>
      </label>
      <MissingSettings settings={props.settings} quarter={quarter} fix />
      <div class="actions">
        {formats.map(({ format, quarterLabel }) => (
          <button
            key={format}
            class={format === 'docx' ? 'primary' : 'secondary'}
            disabled={!online || busy !== null}
            onClick={() => void download(format, quarter)}
          >
            {busy === `q${quarter}-${format}` ? text.office.downloading : quarterLabel()}
          </button>
        ))}
      </div>
      <h3>{text.office.caseListTitle}</h3>
      <p class="notice warn">{text.office.caseListWarning}</p>
      <div class="actions">
        <button class="secondary" disabled={!online || busy !== null} onClick={() => void downloadCases()}>
          {busy === 'cases' ? text.office.downloading : text.office.downloadCaseList}
        </button>
      </div>
    </div>
  );
}
