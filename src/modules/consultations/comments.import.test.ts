// Reading comment sheets: Vietnamese text intact across the file's internal chunks, both string storages of XLSX,
// Excel date cells, CSV, and the limits.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { scanCommentSheet, type ImportContext, type ImportedComment } from './comments.import';

const ctx: ImportContext = {
  drafts: [{ position: 1, draftId: 7, draftVersionId: 9, title: 'Dự thảo', sections: new Set(['I', 'I.1']) }],
  opensOn: '2026-01-01',
  closesOn: '2026-12-31',
  today: '2026-11-30',
};
const HEADER = ['Nội dung góp ý', 'Dự thảo', 'Mục', 'Thành phần', 'Ngày góp ý'];

async function scan(data: Buffer, format: 'xlsx' | 'csv') {
  const rows: ImportedComment[] = [];
  const report = await scanCommentSheet(data, format, ctx, async (b) => void rows.push(...b), { batchSize: 1000 });
  return { report, rows };
}

describe('comment sheets', () => {
  it('keeps every Vietnamese letter of a large streamed XLSX (inline strings), row numbers as in the sheet', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dany-xlsx-')), 'big.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const ws = wb.addWorksheet('Ý kiến');
    ws.addRow(HEADER).commit();
    for (let i = 0; i < 20_000; i++) ws.addRow([`Đề nghị xây dựng đường giao thông nông thôn số ${i}`, 1, 'I.1', 'Nông dân', '']).commit();
    ws.commit();
    await wb.commit();
    const { report, rows } = await scan(fs.readFileSync(file), 'xlsx');
    expect(report).toMatchObject({ rows: 20_000, valid: 20_000, invalid: 0 });
    expect(rows.every((r) => r.stratum === 'nong_dan' && r.body.startsWith('Đề nghị xây dựng đường giao thông nông thôn'))).toBe(true);
    expect(rows[19_999]).toMatchObject({ row: 20_001, sectionAddress: 'I.1', draftId: 7, draftVersionId: 9 });
  });

  it('reads shared strings, Excel date cells and blank rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Ý kiến');
    ws.addRow(HEADER);
    ws.addRow(['Đề nghị hỗ trợ giống lúa', 1, 'I', 'Phụ nữ', new Date(Date.UTC(2026, 10, 2))]);
    ws.addRow([]);
    ws.addRow(['Đề nghị hỗ trợ giống lúa', '', '', 'Thanh niên', '03/11/2026']);
    const { report, rows } = await scan(Buffer.from(await wb.xlsx.writeBuffer()), 'xlsx');
    expect(report).toMatchObject({ rows: 2, valid: 2, invalid: 0 });
    expect(rows.map((r) => [r.row, r.madeOn, r.stratum])).toEqual([
      [2, '2026-11-02', 'phu_nu'],
      [4, '2026-11-03', 'thanh_nien'],
    ]);
  });

  it('reads CSV with a BOM and quoted line breaks', async () => {
    const csv = '\uFEFFNội dung góp ý,Thành phần\n"Dòng một\ndòng hai",Nông dân\n';
    const { report, rows } = await scan(Buffer.from(csv), 'csv');
    expect(report).toMatchObject({ rows: 1, valid: 1 });
    expect(rows[0].body).toBe('Dòng một\ndòng hai');
  });

  it('keeps every Vietnamese letter of a large CSV read in slices, semicolon-separated', async () => {
    const lines = ['Nội dung góp ý;Thành phần'];
    // Lengths vary so that slice boundaries fall inside two- and three-byte letters.
    for (let i = 0; i < 5000; i++) lines.push(`"Đề nghị ${'ư'.repeat(i % 7)}ổn định giá phân bón; số ${i}";Nông dân`);
    const { report, rows } = await scan(Buffer.from(lines.join('\r\n')), 'csv');
    expect(report).toMatchObject({ rows: 5000, valid: 5000, invalid: 0 });
    rows.forEach((r, i) => expect(r.body).toBe(`Đề nghị ${'ư'.repeat(i % 7)}ổn định giá phân bón; số ${i}`));
  });

  it('stops at the row limit with a clear error instead of reading on', async () => {
    const csv = 'Nội dung góp ý\n' + 'Ý kiến\n'.repeat(50);
    await expect(scanCommentSheet(Buffer.from(csv), 'csv', ctx, async () => {}, { limits: { maxRows: 10 } })).rejects.toMatchObject({ code: 'IMPORT_TOO_MANY_ROWS' });
  });
});
