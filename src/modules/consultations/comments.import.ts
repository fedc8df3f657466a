// Reading comment sheets (XLSX or CSV) collected on paper, row by row with bounded memory: rows are streamed from
// the file, checked against the consultation (drafts, sections, period) and handed on in batches; every problem is
// reported by row and column in Vietnamese.
import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import ExcelJS from 'exceljs';
import { AppError } from '../../shared/errors';
import { foldVietnamese, formatNumberVi } from '../../shared/text';
import { readZipDirectory } from './drafts.import';
import { xlsxRows } from './xlsx.rows';
import { AGE_BANDS, CHANNELS, CommentText, GENDERS, STRATA, STRATUM_LABELS, type Channel } from './consultations.schema';

/** The template's columns, in order. Headers are matched without regard to case or diacritics. */
export const IMPORT_COLUMNS = [
  { key: 'body', header: 'Nội dung góp ý', required: true, width: 80 },
  { key: 'draft', header: 'Dự thảo (số thứ tự)', required: false, width: 14 },
  { key: 'section', header: 'Mục (ví dụ II.3.b)', required: false, width: 16 },
  { key: 'stratum', header: 'Thành phần', required: false, width: 22 },
  { key: 'gender', header: 'Giới tính (nam/nữ/khác)', required: false, width: 14 },
  { key: 'ageBand', header: 'Độ tuổi (dưới 30/30-44/45-59/từ 60)', required: false, width: 16 },
  { key: 'ethnicity', header: 'Dân tộc', required: false, width: 12 },
  { key: 'religion', header: 'Tôn giáo', required: false, width: 12 },
  { key: 'authorName', header: 'Họ tên (không bắt buộc)', required: false, width: 22 },
  { key: 'weight', header: 'Số người', required: false, width: 10 },
  { key: 'madeOn', header: 'Ngày góp ý (dd/mm/yyyy)', required: false, width: 14 },
  { key: 'channel', header: 'Kênh (văn bản/thư/phiếu/hội nghị)', required: false, width: 18 },
] as const;
type ColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];

/** Limits of an upload through the web; the CLI, run by an administrator on the server, allows larger files. */
export const IMPORT_LIMITS = {
  maxFileBytes: 20 * 1024 * 1024,
  maxRows: 1_000_000,
  /** A real sheet inflates a few times; a zip bomb thousands. */
  maxUncompressedBytes: 400 * 1024 * 1024,
  maxReportedErrors: 1000,
};

export const CLI_IMPORT_LIMITS: typeof IMPORT_LIMITS = { maxFileBytes: 1024 * 1024 * 1024, maxRows: 10_000_000, maxUncompressedBytes: 4 * 1024 * 1024 * 1024, maxReportedErrors: 1000 };

export interface ImportRowError {
  row: number;
  column: string;
  reason: string;
}

export interface ImportedComment {
  row: number;
  body: string;
  draftId: number | null;
  draftVersionId: number | null;
  sectionAddress: string | null;
  stratum: string | null;
  gender: string | null;
  ageBand: string | null;
  ethnicity: string | null;
  religion: string | null;
  authorName: string | null;
  weight: number;
  madeOn: string;
  channel: Channel;
}

/** What the rows are checked against. */
export interface ImportContext {
  drafts: Array<{ position: number; draftId: number; draftVersionId: number; title: string; sections: Set<string> }>;
  opensOn: string;
  closesOn: string;
  today: string;
}

