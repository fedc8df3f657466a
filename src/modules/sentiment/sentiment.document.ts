// The monthly sentiment report as a part of a printed report: a summary sentence, then its tables (by attitude, topic,
// stratum, source and area; hot issues; false information; representative opinions). The same tables go into the DOCX
// (one bordered table each) and the XLSX (one sheet each), so both say the same.
import type ExcelJS from 'exceljs';
import { heading, mm, para, partHeading, simpleTable, type Align, type Block } from '../../shared/documents/official.docx';
import { cleanLine, cleanParagraphs, formatPercent } from '../../shared/documents/official.text';
import { addSheet, sheetText, type CellValue } from '../../shared/documents/official.xlsx';
import { formatNumberVi } from '../../shared/text';
import { STRATUM_LABELS, type Stratum } from '../consultations/consultations.schema';
import { ATTITUDE_LABELS, SENTIMENT_SOURCE_LABELS, type SentimentCount, type SentimentItem, type SentimentReport, type SentimentSource } from './sentiment.schema';
import { monthLabel } from './sentiment.model';

interface Column {
  header: string;
  align: Align;
  /** Width in the DOCX (mm; 0: what the others leave). */
  mm: number;
  /** Width in the XLSX (characters). */
  chars: number;
}

/** One table of the sentiment part, ready for either rendering. */
export interface SentimentTable {
  title: string;
  /** Name of its XLSX sheet (at most 31 characters). */
  sheet: string;
  columns: Column[];
  rows: CellValue[][];
}

const col = (header: string, align: Align, mmWidth: number, chars: number): Column => ({ header, align, mm: mmWidth, chars });
const NO = col('STT', 'center', 12, 6);
const RECORDS = col('Số ý kiến', 'right', 22, 12);
const PEOPLE = col('Số người', 'right', 22, 12);

/** The heading of the part. */
export const sentimentHeading = (month: string) => `Tình hình tư tưởng, dư luận xã hội trong ${monthLabel(month)}`;

const capitalized = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
const dmy = (iso: string) => iso.split('-').reverse().join('/');
const stratumName = (k: string) => STRATUM_LABELS[k as Stratum] ?? k;

/** "Trong tháng 3/2026, … nắm được 12 ý kiến, dư luận của khoảng 340 người …". */
export function sentimentSummary(r: SentimentReport): string {
  const when = `Trong ${monthLabel(r.month)}`;
  if (r.totals.records === 0) return `${when}, ${r.organizationName} chưa ghi nhận ý kiến, dư luận nào của Nhân dân.`;
  const n = formatNumberVi;
  const attitudes = r.byAttitude
    .filter((a) => a.records > 0)
    .map((a) => `${ATTITUDE_LABELS[a.key as keyof typeof ATTITUDE_LABELS].toLowerCase()} ${n(a.records)} ý kiến (${formatPercent(a.records, r.totals.records)}%)`)
    .join(', ');
  return (
    `${when}, ${r.organizationName} nắm được ${n(r.totals.records)} ý kiến, dư luận của khoảng ${n(r.totals.people)} người, ` +
    `ghi nhận tại ${n(r.totals.units)} đơn vị; trong đó ${attitudes}. ` +
    `Có ${n(r.totals.hotIssues)} vấn đề nổi cộm, bức xúc và ${n(r.totals.falseInformation)} thông tin sai trái cần theo dõi, xử lý.`
  );
}

function countRows(counts: SentimentCount[], name: (key: string) => string, numbered: boolean): CellValue[][] {
  return counts.map((c, i) => [...(numbered ? [i + 1] : []), name(c.key), c.records, c.people]);
}

function itemRows(items: SentimentItem[]): CellValue[][] {
  return items.map((it, i) => [i + 1, it.organizationName, dmy(it.observedOn), [it.content, it.quotes ? `“${it.quotes}”` : ''].filter(Boolean).join('\n'), it.peopleCount]);
}

const ITEM_COLUMNS = [NO, col('Đơn vị', 'left', 38, 28), col('Ngày', 'center', 22, 12), col('Nội dung', 'left', 0, 80), PEOPLE];

