// The yearly report as a file the server builds (Word, Excel, CSV), over all records or the
// accepted ones only, handed to the browser as a download; a refusal or no answer says failed.
import { useState } from 'preact/hooks';
import { useServices } from '../../services.ts';

export type ReportFormat = 'docx' | 'xlsx' | 'csv';

export const reportFileName = (year: number, format: ReportFormat) => `bao-cao-binh-dang-gioi-${year}.${format}`;

/** The browser's download of a file made on the page. */
export function saveFile(file: Blob, name: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function useReportDownload(year: number, save: (file: Blob, name: string) => void = saveFile) {
  const { api } = useServices();
  const [busy, setBusy] = useState<ReportFormat | null>(null);
  const [failed, setFailed] = useState(false);
  const [acceptedOnly, setAcceptedOnly] = useState(false);

  async function download(format: ReportFormat): Promise<void> {
    setBusy(format);
    setFailed(false);
    try {
      const answer = await api.file(`/reports/yearly.${format}?year=${year}${acceptedOnly ? '&basis=accepted' : ''}`);
      if (answer.ok) save(answer.value, reportFileName(year, format));
      else setFailed(true);
    } finally {
      setBusy(null);
    }
  }

  return { busy, failed, acceptedOnly, setAcceptedOnly, download };
}
