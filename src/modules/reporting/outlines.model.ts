// Outlines (đề cương): a tree of sections, each with guidance and figures. Checking an outline, looking its parts up,
// and reading one pasted as text. Pure: no database, no I/O.
//
// Pasted text reuses the draft parser for the numbering ("I." > "1." > "1.1." > "a)"); the lines under a heading
// are its guidance, except figure lines, written either as a blank to fill ("- Số cuộc hội nghị: ……… cuộc") or in
// square brackets ("- [Số cuộc hội nghị: số nguyên, cuộc, tổng, bắt buộc]"). OUTLINE_TEXT_SYNTAX in
// reporting.schema.ts is the full description, shown in the API documentation.
import { foldVietnamese, formatNumberVi, parseNumberVi, removeDiacritics } from '../../shared/text';
import { parseDraftText, PREAMBLE_ADDRESS, type DraftSection, type DraftTextFormat } from '../consultations/drafts.parse';
import { hasAtMostDecimals } from './decimals';
import { DEFAULT_DECIMALS, FIGURE_TYPES, type Figure, type FigureType, type Outline, type OutlineSection, type ReportIssue, type RollupRule } from './reporting.schema';

// ---- Looking things up -----------------------------------------------------------------------------------------

/** Whether a figure holds a number (integer, decimal or percentage). */
export const isNumericFigure = (f: Pick<Figure, 'type'>): boolean => f.type === 'integer' || f.type === 'decimal' || f.type === 'percentage';

/** Digits after the decimal point a figure's values may have: 0 for integers, the outline's choice (default 2) otherwise. */
export const figureDecimals = (f: Pick<Figure, 'type' | 'decimals'>): number => (f.type === 'integer' ? 0 : (f.decimals ?? DEFAULT_DECIMALS));

/** Every section, depth first, in document order. */
export function outlineSections(sections: OutlineSection[]): OutlineSection[] {
  return sections.flatMap((s) => [s, ...outlineSections(s.children)]);
}

/** An outline's figures and sections by key and address, in document order. */
export interface OutlineIndex {
  sections: Map<string, OutlineSection>;
  figures: Map<string, Figure>;
  /** The address of the section each figure is asked in. */
  figureSection: Map<string, string>;
}

const indexes = new WeakMap<Outline, OutlineIndex>();

/** Indexes an outline (kept per outline object: outlines are not mutated once built). A duplicate keeps its first. */
export function indexOutline(outline: Outline): OutlineIndex {
  let index = indexes.get(outline);
  if (index) return index;
  index = { sections: new Map(), figures: new Map(), figureSection: new Map() };
  for (const s of outlineSections(outline.sections)) {
    if (!index.sections.has(s.address)) index.sections.set(s.address, s);
    for (const f of s.figures) {
      if (index.figures.has(f.key)) continue;
      index.figures.set(f.key, f);
      index.figureSection.set(f.key, s.address);
    }
  }
  indexes.set(outline, index);
  return index;
}

// ---- Checking an outline ---------------------------------------------------------------------------------------

/** Roll-up rules each figure type allows, and why the others make no sense. */
export const ALLOWED_ROLLUPS: Record<FigureType, { kinds: RollupRule['kind'][]; why: string }> = {
  integer: { kinds: ['sum', 'weighted_average', 'max', 'min', 'none'], why: '' },
  decimal: { kinds: ['sum', 'weighted_average', 'max', 'min', 'none'], why: '' },
  percentage: { kinds: ['weighted_average', 'max', 'min', 'none'], why: 'không cộng dồn tỷ lệ; hãy dùng bình quân gia quyền, lớn nhất, nhỏ nhất hoặc không tổng hợp' },
  boolean: { kinds: ['max', 'min', 'none'], why: 'chỉ tiêu Có/Không chỉ tổng hợp theo "lớn nhất" (có ở ít nhất một đơn vị), "nhỏ nhất" (có ở mọi đơn vị) hoặc không tổng hợp' },
  text: { kinds: ['none'], why: 'chỉ tiêu dạng chữ không tổng hợp được' },
};

const KEY = /^[a-z][a-z0-9_]{0,62}$/;
const issue = (path: string, code: string, message: string): ReportIssue => ({ path, code, message });

