// The completeness matrix (tình hình báo cáo) as plain data: units × periods, each cell where the unit's report for
// the period stands and whether it came on time; and what the matrix says per period — expected, submitted, on
// time, late, returned, missing — in the words and colours the page and the XLSX export share. Pure.
import { z } from 'zod';
import { docLine } from '../../../shared/documents/official.model';
import { UNIT_LEVELS, type UnitLevel } from '../../units/units.schema';

/**
 * Where a unit's report for a period stands: not yet due (nothing sent, the deadline in force not passed), missing
 * (the deadline passed, nothing received), a draft not yet sent, submitted, returned for revision, accepted.
 */
export const COMPLETENESS_STATUSES = ['not_due', 'missing', 'draft', 'submitted', 'returned', 'accepted'] as const;
export type CompletenessStatus = (typeof COMPLETENESS_STATUSES)[number];

export interface CompletenessCell {
  status: CompletenessStatus;
  /** Against the deadline in force when it was submitted; null when nothing was submitted. */
  timeliness: 'on_time' | 'late' | null;
  /** Calendar days after the deadline it was submitted; null when nothing was submitted. */
  daysLate: number | null;
}

/** One row of the matrix. */
export interface CompletenessUnit {
  /** Name as printed ("Xã An Phước"). */
  name: string;
  /** Official code ("26734"). */
  code: string;
  level: UnitLevel;
  /** The unit it is grouped under ("Tỉnh Đồng Nai"); null: not grouped. */
  parent: string | null;
  /** One per period, in the periods' order; null where the unit is not expected to report. */
  cells: (CompletenessCell | null)[];
}

export interface CompletenessPeriod {
  id: string;
  /** "Tháng 3/2026". */
  label: string;
  /** The deadline in force for the matrix's units, ISO; null when it differs between them or is not known. */
  deadline: string | null;
}

export interface CompletenessMatrixModel {
  /** "Tình hình báo cáo công tác dân vận năm 2026 — các xã, phường tỉnh Đồng Nai". */
  title: string;
  /** The day the statuses were read, ISO ("Số liệu đến ngày 30/03/2026"). */
  asOf: string;
  periods: CompletenessPeriod[];
  units: CompletenessUnit[];
}

const cellSchema = z.object({
  status: z.enum(COMPLETENESS_STATUSES),
  timeliness: z.enum(['on_time', 'late']).nullable(),
  daysLate: z.number().int().nonnegative().nullable(),
});

export const completenessMatrixSchema = z
  .object({
    title: docLine,
    asOf: z.iso.date(),
    periods: z.array(z.object({ id: z.string().min(1).max(60), label: docLine, deadline: z.iso.date().nullable() })).min(1).max(240),
    units: z.array(
      z.object({
        name: docLine,
        code: z.string().max(20),
        level: z.enum(UNIT_LEVELS),
        parent: docLine.nullable(),
        cells: z.array(cellSchema.nullable()),
      }),
    ),
  })
  .superRefine((m, ctx) => {
    m.units.forEach((u, i) => {
      if (u.cells.length !== m.periods.length) {
        ctx.addIssue({ code: 'custom', path: ['units', i, 'cells'], message: `Đơn vị ${u.name} có ${u.cells.length} ô, cần ${m.periods.length} (một ô mỗi kỳ).` });
      }
    });
  });

// The hand-written type and the schema must describe the same data.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const sameShape: Equal<z.infer<typeof completenessMatrixSchema>, CompletenessMatrixModel> = true;
void sameShape;

// ---- Wording and colours ---------------------------------------------------------------------------------------

/** How a cell is shown: each kind has its words and its colour. */
export type CellKind = 'accepted' | 'accepted_late' | 'on_time' | 'late' | 'returned' | 'missing' | 'draft' | 'not_due';

export const CELL_KINDS: readonly CellKind[] = ['accepted', 'accepted_late', 'on_time', 'late', 'returned', 'missing', 'draft', 'not_due'];

