// The official synthesis report (báo cáo tổng hợp ý kiến) as plain data: everything the DOCX report and the XLSX
// annex need, already in the words and order they are printed in. Built by whoever holds the approved synthesis;
// rendered by report.docx.ts and report.xlsx.ts without a database.
import { z } from 'zod';

/**
 * Which presentation rules the issuing body follows (DOMAIN.md §4):
 * - `party`: Party bodies (Hướng dẫn 36-HD/VPTW): motto "ĐẢNG CỘNG SẢN VIỆT NAM", number "Số 215-BC/BTV", "*" under
 *   the issuer;
 * - `front`: the Fatherland Front and the socio-political organizations under it, and
 * - `state`: State bodies, both under Nghị định 30/2020/NĐ-CP: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" over
 *   "Độc lập - Tự do - Hạnh phúc", number "Số: 12/BC-MTTQ-BTT", a short rule under the issuer.
 */
export type IssuerSystem = 'party' | 'front' | 'state';

/** The body that issues the report, as printed in the header block. */
export interface ReportIssuer {
  /** Presentation rules to follow. */
  system: IssuerSystem;
  /** The superior body, upright caps ("ỦY BAN MTTQ VIỆT NAM\nTỈNH ĐỒNG NAI"); "\n" breaks lines; null when none. */
  superior: string | null;
  /** The issuing body itself, bold caps ("BAN THƯỜNG TRỰC"); "\n" breaks lines. */
  name: string;
}

/** Number and symbol (số và ký hiệu). */
export interface DocNumber {
  /** The registered number ("12"); null while unnumbered: a blank is left to fill in by hand. */
  number: string | null;
  /** The symbol after the number: "BC-MTTQ-BTT" (printed "Số: 12/BC-MTTQ-BTT") or, for Party bodies, "BC/BDVTU" ("Số 12-BC/BDVTU"). */
  symbol: string;
}

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
  /** Comments its synthesis counts; null when it did not send one. */
  comments: number | null;
}

/** Which subordinate syntheses the report covers ("Tổng hợp từ 26/34 đơn vị"). */
export interface ReportCoverage {
  /** Every unit expected to report, in display order; the per-unit comment figures live here too. */
  units: CoverageUnit[];
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
    /** By social stratum of the contributor, where known. */
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

/** The signature block (bottom right). */
export interface ReportSignature {
  /** Signing on behalf of ("TM. BAN THƯỜNG TRỰC", "T/M BAN THƯỜNG VỤ", "KT. CHỦ TỊCH"); null when signing in one's own capacity. */
  capacity: string | null;
  /** The signer's title ("PHÓ CHỦ TỊCH"). */
  title: string;
  /** The signer's full name ("Nguyễn Thị Hương"). */
  name: string;
}

/** Everything the official synthesis report and its annex print. */
export interface SynthesisReportModel {
  /** Issuing body (header block, left) and the presentation rules it follows. */
  issuer: ReportIssuer;
  /** Number and symbol, printed under the issuer. */
  number: DocNumber;
  /** Place name for the date line ("Đồng Nai"). */
  place: string;
  /** Date of issue, ISO "2026-11-30"; printed "ngày 30 tháng 11 năm 2026". */
  date: string;
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
  /** Nơi nhận, one recipient per entry, without the leading dash ("Ban Thường vụ Tỉnh ủy (để b/c)"); "Lưu: VT." is added when no entry starts with "Lưu". */
  recipients: string[];
  /** Who signs. */
  signature: ReportSignature;
}

const text = z.string().max(100_000);
const line = z.string().min(1).max(2_000);
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
    issuer: z.object({
      system: z.enum(['party', 'front', 'state']),
      superior: line.nullable(),
      name: line,
    }),
    number: z.object({ number: z.string().max(20).nullable(), symbol: z.string().min(1).max(100) }),
    place: line,
    date: z.iso.date(),
    title: line,
    introduction: z.array(text),
    coverage: z.object({
      units: z.array(z.object({ name: line, sent: z.boolean(), comments: count.nullable() })),
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
    recipients: z.array(line),
    signature: z.object({ capacity: line.nullable(), title: line, name: line }),
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
