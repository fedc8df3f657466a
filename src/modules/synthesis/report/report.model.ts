// The official synthesis report (báo cáo tổng hợp ý kiến) as plain data: everything the DOCX report and the XLSX
// annex need, already in the words and order they are printed in. Built by whoever holds the approved synthesis;
// rendered by report.docx.ts and report.xlsx.ts without a database.
import { z } from 'zod';
import { docLine, docText, officialFrameShape, type OfficialFrame } from '../../../shared/documents/official.model';

/** A labelled count: one row of a figures table. */
export interface Count {
  /** What is counted, as printed ("Hội nghị", "Công nhân", "Trang thông tin điện tử"). */
  label: string;
  /** How many. */
  count: number;
}

/** A unit expected to send its synthesis up. */
export interface CoverageUnit {
  /** Unit name as printed ("Phường Trấn Biên"). */
  name: string;
  /** Whether its synthesis arrived and is included. */
  sent: boolean;
  /** Comments its synthesis brought (counted by the people they stand for, as every figure); null when it sent none. */
  comments: number | null;
}

/** Which subordinate syntheses the report covers ("Tổng hợp từ 26/34 đơn vị"). */
export interface ReportCoverage {
  /** Every unit expected to report, in display order; the per-unit comment figures live here too. */
  units: CoverageUnit[];
  /**
   * The comments the reporting organization took in itself rather than through a unit's synthesis, with how its row
   * is printed ("Ý kiến do Ủy ban MTTQ … trực tiếp tiếp nhận"); null for none. With the units' counts it adds up to
   * the total of comments.
   */
  direct: Count | null;
}

/** The figures (số liệu) of the consultation. */
export interface ReportFigures {
  /** Meetings held, by kind (hội nghị, tọa đàm, sinh hoạt chi hội …). */
  meetings: Count[];
  /** People who took part. */
  participants: {
    /** Total attendance (lượt người). */
    total: number;
    /** Attendance by social stratum; need not sum to the total (stratum is optional). */
    byStratum: Count[];
  };
  /** Comments received. */
  comments: {
    /** All comments (weights summed). */
    total: number;
    /** By channel (hội nghị, văn bản, trang thông tin điện tử, ứng dụng …). */
    byChannel: Count[];
    /** By draft document. */
    byDraft: Count[];
    /** By social stratum of the contributor, where known (the report builder adds the unknown rest as a last row). */
    byStratum: Count[];
  };
}

/** One opinion in the synthesis: a synthesis group, ready to print. */
export interface ReportGroup {
  /** The synthesis group's id, for tracing back to every original comment; null for hand-made entries. */
  id: string | null;
  /** True count: the sum of its members' weights. */
  count: number;
  /**
   * The curated wording without the count ("đề nghị bổ sung …"); printed as "Có 125 ý kiến đề nghị bổ sung …"
   * with the true count (a leading "Có N ý kiến" written by the editor is replaced). Null: none written yet.
   */
  summary: string | null;
  /** A member's text as written, printed in quotes when there is no summary. */
  representative: string;
  /** A notable minority view (ý kiến thiểu số đáng chú ý), printed apart with its reasoning. */
  minority: boolean;
  /** The reasoning given for a minority view; null when none. */
  reasoning: string | null;
  /** Counts by social stratum, as the engine keeps them; contributors without a stratum are not counted here. */
  strata: Record<string, number>;
}

/** A part of a draft (Phần, Mục, Điều …) and the opinions on it. */
export interface ReportSection {
  /** The draft's own numbering ("III.2.a", "Điều 8"); null for comments on the draft as a whole. */
  address: string | null;
  /** The heading text ("Phát triển kinh tế nhanh, bền vững"). */
  title: string;
  /** Its opinions, largest first (the printed rank is the position here). */
  groups: ReportGroup[];
}

/** One draft document and the comments on it. */
export interface ReportDraft {
  /** Title as printed ("Dự thảo Báo cáo chính trị …"). */
  title: string;
  /** Comments on this draft; null when not counted separately. */
  comments: number | null;
  /** Its sections in the heading order of the draft (see compareSectionAddresses). */
  sections: ReportSection[];
}

/** Everything the official synthesis report and its annex print. */
export interface SynthesisReportModel extends OfficialFrame {
  /** The summary title under "BÁO CÁO" ("Tổng hợp ý kiến góp ý của Nhân dân đối với dự thảo …"). */
  title: string;
  /** Opening paragraphs (căn cứ, thực hiện …), one string per paragraph. */
  introduction: string[];
  /** Which units' syntheses are included. */
  coverage: ReportCoverage;
  /** The figures. */
  figures: ReportFigures;
  /** One entry per draft, in the order they are reported. */
  drafts: ReportDraft[];
  /** Recommendations (kiến nghị, đề xuất), one per paragraph; empty for none. */
  recommendations: string[];
  /** Closing paragraph ("Trên đây là báo cáo …"); null for the standard one. */
  closing: string | null;
}

