// The completeness matrix as an XLSX workbook: "Tình hình báo cáo", units × periods, each cell in words and coloured
// by status, units grouped under their parent unit (a collapsible group whose row counts the reports received); and
// "Tổng hợp", each period's counts and rates with a legend of the colours. Written with exceljs's streaming writer,
// row by row with shared strings and shared styles, so a country (3,321 communes × 12 months) takes about a second.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { formatDayVi } from '../../../shared/dates';
import { cleanLine } from '../../../shared/documents/official.text';
import { LEVEL_NAMES } from '../schedule';
import {
  CELL_COLORS,
  CELL_KIND_LEGEND,
  CELL_KINDS,
  cellKind,
  cellText,
  countCell,
  emptyCounts,
  periodCounts,
  rate,
  type CellKind,
  type CompletenessCounts,
  type CompletenessMatrixModel,
  type CompletenessUnit,
} from './completeness.model';

const MATRIX_SHEET = 'Tình hình báo cáo';
const SUMMARY_SHEET = 'Tổng hợp';
/** Rows above the header: the title and the date of the figures. */
const HEADER_ROW = 3;

const thin = { style: 'thin', color: { argb: 'FFBFBFBF' } } as const;
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const solid = (rgb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${rgb}` } });

// One style object per look: the streaming writer registers a style once per object it has seen.
const STYLE = {
  title: { font: { bold: true, size: 14 } },
  note: { font: { italic: true } },
  header: {
    font: { bold: true },
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    fill: solid('D9E1F2'),
    border: BORDER,
  },
  text: { border: BORDER },
  center: { alignment: { horizontal: 'center' }, border: BORDER },
  group: { font: { bold: true }, fill: solid('F2F2F2'), border: BORDER },
  groupCount: { font: { bold: true }, fill: solid('F2F2F2'), alignment: { horizontal: 'center' }, border: BORDER },
  count: { numFmt: '#,##0', border: BORDER },
  rate: { numFmt: '0.0%', border: BORDER },
  totalLabel: { font: { bold: true }, border: BORDER },
  totalCount: { font: { bold: true }, numFmt: '#,##0', border: BORDER },
  totalRate: { font: { bold: true }, numFmt: '0.0%', border: BORDER },
} satisfies Record<string, Partial<ExcelJS.Style>>;

const CELL_STYLE = Object.fromEntries(
  CELL_KINDS.map((k) => [k, { fill: solid(CELL_COLORS[k]), alignment: { horizontal: 'center' }, border: BORDER } satisfies Partial<ExcelJS.Style>]),
) as Record<CellKind, Partial<ExcelJS.Style>>;

const levelName = (u: CompletenessUnit) => {
  const n = LEVEL_NAMES[u.level];
  return n.charAt(0).toLocaleUpperCase('vi') + n.slice(1);
};

function styled(row: ExcelJS.Row, styles: Partial<ExcelJS.Style>[]): void {
  styles.forEach((s, i) => (row.getCell(i + 1).style = s));
}

/** The title and date lines above a header row, the title merged across the sheet's width. */
function titleRows(ws: ExcelJS.Worksheet, model: CompletenessMatrixModel, width: number): void {
  const title = ws.addRow([cleanLine(model.title)]);
  title.getCell(1).style = STYLE.title;
  ws.mergeCells(1, 1, 1, width);
  title.commit();
  const note = ws.addRow([`Số liệu đến ngày ${formatDayVi(model.asOf)}`]);
  note.getCell(1).style = STYLE.note;
  note.commit();
}

/** Units in groups under their parent, in the order parents first appear; units without a parent first, ungrouped. */
function groups(units: CompletenessUnit[]): { parent: string | null; units: CompletenessUnit[] }[] {
  const byParent = new Map<string | null, CompletenessUnit[]>([[null, []]]);
  for (const u of units) {
    const key = u.parent === null ? null : cleanLine(u.parent);
    let list = byParent.get(key);
    if (!list) byParent.set(key, (list = []));
    list.push(u);
  }
  return [...byParent].map(([parent, list]) => ({ parent, units: list })).filter((g) => g.units.length > 0);
}

function matrixSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, model: CompletenessMatrixModel): void {
  const n = model.periods.length;
  const width = 4 + n;
  const ws = wb.addWorksheet(MATRIX_SHEET, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: HEADER_ROW }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` },
    properties: { outlineLevelRow: 1, outlineProperties: { summaryBelow: false, summaryRight: true } },
  });
  ws.columns = [{ width: 7 }, { width: 34 }, { width: 10 }, { width: 11 }, ...model.periods.map(() => ({ width: 17 }))];
  titleRows(ws, model, width);
  const header = ws.addRow(['STT', 'Đơn vị', 'Mã', 'Cấp', ...model.periods.map((p) => cleanLine(p.label))]);
  header.height = 30;
  styled(header, Array(width).fill(STYLE.header));
  header.commit();
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: width } };

  let stt = 0;
  for (const g of groups(model.units)) {
    if (g.parent !== null) {
      // The group's row: how many of its units' reports are in, per period.
      const counts = model.periods.map(emptyCounts);
      for (const u of g.units) u.cells.forEach((c, i) => countCell(counts[i]!, c));
      const row = ws.addRow(['', `${g.parent} (${g.units.length} đơn vị)`, '', '', ...counts.map((c) => (c.expected === 0 ? '' : `${c.submitted}/${c.expected}`))]);
      styled(row, [STYLE.group, STYLE.group, STYLE.group, STYLE.group, ...Array(n).fill(STYLE.groupCount)]);
      row.commit();
    }
    for (const u of g.units) {
      const values: (string | number)[] = [++stt, cleanLine(u.name), u.code, levelName(u)];
      const styles: Partial<ExcelJS.Style>[] = [STYLE.center, STYLE.text, STYLE.center, STYLE.text];
      for (let i = 0; i < n; i++) {
        const c = u.cells[i] ?? null;
        values.push(c === null ? '' : cellText(c));
        styles.push(c === null ? STYLE.text : CELL_STYLE[cellKind(c)]);
      }
      const row = ws.addRow(values);
      styled(row, styles);
      if (g.parent !== null) row.outlineLevel = 1;
      row.commit();
    }
  }
  ws.commit();
}

