import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  CELL_COLORS,
  cellText,
  completenessMatrixSchema,
  periodCounts,
  type CompletenessCell,
  type CompletenessMatrixModel,
  type CompletenessStatus,
} from './completeness.model';
import { renderCompletenessXlsx } from './completeness.xlsx';

const cell = (status: CompletenessStatus, daysLate: number | null = null): CompletenessCell => ({
  status,
  timeliness: daysLate === null ? null : daysLate > 0 ? 'late' : 'on_time',
  daysLate,
});

const PERIODS = [
  { id: '2026-01', label: 'Tháng 1/2026', deadline: '2026-02-09' },
  { id: '2026-02', label: 'Tháng 2/2026', deadline: '2026-03-10' },
  { id: '2026-03', label: 'Tháng 3/2026', deadline: '2026-04-10' },
];

/** Two provinces' communes over three months; one commune not asked for January. */
function smallModel(): CompletenessMatrixModel {
  return {
    title: 'Tình hình báo cáo công tác dân vận quý I/2026',
    asOf: '2026-04-12',
    periods: PERIODS,
    units: [
      { name: 'Phường Trấn Biên', code: '26041', level: 'commune', parent: 'Tỉnh Đồng Nai', cells: [cell('accepted', 0), cell('accepted', 2), cell('submitted', 0)] },
      { name: 'Xã Đắk Lua', code: '26170', level: 'commune', parent: 'Tỉnh Đồng Nai', cells: [cell('submitted', 3), cell('returned', 0), cell('missing')] },
      { name: 'Xã <b>Mới</b> & "Tân"', code: '26999', level: 'commune', parent: 'Tỉnh Đồng Nai', cells: [null, cell('draft'), cell('not_due')] },
      { name: 'Phường Vũng Tàu', code: '26506', level: 'commune', parent: 'Thành phố Hồ Chí Minh', cells: [cell('accepted', 0), cell('missing'), cell('submitted', 1)] },
    ],
  };
}

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