const fold = (s: string) => foldVietnamese(s).replace(/\s+/g, ' ');
const HEADER_KEYS = new Map(IMPORT_COLUMNS.map((c) => [fold(c.header.replace(/\(.*\)/, '')), c.key as ColumnKey]));
const STRATUM_BY_NAME = new Map<string, string>([...STRATA.map((s) => [s, s] as const), ...Object.entries(STRATUM_LABELS).map(([k, v]) => [fold(v), k] as const)]);
const GENDER_BY_NAME = new Map<string, string>([['nam', 'nam'], ['nu', 'nu'], ['khac', 'khac'], ...GENDERS.map((g) => [g, g] as const)]);
const AGE_BY_NAME = new Map<string, string>([
  ['duoi 30', 'duoi_30'],
  ['30 44', '30_44'],
  ['45 59', '45_59'],
  ['tu 60', 'tu_60'],
  ['tren 60', 'tu_60'],
  ...AGE_BANDS.map((a) => [fold(a.replace('_', ' ')), a] as const),
]);
const CHANNEL_BY_NAME = new Map<string, Channel>([
  ['van ban', 'written'],
  ['thu', 'letter'],
  ['don', 'letter'],
  ['phieu', 'survey'],
  ['phieu khao sat', 'survey'],
  ['hoi nghi', 'conference'],
  ['bang tong hop', 'sheet'],
  ...CHANNELS.filter((c) => c !== 'portal').map((c) => [c, c] as const),
]);

function parseDay(raw: string): string | null {
  // A date cell in Excel is a day count from 1899-12-30.
  if (/^\d{5}(\.\d+)?$/.test(raw)) return new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(raw)) * 86_400_000).toISOString().slice(0, 10);
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(raw);
  let iso: string | null = null;
  if (m) iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  m = /^(\d{4})-(\d{2})-(\d{2})/.exec(raw);
  if (m) iso = `${m[1]}-${m[2]}-${m[3]}`;
  if (!iso) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || !d.toISOString().startsWith(iso) ? null : iso;
}

/** Checks one row; returns the comment or the row's problems. */
export function checkRow(row: number, cells: Partial<Record<ColumnKey, string>>, ctx: ImportContext): ImportedComment | ImportRowError[] {
  const errors: ImportRowError[] = [];
  const col = (key: ColumnKey) => IMPORT_COLUMNS.find((c) => c.key === key)!.header;
  const fail = (key: ColumnKey, reason: string) => errors.push({ row, column: col(key), reason });
  const text = CommentText.safeParse(cells.body ?? '');
  if (!text.success) fail('body', text.error.issues[0]?.message ?? 'Nội dung không hợp lệ.');
  let draft: ImportContext['drafts'][number] | undefined;
  const draftCell = (cells.draft ?? '').trim();
  if (draftCell) {
    draft = ctx.drafts.find((d) => String(d.position) === draftCell || fold(d.title) === fold(draftCell));
    if (!draft) fail('draft', `Không có dự thảo "${draftCell}" trong đợt lấy ý kiến (${ctx.drafts.length === 1 ? 'đợt này có một dự thảo: ghi 1' : `ghi số thứ tự 1–${ctx.drafts.length}`}).`);
  } else if (ctx.drafts.length === 1 && (cells.section ?? '').trim()) {
    draft = ctx.drafts[0];
  }
  const section = (cells.section ?? '').trim().replace(/[.\s]+$/, '') || null;
  if (section) {
    if (!draft) {
      if (!draftCell) fail('section', 'Góp ý vào một mục thì cần ghi số thứ tự dự thảo.');
    } else if (!draft.sections.has(section)) fail('section', `Dự thảo "${draft.title}" không có mục "${section}".`);
  }
  const pick = (key: ColumnKey, map: Map<string, string>, what: string) => {
    const v = (cells[key] ?? '').trim();
    if (!v) return null;
    const found = map.get(fold(v));
    if (!found) fail(key, `${what} "${v}" không đúng danh mục.`);
    return found ?? null;
  };
  const stratum = pick('stratum', STRATUM_BY_NAME, 'Thành phần');
  const gender = pick('gender', GENDER_BY_NAME, 'Giới tính');
  const ageBand = pick('ageBand', AGE_BY_NAME, 'Độ tuổi');
  const channel = (pick('channel', CHANNEL_BY_NAME, 'Kênh') ?? 'sheet') as Channel;
  let weight = 1;
  const w = (cells.weight ?? '').trim();
  if (w) {
    weight = Number(w);
    if (!Number.isInteger(weight) || weight < 1 || weight > 1_000_000) fail('weight', `Số người "${w}" phải là số nguyên từ 1 đến 1.000.000.`);
  }
  let madeOn = ctx.today < ctx.closesOn ? ctx.today : ctx.closesOn;
  const d = (cells.madeOn ?? '').trim();
  if (d) {
    const parsed = parseDay(d);
    if (!parsed) fail('madeOn', `Ngày "${d}" không hợp lệ (ghi dạng dd/mm/yyyy).`);
    else if (parsed < ctx.opensOn || parsed > ctx.closesOn) fail('madeOn', `Ngày ${d} nằm ngoài thời gian lấy ý kiến.`);
    else madeOn = parsed;
  }
  const short = (key: ColumnKey, max: number) => {
    const v = (cells[key] ?? '').trim();
    if (v.length > max) fail(key, `Dài quá ${formatNumberVi(max)} ký tự.`);
    return v || null;
  };
  const ethnicity = short('ethnicity', 100);
  const religion = short('religion', 100);
  const authorName = short('authorName', 200);
  if (errors.length || !text.success) return errors;
  return {
    row,
    body: text.data,
    draftId: draft?.draftId ?? null,
    draftVersionId: draft?.draftVersionId ?? null,
    sectionAddress: draft ? section : null,
    stratum,
    gender,
    ageBand,
    ethnicity,
    religion,
    authorName,
    weight,
    madeOn,
    channel,
  };
}