const COUNT_COLUMNS: { header: string; key: keyof CompletenessCounts; width: number }[] = [
  { header: 'Phải báo cáo', key: 'expected', width: 11 },
  { header: 'Đã nộp', key: 'submitted', width: 10 },
  { header: 'Đúng hạn', key: 'onTime', width: 10 },
  { header: 'Trễ hạn', key: 'late', width: 10 },
  { header: 'Đã tiếp nhận', key: 'accepted', width: 11 },
  { header: 'Bị trả lại', key: 'returned', width: 10 },
  { header: 'Chưa nộp (quá hạn)', key: 'missing', width: 11 },
  { header: 'Chưa đến hạn', key: 'notDue', width: 11 },
];
const RATE_COLUMNS: { header: string; key: keyof CompletenessCounts; width: number }[] = [
  { header: 'Tỷ lệ đã nộp', key: 'submitted', width: 11 },
  { header: 'Tỷ lệ đúng hạn', key: 'onTime', width: 11 },
  { header: 'Tỷ lệ trễ hạn', key: 'late', width: 11 },
  { header: 'Tỷ lệ chưa nộp', key: 'missing', width: 11 },
];

function summarySheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, model: CompletenessMatrixModel): void {
  const width = 2 + COUNT_COLUMNS.length + RATE_COLUMNS.length;
  const ws = wb.addWorksheet(SUMMARY_SHEET, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: HEADER_ROW }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [{ width: 24 }, { width: 13 }, ...COUNT_COLUMNS.map((c) => ({ width: c.width })), ...RATE_COLUMNS.map((c) => ({ width: c.width }))];
  titleRows(ws, model, width);
  const header = ws.addRow(['Kỳ báo cáo', 'Hạn báo cáo', ...COUNT_COLUMNS.map((c) => c.header), ...RATE_COLUMNS.map((c) => c.header)]);
  header.height = 45;
  styled(header, Array(width).fill(STYLE.header));
  header.commit();

  const line = (label: string, deadline: string, c: CompletenessCounts, total: boolean) => {
    const row = ws.addRow([label, deadline, ...COUNT_COLUMNS.map((col) => c[col.key]), ...RATE_COLUMNS.map((col) => rate(c[col.key], c))]);
    styled(row, [
      total ? STYLE.totalLabel : STYLE.text,
      total ? STYLE.totalLabel : STYLE.center,
      ...Array(COUNT_COLUMNS.length).fill(total ? STYLE.totalCount : STYLE.count),
      ...Array(RATE_COLUMNS.length).fill(total ? STYLE.totalRate : STYLE.rate),
    ]);
    row.commit();
  };
  const counts = periodCounts(model);
  const all = emptyCounts();
  model.periods.forEach((p, i) => {
    const c = counts[i]!;
    line(cleanLine(p.label), p.deadline === null ? '' : formatDayVi(p.deadline), c, false);
    for (const k of Object.keys(all) as (keyof CompletenessCounts)[]) all[k] += c[k];
  });
  line('Cộng các kỳ', '', all, true);

  ws.addRow([]).commit();
  const legend = ws.addRow(['Chú giải màu ô']);
  legend.getCell(1).style = { font: { bold: true } };
  legend.commit();
  for (const k of CELL_KINDS) {
    const row = ws.addRow([CELL_KIND_LEGEND[k]]);
    row.getCell(1).style = CELL_STYLE[k];
    row.commit();
  }
  ws.commit();
}

/** Renders the completeness matrix and its summary as an XLSX workbook. */
export async function renderCompletenessXlsx(model: CompletenessMatrixModel): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  wb.creator = 'Dân Ý';
  matrixSheet(wb, model);
  summarySheet(wb, model);
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}
