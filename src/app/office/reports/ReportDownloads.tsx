// Word, Excel and CSV of the yearly report, built by the server: they need a connection,
// and the buttons say so when there is none.
import { useConnection } from '../../hooks/useConnection.ts';
import { text } from '../../i18n/index.ts';
import { useReportDownload } from './useReportDownload.ts';

const formats = [
  { format: 'docx', label: () => text.office.downloadWord },
  { format: 'xlsx', label: () => text.office.downloadExcel },
  { format: 'csv', label: () => text.office.downloadCsv },
] as const;

export function ReportDownloads(props: { year: number }) {
  const online = useConnection();
  const { busy, failed, acceptedOnly, setAcceptedOnly, download } = useReportDownload(props.year);

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
      <div class="actions">
        {formats.map(({ format, label }) => (
          <button key={format} class={format === 'docx' ? 'primary' : 'secondary'} disabled={!online || busy !== null} onClick={() => void download(format)}>
            {busy === format ? text.office.downloading : label()}
          </button>
        ))}
      </div>
    </div>
  );
}
