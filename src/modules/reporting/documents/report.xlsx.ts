// A report of the reporting regime as an XLSX workbook: "Số liệu" with every figure (for a roll-up, how many units
// contributed, which gave nothing, and each unit's value when given) and "Nội dung" with the sections' texts, a
// superior's split by unit; then, when a sentiment report goes with it, its summary and tables (one sheet each).
import ExcelJS from 'exceljs';
import { addSheet, sheetText, packXlsx, type CellValue, type SheetColumn } from '../../../shared/documents/official.xlsx';
import { cleanLine, cleanParagraphs } from '../../../shared/documents/official.text';
import { isNumericFigure } from '../outlines.model';
import { ROLLUP_LABELS } from '../reporting.schema';
import { addSentimentSheets } from '../../sentiment/sentiment.document';
import { allSectionTextBlocks, figureCellValue, figureNumFmt, figureUnit, rollupByKey, sectionsInOrder, type ReportDocumentModel } from './report.model';

/** A cell holds at most 32,767 characters; longer texts go on several rows. */
export const MAX_CELL_CHARS = 32_000;

/** Splits a text into pieces of at most `max` characters, at line breaks where it can. */
export function splitForCells(text: string, max = MAX_CELL_CHARS): string[] {
  const out: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    for (let rest = line; ; ) {
      const room = max - current.length - (current === '' ? 0 : 1);
      if (rest.length <= room) {
        current = current === '' ? rest : `${current}\n${rest}`;
        break;
      }
      if (current !== '') {
        out.push(current);
        current = '';
        continue;
      }
      out.push(rest.slice(0, max));
      rest = rest.slice(max);
    }
  }
  if (current !== '') out.push(current);
  return out;
}

/** Names joined for one cell; past a cell's length, as many as fit and how many more. */
export function namesForCell(names: string[], max = MAX_CELL_CHARS): string {
  const all = names.join(', ');
  if (all.length <= max) return all;
  let out = '';
  let i = 0;
  // Leave room for the tail " … và 99999 đơn vị khác".
  for (; i < names.length; i++) {
    const next = out === '' ? names[i]! : `${out}, ${names[i]}`;
    if (next.length + 30 > max) break;
    out = next;
  }
  return `${out} … và ${names.length - i} đơn vị khác`.trim();
}

function figuresSheet(wb: ExcelJS.Workbook, model: ReportDocumentModel): void {
  const rollup = model.rollup ? rollupByKey(model) : null;
  const units = model.rollup?.units ?? [];
  const columns: SheetColumn[] = [
    { header: 'Mục', width: 8 },
    { header: 'Tên mục', width: 30 },
    { header: 'Mã chỉ tiêu', width: 18 },
    { header: 'Chỉ tiêu', width: 45 },
    { header: 'Đơn vị tính', width: 12 },
    { header: 'Số liệu', width: 14 },
  ];
  if (rollup) {
    columns.push(
      { header: 'Cách tổng hợp', width: 18 },
      { header: 'Số đơn vị có số liệu', width: 12, numeric: true },
      { header: 'Đơn vị chưa có số liệu', width: 40, wrap: true },
      ...units.map((u) => ({ header: sheetText(u.unitName), width: Math.max(12, Math.min(24, u.unitName.length + 2)) })),
    );
  }
  const rows: CellValue[][] = [];
  const formats: (string | null)[] = [];
  for (const { section } of sectionsInOrder(model.outline)) {
    for (const f of section.figures) {
      const row: CellValue[] = [
        section.address,
        cleanLine(section.title),
        f.key,
        cleanLine(f.label),
        figureUnit(f),
        figureCellValue(model.content.figures[f.key]),
      ];
      if (rollup) {
        const r = rollup.get(f.key);
        const none = f.rollup.kind === 'none';
        row.push(ROLLUP_LABELS[f.rollup.kind], none || !r ? null : r.contributed, none || !r ? '' : namesForCell(r.missing.map(cleanLine)));
        for (const u of units) row.push(figureCellValue(u.figures[f.key]));
      }
      rows.push(row);
      formats.push(isNumericFigure(f) ? figureNumFmt(f) : null);
    }
  }
  const ws = addSheet(wb, 'Số liệu', columns, rows);
  // Each figure's values (its own and the units') in its number format.
  const valueColumns = [6, ...units.map((_, i) => 10 + i)];
  formats.forEach((fmt, i) => {
    if (fmt === null) return;
    const row = ws.getRow(i + 2);
    for (const c of valueColumns) row.getCell(c).numFmt = fmt;
  });
}

function textsSheet(wb: ExcelJS.Workbook, model: ReportDocumentModel): void {
  const rows: CellValue[][] = [];
  if (model.rollup) {
    for (const piece of splitForCells(sheetText(model.rollup.coverage.statement))) rows.push(['', 'Tình hình báo cáo', '', piece]);
  }
  const blocks = allSectionTextBlocks(model);
  for (const { section } of sectionsInOrder(model.outline)) {
    for (const b of blocks.get(section.address) ?? []) {
      for (const piece of splitForCells(cleanParagraphs(b.text).join('\n'))) {
        rows.push([section.address, cleanLine(section.title), b.unitName === null ? '' : cleanLine(b.unitName), piece]);
      }
    }
  }
  addSheet(
    wb,
    'Nội dung',
    [
      { header: 'Mục', width: 8 },
      { header: 'Tên mục', width: 30, wrap: true },
      { header: 'Đơn vị', width: 24, wrap: true },
      { header: 'Nội dung', width: 100, wrap: true },
    ],
    rows,
  );
}

/** Renders a report's figures and texts as an XLSX workbook: "Số liệu", "Nội dung" (and the sentiment sheets). */
export async function renderReportXlsx(model: ReportDocumentModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Dân Ý';
  wb.title = sheetText(model.title);
  figuresSheet(wb, model);
  textsSheet(wb, model);
  if (model.sentiment) addSentimentSheets(wb, model.sentiment);
  return packXlsx(wb);
}
