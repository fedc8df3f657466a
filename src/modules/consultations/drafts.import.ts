// Reading a draft document file (DOCX, Markdown, plain text) into its section tree. No database and no file
// system: the caller hands over the bytes. A DOCX is a zip archive, so before mammoth sees it the archive's central
// directory is read here and every entry is inflated under a cap: an archive that declares, or turns out to
// inflate to, more than the limits is refused (zip bomb), as is anything that is not a well-formed zip.
//
// DOCX text: mammoth turns the document into HTML, which becomes one line per paragraph. Numbering typed in the
// text ("I.", "1.", "a)") is kept as typed. Word's automatic numbering is not stored as text, so it is rebuilt:
// "1.", "2." … on the first list level and "a)", "b)" … on the second (deeper levels and bullets become "- ");
// the first-level count goes on across interruptions, as Word's does for one list, and starts again after a
// heading. Footnotes come last as "[n] text".
import zlib from 'node:zlib';
import { AppError } from '../../shared/errors';
import { parseDraftText, recognizeHeading, type DraftSection } from './drafts.parse';

export const DRAFT_FORMATS = ['docx', 'md', 'txt'] as const;
export type DraftFormat = (typeof DRAFT_FORMATS)[number];

export interface DraftLimits {
  /** Largest file accepted, any format. */
  maxFileBytes: number;
  /** Largest Markdown or plain-text file. */
  maxTextBytes: number;
  /** Most bytes a DOCX may inflate to, all entries together. */
  maxUncompressedBytes: number;
  /** Most entries in a DOCX archive. */
  maxEntries: number;
}

export const DRAFT_LIMITS: DraftLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxTextBytes: 5 * 1024 * 1024,
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxEntries: 5000,
};

const mib = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
const tooLarge = (message: string) => new AppError(413, 'DRAFT_FILE_TOO_LARGE', message);
const invalid = (message: string) => new AppError(422, 'DRAFT_FILE_INVALID', message);
const corruptDocx = (why: string) =>
  invalid(`Tệp DOCX bị hỏng hoặc không phải tệp Word (.docx) hợp lệ: ${why}. Nếu là tệp .doc cũ hoặc tệp có đặt mật khẩu, hãy mở bằng Word và lưu lại thành .docx không mật khẩu.`);

/** The format a file name implies: .docx, .md/.markdown, .txt/.text. */
export function draftFormatFromFileName(fileName: string): DraftFormat {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (ext === 'docx') return 'docx';
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'txt' || ext === 'text') return 'txt';
  if (ext === 'doc') throw new AppError(415, 'DRAFT_FORMAT_UNSUPPORTED', 'Không đọc được tệp .doc (Word 97-2003): hãy mở bằng Word và lưu lại thành .docx.');
  throw new AppError(415, 'DRAFT_FORMAT_UNSUPPORTED', `Không nhận ra định dạng của tệp "${fileName}": chỉ nhận .docx, .md hoặc .txt (hoặc chỉ rõ định dạng).`);
}

/** Bytes → text: UTF-8 (with or without BOM) or UTF-16 with BOM; anything else is refused, not guessed. */
export function decodeDraftText(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  if (data.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) {
    throw invalid('Tệp là tệp nén (có thể là DOCX), không phải văn bản thuần: hãy chọn định dạng DOCX.');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    throw invalid('Tệp văn bản không dùng bảng mã Unicode (UTF-8), có thể là bảng mã TCVN3 hoặc VNI cũ: hãy chuyển sang Unicode rồi lưu lại với bảng mã UTF-8.');
  }
}