const text = docText;
const line = docLine;
const count = z.number().int().nonnegative();
const countSchema = z.object({ label: line, count });

export const reportGroupSchema = z.object({
  id: z.string().min(1).nullable(),
  count,
  summary: text.nullable(),
  representative: text,
  minority: z.boolean(),
  reasoning: text.nullable(),
  strata: z.record(z.string(), count),
});

export const reportSectionSchema = z.object({
  address: z.string().max(200).nullable(),
  title: z.string().max(2_000),
  groups: z.array(reportGroupSchema),
});

export const reportDraftSchema = z.object({
  title: line,
  comments: count.nullable(),
  sections: z.array(reportSectionSchema),
});

/** Validates a report model; refuses internal contradictions (a unit that did not send but has comments). */
export const synthesisReportSchema = z
  .object({
    ...officialFrameShape,
    title: line,
    introduction: z.array(text),
    coverage: z.object({
      units: z.array(z.object({ name: line, sent: z.boolean(), comments: count.nullable() })),
      direct: countSchema.nullable(),
    }),
    figures: z.object({
      meetings: z.array(countSchema),
      participants: z.object({ total: count, byStratum: z.array(countSchema) }),
      comments: z.object({
        total: count,
        byChannel: z.array(countSchema),
        byDraft: z.array(countSchema),
        byStratum: z.array(countSchema),
      }),
    }),
    drafts: z.array(reportDraftSchema),
    recommendations: z.array(text),
    closing: text.nullable(),
  })
  .superRefine((model, ctx) => {
    model.coverage.units.forEach((unit, i) => {
      if (!unit.sent && unit.comments) {
        ctx.addIssue({
          code: 'custom',
          path: ['coverage', 'units', i, 'comments'],
          message: 'Đơn vị chưa gửi báo cáo không thể có số ý kiến.',
        });
      }
    });
    // Each comment reaches the report once, through one unit or directly: the rows by unit add up to the total.
    const byUnit = model.coverage.units.reduce((a, u) => a + (u.comments ?? 0), 0) + (model.coverage.direct?.count ?? 0);
    if (model.coverage.units.length > 0 && byUnit !== model.figures.comments.total) {
      ctx.addIssue({
        code: 'custom',
        path: ['coverage', 'units'],
        message: `Số ý kiến theo đơn vị (${byUnit}) không khớp tổng số ý kiến (${model.figures.comments.total}).`,
      });
    }
  });

// The hand-written type and the schema must describe the same data.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const sameShape: Equal<z.infer<typeof synthesisReportSchema>, SynthesisReportModel> = true;
void sameShape;

/** Coverage as printed: how many of the expected units sent their synthesis, and which did not. */
export function coverageOf(model: Pick<SynthesisReportModel, 'coverage'>): {
  sent: number;
  expected: number;
  missing: string[];
} {
  const units = model.coverage.units;
  return {
    sent: units.filter((u) => u.sent).length,
    expected: units.length,
    missing: units.filter((u) => !u.sent).map((u) => u.name),
  };
}

// Drafts number their parts I … XX at most; C, D, L, M are more likely Phần A, B, C, D than Roman numerals.
const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10 };

function romanValue(s: string): number | null {
  if (!/^[IVX]+$/.test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]!]!;
    const next = i + 1 < s.length ? ROMAN[s[i + 1]!]! : 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** Sort key of one address part: Roman and Arabic numerals by value, letters (a, b, đ …) alphabetically. */
function partKey(part: string): [number, number, string] {
  const digits = /^\d+$/.test(part) ? Number(part) : null;
  if (digits !== null) return [1, digits, ''];
  const roman = romanValue(part);
  if (roman !== null) return [0, roman, ''];
  return [2, 0, part.toLocaleLowerCase('vi')];
}

/**
 * Orders section addresses in the heading order of a draft: "I" < "I.2" < "I.10" < "II" < "II.1.a" < "II.1.b";
 * "Điều 8" < "Điều 10"; the draft as a whole (null) first.
 */
export function compareSectionAddresses(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null || a.trim() === '') return -1;
  if (b === null || b.trim() === '') return 1;
  const split = (s: string) => s.split(/[\s.\-/)]+/).filter(Boolean);
  const pa = split(a);
  const pb = split(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const ka = partKey(pa[i]!);
    const kb = partKey(pb[i]!);
    if (ka[0] !== kb[0]) return ka[0] - kb[0];
    if (ka[1] !== kb[1]) return ka[1] - kb[1];
    const c = ka[2].localeCompare(kb[2], 'vi');
    if (c !== 0) return c;
  }
  return pa.length - pb.length;
}
