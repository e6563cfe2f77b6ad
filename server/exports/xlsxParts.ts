// The pieces the Excel workbooks are built from: a sheet that prints well, figures as numbers.
import type ExcelJS from 'exceljs';

export type Cell = string | number;

export interface SheetOptions {
  /** Printed at the top of every page (Excel's header code), e.g. the secrecy mark of a case list. */
  pageHeader?: string;
}
/**
 * One sheet: a bold, shaded header row that stays on screen and repeats on every printed page;
 * wrapped text in columns of set widths; A4, landscape when the columns are wider than a
 * portrait page, scaled to the page's width (LibreOffice and Excel print it on whole pages).
 */
export function addSheet(workbook: ExcelJS.Workbook, name: string, headers: string[], rows: Cell[][], widths: number[], options: SheetOptions = {}): void {
  const totalWidth = headers.reduce((sum, _, i) => sum + (widths[i] ?? 14), 0);
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: {
      paperSize: 9,
      orientation: totalWidth > 95 ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: options.pageHeader
      ? { differentFirst: false, oddHeader: options.pageHeader, evenHeader: options.pageHeader, oddFooter: `${name} – Trang &P/&N` }
      : { oddFooter: `${name} – Trang &P/&N` },
  });
  const border = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
  const borders = { top: border, left: border, bottom: border, right: border };
  // Styles set on the columns before the rows are added: every new cell takes them (cheap on 10,000 rows).
  sheet.columns = headers.map((_, i) => {
    const width = widths[i] ?? 14;
    // Narrow columns hold figures: centred, so "4" and "1/5" line up.
    return { width, style: { alignment: { wrapText: true, vertical: 'top', horizontal: width <= 10 ? 'center' : 'left' }, border: borders } };
  });
  const header = sheet.addRow(headers);
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF0' } };
  });
  // Row heights are set here: LibreOffice does not grow a row to its wrapped text on opening.
  const heightOf = (cells: readonly Cell[]) => {
    let lines = 1;
    cells.forEach((value, i) => {
      const perLine = Math.max(1, Math.floor((widths[i] ?? 14) * 0.95));
      lines = Math.max(lines, Math.ceil(String(value).length / perLine));
    });
    return 15 * Math.min(lines, 8) + 2;
  };
  header.height = heightOf(headers);
  for (const row of rows) sheet.addRow(row).height = heightOf(row);
  if (rows.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
}

/** A count written as text ("4") becomes a number, so the sheet can add it up; "2/3" stays text. */
export const numeric = (value: string): Cell => (/^\d+$/.test(value) ? Number(value) : value);

export const yesNo = (value: boolean) => (value ? 'Có' : 'Không');
export const list = <K extends string>(labels: Record<K, string>, keys: readonly K[]) => keys.map((k) => labels[k]).join('; ');
