// A report (báo cáo) of the reporting regime as plain data, ready to print: the official frame (issuer, number,
// place and date, recipients, signer), the title, the outline it answers and its content, and, for a superior's
// rolled-up report, the roll-up's coverage, contributors and per-unit values. Rendered by report.docx.ts and
// report.xlsx.ts without a database; the helpers below give both the same rows and the same wording.
import { z } from 'zod';
import { docLine, docText, officialFrameShape, type OfficialFrame } from '../../../shared/documents/official.model';
import { cleanLine } from '../../../shared/documents/official.text';
import { formatNumberVi } from '../../../shared/text';
import { figureDecimals, outlineSections } from '../outlines.model';
import {
  CoverageSchema,
  FigureRollupSchema,
  FigureValueSchema,
  OutlineSchema,
  ReportContentSchema,
  RollupResultSchema,
  type Coverage,
  type Figure,
  type FigureRollup,
  type FigureValue,
  type Outline,
  type OutlineSection,
  type ReportContent,
  type RollupResult,
} from '../reporting.schema';
import { splitGatheredText, type TextBlock } from '../rollup';
import { SentimentReportSchema, type SentimentReport } from '../../sentiment/sentiment.schema';

/** One counted subordinate and the values it reported (the XLSX gives each a column). */
export interface UnitFigures {
  unitName: string;
  /** Its values by figure key; a key left out is a value not given. */
  figures: Record<string, FigureValue>;
}

/** What a superior's report rolled up, beside its (pre-filled, then edited) content. */
export interface ReportRollup {
  /** Who reported and who did not; its statement is printed near the top. */
  coverage: Coverage;
  /** One per figure: how many units contributed, which gave nothing. */
  figures: FigureRollup[];
  /** The texts gathered under each unit's name (rollUp().sections); their unit names mark the units' parts of the content's text. */
  sections: RollupResult['sections'];
  /** The counted units' own values, in column order; [] when not given. */
  units: UnitFigures[];
}

/** Everything a report prints, in DOCX and XLSX. */
export interface ReportDocumentModel extends OfficialFrame {
  /** The summary title under "BÁO CÁO" ("Kết quả công tác dân vận tháng 3/2026"). */
  title: string;
  /** Opening paragraphs (căn cứ, thực hiện …), one string per paragraph; [] for none. */
  introduction: string[];
  /** The outline version the report answers: its sections in heading order, their figures. */
  outline: Outline;
  /**
   * The report's figures and texts. A superior's starts as rollUp().content (texts under each unit's name, "Xã An
   * Bình:" on a line of its own) and is edited before it is sent up.
   */
  content: ReportContent;
  /** For a superior's rolled-up report; null for a unit's own. */
  rollup: ReportRollup | null;
  /** The monthly sentiment report sent with it (a superior's: its units' summed), printed after the sections; null for none. */
  sentiment: SentimentReport | null;
  /** Closing paragraph ("Trên đây là báo cáo …"); null for the standard one. */
  closing: string | null;
}

export const reportRollupSchema = z.object({
  coverage: CoverageSchema,
  figures: z.array(FigureRollupSchema),
  sections: RollupResultSchema.shape.sections,
  units: z.array(z.object({ unitName: docLine, figures: z.record(z.string().max(100), FigureValueSchema) })),
});

export const reportDocumentSchema = z.object({
  ...officialFrameShape,
  title: docLine,
  introduction: z.array(docText),
  outline: OutlineSchema,
  content: ReportContentSchema,
  rollup: reportRollupSchema.nullable(),
  sentiment: SentimentReportSchema.nullable(),
  closing: docText.nullable(),
});

// The hand-written type and the schema must describe the same data.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const sameShape: Equal<z.infer<typeof reportDocumentSchema>, ReportDocumentModel> = true;
void sameShape;

// ---- What both renderings print ------------------------------------------------------------------------------

/** "I. KẾT QUẢ", "1.1. Hội nghị", "a) Dư luận": the outline's number as written, then the title. */
export function sectionHeadingText(section: Pick<OutlineSection, 'number' | 'title'>): string {
  const title = cleanLine(section.title);
  const number = section.number === null ? '' : cleanLine(section.number);
  if (number === '') return title;
  const numbered = /^[a-zđ]$/u.test(number) ? `${number})` : `${number}.`;
  return title === '' ? numbered : `${numbered} ${title}`;
}

/** The unit of measure as printed: the outline's, or "%" for a percentage that names none. */
export function figureUnit(f: Figure): string {
  const unit = cleanLine(f.unit);
  return unit === '' && f.type === 'percentage' ? '%' : unit;
}

const isBlank = (v: FigureValue | undefined): v is null | undefined => v === null || v === undefined || (typeof v === 'string' && cleanLine(v) === '');

/** A value as a spreadsheet cell holds it: numbers stay numbers, yes/no in words, blank when not given. */
export function figureCellValue(v: FigureValue | undefined): string | number | null {
  if (isBlank(v)) return null;
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  return typeof v === 'number' ? v : cleanLine(v);
}

/** A value as a document prints it: "1.234,5", "Có"/"Không", the text; "—" when not given. */
export function formatFigureValue(v: FigureValue | undefined): string {
  const c = figureCellValue(v);
  return c === null ? '—' : typeof c === 'number' ? formatNumberVi(c) : c;
}

/** The number format of a figure's cells: digit grouping, and its digits after the point. */
export function figureNumFmt(f: Figure): string {
  const d = figureDecimals(f);
  return d === 0 ? '#,##0' : `#,##0.${'0'.repeat(d)}`;
}

/** Sections in heading order with their depth (0 for the top level). */
export function sectionsInOrder(outline: Outline): { section: OutlineSection; depth: number }[] {
  const out: { section: OutlineSection; depth: number }[] = [];
  const walk = (sections: OutlineSection[], depth: number) => {
    for (const s of sections) {
      out.push({ section: s, depth });
      walk(s.children, depth + 1);
    }
  };
  walk(outline.sections, 0);
  return out;
}

/** The roll-up of each figure by key. */
export function rollupByKey(model: Pick<ReportDocumentModel, 'rollup'>): Map<string, FigureRollup> {
  return new Map((model.rollup?.figures ?? []).map((r) => [r.key, r]));
}

/** Every unit named in the roll-up: those whose texts were gathered, and those whose values were given. */
function rollupUnitNames(model: Pick<ReportDocumentModel, 'rollup'>): Set<string> {
  const names = new Set<string>();
  for (const s of model.rollup?.sections ?? []) for (const t of s.texts) names.add(cleanLine(t.unitName));
  for (const u of model.rollup?.units ?? []) names.add(cleanLine(u.unitName));
  return names;
}

/**
 * Each section's text split into its parts, by address: for a rolled-up report, each unit's part under its name (as
 * rollUp wrote it), the superior's own words first; otherwise one part; [] for a section without text.
 */
export function allSectionTextBlocks(model: Pick<ReportDocumentModel, 'outline' | 'content' | 'rollup'>): Map<string, TextBlock[]> {
  const names = rollupUnitNames(model);
  const blocks = (address: string) => {
    const text = model.content.sections[address];
    return text === undefined || text.trim() === '' ? [] : splitGatheredText(text.normalize('NFC'), names);
  };
  return new Map(outlineSections(model.outline.sections).map((s) => [s.address, blocks(s.address)]));
}