/** Problems with one figure's own fields: key, bounds, precision, roll-up kind. */
function figureIssues(f: Figure): ReportIssue[] {
  const at = (field: string) => `figures.${f.key}${field ? `.${field}` : ''}`;
  const out: ReportIssue[] = [];
  const name = `“${f.label}”`;
  if (!KEY.test(f.key)) out.push(issue(at(''), 'OUTLINE_KEY_INVALID', `Mã chỉ tiêu ${name} ("${f.key}") chỉ được gồm chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ cái.`));
  if (!FIGURE_TYPES.includes(f.type)) out.push(issue(at('type'), 'OUTLINE_TYPE_INVALID', `Kiểu của chỉ tiêu ${name} không hợp lệ.`));
  const numeric = isNumericFigure(f);
  const bounds = (['min', 'max'] as const).filter((b) => f[b] !== undefined);
  if (!numeric && bounds.length) out.push(issue(at(bounds[0]), 'OUTLINE_BOUNDS_NOT_NUMERIC', `Chỉ tiêu ${name} không phải chỉ tiêu số nên không có giới hạn.`));
  if (numeric) {
    const d = figureDecimals(f);
    for (const b of bounds) {
      const v = f[b]!;
      if (f.type === 'percentage' && (v < 0 || v > 100)) out.push(issue(at(b), 'OUTLINE_PERCENT_BOUNDS', `Giới hạn của tỷ lệ ${name} phải trong khoảng 0–100.`));
      else if (!hasAtMostDecimals(v, d)) {
        out.push(issue(at(b), 'OUTLINE_BOUND_PRECISION', d === 0 ? `Giới hạn của ${name} phải là số nguyên.` : `Giới hạn của ${name} có nhiều hơn ${d} chữ số thập phân.`));
      }
    }
    if (f.min !== undefined && f.max !== undefined && f.min > f.max) {
      out.push(issue(at('min'), 'OUTLINE_BOUNDS_ORDER', `Giới hạn dưới của ${name} (${formatNumberVi(f.min)}) lớn hơn giới hạn trên (${formatNumberVi(f.max)}).`));
    }
  }
  if (f.decimals !== undefined && f.decimals > 0 && f.type !== 'decimal' && f.type !== 'percentage') {
    out.push(issue(at('decimals'), 'OUTLINE_DECIMALS_NOT_ALLOWED', `Chỉ tiêu ${name} không có chữ số thập phân.`));
  }
  const allowed = ALLOWED_ROLLUPS[f.type];
  if (allowed && !allowed.kinds.includes(f.rollup.kind)) out.push(issue(at('rollup'), 'OUTLINE_ROLLUP_NOT_ALLOWED', `Cách tổng hợp chỉ tiêu ${name} không phù hợp: ${allowed.why}.`));
  return out;
}

/** Problems with a weighted average's weight: it must be another numeric figure of the outline. */
function weightIssues(f: Figure, figures: Map<string, Figure>): ReportIssue[] {
  if (f.rollup.kind !== 'weighted_average') return [];
  const path = `figures.${f.key}.rollup`;
  const w = figures.get(f.rollup.weightFigure);
  if (f.rollup.weightFigure === f.key) return [issue(path, 'OUTLINE_WEIGHT_SELF', `Chỉ tiêu “${f.label}” không thể làm trọng số cho chính nó.`)];
  if (!w) return [issue(path, 'OUTLINE_WEIGHT_UNKNOWN', `Không có chỉ tiêu mã "${f.rollup.weightFigure}" để làm trọng số cho “${f.label}”.`)];
  if (!isNumericFigure(w)) return [issue(path, 'OUTLINE_WEIGHT_NOT_NUMERIC', `Trọng số của “${f.label}” phải là chỉ tiêu số; “${w.label}” không phải.`)];
  return [];
}

/** Checks an outline: addresses and keys unique, weights refer to numeric figures, bounds consistent. [] when sound. */
export function validateOutline(outline: Outline): ReportIssue[] {
  const out: ReportIssue[] = [];
  if (!outline.sections.length) out.push(issue('sections', 'OUTLINE_EMPTY', 'Đề cương chưa có mục nào.'));
  const addresses = new Set<string>();
  const figures = new Map<string, Figure>();
  for (const s of outlineSections(outline.sections)) {
    if (addresses.has(s.address)) out.push(issue(`sections.${s.address}`, 'OUTLINE_DUPLICATE_ADDRESS', `Có hai mục cùng địa chỉ "${s.address}".`));
    addresses.add(s.address);
    for (const f of s.figures) {
      const first = figures.get(f.key);
      if (first) out.push(issue(`figures.${f.key}`, 'OUTLINE_DUPLICATE_KEY', `Mã chỉ tiêu "${f.key}" bị trùng (“${first.label}” và “${f.label}”).`));
      else figures.set(f.key, f);
      out.push(...figureIssues(f));
    }
  }
  for (const f of figures.values()) out.push(...weightIssues(f, figures));
  return out;
}