/** One entry of a zip archive's central directory. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function u64(data: Buffer, at: number): number {
  const v = data.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw corruptDocx('kích thước trong tệp nén không hợp lệ');
  return Number(v);
}

/** Reads the central directory of a zip archive (zip64 included); throws DRAFT_FILE_INVALID when malformed. */
export function readZipDirectory(data: Buffer, maxEntries = DRAFT_LIMITS.maxEntries): ZipEntry[] {
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (data.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corruptDocx('không phải tệp nén zip');
  if (data.readUInt16LE(eocd + 4) !== 0 || data.readUInt16LE(eocd + 6) !== 0) throw corruptDocx('tệp nén chia nhiều phần');
  let count = data.readUInt16LE(eocd + 10);
  let dirSize = data.readUInt32LE(eocd + 12);
  let dirOffset = data.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || data.readUInt32LE(locator) !== ZIP64_LOCATOR) throw corruptDocx('thiếu phần mô tả zip64');
    const at = u64(data, locator + 8);
    if (at + 56 > data.length || data.readUInt32LE(at) !== ZIP64_EOCD) throw corruptDocx('phần mô tả zip64 hỏng');
    count = u64(data, at + 32);
    dirSize = u64(data, at + 40);
    dirOffset = u64(data, at + 48);
  }
  if (count > maxEntries) throw tooLarge(`Tệp DOCX có quá nhiều thành phần (${count}, tối đa ${maxEntries}).`);
  if (dirOffset + dirSize > data.length) throw corruptDocx('danh mục tệp nén nằm ngoài tệp');
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > data.length || data.readUInt32LE(p) !== CENTRAL) throw corruptDocx('danh mục tệp nén hỏng');
    const flags = data.readUInt16LE(p + 8);
    if (flags & 1) throw corruptDocx('tệp nén có mật khẩu');
    const nameLength = data.readUInt16LE(p + 28);
    const extraLength = data.readUInt16LE(p + 30);
    const commentLength = data.readUInt16LE(p + 32);
    if (p + 46 + nameLength + extraLength + commentLength > data.length) throw corruptDocx('danh mục tệp nén hỏng');
    const entry: ZipEntry = {
      name: data.toString('utf8', p + 46, p + 46 + nameLength),
      method: data.readUInt16LE(p + 10),
      compressedSize: data.readUInt32LE(p + 20),
      uncompressedSize: data.readUInt32LE(p + 24),
      localHeaderOffset: data.readUInt32LE(p + 42),
    };
    // Zip64 sizes sit in extra field 0x0001, in this order, each only when its 32-bit field is saturated.
    for (let e = p + 46 + nameLength; e + 4 <= p + 46 + nameLength + extraLength; ) {
      const id = data.readUInt16LE(e);
      const size = data.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        const take = () => {
          if (q + 8 > e + 4 + size) throw corruptDocx('phần mở rộng zip64 hỏng');
          const v = u64(data, q);
          q += 8;
          return v;
        };
        if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = take();
        if (entry.compressedSize === 0xffffffff) entry.compressedSize = take();
        if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = take();
      }
      e += 4 + size;
    }
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Inflates raw deflate data, failing with ERR_BUFFER_TOO_LARGE past `max` bytes; off the event loop. */
const inflateCapped = (raw: Buffer, max: number) =>
  new Promise<Buffer>((resolve, reject) => zlib.inflateRaw(raw, { maxOutputLength: max }, (err, out) => (err ? reject(err) : resolve(out))));

/**
 * Refuses a DOCX that is not a sound zip or that would inflate past the limits: first by the sizes the archive
 * declares, then by inflating each entry with the declared size as a hard cap, so a lying header cannot blow up.
 */
export async function checkDocxArchive(data: Buffer, limits: DraftLimits = DRAFT_LIMITS): Promise<void> {
  const entries = readZipDirectory(data, limits.maxEntries);
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > limits.maxUncompressedBytes) {
    throw tooLarge(`Tệp DOCX khi giải nén lớn ${mib(declared)}, vượt giới hạn ${mib(limits.maxUncompressedBytes)} (có thể là tệp nén độc hại).`);
  }
  for (const e of entries) {
    const at = e.localHeaderOffset;
    if (at + 30 > data.length || data.readUInt32LE(at) !== LOCAL) throw corruptDocx(`thành phần ${e.name} hỏng`);
    const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
    if (start + e.compressedSize > data.length) throw corruptDocx(`thành phần ${e.name} bị cắt cụt`);
    const raw = data.subarray(start, start + e.compressedSize);
    let size: number;
    if (e.method === 0) size = raw.length;
    else if (e.method === 8) {
      try {
        size = (await inflateCapped(raw, Math.max(1, e.uncompressedSize))).length;
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          throw tooLarge(`Thành phần ${e.name} của tệp DOCX giải nén lớn hơn kích thước khai báo (có thể là tệp nén độc hại).`);
        }
        throw corruptDocx(`không giải nén được thành phần ${e.name}`);
      }
    } else throw corruptDocx(`thành phần ${e.name} dùng kiểu nén không hỗ trợ (${e.method})`);
    if (size !== e.uncompressedSize) throw corruptDocx(`kích thước thành phần ${e.name} không khớp`);
  }
}

