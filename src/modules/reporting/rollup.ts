// Roll-up: a superior's own report pre-filled from its subordinates' submissions. Figures are rolled up by their
// rule, each saying how many units contributed and which gave nothing; text sections are gathered under each
// unit's name; and the coverage is always stated, with the mode (accepted reports only, or all received). Pure and
// linear in units × figures.
//
// Decimals: sums are made on integer counts of 10^-d (d: the figure's digits, see decimals.ts), so they are exact;
// weighted averages are computed in floating point and rounded to d digits, half away from zero.
import { fromScaled, roundTo, toScaled } from './decimals';
import { figureDecimals, indexOutline, outlineSections } from './outlines.model';
import {
  ROLLUP_MODE_LABELS,
  type Coverage,
  type Figure,
  type FigureRollup,
  type FigureValue,
  type GatheredText,
  type Outline,
  type ReportContent,
  type RollupMode,
  type RollupResult,
  type SubmissionStatus,
} from './reporting.schema';

/** A subordinate unit expected to report, in the order its text should appear (e.g. by official code). */
export interface ExpectedUnit {
  unitId: string;
  unitName: string;
}

/** A subordinate's latest submission for the period. */
export interface RollupSource extends ExpectedUnit {
  status: SubmissionStatus;
  content: ReportContent;
}

const STATUS_RANK: Record<SubmissionStatus, number> = { draft: 0, returned: 1, submitted: 2, accepted: 3 };

/** One source per unit: the most advanced status wins, then the later in the list. */
function latestPerUnit(sources: RollupSource[]): Map<string, RollupSource> {
  const byUnit = new Map<string, RollupSource>();
  for (const s of sources) {
    const seen = byUnit.get(s.unitId);
    if (!seen || STATUS_RANK[s.status] >= STATUS_RANK[seen.status]) byUnit.set(s.unitId, s);
  }
  return byUnit;
}

const counts = (mode: RollupMode, status: SubmissionStatus) => status === 'accepted' || (mode === 'all_received' && status === 'submitted');

/** Counted sources in a stable order: the expected order first, then the unexpected ones by name. */
function countedInOrder(byUnit: Map<string, RollupSource>, expected: ExpectedUnit[], mode: RollupMode): { counted: RollupSource[]; extra: RollupSource[] } {
  const expectedIds = new Set(expected.map((u) => u.unitId));
  const counted = expected.map((u) => byUnit.get(u.unitId)).filter((s): s is RollupSource => !!s && counts(mode, s.status));
  const extra = [...byUnit.values()].filter((s) => !expectedIds.has(s.unitId) && counts(mode, s.status)).sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi'));
  return { counted: [...counted, ...extra], extra };
}