// ---- Reading an outline pasted as text -------------------------------------------------------------------------

/** A figure read from one line of text, before keys are made unique and weights resolved. */
export interface FigureLine {
  label: string;
  type: FigureType;
  unit: string;
  min?: number;
  max?: number;
  decimals?: number;
  required: boolean;
  /** 'weighted_average' carries the weight as written (a label or a key) until it is resolved. */
  rollup: Exclude<RollupRule, { kind: 'weighted_average' }> | { kind: 'weighted_average'; weightRef: string };
  /** Explicit key ("mã so_hoi_nghi"), if given. */
  key?: string;
  /** Options not understood, as written. */
  unknown: string[];
}

/** Folds diacritics and case but keeps punctuation and digits: "Từ 0 đến 12,5" → "tu 0 den 12,5". */
const soft = (s: string) => removeDiacritics(s).toLowerCase().replace(/\s+/g, ' ').trim();

const TYPE_WORDS = new Map<string, FigureType>([
  ['so nguyen', 'integer'],
  ['so thap phan', 'decimal'],
  ['so thuc', 'decimal'],
  ['ty le', 'percentage'],
  ['ti le', 'percentage'],
  ['phan tram', 'percentage'],
  ['ty le phan tram', 'percentage'],
  ['%', 'percentage'],
  ['co/khong', 'boolean'],
  ['co khong', 'boolean'],
  ['co hoac khong', 'boolean'],
  ['chu', 'text'],
  ['van ban', 'text'],
]);
const ROLLUP_WORDS = new Map<string, Exclude<RollupRule['kind'], 'weighted_average'>>([
  ['tong', 'sum'],
  ['cong', 'sum'],
  ['cong tong', 'sum'],
  ['tong cong', 'sum'],
  ['lon nhat', 'max'],
  ['cao nhat', 'max'],
  ['nho nhat', 'min'],
  ['thap nhat', 'min'],
  ['khong tong hop', 'none'],
]);
const NUM = '([-+−]?\\d[\\d.,]*)';
const BOUND_PATTERNS: [RegExp, ('min' | 'max')[]][] = [
  [new RegExp(`^tu ${NUM} (?:den|toi) ${NUM}$`), ['min', 'max']],
  [new RegExp(`^(?:tu|toi thieu|>=|≥) ?${NUM}$`), ['min']],
  [new RegExp(`^(?:den|toi da|<=|≤) ?${NUM}$`), ['max']],
];

/** Applies one option word to a figure line; false when it is not an option (then it may be the unit). */
function applyOption(line: FigureLine, token: string): boolean {
  const s = soft(token);
  const type = TYPE_WORDS.get(s);
  if (type) {
    line.type = type;
    if (type === 'percentage' && !line.unit) line.unit = '%';
    return true;
  }
  const kind = ROLLUP_WORDS.get(s);
  if (kind) {
    line.rollup = { kind };
    return true;
  }
  const weighted = /^(?:binh quan|trung binh)(?: gia quyen)? theo /.exec(s);
  if (weighted) {
    line.rollup = { kind: 'weighted_average', weightRef: token.trim().replace(/^.*?\btheo\s+/iu, '').trim() };
    return true;
  }
  if (s === 'bat buoc') {
    line.required = true;
    return true;
  }
  for (const [re, fields] of BOUND_PATTERNS) {
    const m = re.exec(s);
    if (!m) continue;
    const values = m.slice(1).map(parseNumberVi);
    if (values.some((v) => v === null)) return false;
    fields.forEach((field, i) => (line[field] = values[i]!));
    return true;
  }
  const decimals = /^(\d) (?:chu so thap phan|so le)$/.exec(s);
  if (decimals) line.decimals = Number(decimals[1]);
  const key = /^ma ([a-z][a-z0-9_]*)$/.exec(s);
  if (key) line.key = key[1];
  return Boolean(decimals || key);
}

/** Applies options separated by commas or semicolons; the first word that is not an option is the unit, later ones are unknown. */
function applyOptions(line: FigureLine, options: string, unitTaken: boolean): void {
  let hasUnit = unitTaken;
  // A comma between two digits is a decimal comma ("tối đa 12,5"), not a separator.
  for (const token of options.split(/;|(?<!\d),|,(?!\d)/).map((t) => t.trim()).filter(Boolean)) {
    if (applyOption(line, token)) continue;
    if (hasUnit) line.unknown.push(token);
    else line.unit = token;
    hasUnit = true;
  }
}