/** Fill colours (RGB), light enough to print in black and white and read the words. */
export const CELL_COLORS: Record<CellKind, string> = {
  accepted: 'C6EFCE',
  accepted_late: 'E2EFB4',
  on_time: 'DDEBF7',
  late: 'FFEB9C',
  returned: 'F8CBAD',
  missing: 'FFC7CE',
  draft: 'EDE7F6',
  not_due: 'EDEDED',
};

/** What each colour means, for the legend. */
export const CELL_KIND_LEGEND: Record<CellKind, string> = {
  accepted: 'Đã tiếp nhận (nộp đúng hạn)',
  accepted_late: 'Đã tiếp nhận (nộp trễ hạn)',
  on_time: 'Đã nộp đúng hạn, chờ tiếp nhận',
  late: 'Đã nộp trễ hạn, chờ tiếp nhận',
  returned: 'Bị trả lại để sửa',
  missing: 'Quá hạn, chưa nộp',
  draft: 'Đang soạn, chưa nộp',
  not_due: 'Chưa đến hạn',
};

export function cellKind(c: CompletenessCell): CellKind {
  const late = c.timeliness === 'late';
  switch (c.status) {
    case 'accepted':
      return late ? 'accepted_late' : 'accepted';
    case 'submitted':
      return late ? 'late' : 'on_time';
    default:
      return c.status;
  }
}

const lateBy = (c: CompletenessCell) => (c.daysLate !== null && c.daysLate > 0 ? ` (${c.daysLate} ngày)` : '');

/** A cell in words: "Đúng hạn", "Trễ hạn (3 ngày)", "Đã tiếp nhận", "Bị trả lại", "Chưa nộp", "Chưa đến hạn" … */
export function cellText(c: CompletenessCell): string {
  switch (cellKind(c)) {
    case 'accepted':
      return 'Đã tiếp nhận';
    case 'accepted_late':
      return `Đã tiếp nhận, trễ hạn${lateBy(c)}`;
    case 'on_time':
      return 'Đúng hạn';
    case 'late':
      return `Trễ hạn${lateBy(c)}`;
    case 'returned':
      return 'Bị trả lại';
    case 'missing':
      return 'Chưa nộp';
    case 'draft':
      return 'Đang soạn';
    case 'not_due':
      return 'Chưa đến hạn';
  }
}

// ---- Counts ----------------------------------------------------------------------------------------------------

export interface CompletenessCounts {
  /** Units expected to report. */
  expected: number;
  /** Reports received and standing: submitted or accepted. */
  submitted: number;
  /** Of those, on time. */
  onTime: number;
  /** Of those, late. */
  late: number;
  accepted: number;
  /** Returned for revision, not yet sent again. */
  returned: number;
  /** The deadline passed and nothing was received. */
  missing: number;
  /** Not yet due: nothing sent, or only a draft. */
  notDue: number;
}

export const emptyCounts = (): CompletenessCounts => ({ expected: 0, submitted: 0, onTime: 0, late: 0, accepted: 0, returned: 0, missing: 0, notDue: 0 });

/** Adds one cell to the counts (a null cell, not expected, adds nothing). */
export function countCell(counts: CompletenessCounts, c: CompletenessCell | null): void {
  if (c === null) return;
  counts.expected++;
  switch (c.status) {
    case 'accepted':
    case 'submitted':
      counts.submitted++;
      if (c.status === 'accepted') counts.accepted++;
      if (c.timeliness === 'late') counts.late++;
      else counts.onTime++;
      return;
    case 'returned':
      counts.returned++;
      return;
    case 'missing':
      counts.missing++;
      return;
    case 'draft':
    case 'not_due':
      counts.notDue++;
  }
}

/** Each period's counts, in the periods' order. */
export function periodCounts(model: CompletenessMatrixModel): CompletenessCounts[] {
  const out = model.periods.map(emptyCounts);
  for (const u of model.units) u.cells.forEach((c, i) => countCell(out[i]!, c));
  return out;
}

/** A share of the expected units, 0–1; 0 when none is expected. */
export const rate = (part: number, counts: CompletenessCounts): number => (counts.expected === 0 ? 0 : part / counts.expected);
