// The draft document parser: Markdown or plain text → a tree of sections that follows Vietnamese administrative
// numbering ("Phần thứ nhất" > "I." > "1." > "1.1." > "a)"; "Chương II" > "Điều 8." for a charter). Pure: no
// database, no I/O, never throws on any string.
//
// Hierarchy is inferred from the order in which numbering styles appear, as in the documents themselves: the
// first style seen is the top level, a new style nests under the current section, a style already open pops back
// to its level. Delimiters do not make a style ("I-" and "II." are the same level, as in seed 000). Two exceptions
// keep real documents sane: the named divisions (Phần > Chương > Mục > Điều) keep that rank among themselves and
// never nest under an enumerator, and a multi-level number ("1.1.") never nests under a deeper one ("1.1.1.").
//
// Text before the first heading becomes a preamble node (number null, kind 'preamble', address "0"), first in the
// list, only when there is such text.

/** What kind of heading opened a section. */
export type DraftSectionKind = 'preamble' | 'part' | 'chapter' | 'section' | 'article' | 'roman' | 'arabic' | 'letter';

/** One section of a draft document. */
export interface DraftSection {
  /** The number as written, without punctuation: "I", "1", "1.1", "a"; "8" for "Điều 8."; "1" for "Phần thứ nhất"; null for the preamble. */
  number: string | null;
  /** The heading text after the number, without surrounding emphasis or a trailing colon; '' for the preamble. */
  title: string;
  /** The body under the heading before its first child, one paragraph per line; bullets stay here. */
  text: string;
  kind: DraftSectionKind;
  /** Stable, unique within the draft: the numbering path ("II.3.b"); duplicates get "~2", "~3" in document order. */
  address: string;
  children: DraftSection[];
}

/** A heading recognized at the start of a line. */
export interface HeadingMatch {
  kind: Exclude<DraftSectionKind, 'preamble'>;
  number: string;
  /** The numbering style: the kind, and for arabic numbers their depth ("arabic:2" for "1.1."). */
  style: string;
  title: string;
}

/** One non-blank line of a draft after markup is removed, and the heading it opens, if any. */
export interface DraftLine {
  text: string;
  heading: HeadingMatch | null;
}

export type DraftTextFormat = 'markdown' | 'text';

/** The address of the preamble node. */
export const PREAMBLE_ADDRESS = '0';

// Maps, not object literals: a line may start with "constructor".
const NAMED_RANK = new Map<string, number>([['part', 0], ['chapter', 1], ['section', 2], ['article', 3]]);
const NAMED_WORDS = new Map<string, HeadingMatch['kind']>([['phần', 'part'], ['chương', 'chapter'], ['mục', 'section'], ['điều', 'article']]);

const UNITS = new Map<string, number>(
  Object.entries({ một: 1, nhất: 1, hai: 2, ba: 3, bốn: 4, tư: 4, năm: 5, lăm: 5, sáu: 6, bảy: 7, bẩy: 7, tám: 8, chín: 9, mười: 10 }),
);

/** "nhất" → 1, "tư" → 4, "mười hai" → 12, "hai mươi" → 20; null when the words are not an ordinal. */
function ordinal(words: string[]): number | null {
  const [a, b] = words;
  const ua = UNITS.get(a);
  if (words.length === 1) return ua ?? null;
  const ub = UNITS.get(b);
  if (a === 'mười' && b !== 'mười' && b !== 'nhất' && ub !== undefined && ub < 10) return 10 + ub;
  if (b === 'mươi' && ua !== undefined && ua >= 2 && ua < 10) return ua * 10;
  return null;
}

