// Spreadsheet annexes (phụ lục) of official documents: sheets with a bold, frozen, filtered header row, Vietnamese
// headers, widths and number formats, and user text that stays text.
import type ExcelJS from 'exceljs';
import { cleanLine } from './official.text';

export type CellValue = string | number | null;

// A text a spreadsheet would take for a formula (or a DDE payload) when typed or re-imported.
const FORMULA_LIKE = /^[=+\-@\t\r]/;

/** User text for a cell: cleaned, on one line; '' for none. */
export function sheetText(s: string | null): string {
  return s === null ? '' : cleanLine(s);
}

/** Whether a string cell needs the text number format ("@") to stay text when someone edits it. */
function formulaLike(v: unknown): boolean {
  return typeof v === 'string' && FORMULA_LIKE.test(v);
}

export interface SheetColumn {
  header: string;
  width: number;
  /** Number columns get digit grouping ("#,##0"), or this format. */
  numeric?: boolean | string;
  /** Long text: wrapped, top-aligned. */
  wrap?: boolean;
}

/**
 * A sheet with a bold, frozen header row. User text is only ever passed as a JavaScript string, which exceljs writes
 * as a string cell, never a formula; a formula-like text also gets the text number format ("@") so it stays text
 * when someone edits the cell in a spreadsheet.
 */
export function addSheet(wb: ExcelJS.Workbook, name: string, columns: SheetColumn[], rows: CellValue[][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  ws.columns = columns.map((c) => ({
    width: c.width,
    style: {
      ...(c.numeric ? { numFmt: typeof c.numeric === 'string' ? c.numeric : '#,##0' } : {}),
      ...(c.wrap ? { alignment: { wrapText: true, vertical: 'top' as const } } : {}),
    },
  }));
  const head = ws.addRow(columns.map((c) => c.header));
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  for (const values of rows) {
    const row = ws.addRow(values);
    values.forEach((v, i) => {
      if (formulaLike(v)) row.getCell(i + 1).numFmt = '@';
    });
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return ws;
}

/** The bytes of the .xlsx file. */
export async function packXlsx(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