const numberOf = (v: FigureValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const booleanOf = (v: FigureValue | undefined): boolean | null => (typeof v === 'boolean' ? v : null);

/** Sum on integer counts of 10^-d: exact. */
function rollSum(f: Figure, sources: RollupSource[]): FigureRollup {
  const d = figureDecimals(f);
  let scaled = 0;
  let contributed = 0;
  const missing: string[] = [];
  for (const s of sources) {
    const v = numberOf(s.content.figures[f.key]);
    if (v === null) missing.push(s.unitName);
    else {
      scaled += toScaled(v, d);
      contributed++;
    }
  }
  return { key: f.key, value: contributed ? fromScaled(scaled, d) : null, contributed, missing };
}

/** Σ value·weight / Σ weight over units with both; a weight ≤ 0 contributes nothing (and is not missing). */
function rollWeightedAverage(f: Figure, weightKey: string, sources: RollupSource[]): FigureRollup {
  let num = 0;
  let den = 0;
  let contributed = 0;
  const missing: string[] = [];
  for (const s of sources) {
    const v = numberOf(s.content.figures[f.key]);
    const w = numberOf(s.content.figures[weightKey]);
    if (v === null || w === null) missing.push(s.unitName);
    else if (w > 0) {
      num += v * w;
      den += w;
      contributed++;
    }
  }
  return { key: f.key, value: den > 0 ? roundTo(num / den, figureDecimals(f)) : null, contributed, missing };
}

/** Largest or smallest; for yes/no, "yes" somewhere (max) or everywhere (min). */
function rollExtreme(f: Figure, sources: RollupSource[], largest: boolean): FigureRollup {
  const read = f.type === 'boolean' ? booleanOf : numberOf;
  let best: number | boolean | null = null;
  let contributed = 0;
  const missing: string[] = [];
  for (const s of sources) {
    const v = read(s.content.figures[f.key]);
    if (v === null) {
      missing.push(s.unitName);
      continue;
    }
    contributed++;
    if (best === null || (largest ? v > best : v < best)) best = v;
  }
  return { key: f.key, value: best, contributed, missing };
}

/** Rolls one figure up over the counted sources by its rule. */
export function rollFigure(f: Figure, sources: RollupSource[]): FigureRollup {
  switch (f.rollup.kind) {
    case 'sum':
      return rollSum(f, sources);
    case 'weighted_average':
      return rollWeightedAverage(f, f.rollup.weightFigure, sources);
    case 'max':
      return rollExtreme(f, sources, true);
    case 'min':
      return rollExtreme(f, sources, false);
    case 'none':
      return { key: f.key, value: null, contributed: 0, missing: [] };
  }
}

/** Expected units sorted into counted, missing, pending and returned, and the sentence that states it. */
function coverageOf(expected: ExpectedUnit[], byUnit: Map<string, RollupSource>, mode: RollupMode, extra: string[] = []): Coverage {
  const missing: string[] = [];
  const pending: string[] = [];
  const returned: string[] = [];
  let reported = 0;
  for (const u of expected) {
    const s = byUnit.get(u.unitId);
    if (!s || s.status === 'draft') missing.push(u.unitName);
    else if (s.status === 'returned') returned.push(u.unitName);
    else if (counts(mode, s.status)) reported++;
    else pending.push(u.unitName);
  }
  const parts = [`${reported}/${expected.length} đơn vị đã báo cáo (${ROLLUP_MODE_LABELS[mode]})`];
  const lists: [string, string[]][] = [['chưa báo cáo', missing], ['đã gửi, chưa tiếp nhận', pending], ['đang trả lại để sửa', returned], ['ngoài danh sách', extra]];
  for (const [label, names] of lists) if (names.length) parts.push(`${label}: ${names.join(', ')}`);
  return { mode, expected: expected.length, reported, missing, pending, returned, extra, statement: `${parts.join('; ')}.` };
}

/** Each section's non-empty texts, under the unit's name, in the sources' order. */
function gatherTexts(outline: Outline, sources: RollupSource[]): RollupResult['sections'] {
  const out: RollupResult['sections'] = [];
  for (const section of outlineSections(outline.sections)) {
    const texts = sources
      .map((s) => ({ unitId: s.unitId, unitName: s.unitName, text: s.content.sections[section.address]?.trim() ?? '' }))
      .filter((t) => t.text);
    if (texts.length) out.push({ address: section.address, texts });
  }
  return out;
}

/**
 * How gathered texts are written into the superior's section: each under its unit's name, on a line of its own
 * ("Xã An Bình:"), a blank line between units.
 */
export function joinGatheredTexts(texts: Pick<GatheredText, 'unitName' | 'text'>[]): string {
  return texts.map((t) => `${t.unitName}:\n${t.text}`).join('\n\n');
}

/** A part of a section's text: what a unit wrote (under its name), or the superior's own words (unitName null). */
export interface TextBlock {
  unitName: string | null;
  text: string;
}

/**
 * Splits a section's text back into the units' parts, as joinGatheredTexts wrote them and the superior edited them:
 * a line that is only a known unit's name and a colon starts that unit's part; text before the first is the
 * superior's own. Blank parts are dropped; a text with no unit line is one part of its own.
 */
export function splitGatheredText(text: string, unitNames: ReadonlySet<string>): TextBlock[] {
  const blocks: TextBlock[] = [];
  let current: { unitName: string | null; lines: string[] } = { unitName: null, lines: [] };
  const flush = () => blocks.push({ unitName: current.unitName, text: current.lines.join('\n').trim() });
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(.+?)\s*:\s*$/.exec(line);
    if (m && unitNames.has(m[1]!)) {
      flush();
      current = { unitName: m[1]!, lines: [] };
    } else current.lines.push(line);
  }
  flush();
  return blocks.filter((b) => b.text !== '');
}

/**
 * Pre-fills a superior's report from its subordinates' submissions. `mode` chooses what counts: 'accepted_only'
 * (accepted reports) or 'all_received' (accepted and submitted); returned reports and drafts never count. With
 * several submissions of one unit, the most advanced status wins.
 */
export function rollUp(outline: Outline, sources: RollupSource[], options: { mode: RollupMode; expected: ExpectedUnit[] }): RollupResult {
  const byUnit = latestPerUnit(sources);
  const { counted, extra } = countedInOrder(byUnit, options.expected, options.mode);
  const figures = [...indexOutline(outline).figures.values()].map((f) => rollFigure(f, counted));
  const sections = gatherTexts(outline, counted);
  const content: ReportContent = { figures: {}, sections: {} };
  for (const r of figures) if (r.value !== null) content.figures[r.key] = r.value;
  for (const s of sections) content.sections[s.address] = joinGatheredTexts(s.texts);
  return { content, figures, sections, coverage: coverageOf(options.expected, byUnit, options.mode, extra.map((s) => s.unitName)) };
}