/** The tables of the part, in reading order; tables with no rows are left out (but not the attitudes). */
export function sentimentTables(r: SentimentReport): SentimentTable[] {
  const tables: SentimentTable[] = [
    {
      title: 'Theo thái độ',
      sheet: 'DLXH - Thái độ',
      columns: [col('Thái độ', 'left', 0, 20), RECORDS, PEOPLE, col('Tỷ lệ (%)', 'right', 22, 10)],
      rows: r.byAttitude.map((a) => [ATTITUDE_LABELS[a.key as keyof typeof ATTITUDE_LABELS] ?? a.key, a.records, a.people, formatPercent(a.records, r.totals.records)]),
    },
    { title: 'Theo chủ đề', sheet: 'DLXH - Chủ đề', columns: [NO, col('Chủ đề', 'left', 0, 40), RECORDS, PEOPLE], rows: countRows(r.byTopic, capitalized, true) },
    { title: 'Theo tầng lớp Nhân dân', sheet: 'DLXH - Tầng lớp', columns: [NO, col('Tầng lớp', 'left', 0, 32), RECORDS, PEOPLE], rows: countRows(r.byStratum, stratumName, true) },
    {
      title: 'Theo nguồn nắm tình hình',
      sheet: 'DLXH - Nguồn',
      columns: [col('Nguồn', 'left', 0, 40), RECORDS, PEOPLE],
      rows: countRows(r.bySource, (k) => SENTIMENT_SOURCE_LABELS[k as SentimentSource] ?? k, false),
    },
    {
      title: 'Theo địa bàn, đơn vị',
      sheet: 'DLXH - Địa bàn',
      columns: [NO, col('Đơn vị', 'left', 0, 40), RECORDS, PEOPLE],
      rows: r.byArea.map((a, i) => [i + 1, a.organizationName, a.records, a.people]),
    },
    { title: 'Vấn đề nổi cộm, bức xúc', sheet: 'Vấn đề nổi cộm', columns: ITEM_COLUMNS, rows: itemRows(r.hotIssues) },
    { title: 'Thông tin sai trái', sheet: 'Thông tin sai trái', columns: ITEM_COLUMNS, rows: itemRows(r.falseInformation) },
    {
      title: 'Ý kiến tiêu biểu',
      sheet: 'Ý kiến tiêu biểu',
      columns: [NO, col('Đơn vị', 'left', 38, 28), col('Thái độ', 'center', 24, 12), col('Ý kiến', 'left', 0, 80), PEOPLE],
      rows: r.notable.map((it, i) => [i + 1, it.organizationName, ATTITUDE_LABELS[it.attitude], `“${it.quotes}”`, it.peopleCount]),
    },
  ];
  return tables.filter((t, i) => i === 0 || t.rows.length > 0);
}

const printed = (v: CellValue) => (v === null ? '' : typeof v === 'number' ? formatNumberVi(v) : cleanParagraphs(v).join(' / '));

/** The part as DOCX blocks: its heading, the summary, then each table under its title. */
export function sentimentDocxBlocks(r: SentimentReport): Block[] {
  const blocks: Block[] = [partHeading(sentimentHeading(r.month).toLocaleUpperCase('vi')), para(sentimentSummary(r))];
  sentimentTables(r).forEach((t, i) => {
    blocks.push(heading(`${i + 1}. ${t.title}`, { bold: true }, 120, 60));
    blocks.push(
      simpleTable(
        t.columns.map((c) => ({ header: c.header, width: c.mm ? mm(c.mm) : 0, align: c.align })),
        t.rows.map((row) => ({ cells: row.map((v) => cleanLine(printed(v))) })),
      ),
    );
  });
  return blocks;
}

/** The part as XLSX sheets: the summary, then one sheet per table. */
export function addSentimentSheets(wb: ExcelJS.Workbook, r: SentimentReport): void {
  addSheet(wb, 'Dư luận xã hội', [{ header: sheetText(sentimentHeading(r.month)), width: 120, wrap: true }], [[sheetText(sentimentSummary(r))]]);
  for (const t of sentimentTables(r)) {
    addSheet(
      wb,
      t.sheet,
      t.columns.map((c) => ({ header: c.header, width: c.chars, numeric: c.align === 'right' && c.header !== 'Tỷ lệ (%)', wrap: c.mm === 0 })),
      t.rows.map((row) => row.map((v) => (typeof v === 'string' ? v.normalize('NFC') : v))),
    );
  }
}
