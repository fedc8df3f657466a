// A report's content checked against its outline version: a value per figure key, a text per section address.
// Every problem names its field path and says in Vietnamese what is wrong; the server answers 422 with the list.
// Pure.
import { formatNumberVi, parseNumberVi } from '../../shared/text';
import { hasAtMostDecimals } from './decimals';
import { figureDecimals, indexOutline, isNumericFigure } from './outlines.model';
import { MAX_FIGURE_TEXT_CHARS, MAX_SECTION_TEXT_CHARS, type Figure, type FigureValue, type Outline, type ReportContent, type ReportIssue } from './reporting.schema';

const fmt = formatNumberVi;
const figurePath = (key: string) => `figures.${key}`;
const problem = (f: Figure, code: string, message: string): ReportIssue => ({ path: figurePath(f.key), code, message });

/** What a figure's value must be, for the type error message: "phải là số nguyên không âm". */
function expected(f: Figure): string {
  switch (f.type) {
    case 'integer':
      return f.min === 0 ? 'phải là số nguyên không âm' : 'phải là số nguyên';
    case 'decimal':
      return f.min === 0 ? 'phải là số không âm' : 'phải là một số';
    case 'percentage':
      return 'phải là tỷ lệ phần trăm, từ 0 đến 100';
    case 'boolean':
      return 'phải là Có hoặc Không';
    case 'text':
      return 'phải là chữ';
  }
}

/** The value is not of the figure's kind (a text for a number, a fraction for an integer …). */
const wrongType = (f: Figure) => problem(f, 'FIGURE_WRONG_TYPE', `${f.label} ${expected(f)}.`);

/** Checks a number against a numeric figure: integer-ness, precision, 0–100 for a percentage, bounds. */
function numberIssue(f: Figure, v: number): ReportIssue | null {
  if (!Number.isFinite(v) || (f.type === 'integer' && !Number.isSafeInteger(v))) return wrongType(f);
  const d = figureDecimals(f);
  if (!hasAtMostDecimals(v, d)) return problem(f, 'FIGURE_TOO_PRECISE', `${f.label} chỉ được có tối đa ${d} chữ số thập phân.`);
  if (f.type === 'percentage' && (v < 0 || v > 100)) return problem(f, v < 0 ? 'FIGURE_BELOW_MIN' : 'FIGURE_ABOVE_MAX', `${f.label} ${expected(f)}.`);
  // Below a minimum of 0, "phải là số nguyên không âm" says it better than "không được nhỏ hơn 0".
  if (f.min !== undefined && v < f.min) return problem(f, 'FIGURE_BELOW_MIN', f.min === 0 ? `${f.label} ${expected(f)}.` : `${f.label} không được nhỏ hơn ${fmt(f.min)}.`);
  if (f.max !== undefined && v > f.max) return problem(f, 'FIGURE_ABOVE_MAX', `${f.label} không được lớn hơn ${fmt(f.max)}.`);
  return null;
}

/** Checks one value (not null) against its figure; null when it is acceptable. Usable field by field in a form. */
export function checkFigureValue(f: Figure, value: Exclude<FigureValue, null>): ReportIssue | null {
  if (isNumericFigure(f)) return typeof value === 'number' ? numberIssue(f, value) : wrongType(f);
  if (f.type === 'boolean') return typeof value === 'boolean' ? null : wrongType(f);
  if (typeof value !== 'string') return wrongType(f);
  if (value.length > MAX_FIGURE_TEXT_CHARS) return problem(f, 'FIGURE_TOO_LONG', `${f.label} dài quá ${fmt(MAX_FIGURE_TEXT_CHARS)} ký tự.`);
  return null;
}

const isBlank = (v: FigureValue | undefined): v is null | undefined => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

export interface ValidateContentOptions {
  /** true when submitting: required figures and sections must be filled. false when saving a draft. Default true. */
  complete?: boolean;
}

/**
 * Checks a report's content against its outline: unknown figure keys and section addresses are refused, every value
 * must fit its figure, and when `complete`, required figures and sections must be filled. [] when acceptable.
 */
export function validateContent(outline: Outline, content: ReportContent, options: ValidateContentOptions = {}): ReportIssue[] {
  const complete = options.complete ?? true;
  const { figures, sections } = indexOutline(outline);
  const out: ReportIssue[] = [];
  for (const [key, value] of Object.entries(content.figures)) {
    const f = figures.get(key);
    if (!f) out.push({ path: figurePath(key), code: 'FIGURE_UNKNOWN', message: `Chỉ tiêu "${key}" không có trong đề cương.` });
    else if (!isBlank(value)) {
      const found = checkFigureValue(f, value);
      if (found) out.push(found);
    }
  }
  for (const [address, text] of Object.entries(content.sections)) {
    if (!sections.has(address)) out.push({ path: `sections.${address}`, code: 'SECTION_UNKNOWN', message: `Mục "${address}" không có trong đề cương.` });
    else if (text.length > MAX_SECTION_TEXT_CHARS) {
      out.push({ path: `sections.${address}`, code: 'SECTION_TEXT_TOO_LONG', message: `Nội dung mục ${address} dài quá ${fmt(MAX_SECTION_TEXT_CHARS)} ký tự.` });
    }
  }
  if (!complete) return out;
  for (const f of figures.values()) {
    if (f.required && isBlank(content.figures[f.key])) out.push(problem(f, 'FIGURE_REQUIRED', `Chưa nhập ${f.label} (chỉ tiêu bắt buộc).`));
  }
  for (const s of sections.values()) {
    if (s.requiresText && !content.sections[s.address]?.trim()) {
      out.push({ path: `sections.${s.address}`, code: 'SECTION_TEXT_REQUIRED', message: `Mục ${s.address}${s.title ? ` “${s.title}”` : ''} cần có nội dung.` });
    }
  }
  return out;
}

const YES = new Set(['có', 'co', 'x', 'yes', 'true', '1', 'đã', 'da']);
const NO = new Set(['không', 'khong', 'no', 'false', '0', 'chưa', 'chua']);

/**
 * Reads what a person typed (a form field, a spreadsheet cell) into a figure's value: Vietnamese numbers ("1.500",
 * "12,5"; a trailing "%" for a percentage), "Có"/"Không" (also "x", "đã", "chưa"). '' is null. The value is then
 * checked as `checkFigureValue` does.
 */
export function parseFigureInput(f: Figure, raw: string): { value: FigureValue } | { issue: ReportIssue } {
  const text = raw.normalize('NFC').trim();
  if (!text) return { value: null };
  let value: FigureValue;
  if (isNumericFigure(f)) {
    const n = parseNumberVi(f.type === 'percentage' ? text.replace(/\s*%$/, '') : text);
    if (n === null) return { issue: wrongType(f) };
    value = n;
  } else if (f.type === 'boolean') {
    const word = text.toLowerCase();
    if (!YES.has(word) && !NO.has(word)) return { issue: wrongType(f) };
    value = YES.has(word);
  } else {
    value = text;
  }
  const found = checkFigureValue(f, value);
  return found ? { issue: found } : { value };
}