const ROMAN = /^(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
const isRoman = (s: string) => s.length > 0 && ROMAN.test(s);
const startsWithUpper = (s: string) => /^\p{Lu}/u.test(s);
const DASH = /^\s*[-–—]/;

/** The title after a heading marker: trimmed, a trailing colon dropped. */
function titleOf(rest: string): string {
  const t = rest.trim();
  return t.endsWith(':') ? t.slice(0, -1).trimEnd() : t;
}

/** "Phần thứ nhất", "Chương II", "Mục 2", "Điều 8." (keyword in any case, then a number, then a title). */
function namedDivision(line: string): HeadingMatch | null {
  const m = /^(\p{L}+)\s+(.*)$/u.exec(line);
  if (!m) return null;
  const kind = NAMED_WORDS.get(m[1].toLowerCase());
  if (!kind) return null;
  let rest = m[2];
  let number: string | null = null;
  if (kind === 'part' && /^thứ\s/iu.test(rest)) {
    // "Phần thứ hai mươi" is tried before "Phần thứ hai".
    const t = /^thứ\s+(\p{L}+)(?:\s+(\p{L}+))?/iu.exec(rest);
    if (!t) return null;
    const one = /^thứ\s+\p{L}+/iu.exec(rest)![0];
    const two = t[2] ? ordinal([t[1].toLowerCase(), t[2].toLowerCase()]) : null;
    const value = two ?? ordinal([t[1].toLowerCase()]);
    if (value === null) return null;
    number = String(value);
    rest = rest.slice(two !== null ? t[0].length : one.length);
  } else {
    const n = (kind === 'article' ? /^(\d{1,3}[a-z]?)(?![\p{L}\p{N}])/u : /^(\d{1,3}|[IVXLC]+)(?![\p{L}\p{N}])/u).exec(rest);
    if (!n || (!/^\d/.test(n[1]) && !isRoman(n[1]))) return null;
    number = n[1];
    rest = rest.slice(n[1].length);
  }
  // After the number: nothing, a delimiter, or (except for an article) a title in capitals; otherwise it is prose.
  const delimited = /^\s*[.:\-–—)]/.exec(rest);
  if (delimited) rest = rest.slice(delimited[0].length);
  else if (rest.trim() && (kind === 'article' || !/^\s/.test(rest) || !startsWithUpper(rest.trim()))) return null;
  return { kind, number, style: kind, title: titleOf(rest) };
}

/** "I.", "II-", "III/", "IV)", "III - TỔ CHỨC". */
function romanHeading(line: string): HeadingMatch | null {
  const m = /^([IVXL]+)(\s*[-–—]|[./)])(.*)$/u.exec(line);
  if (!m || !isRoman(m[1])) return null;
  const rest = m[3];
  if (rest && !/^(\s|\p{L})/u.test(rest)) return null;
  if (DASH.test(m[2]) && /^\s*\d/.test(rest)) return null;
  return { kind: 'roman', number: m[1], style: 'roman', title: titleOf(rest) };
}

/** "1.", "1-", "1/", "1)", "1.1.", "1.1", "3.1-", "1.2.3." — at most two digits a level, so years and amounts are prose. */
function arabicHeading(line: string): HeadingMatch | null {
  const m = /^(\d{1,2}(?:\.\d{1,2}){0,4})(?!\d)(\s*[-–—]|[./)])?(.*)$/u.exec(line);
  if (!m) return null;
  const number = m[1];
  const depth = number.split('.').length;
  const delimiter = m[2];
  const rest = m[3];
  if (!delimiter && depth === 1) return null;
  if (rest) {
    if (delimiter ? !/^(\s|\p{L})/u.test(rest) : !/^\s/.test(rest)) return null;
    if ((!delimiter || DASH.test(delimiter)) && /^\s*\d/.test(rest)) return null;
  }
  return { kind: 'arabic', number, style: `arabic:${depth}`, title: titleOf(rest) };
}

/** "a)", "b.", "c/", "đ)" — one lower-case letter. */
function letterHeading(line: string): HeadingMatch | null {
  const m = /^([a-zđ])([).\/])(.*)$/u.exec(line);
  if (!m) return null;
  const rest = m[3];
  if (rest && !/^\s/.test(rest) && !(m[2] === ')' && /^\p{L}/u.test(rest))) return null;
  return { kind: 'letter', number: m[1], style: 'letter', title: titleOf(rest) };
}

/** Recognizes a heading marker at the start of a (markup-free) line; null for body text, bullets included. */
export function recognizeHeading(line: string): HeadingMatch | null {
  const s = line.trim();
  if (!s) return null;
  return namedDivision(s) ?? romanHeading(s) ?? arabicHeading(s) ?? letterHeading(s);
}

const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/;
const THEMATIC_BREAK = /^(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,}|=+)$/;

/** One Markdown line → plain text: '#' markers, emphasis, pandoc spans and anchors, backslash escapes removed. */
export function markdownLineToText(line: string): string {
  let s = line.trim();
  const heading = /^#{1,6}(?:\s+|$)/.exec(s);
  if (heading) {
    s = s.slice(heading[0].length);
    // An optional closing sequence: "## Title ##".
    let end = s.length;
    while (end > 0 && s[end - 1] === '#') end--;
    if (end === 0 || (end < s.length && /\s/.test(s[end - 1]))) s = s.slice(0, end).trimEnd();
  }
  return s
    .replace(/\[([^\][\n]*)\]\{[^{}\n]*\}/g, '$1')
    .replace(/<a\s+(?:id|name)="[^"]*"\s*>\s*<\/a>/gi, '')
    .replace(/(?<!\\)(?:\*\*|__)/g, '')
    .replace(/(?<![\\\w*])\*(?![\s*])((?:\\.|[^*\\])*?[^\s\\])\*(?![\w*])/g, '$1')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/\\$/, '')
    .trim();
}