const defaultRollup = (type: FigureType): FigureLine['rollup'] => ({ kind: type === 'integer' || type === 'decimal' ? 'sum' : 'none' });
const BULLET = /^[-+*•–]\s*/;
const BRACKETED = /^\[([^\]]+)\]$/;
const BLANK = /(?:…|\.{3}|_{3})[.…_\s]*/u;
/** A long blank, surely a place to fill (not an ellipsis ending a list). */
const LONG_BLANK = /…{2,}|\.{5,}|_{3,}/u;

/** The type a blank to fill asks for, from its unit and label. */
function blankType(label: string, unit: string): FigureType {
  const l = soft(label);
  if (unit === '%' || /^(?:ty|ti) le\b/.test(l)) return 'percentage';
  if (unit || /^(?:tong so|so)\b/.test(l)) return 'integer';
  return 'text';
}

/**
 * Reads one line as a figure: "[Label: options]" or "Label: …… unit [options]", after an optional bullet. Null when
 * the line is guidance. Also null for a line with several blanks ("…… cuộc, …… người"): one figure a line.
 */
export function parseFigureLine(text: string): FigureLine | null {
  const body = text.trim().replace(BULLET, '');
  const bracketed = BRACKETED.exec(body);
  if (bracketed) {
    const inner = bracketed[1];
    const colon = inner.indexOf(':');
    const label = (colon < 0 ? inner : inner.slice(0, colon)).trim();
    if (!label) return null;
    const line: FigureLine = { label, type: 'integer', unit: '', required: false, rollup: { kind: 'sum' }, unknown: [] };
    const initial = { ...line };
    applyOptions(line, colon < 0 ? '' : inner.slice(colon + 1), false);
    return withDefaultRollup(line, initial);
  }
  const colon = body.indexOf(':');
  if (colon <= 0) return null;
  const label = body.slice(0, colon).trim();
  const rest = body.slice(colon + 1).trim();
  const blank = BLANK.exec(rest);
  if (!blank || blank.index !== 0) return null;
  const after = rest.slice(blank[0].length);
  const options = /\[([^\]]*)\]\s*$/.exec(after);
  const unit = (options ? after.slice(0, options.index) : after).trim().replace(/[.;,]$/, '').trim();
  if (BLANK.test(unit)) return null;
  const type = blankType(label, unit);
  const line: FigureLine = { label, type, unit, required: false, rollup: defaultRollup(type), unknown: [] };
  const initial = { ...line };
  if (options) applyOptions(line, options[1], true);
  return withDefaultRollup(line, initial);
}

/** When options changed the type but named no roll-up (the rule object is the initial one), the new type's default applies. */
function withDefaultRollup(line: FigureLine, initial: FigureLine): FigureLine {
  if (line.type !== initial.type && line.rollup === initial.rollup) line.rollup = defaultRollup(line.type);
  return line;
}

/** A figure key from its label: "Số cuộc hội nghị" → "so_cuoc_hoi_nghi"; made unique against `taken` with "_2", "_3". */
export function figureKeyFromLabel(label: string, taken: ReadonlySet<string> = new Set()): string {
  const words = foldVietnamese(label).split(' ').filter(Boolean);
  let base = '';
  for (const w of words) {
    if (base && base.length + 1 + w.length > 40) break;
    base = base ? `${base}_${w}` : w;
  }
  base = base.slice(0, 40).replace(/[^a-z0-9_]/g, '') || 'chi_tieu';
  if (!/^[a-z]/.test(base)) base = `chi_tieu_${base}`;
  let key = base;
  for (let k = 2; taken.has(key); k++) key = `${base}_${k}`;
  return key;
}

interface PendingFigure {
  figure: Figure;
  weightRef: string | null;
  sectionAddress: string;
}

/**
 * Splits a parsed section's body into guidance and figure lines; reports options not understood. A heading that is
 * itself a figure ("a) Số cuộc hội nghị: …… cuộc") keeps its section, titled by the label, with that figure first.
 */
