// Wording shared by every official document and its spreadsheet annex: how numbers and symbols, places and dates,
// recipients and closings are written (Nghị định 30/2020/NĐ-CP, Hướng dẫn 36-HD/VPTW), and how user text is made
// safe to put into XML.
import type { DocNumber, IssuerSystem } from './official.model';

// XML 1.0 forbids C0 controls other than tab/LF/CR, lone surrogates and U+FFFE/U+FFFF; C1 controls are legal but
// never meaningful in a report and some readers choke on them.
const INVALID_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** User text made safe for XML, in precomposed Unicode (TCVN 6909:2001); line breaks kept. */
export function cleanText(s: string): string {
  return s.normalize('NFC').replace(INVALID_XML, '').replace(/\r\n?/g, '\n');
}

/** User text as a single line: cleaned, whitespace runs collapsed. */
export function cleanLine(s: string): string {
  return cleanText(s).replace(/\s+/g, ' ').trim();
}

/** User text as paragraphs: cleaned, split on line breaks, blank lines dropped. */
export function cleanParagraphs(s: string): string[] {
  return cleanText(s)
    .split('\n')
    .map((p) => p.replace(/[ \t]+/g, ' ').trim())
    .filter((p) => p !== '');
}

/** Share of a total as "46,8"; "0" when the total is zero. */
export function formatPercent(part: number, total: number): string {
  if (total <= 0) return '0';
  return (Math.round((part / total) * 1000) / 10).toFixed(1).replace('.', ',');
}

/**
 * "Số: 12/BC-MTTQ-BTT" under Nghị định 30/2020; "Số 12-BC/BDVTU" for Party bodies (Hướng dẫn 36-HD/VPTW).
 * An unnumbered document leaves room to write the number by hand.
 */
export function formatDocNumber(system: IssuerSystem, n: DocNumber): string {
  const number = n.number === null || n.number.trim() === '' ? '      ' : cleanLine(n.number);
  const symbol = cleanLine(n.symbol);
  return system === 'party' ? `Số ${number}-${symbol}` : `Số: ${number}/${symbol}`;
}

/** "Đồng Nai, ngày 05 tháng 02 năm 2026": days below 10 and months 1–2 get a leading zero (Nghị định 30/2020). */
export function formatPlaceDate(place: string, isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new Error(`Invalid date: ${isoDate}`);
  const year = m[1]!;
  const month = Number(m[2]);
  const day = Number(m[3]);
  const dd = day < 10 ? `0${day}` : String(day);
  const mm = month < 3 ? `0${month}` : String(month);
  return `${cleanLine(place)}, ngày ${dd} tháng ${mm} năm ${year}`;
}

/** Upper case as Vietnamese writes it (caps lines of the header and signature). */
export function upper(s: string): string {
  return s.toLocaleUpperCase('vi');
}

/** The mottos each system prints at the top right (DOMAIN.md §4). */
export const MOTTO = {
  nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  nationMotto: 'Độc lập - Tự do - Hạnh phúc',
  party: 'ĐẢNG CỘNG SẢN VIỆT NAM',
} as const;

/**
 * Nơi nhận as printed: each entry "- …;" and the last "- …."; "Lưu: VT." is added when nothing is filed
 * (Nghị định 30/2020 ends the list with the file copy).
 */
export function recipientLines(recipients: string[]): string[] {
  const entries = recipients.map((r) => cleanLine(r).replace(/^[-–+•]\s*/, '').replace(/[;,.]+$/, '')).filter((r) => r !== '');
  if (!entries.some((r) => /^lưu\b/iu.test(r))) entries.push('Lưu: VT');
  return entries.map((r, i) => `- ${r}${i === entries.length - 1 ? '.' : ';'}`);
}

/**
 * The closing sentence: the one written, or "Trên đây là báo cáo <title, first letter lowered>"; either way ending
 * "./." as official documents do.
 */
export function closingSentence(title: string, closing: string | null): string {
  let text: string;
  if (closing !== null && cleanLine(closing) !== '') {
    text = cleanLine(closing);
  } else {
    const t = cleanLine(title);
    text = `Trên đây là báo cáo ${t.charAt(0).toLocaleLowerCase('vi')}${t.slice(1)}`;
  }
  return text.endsWith('/.') ? text : text.replace(/[.;,]*$/, '') + './.';
}

// Advance widths of Times New Roman Bold (= Liberation Serif Bold) in 1/1000 em, from the Adobe metrics; enough to
// size the rules under the header lines, which Nghị định 30 sets relative to the text above them.
const TIMES_BOLD: Record<string, number> = {
  ' ': 250, '-': 333, '.': 250, ',': 250, ':': 333, '/': 278, '(': 333, ')': 333, '&': 833,
  A: 722, B: 667, C: 722, D: 722, E: 667, F: 611, G: 778, H: 778, I: 389, J: 500, K: 778, L: 667, M: 944,
  N: 722, O: 778, P: 611, Q: 778, R: 722, S: 556, T: 667, U: 722, V: 722, W: 1000, X: 722, Y: 722, Z: 667,
  a: 500, b: 556, c: 444, d: 556, e: 444, f: 333, g: 500, h: 556, i: 278, j: 333, k: 556, l: 278, m: 833,
  n: 556, o: 500, p: 556, q: 556, r: 444, s: 389, t: 333, u: 556, v: 500, w: 722, x: 500, y: 500, z: 444,
  Đ: 722, đ: 556,
};

/** Estimated width in points of a bold Times line (Vietnamese letters measured as their base letter). */
export function boldTextWidthPt(s: string, sizePt: number): number {
  let units = 0;
  for (const ch of s) {
    const nfd = ch.normalize('NFD');
    const base = ch === 'Đ' || ch === 'đ' ? ch : nfd[0]!;
    // Ơ/Ư carry a horn (U+031B) that widens them a little.
    const horn = nfd.includes('\u031B') ? 60 : 0;
    units += (TIMES_BOLD[base] ?? (/\d/.test(base) ? 500 : 556)) + horn;
  }
  return (units / 1000) * sizePt;
}