const values = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);
const fillOf = (c: ExcelJS.Cell) => (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;

describe('completeness model', () => {
  it('says each status in words', () => {
    expect(
      [cell('accepted', 0), cell('accepted', 2), cell('submitted', 0), cell('submitted', 3), cell('returned', 1), cell('missing'), cell('draft'), cell('not_due')].map(cellText),
    ).toEqual(['Đã tiếp nhận', 'Đã tiếp nhận, trễ hạn (2 ngày)', 'Đúng hạn', 'Trễ hạn (3 ngày)', 'Bị trả lại', 'Chưa nộp', 'Đang soạn', 'Chưa đến hạn']);
  });

  it('counts each period: expected, submitted on time or late, accepted, returned, missing, not yet due', () => {
    expect(periodCounts(smallModel())).toEqual([
      { expected: 3, submitted: 3, onTime: 2, late: 1, accepted: 2, returned: 0, missing: 0, notDue: 0 },
      { expected: 4, submitted: 1, onTime: 0, late: 1, accepted: 1, returned: 1, missing: 1, notDue: 1 },
      { expected: 4, submitted: 2, onTime: 1, late: 1, accepted: 0, returned: 0, missing: 1, notDue: 1 },
    ]);
  });

  it('refuses a row without one cell per period', () => {
    const m = smallModel();
    expect(completenessMatrixSchema.safeParse(m).success).toBe(true);
    m.units[1]!.cells.pop();
    const r = completenessMatrixSchema.safeParse(m);
    expect(r.error?.issues[0]).toMatchObject({ path: ['units', 1, 'cells'], message: 'Đơn vị Xã Đắk Lua có 2 ô, cần 3 (một ô mỗi kỳ).' });
  });
});

describe('renderCompletenessXlsx', () => {
  it('writes the matrix: units grouped under their province, each cell in words and coloured by status', async () => {
    const wb = await load(await renderCompletenessXlsx(smallModel()));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tình hình báo cáo', 'Tổng hợp']);
    const ws = wb.getWorksheet('Tình hình báo cáo')!;
    expect(ws.getCell('A1').value).toBe('Tình hình báo cáo công tác dân vận quý I/2026');
    expect(ws.getCell('A2').value).toBe('Số liệu đến ngày 12/04/2026');
    expect(values(ws, 3)).toEqual(['STT', 'Đơn vị', 'Mã', 'Cấp', 'Tháng 1/2026', 'Tháng 2/2026', 'Tháng 3/2026']);
    expect(ws.getRow(3).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 3 });
    expect([1, 2, 3, 4, 5].map((c) => ws.getColumn(c).width)).toEqual([7, 34, 10, 11, 17]);

    // The province's row: how many of its communes' reports are in, per period.
    expect(values(ws, 4)).toEqual(['', 'Tỉnh Đồng Nai (3 đơn vị)', '', '', '2/2', '1/3', '1/3']);
    expect(ws.getRow(4).getCell(2).font?.bold).toBe(true);
    expect(values(ws, 5)).toEqual([1, 'Phường Trấn Biên', '26041', 'Cấp xã', 'Đã tiếp nhận', 'Đã tiếp nhận, trễ hạn (2 ngày)', 'Đúng hạn']);
    expect(ws.getRow(5).outlineLevel).toBe(1);
    expect(values(ws, 6)).toEqual([2, 'Xã Đắk Lua', '26170', 'Cấp xã', 'Trễ hạn (3 ngày)', 'Bị trả lại', 'Chưa nộp']);
    // User text stays text, Vietnamese letters intact.
    expect(values(ws, 7)).toEqual([3, 'Xã <b>Mới</b> & "Tân"', '26999', 'Cấp xã', '', 'Đang soạn', 'Chưa đến hạn']);
    expect(values(ws, 8).slice(1, 2)).toEqual(['Thành phố Hồ Chí Minh (1 đơn vị)']);
    expect(values(ws, 9)).toEqual([4, 'Phường Vũng Tàu', '26506', 'Cấp xã', 'Đã tiếp nhận', 'Chưa nộp', 'Trễ hạn (1 ngày)']);
    expect(ws.rowCount).toBe(9);

    const argb = (rgb: string) => `FF${rgb}`;
    expect(fillOf(ws.getCell('E5'))).toBe(argb(CELL_COLORS.accepted));
    expect(fillOf(ws.getCell('F5'))).toBe(argb(CELL_COLORS.accepted_late));
    expect(fillOf(ws.getCell('G5'))).toBe(argb(CELL_COLORS.on_time));
    expect(fillOf(ws.getCell('E6'))).toBe(argb(CELL_COLORS.late));
    expect(fillOf(ws.getCell('F6'))).toBe(argb(CELL_COLORS.returned));
    expect(fillOf(ws.getCell('G6'))).toBe(argb(CELL_COLORS.missing));
    expect(fillOf(ws.getCell('E7'))).toBeUndefined();
    expect(fillOf(ws.getCell('F7'))).toBe(argb(CELL_COLORS.draft));
    expect(fillOf(ws.getCell('G7'))).toBe(argb(CELL_COLORS.not_due));
    expect(new Set(Object.values(CELL_COLORS)).size).toBe(Object.keys(CELL_COLORS).length);
  });

  it('writes the summary: each period counted, rates in %, a total, and the legend', async () => {
    const wb = await load(await renderCompletenessXlsx(smallModel()));
    const ws = wb.getWorksheet('Tổng hợp')!;
    expect(values(ws, 3)).toEqual([
      'Kỳ báo cáo', 'Hạn báo cáo', 'Phải báo cáo', 'Đã nộp', 'Đúng hạn', 'Trễ hạn', 'Đã tiếp nhận', 'Bị trả lại', 'Chưa nộp (quá hạn)', 'Chưa đến hạn',
      'Tỷ lệ đã nộp', 'Tỷ lệ đúng hạn', 'Tỷ lệ trễ hạn', 'Tỷ lệ chưa nộp',
    ]);
    expect(values(ws, 4)).toEqual(['Tháng 1/2026', '09/02/2026', 3, 3, 2, 1, 2, 0, 0, 0, 1, 2 / 3, 1 / 3, 0]);
    expect(values(ws, 5)).toEqual(['Tháng 2/2026', '10/03/2026', 4, 1, 0, 1, 1, 1, 1, 1, 0.25, 0, 0.25, 0.25]);
    expect(values(ws, 7)).toEqual(['Cộng các kỳ', '', 11, 6, 3, 3, 3, 1, 2, 2, 6 / 11, 3 / 11, 3 / 11, 2 / 11]);
    expect(ws.getRow(4).getCell(11).numFmt).toBe('0.0%');
    expect(ws.getRow(4).getCell(3).numFmt).toBe('#,##0');
    expect(ws.getRow(7).getCell(1).font?.bold).toBe(true);
    expect(ws.getCell('A9').value).toBe('Chú giải màu ô');
    expect(ws.getCell('A10').value).toBe('Đã tiếp nhận (nộp đúng hạn)');
    expect(fillOf(ws.getCell('A15'))).toBe(`FF${CELL_COLORS.missing}`);
    expect(ws.getCell('A15').value).toBe('Quá hạn, chưa nộp');
  });

  it('writes a country — 3,321 communes × 12 months — in seconds', async () => {
    const statuses: CompletenessStatus[] = ['accepted', 'accepted', 'submitted', 'submitted', 'returned', 'missing', 'draft', 'not_due'];
    const periods = Array.from({ length: 12 }, (_, i) => ({ id: `2026-${i + 1}`, label: `Tháng ${i + 1}/2026`, deadline: null }));
    const model: CompletenessMatrixModel = {
      title: 'Tình hình báo cáo công tác dân vận năm 2026 — các xã, phường, đặc khu',
      asOf: '2026-12-31',
      periods,
      units: Array.from({ length: 3321 }, (_, u) => ({
        name: `Xã Thứ ${u + 1}`,
        code: String(10000 + u),
        level: 'commune' as const,
        parent: `Tỉnh số ${Math.floor(u / 98) + 1}`,
        cells: periods.map((_, p) => {
          const status = statuses[(u * 7 + p * 3) % statuses.length]!;
          const sent = status === 'accepted' || status === 'submitted' || status === 'returned';
          return cell(status, sent ? ((u + p) % 5 === 0 ? 1 + (u % 9) : 0) : null);
        }),
      })),
    };
    const start = performance.now();
    const buf = await renderCompletenessXlsx(model);
    const seconds = (performance.now() - start) / 1000;
    console.info(`completeness XLSX, 3,321 × 12: ${seconds.toFixed(2)} s, ${(buf.length / 1024).toFixed(0)} KiB`);
    expect(seconds).toBeLessThan(10);
    expect(buf.length).toBeLessThan(2 * 1024 * 1024);

    const wb = await load(buf);
    const ws = wb.getWorksheet('Tình hình báo cáo')!;
    expect(ws.rowCount).toBe(3 + 34 + 3321);
    expect(values(ws, ws.rowCount)[1]).toBe('Xã Thứ 3321');
    const summary = wb.getWorksheet('Tổng hợp')!;
    expect(values(summary, 16).slice(0, 3)).toEqual(['Cộng các kỳ', '', 3321 * 12]);
  });
});