function readSectionBody(section: DraftSection, taken: Set<string>, pending: PendingFigure[], issues: ReportIssue[]): { title: string; guidance: string; figures: Figure[] } {
  const guidance: string[] = [];
  const figures: Figure[] = [];
  const heading = section.kind === 'preamble' ? null : parseFigureLine(section.title);
  const lines = section.text ? section.text.split('\n') : [];
  for (const text of heading ? [section.title, ...lines] : lines) {
    const line = parseFigureLine(text);
    if (!line) {
      if (LONG_BLANK.test(text)) {
        issues.push(issue(`sections.${section.address}`, 'OUTLINE_TEXT_BLANK_NOT_FIGURE', `Dòng “${text.trim()}” có chỗ trống để điền nhưng không đọc được thành chỉ tiêu; viết mỗi chỉ tiêu một dòng, dạng “Số cuộc hội nghị: ……… cuộc”.`));
      }
      guidance.push(text);
      continue;
    }
    const key = line.key ?? figureKeyFromLabel(line.label, taken);
    taken.add(key);
    if (line.unknown.length) {
      issues.push(issue(`figures.${key}`, 'OUTLINE_TEXT_UNKNOWN_OPTION', `Dòng “${text.trim()}”: không hiểu ${line.unknown.map((u) => `“${u}”`).join(', ')}.`));
    }
    const { rollup, unknown: _unknown, key: _key, ...fields } = line;
    const figure: Figure = { key, ...fields, rollup: rollup.kind === 'weighted_average' ? { kind: 'none' } : rollup };
    pending.push({ figure, weightRef: rollup.kind === 'weighted_average' ? rollup.weightRef : null, sectionAddress: section.address });
    figures.push(figure);
  }
  return { title: heading ? heading.label : section.title, guidance: guidance.join('\n'), figures };
}

/** Resolves "bình quân theo X": X is a key, or a label (compared without diacritics or case). */
function resolveWeights(pending: PendingFigure[], issues: ReportIssue[]): void {
  for (const p of pending) {
    if (p.weightRef === null) continue;
    const ref = foldVietnamese(p.weightRef);
    const weight = pending.find((o) => o.figure.key === p.weightRef) ?? pending.find((o) => foldVietnamese(o.figure.label) === ref);
    if (weight) p.figure.rollup = { kind: 'weighted_average', weightFigure: weight.figure.key };
    else issues.push(issue(`figures.${p.figure.key}.rollup`, 'OUTLINE_WEIGHT_UNKNOWN', `Không tìm thấy chỉ tiêu “${p.weightRef}” để tính bình quân cho “${p.figure.label}”.`));
  }
}

/** Takes the title off the preamble's lines: the first, joined to the next when it only says "ĐỀ CƯƠNG (BÁO CÁO)". */
function titleFrom(lines: string[]): string {
  const first = lines.shift() ?? '';
  if (/^de cuong(?: bao cao)?$/.test(foldVietnamese(first)) && lines.length) return `${first} ${lines.shift()}`;
  return first;
}

export interface OutlineFromTextOptions {
  /** Title of the outline; default: the first line before the first section. */
  title?: string;
  format?: DraftTextFormat;
}

/**
 * Reads an outline pasted as Vietnamese-numbered text (see OUTLINE_TEXT_SYNTAX). Text before the first heading gives
 * the title (its first line, unless one is given) and the general guidance; figures written there stay in a
 * preamble section "0". Returns the outline and every problem found, the outline's own checks included.
 */
export function outlineFromText(text: string, options: OutlineFromTextOptions = {}): { outline: Outline; issues: ReportIssue[] } {
  const parsed = parseDraftText(text, options.format ?? 'text');
  const issues: ReportIssue[] = [];
  const taken = new Set<string>();
  const pending: PendingFigure[] = [];
  const convert = (s: DraftSection): OutlineSection => {
    const body = readSectionBody(s, taken, pending, issues);
    return { address: s.address, number: s.number, title: body.title, guidance: body.guidance, requiresText: false, figures: body.figures, children: s.children.map(convert) };
  };
  let sections = parsed.map(convert);
  let title = options.title?.trim() ?? '';
  let guidance = '';
  const preamble = sections[0]?.address === PREAMBLE_ADDRESS ? sections[0] : null;
  if (preamble) {
    const lines = preamble.guidance ? preamble.guidance.split('\n') : [];
    if (!title) title = titleFrom(lines);
    guidance = lines.join('\n');
    preamble.guidance = '';
    if (!preamble.figures.length) sections = sections.slice(1);
  }
  resolveWeights(pending, issues);
  const outline: Outline = { title: title || 'Đề cương báo cáo', guidance, sections };
  const seen = new Set(issues.map((i) => `${i.path}|${i.code}`));
  return { outline, issues: [...issues, ...validateOutline(outline).filter((i) => !seen.has(`${i.path}|${i.code}`))] };
}