const CSV_SLICE_BYTES = 64 * 1024;

function* byteSlices(data: Buffer, size: number): Generator<Buffer> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

/** The file's rows as cell arrays, first row first, streamed (XLSX: the first worksheet; CSV: comma or semicolon). */
async function* fileRows(data: Buffer, format: 'xlsx' | 'csv', limits: typeof IMPORT_LIMITS): AsyncGenerator<string[]> {
  if (format === 'csv') {
    const start = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
    const lineEnd = data.indexOf(0x0a, start);
    const firstLine = data.subarray(start, lineEnd < 0 ? data.length : lineEnd).toString('utf8');
    const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
    // Fed in slices so the parser keeps only a few rows ahead of the checks (a whole-file chunk would parse every
    // row into memory first); csv-parse works on bytes, so a letter split between two slices stays whole.
    const parser = Readable.from(byteSlices(data.subarray(start), CSV_SLICE_BYTES)).pipe(parseCsv({ delimiter, relax_column_count: true, max_record_size: 100_000 }));
    try {
      for await (const record of parser) yield record as string[];
    } catch (err) {
      throw new AppError(422, 'IMPORT_FILE_INVALID', `Tệp CSV không đọc được: ${(err as Error).message}`);
    }
    return;
  }
  let entries;
  try {
    entries = readZipDirectory(data, 10_000);
  } catch {
    throw new AppError(422, 'IMPORT_FILE_INVALID', 'Tệp Excel bị hỏng hoặc không phải tệp .xlsx (tệp .xls cũ cần lưu lại thành .xlsx).');
  }
  const total = entries.reduce((s, e) => s + e.uncompressedSize, 0);
  if (total > limits.maxUncompressedBytes) throw new AppError(413, 'IMPORT_FILE_TOO_LARGE', 'Tệp Excel giải nén ra quá lớn (có thể là tệp độc hại); hãy tách thành nhiều tệp nhỏ.');
  if (!entries.some((e) => e.name.startsWith('xl/worksheets/'))) throw new AppError(422, 'IMPORT_FILE_INVALID', 'Tệp Excel không có trang tính nào.');
  yield* xlsxRows(data, entries);
}

export interface ImportScan {
  rows: number;
  valid: number;
  invalid: number;
  errors: ImportRowError[];
}

/**
 * Streams a sheet, checking every row and passing valid ones to `onBatch` in batches. The header row names the
 * columns; blank rows are skipped. Stops with IMPORT_TOO_MANY_ROWS past the limit.
 */