/** Splits a draft into non-blank lines, removes Markdown markup, and recognizes headings. */
export function scanDraftLines(input: string, format: DraftTextFormat): DraftLine[] {
  const lines: DraftLine[] = [];
  for (const raw of input.normalize('NFC').split(LINE_BREAK)) {
    let text = raw.trim();
    if (format === 'markdown') {
      if (THEMATIC_BREAK.test(text)) continue;
      text = markdownLineToText(text);
    }
    if (text) lines.push({ text, heading: recognizeHeading(text) });
  }
  return lines;
}

interface Building {
  section: DraftSection;
  style: string;
  lines: string[];
}

/** A line that can stand as the title of a heading written without one ("Chương I" then "ĐẢNG VIÊN"). */
const isCapitalTitle = (line: DraftLine) =>
  !line.heading && line.text.length <= 200 && /\p{L}/u.test(line.text) && line.text === line.text.toUpperCase() && !/^[-+*•]/.test(line.text);

/** Builds the section tree from scanned lines (addresses left empty). */
export function buildSectionTree(lines: DraftLine[]): DraftSection[] {
  const preamble: Building = { section: { number: null, title: '', text: '', kind: 'preamble', address: '', children: [] }, style: '', lines: [] };
  const top: DraftSection[] = [];
  const all: Building[] = [];
  const stack: Building[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const h = line.heading;
    if (!h) {
      (stack.at(-1) ?? preamble).lines.push(line.text);
      continue;
    }
    const open = stack.findIndex((b) => b.style === h.style);
    if (open >= 0) {
      stack.length = open;
    } else if (NAMED_RANK.has(h.kind)) {
      const rank = NAMED_RANK.get(h.kind)!;
      while (stack.length && !((NAMED_RANK.get(stack.at(-1)!.style) ?? Infinity) < rank)) stack.pop();
    } else if (h.kind === 'arabic') {
      const depth = Number(h.style.slice('arabic:'.length));
      while (stack.length && stack.at(-1)!.section.kind === 'arabic' && Number(stack.at(-1)!.style.slice('arabic:'.length)) >= depth) stack.pop();
    }
    let title = h.title;
    if (!title && lines[i + 1] && isCapitalTitle(lines[i + 1])) title = lines[++i].text;
    const b: Building = { section: { number: h.number, title, text: '', kind: h.kind, address: '', children: [] }, style: h.style, lines: [] };
    (stack.at(-1)?.section.children ?? top).push(b.section);
    stack.push(b);
    all.push(b);
  }
  for (const b of all) b.section.text = b.lines.join('\n');
  if (!preamble.lines.length) return top;
  preamble.section.text = preamble.lines.join('\n');
  return [preamble.section, ...top];
}

/** Gives every section its address: the parent's address, a dot, the number ("1.2" under "1" adds just "2"). */
export function assignAddresses(sections: DraftSection[]): DraftSection[] {
  const used = new Set<string>();
  const nextSuffix = new Map<string, number>(); // so a thousand "1." cost no more than one
  const visit = (list: DraftSection[], parent: DraftSection | null) => {
    for (const s of list) {
      let segment = s.number ?? PREAMBLE_ADDRESS;
      if (parent?.number && s.kind === 'arabic' && parent.kind === 'arabic' && segment.startsWith(`${parent.number}.`)) {
        segment = segment.slice(parent.number.length + 1);
      }
      const wanted = parent ? `${parent.address}.${segment}` : segment;
      let address = wanted;
      if (used.has(address)) {
        let k = nextSuffix.get(wanted) ?? 2;
        while (used.has(`${wanted}~${k}`)) k++;
        address = `${wanted}~${k}`;
        nextSuffix.set(wanted, k + 1);
      }
      used.add(address);
      s.address = address;
      visit(s.children, s);
    }
  };
  visit(sections, null);
  return sections;
}

/** Parses a draft document written in Markdown or plain text into its section tree. */
export function parseDraftText(text: string, format: DraftTextFormat): DraftSection[] {
  return assignAddresses(buildSectionTree(scanDraftLines(text, format)));
}

/** Every section, depth first, in document order. */
export function* walkSections(sections: DraftSection[]): Generator<DraftSection> {
  for (const s of sections) {
    yield s;
    yield* walkSections(s.children);
  }
}
