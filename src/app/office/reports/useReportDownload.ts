// The yearly report, or a quarter's, as a file the server builds (Word, Excel, CSV: commas, or
// semicolons for a spreadsheet set to Vietnamese), over all records or the accepted ones only,
// and the separate case list (MẬT), handed to the browser as a download; a refusal or no answer
// says failed.
import { useState } from 'preact/hooks';
import { useServices } from '../../services.ts';

export type ReportFormat = 'docx' | 'xlsx' | 'csv';

export type ReportQuarter = 1 | 2 | 3 | 4;

export const reportFileName = (year: number, format: ReportFormat, quarter?: ReportQuarter) =>
  quarter ? `bao-cao-binh-dang-gioi-quy-${quarter}-${year}.${format}` : `bao-cao-binh-dang-gioi-${year}.${format}`;

export const caseListFileName = (year: number) => `danh-sach-vu-viec-MAT-${year}.xlsx`;

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
  /** The file being made: "docx" for the year's, "q3-docx" for a quarter's. */
  const [busy, setBusy] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [acceptedOnly, setAcceptedOnly] = useState(false);
  const [semicolons, setSemicolons] = useState(false);

  async function fetchAs(key: string, path: string, name: string): Promise<void> {
    setBusy(key);
    setFailed(false);
    try {
      const answer = await api.file(path);
      if (answer.ok) save(answer.value, name);
      else setFailed(true);
    } finally {
      setBusy(null);
    }
  }

  /** The year's file, or the quarter's when one is given. */
  async function download(format: ReportFormat, quarter?: ReportQuarter): Promise<void> {
    const basis = acceptedOnly ? '&basis=accepted' : '';
    const delimiter = format === 'csv' && semicolons ? '&delimiter=semicolon' : '';
    const path = quarter
      ? `/reports/quarterly.${format}?year=${year}&quarter=${quarter}${basis}${delimiter}`
      : `/reports/yearly.${format}?year=${year}${basis}${delimiter}`;
    await fetchAs(quarter ? `q${quarter}-${format}` : format, path, reportFileName(year, format, quarter));
  }

  /** The case list: one row per case, for the officer only; each case in it is logged as read. */
  async function downloadCases(): Promise<void> {
    await fetchAs('cases', `/reports/cases.xlsx?year=${year}${acceptedOnly ? '&basis=accepted' : ''}`, caseListFileName(year));
  }

  return { busy, failed, acceptedOnly, setAcceptedOnly, semicolons, setSemicolons, download, downloadCases };
}
