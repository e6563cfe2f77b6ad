// Building blocks of an administrative document in the layout of Decree 30/2020/NĐ-CP,
// Appendix I: Times New Roman, A4, margins top/bottom 20 mm, left 30 mm, right 15 mm.
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';

export const FONT = 'Times New Roman';
export const A4 = { width: 11906, height: 16838 };
export const MARGINS = {
  top: convertMillimetersToTwip(20),
  bottom: convertMillimetersToTwip(20),
  left: convertMillimetersToTwip(30),
  right: convertMillimetersToTwip(15),
};
/** The width text runs in, between the margins. */
export const TEXT_WIDTH = A4.width - MARGINS.left - MARGINS.right;

/** Sizes in points; docx wants half-points. */
const half = (points: number) => points * 2;

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

export const run = (text: string, style: RunStyle = {}) =>
  new TextRun({ text, font: FONT, bold: style.bold, italics: style.italics, size: half(style.size ?? 14) });

/** A centred line, used in the heading blocks. */
export function centred(text: string, style: RunStyle = {}, after = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children: [run(text, style)] });
}

/** A short rule under a centred heading: a bottom border on an empty paragraph narrowed by indents. */
export function rule(widthTwips: number, boxWidth: number, after = 120): Paragraph {
  const side = Math.max(0, Math.round((boxWidth - widthTwips) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 60, after, line: 120 },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  });
}

/**
 * Body text: 14 pt, justified, first line indented 1 cm, 6 pt after; `keepNext` holds it on the
 * page of what follows (the closing line, with the signature block).
 */
export function body(text: string | TextRun[], style: RunStyle = {}, keepNext = false): Paragraph {
  return new Paragraph({
    keepNext,
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: convertMillimetersToTwip(10) },
    spacing: { after: 120, line: 300 },
    children: typeof text === 'string' ? [run(text, style)] : text,
  });
}

/** A section heading ("I. CÔNG TÁC …"): bold, flush with the first-line indent. */
export function heading(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: convertMillimetersToTwip(10) },
    spacing: { before: 120, after: 120, line: 300 },
    keepNext: true,
    children: [run(text, { bold: true })],
  });
}

/**
 * A two-column block without borders (the heading block, the signature block), one row that
 * never splits: a signature block starts and ends on one page, whatever the length of the body.
 */
export function twoColumns(left: Paragraph[], right: Paragraph[], leftShare: number): Table {
  const leftWidth = Math.round(TEXT_WIDTH * leftShare);
  const cell = (children: Paragraph[], width: number) => new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders: TableBorders.NONE });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, TEXT_WIDTH - leftWidth],
    borders: TableBorders.NONE,
    rows: [new TableRow({ cantSplit: true, children: [cell(left, leftWidth), cell(right, TEXT_WIDTH - leftWidth)] })],
  });
}

export const columnWidth = (share: number) => Math.round(TEXT_WIDTH * share);

/** A data table with a bold header row; 12 pt so the columns fit. */
export function dataTable(headers: string[], rows: string[][], shares: number[], centre: boolean[] = []): Table {
  const widths = shares.map(columnWidth);
  const cell = (text: string, index: number, header: boolean) =>
    new TableCell({
      width: { size: widths[index] ?? 0, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
      children: [
        new Paragraph({
          alignment: header || centre[index] ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [run(text, { bold: header, size: 12 })],
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, i, false)) })),
    ],
  });
}

export const spacer = (after = 120) => new Paragraph({ spacing: { after }, children: [] });