const ENTITIES = new Map(Object.entries({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }));
const decodeEntities = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] !== '#') return ENTITIES.get(e.toLowerCase()) ?? whole;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });

/** Excel-style letters for rebuilt second-level numbering: 1 → a, 26 → z, 27 → aa. */
function letters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(97 + ((k - 1) % 26)) + s;
  return s;
}

/** Mammoth's HTML → one line per paragraph, list item or table cell paragraph (see the note at the top). */
export function docxHtmlToText(html: string): string {
  const out: string[] = [];
  const lists: boolean[] = []; // one entry per open list: ordered?
  const counters: number[] = [];
  let line = '';
  let prefix = '';
  let inHeading = false;
  let inFootnote = false;
  let inBackLink = false;
  const flush = () => {
    const text = line.replace(/\s+/g, ' ').trim();
    line = '';
    if (!text) return; // an item's marker waits for its first text
    const full = prefix + text;
    // A typed heading, or a Word heading style, ends the automatic list before it.
    if (!prefix && (inHeading || recognizeHeading(full))) counters.length = 0;
    out.push(full);
    prefix = '';
  };
  for (const m of html.matchAll(/<(\/?)([a-zA-Z0-9]+)([^>]*)>|([^<]+)/g)) {
    if (m[4] !== undefined) {
      if (!inBackLink) line += decodeEntities(m[4]);
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    if (tag === 'p' || tag === 'td' || tag === 'th' || tag === 'tr' || tag === 'table') flush();
    else if (/^h[1-6]$/.test(tag)) {
      flush();
      inHeading = !closing;
    } else if (tag === 'br') {
      if (inHeading) line += ' ';
      else flush();
    } else if (tag === 'ul' || tag === 'ol') {
      flush();
      if (closing) lists.pop();
      else lists.push(tag === 'ol');
    } else if (tag === 'li') {
      flush();
      prefix = '';
      inFootnote = false;
      if (closing) continue;
      const depth = lists.length - 1;
      const note = /\bid="(?:footnote|endnote)-(\d+)"/.exec(m[3]);
      if (note) {
        inFootnote = true;
        prefix = `[${note[1]}] `;
      } else if (lists[depth] && depth <= 1) {
        counters.length = depth + 1;
        counters[depth] = (counters[depth] ?? 0) + 1;
        prefix = depth === 0 ? `${counters[0]}. ` : `${letters(counters[1])}) `;
      } else prefix = '- ';
    } else if (tag === 'a') {
      // A footnote's link back to its reference ("↑") is navigation, not text.
      inBackLink = !closing && inFootnote && /href="#(?:footnote|endnote)-ref-/.test(m[3]);
    }
  }
  flush();
  return out.join('\n');
}

/** DOCX bytes → plain text, one paragraph a line, after the archive checks. */
export async function docxToText(data: Buffer, limits: DraftLimits = DRAFT_LIMITS): Promise<string> {
  await checkDocxArchive(data, limits);
  const mammoth = (await import('mammoth')).default;
  let html: string;
  try {
    // Images are never read: a draft is its text, and an unread image costs nothing.
    const result = await mammoth.convertToHtml({ buffer: data }, { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) });
    html = result.value;
  } catch {
    throw corruptDocx('không tìm thấy nội dung văn bản Word trong tệp');
  }
  return docxHtmlToText(html);
}

/** Reads a draft document of the given format into its section tree; errors are AppErrors with stable codes. */
export async function importDraft(data: Buffer, format: DraftFormat, limits: DraftLimits = DRAFT_LIMITS): Promise<DraftSection[]> {
  const max = format === 'docx' ? limits.maxFileBytes : Math.min(limits.maxFileBytes, limits.maxTextBytes);
  if (data.length > max) throw tooLarge(`Tệp dự thảo lớn ${mib(data.length)}, vượt giới hạn ${mib(max)}.`);
  const sections =
    format === 'docx' ? parseDraftText(await docxToText(data, limits), 'text') : parseDraftText(decodeDraftText(data), format === 'md' ? 'markdown' : 'text');
  if (!sections.length) throw new AppError(422, 'DRAFT_EMPTY', 'Tệp dự thảo không có nội dung văn bản (tệp chỉ có hình ảnh, ví dụ bản quét, thì cần nhập lại nội dung dạng văn bản).');
  return sections;
}
