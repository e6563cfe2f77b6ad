// Word, Excel and CSV of the yearly report, built by the server: they need a connection,
// and the buttons say so when there is none.
import { useState } from 'preact/hooks';
import { useConnection } from '../../hooks/useConnection.ts';
import { text } from '../../i18n/index.ts';
import { apiHeaders } from '../../../sync/index.ts';

const formats = [
  { format: 'docx', label: () => text.office.downloadWord },
  { format: 'xlsx', label: () => text.office.downloadExcel },
  { format: 'csv', label: () => text.office.downloadCsv },
] as const;

export function ReportDownloads(props: { year: number }) {
  const online = useConnection();
  const [busy, setBusy] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [acceptedOnly, setAcceptedOnly] = useState(false);

  async function download(format: string): Promise<void> {
    setBusy(format);
    setFailed(false);
    try {
      const response = await fetch(`/api/v1/reports/yearly.${format}?year=${props.year}${acceptedOnly ? '&basis=accepted' : ''}`, {
        headers: apiHeaders(),
        cache: 'no-store',
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = `bao-cao-binh-dang-gioi-${props.year}.${format}`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch {
      setFailed(true);
    } finally {
      setBusy(null);
    }
  }

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