export async function scanCommentSheet(
  data: Buffer,
  format: 'xlsx' | 'csv',
  ctx: ImportContext,
  onBatch: (rows: ImportedComment[]) => Promise<void>,
  options: { batchSize?: number; limits?: Partial<typeof IMPORT_LIMITS>; onProgress?: (rows: number) => void } = {},
): Promise<ImportScan> {
  const limits = { ...IMPORT_LIMITS, ...options.limits };
  if (data.length > limits.maxFileBytes) throw new AppError(413, 'IMPORT_FILE_TOO_LARGE', `Tệp vượt quá ${Math.round(limits.maxFileBytes / 1024 / 1024)} MB; hãy tách thành nhiều tệp.`);
  const batchSize = options.batchSize ?? 5000;
  const maxRows = limits.maxRows;
  const scan: ImportScan = { rows: 0, valid: 0, invalid: 0, errors: [] };
  let columns: Array<ColumnKey | null> | null = null;
  let batch: ImportedComment[] = [];
  let n = 0;
  for await (const cells of fileRows(data, format, limits)) {
    n = (cells as { rowNumber?: number }).rowNumber ?? n + 1;
    if (!columns) {
      columns = cells.map((h) => HEADER_KEYS.get(fold(String(h).replace(/\(.*\)/, ''))) ?? null);
      if (!columns.includes('body')) {
        throw new AppError(422, 'IMPORT_HEADER_INVALID', `Dòng tiêu đề không có cột "Nội dung góp ý". Hãy dùng tệp mẫu (các cột: ${IMPORT_COLUMNS.map((c) => c.header).join(', ')}).`);
      }
      continue;
    }
    if (cells.every((c) => !String(c ?? '').trim())) continue;
    scan.rows++;
    if (scan.rows > maxRows) throw new AppError(413, 'IMPORT_TOO_MANY_ROWS', `Tệp có hơn ${maxRows.toLocaleString('vi-VN')} dòng; hãy tách thành nhiều tệp.`);
    const record: Partial<Record<ColumnKey, string>> = {};
    columns.forEach((key, i) => {
      if (key) record[key] = String(cells[i] ?? '');
    });
    const checked = checkRow(n, record, ctx);
    if (Array.isArray(checked)) {
      scan.invalid++;
      for (const e of checked) if (scan.errors.length < IMPORT_LIMITS.maxReportedErrors) scan.errors.push(e);
    } else {
      scan.valid++;
      batch.push(checked);
      if (batch.length >= batchSize) {
        await onBatch(batch);
        batch = [];
      }
    }
    if (scan.rows % 10_000 === 0) options.onProgress?.(scan.rows);
  }
  if (!columns) throw new AppError(422, 'IMPORT_EMPTY', 'Tệp không có dữ liệu.');
  if (batch.length) await onBatch(batch);
  options.onProgress?.(scan.rows);
  return scan;
}

/** The template workbook: the header row, and a second sheet with the codes and the drafts' sections. */
export async function importTemplate(ctx: Pick<ImportContext, 'drafts'> & { sectionTitles: Map<number, Array<{ address: string; title: string }>> }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Ý kiến');
  sheet.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const help = wb.addWorksheet('Hướng dẫn');
  help.columns = [{ width: 24 }, { width: 70 }];
  help.addRow(['Cột', 'Cách ghi']).font = { bold: true };
  help.addRow(['Nội dung góp ý', 'Bắt buộc; tối đa 5.000 ký tự. Mỗi dòng một ý kiến.']);
  help.addRow(['Dự thảo', ctx.drafts.map((d) => `${d.position} = ${d.title}`).join('; ')]);
  help.addRow(['Thành phần', Object.values(STRATUM_LABELS).join('; ')]);
  help.addRow(['Số người', 'Số người cùng ý kiến (mặc định 1).']);
  help.addRow(['Ngày góp ý', 'dd/mm/yyyy, trong thời gian lấy ý kiến (mặc định: hôm nay).']);
  help.addRow([]);
  help.addRow(['Dự thảo', 'Mục']).font = { bold: true };
  for (const d of ctx.drafts) for (const s of ctx.sectionTitles.get(d.draftId) ?? []) help.addRow([String(d.position), `${s.address} — ${s.title}`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
