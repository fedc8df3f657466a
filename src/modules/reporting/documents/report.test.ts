import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { A4_PAGE_SIZE, TIMES_FONT, docxText, hasSoffice, hasVietnameseTimes, pdfFonts, pdfInfo, renderDocs, type RenderedDocs } from '../../../../test/office';
import { OutlineSchema, type Outline, type ReportContent } from '../reporting.schema';
import { rollUp, type ExpectedUnit, type RollupSource } from '../rollup';
import { renderReportDocx } from './report.docx';
import { formatFigureValue, reportDocumentSchema, sectionHeadingText, type ReportDocumentModel } from './report.model';
import { namesForCell, renderReportXlsx, splitForCells } from './report.xlsx';

const SCRIPT = '<script>alert("x")</script>';
const FORMULA = '=HYPERLINK("http://x","y")';

/** A monthly report outline of a commune Front committee: parts I–III, items, a sub-item, every figure type. */
const OUTLINE: Outline = OutlineSchema.parse({
  title: 'Đề cương báo cáo kết quả công tác dân vận hằng tháng',
  sections: [
    {
      address: 'I',
      number: 'I',
      title: 'TÌNH HÌNH NHÂN DÂN',
      children: [
        { address: 'I.1', number: '1', title: 'Tư tưởng, tâm trạng của Nhân dân', requiresText: true },
        { address: 'I.2', number: '2', title: 'Dư luận xã hội nổi bật' },
      ],
    },
    {
      address: 'II',
      number: 'II',
      title: 'KẾT QUẢ CÔNG TÁC',
      children: [
        {
          address: 'II.1',
          number: '1',
          title: 'Tổ chức hội nghị, tuyên truyền',
          figures: [
            { key: 'so_hoi_nghi', label: 'Số cuộc hội nghị đã tổ chức', type: 'integer', unit: 'cuộc', min: 0, rollup: { kind: 'sum' } },
            { key: 'so_nguoi', label: 'Số lượt người tham dự', type: 'integer', unit: 'lượt người', min: 0, rollup: { kind: 'sum' } },
            { key: 'ty_le_dong_tinh', label: 'Tỷ lệ Nhân dân đồng tình', type: 'percentage', decimals: 1, rollup: { kind: 'weighted_average', weightFigure: 'so_nguoi' } },
            { key: 'kinh_phi', label: 'Kinh phí thực hiện', type: 'decimal', unit: 'triệu đồng', decimals: 1, min: 0, rollup: { kind: 'sum' } },
          ],
        },
        {
          address: 'II.2',
          number: '2',
          title: 'Giám sát, phản biện xã hội',
          children: [
            {
              address: 'II.2.a',
              number: 'a',
              title: 'Giám sát',
              figures: [
                { key: 'so_cuoc_giam_sat', label: 'Số cuộc giám sát', type: 'integer', unit: 'cuộc', min: 0, rollup: { kind: 'sum' } },
                { key: 'da_ban_hanh', label: 'Đã ban hành kế hoạch giám sát', type: 'boolean', rollup: { kind: 'min' } },
                { key: 'ghi_chu', label: 'Ghi chú', type: 'text', rollup: { kind: 'none' } },
              ],
            },
          ],
        },
      ],
    },
    { address: 'III', number: 'III', title: 'KIẾN NGHỊ, ĐỀ XUẤT' },
  ],
});

const FRAME = {
  issuer: { system: 'front', superior: 'ỦY BAN MTTQ VIỆT NAM\nXÃ LONG THÀNH', name: 'BAN THƯỜNG TRỰC' },
  number: { number: null, symbol: 'BC-MTTQ-BTT' },
  place: 'Long Thành',
  date: '2026-04-08',
  recipients: ['Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh (để b/c)', 'Đảng ủy xã (để b/c)'],
  signature: { capacity: 'TM. BAN THƯỜNG TRỰC', title: 'CHỦ TỊCH', name: 'Trần Văn Đức' },
} satisfies Partial<ReportDocumentModel>;

/** A commune's own report for March 2026. */
function communeModel(): ReportDocumentModel {
  return {
    ...FRAME,
    title: 'Kết quả công tác dân vận tháng 3/2026',
    introduction: ['Thực hiện Kế hoạch số 15/KH-MTTQ-BTT ngày 05/01/2026 của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh, Ban Thường trực Ủy ban MTTQ Việt Nam xã báo cáo kết quả công tác tháng 3/2026 như sau:'],
    outline: OUTLINE,
    content: {
      figures: { so_hoi_nghi: 12, so_nguoi: 1234, ty_le_dong_tinh: 87.5, kinh_phi: 1234.5, so_cuoc_giam_sat: null, da_ban_hanh: true, ghi_chu: FORMULA },
      sections: {
        'I.1': `Nhân dân phấn khởi, tin tưởng vào sự lãnh đạo của Đảng; đồng tình với chủ trương sắp xếp đơn vị hành chính.\nMột số hộ ở ấp Bàu Cạn băn khoăn về tiến độ bồi thường, giải phóng mặt bằng dự án sân bay Long Thành.`,
        'I.2': `Trên mạng xã hội có bài viết chứa đoạn mã ${SCRIPT} bị chia sẻ; đã phối hợp xử lý.`,
        III: 'Đề nghị Ủy ban nhân dân tỉnh sớm giải quyết dứt điểm kiến nghị của Nhân dân về giá đất bồi thường.',
      },
    },
    rollup: null,
    sentiment: null,
    closing: null,
  };
}

const COMMUNES = [
  'Xã Long Thành', 'Xã An Phước', 'Xã Bình An', 'Xã Long Phước', 'Xã Phước Thái', 'Xã Nhơn Trạch', 'Xã Đại Phước', 'Xã Phước An',
  'Xã Trảng Bom', 'Xã Bàu Hàm', 'Xã Bình Minh', 'Xã Hưng Thịnh', 'Xã An Viễn', 'Xã Thống Nhất', 'Xã Gia Kiệm', 'Xã Dầu Giây',
  'Xã Xuân Lộc', 'Xã Xuân Hòa', 'Xã Định Quán', 'Xã Tân Phú', 'Xã Cẩm Mỹ', 'Xã Vĩnh Cửu', 'Xã Trị An', 'Xã Tân An', 'Xã Phú Lý',
];

/** The province's report, pre-filled from 23 of its 25 communes (two never reported). */
function provinceModel(): ReportDocumentModel {
  const expected: ExpectedUnit[] = COMMUNES.map((unitName, i) => ({ unitId: `u${i}`, unitName }));
  const sources: RollupSource[] = expected.slice(0, 23).map((u, i) => {
    const content: ReportContent = {
      figures: { so_hoi_nghi: 10 + i, so_nguoi: 500 + 10 * i, ty_le_dong_tinh: 80 + (i % 10), kinh_phi: 100.5, da_ban_hanh: i !== 4, ...(i % 3 === 0 ? {} : { so_cuoc_giam_sat: 2 }) },
      sections: i < 3 ? { 'I.1': `${u.unitName} báo cáo: Nhân dân đồng tình, phấn khởi.`, III: i === 1 ? `Kiến nghị của ${u.unitName}: sửa đường liên ấp.` : '' } : {},
    };
    return { ...u, status: 'accepted', content };
  });
  const r = rollUp(OUTLINE, sources, { mode: 'accepted_only', expected });
  // The province adds words of its own before the gathered texts.
  r.content.sections['I.1'] = `Tình hình Nhân dân trong tỉnh cơ bản ổn định.\n\n${r.content.sections['I.1']}`;
  return {
    ...FRAME,
    issuer: { system: 'front', superior: 'ỦY BAN MTTQ VIỆT NAM\nTỈNH ĐỒNG NAI', name: 'BAN THƯỜNG TRỰC' },
    number: { number: '27', symbol: 'BC-MTTQ-BTT' },
    place: 'Đồng Nai',
    date: '2026-04-15',
    recipients: ['Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam (để b/c)', 'Thường trực Tỉnh ủy (để b/c)', 'Ủy ban MTTQ Việt Nam các xã, phường'],
    signature: { capacity: 'TM. BAN THƯỜNG TRỰC', title: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Thị Hương' },
    title: 'Kết quả công tác dân vận tháng 3/2026',
    introduction: [],
    outline: OUTLINE,
    content: r.content,
    rollup: { coverage: r.coverage, figures: r.figures, sections: r.sections, units: sources.map((s) => ({ unitName: s.unitName, figures: s.content.figures })) },
    sentiment: null,
    closing: null,
  };
}

/** Every row of every table in a DOCX, as the text of its cells. */
async function tableRows(buf: Buffer): Promise<string[][]> {
  const html = (await mammoth.convertToHtml({ buffer: buf })).value;
  const strip = (s: string) => s.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').trim();
  return [...html.matchAll(/<tr>(.*?)<\/tr>/gs)].map((m) => [...m[1]!.matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/gs)].map((c) => strip(c[1]!)));
}

/** The row of a figures table whose label is `label`. */
const rowOf = (rows: string[][], label: string) => rows.find((r) => r[1] === label);

async function documentXml(buf: Buffer): Promise<string> {
  return (await JSZip.loadAsync(buf)).file('word/document.xml')!.async('string');
}

describe('report model', () => {
  it('accepts both samples and writes values and headings the official way', () => {
    expect(reportDocumentSchema.safeParse(communeModel()).success).toBe(true);
    expect(reportDocumentSchema.safeParse(provinceModel()).success).toBe(true);
    expect(reportDocumentSchema.safeParse({ ...communeModel(), date: '2026-02-30' }).success).toBe(false);
    expect([1234.5, 1_500_000, 0, true, false, null, undefined, '', ' ghi chú '].map((v) => formatFigureValue(v))).toEqual([
      '1.234,5', '1.500.000', '0', 'Có', 'Không', '—', '—', '—', 'ghi chú',
    ]);
    expect(sectionHeadingText({ number: 'II', title: 'KẾT QUẢ' })).toBe('II. KẾT QUẢ');
    expect(sectionHeadingText({ number: '1.1', title: 'Hội nghị' })).toBe('1.1. Hội nghị');
    expect(sectionHeadingText({ number: 'a', title: 'Giám sát' })).toBe('a) Giám sát');
    expect(sectionHeadingText({ number: null, title: 'Phần mở đầu' })).toBe('Phần mở đầu');
  });

  it('fits long texts and long lists of names into spreadsheet cells', () => {
    expect(splitForCells('abc\ndef\nghi', 7)).toEqual(['abc\ndef', 'ghi']);
    expect(splitForCells('x'.repeat(10), 4)).toEqual(['xxxx', 'xxxx', 'xx']);
    expect(splitForCells('a'.repeat(70_000)).map((p) => p.length)).toEqual([32_000, 32_000, 6_000]);
    expect(namesForCell(['Xã A', 'Xã B', 'Xã C'])).toBe('Xã A, Xã B, Xã C');
    expect(namesForCell(['Xã A', 'Xã B', 'Xã C'], 16)).toBe('Xã A, Xã B, Xã C');
    const eight = [...'ABCDEFGH'].map((c) => `Xã ${c}`);
    expect(namesForCell(eight, 45)).toBe('Xã A, Xã B … và 6 đơn vị khác');
    const country = Array.from({ length: 3321 }, (_, i) => `Xã Thứ Mười Một Nghìn ${i}`);
    const cell = namesForCell(country);
    expect(cell.length).toBeLessThanOrEqual(32_000);
    expect(cell).toMatch(/^Xã Thứ Mười Một Nghìn 0, .* … và \d+ đơn vị khác$/);
  });
});

describe('renderReportDocx', () => {
  it("prints a commune's report: header, number blank, date, title, sections in order with their figures, recipients and signer", async () => {
    const buf = await renderReportDocx(communeModel());
    const text = await docxText(buf);
    for (const s of [
      'ỦY BAN MTTQ VIỆT NAM',
      'XÃ LONG THÀNH',
      'BAN THƯỜNG TRỰC',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Long Thành, ngày 08 tháng 4 năm 2026',
      'BÁO CÁO',
      'Kết quả công tác dân vận tháng 3/2026',
      'Nơi nhận:',
      '- Đảng ủy xã (để b/c);',
      '- Lưu: VT.',
      'TM. BAN THƯỜNG TRỰC',
      'CHỦ TỊCH',
      'Trần Văn Đức',
      'Trên đây là báo cáo kết quả công tác dân vận tháng 3/2026./.',
      'băn khoăn về tiến độ bồi thường, giải phóng mặt bằng dự án sân bay Long Thành',
    ]) {
      expect(text).toContain(s);
    }
    // Unnumbered: a blank left to fill in by hand.
    expect(text).toMatch(/Số:\s{6,}\/BC-MTTQ-BTT/);
    expect(text).not.toContain('tổng hợp từ báo cáo của các đơn vị');

    const order = ['I. TÌNH HÌNH NHÂN DÂN', '1. Tư tưởng, tâm trạng', '2. Dư luận xã hội nổi bật', 'II. KẾT QUẢ CÔNG TÁC', '1. Tổ chức hội nghị', 'Số cuộc hội nghị đã tổ chức', '2. Giám sát, phản biện', 'a) Giám sát', 'Số cuộc giám sát', 'III. KIẾN NGHỊ, ĐỀ XUẤT', 'Nơi nhận:'];
    const at = order.map((s) => text.indexOf(s));
    expect(at.every((p) => p >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);

    // The figures table: STT, label, unit, value in Vietnamese number form, yes/no in words, a dash when missing.
    const rows = await tableRows(buf);
    expect(rows).toContainEqual(['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Số liệu']);
    expect(text).not.toContain('Số đơn vị có số liệu');
    expect(rowOf(rows, 'Số cuộc hội nghị đã tổ chức')).toEqual(['1', 'Số cuộc hội nghị đã tổ chức', 'cuộc', '12']);
    expect(rowOf(rows, 'Số lượt người tham dự')).toEqual(['2', 'Số lượt người tham dự', 'lượt người', '1.234']);
    expect(rowOf(rows, 'Tỷ lệ Nhân dân đồng tình')).toEqual(['3', 'Tỷ lệ Nhân dân đồng tình', '%', '87,5']);
    expect(rowOf(rows, 'Kinh phí thực hiện')).toEqual(['4', 'Kinh phí thực hiện', 'triệu đồng', '1.234,5']);
    expect(rowOf(rows, 'Số cuộc giám sát')).toEqual(['1', 'Số cuộc giám sát', 'cuộc', '—']);
    expect(rowOf(rows, 'Đã ban hành kế hoạch giám sát')).toEqual(['2', 'Đã ban hành kế hoạch giám sát', '', 'Có']);
    expect(rowOf(rows, 'Ghi chú')).toEqual(['3', 'Ghi chú', '', FORMULA]);
    expect(text).toContain(FORMULA);

    // User text is text: the script is escaped in the XML, never markup.
    expect(text).toContain(SCRIPT);
    const xml = await documentXml(buf);
    expect(xml).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(xml).not.toContain('<script>');
  });

  it("prints a province's roll-up: the coverage near the top, contributors per figure, texts under each unit's name", async () => {
    const buf = await renderReportDocx(provinceModel());
    const text = await docxText(buf);
    const coverage = 'Báo cáo này tổng hợp từ báo cáo của các đơn vị: 23/25 đơn vị đã báo cáo (chỉ tính báo cáo đã tiếp nhận); chưa báo cáo: Xã Tân An, Xã Phú Lý.';
    expect(text).toContain(coverage);
    expect(text.indexOf(coverage)).toBeLessThan(text.indexOf('I. TÌNH HÌNH NHÂN DÂN'));
    expect(text).toContain('Số: 27/BC-MTTQ-BTT');

    const rows = await tableRows(buf);
    expect(rows).toContainEqual(['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Số liệu', 'Số đơn vị có số liệu']);
    // Σ (10 … 32) = 483 conferences from 23 units; Σ (500 … 720) = 14.030 people; 23 × 100,5 = 2.311,5.
    expect(rowOf(rows, 'Số cuộc hội nghị đã tổ chức')).toEqual(['1', 'Số cuộc hội nghị đã tổ chức', 'cuộc', '483', '23']);
    expect(rowOf(rows, 'Số lượt người tham dự')).toEqual(['2', 'Số lượt người tham dự', 'lượt người', '14.030', '23']);
    expect(rowOf(rows, 'Kinh phí thực hiện')).toEqual(['4', 'Kinh phí thực hiện', 'triệu đồng', '2.311,5', '23']);
    // Units 0, 3, 6 … 21 gave no count of supervisions: 15 of 23 did. Not every unit issued a plan: "Không".
    expect(rowOf(rows, 'Số cuộc giám sát')).toEqual(['1', 'Số cuộc giám sát', 'cuộc', '30', '15']);
    expect(rowOf(rows, 'Đã ban hành kế hoạch giám sát')).toEqual(['2', 'Đã ban hành kế hoạch giám sát', '', 'Không', '23']);
    // A text figure is not rolled up: the province writes its own, no contributors counted.
    expect(rowOf(rows, 'Ghi chú')).toEqual(['3', 'Ghi chú', '', '—', '']);

    // The province's own words first, then each unit's text under its name, in the expected order.
    const own = text.indexOf('Tình hình Nhân dân trong tỉnh cơ bản ổn định.');
    const units = ['Xã Long Thành:', 'Xã An Phước:', 'Xã Bình An:'].map((s) => text.indexOf(s));
    expect(own).toBeGreaterThan(text.indexOf('1. Tư tưởng, tâm trạng'));
    expect(units.every((p) => p > own)).toBe(true);
    expect([...units].sort((a, b) => a - b)).toEqual(units);
    expect(text.indexOf('Xã An Phước báo cáo: Nhân dân đồng tình, phấn khởi.')).toBeGreaterThan(units[1]!);
    expect(text.indexOf('Kiến nghị của Xã An Phước: sửa đường liên ấp.')).toBeGreaterThan(text.indexOf('III. KIẾN NGHỊ, ĐỀ XUẤT'));
  });

  it('uses the Party header and number form for a Party body', async () => {
    const model = communeModel();
    model.issuer = { system: 'party', superior: 'ĐẢNG BỘ TỈNH ĐỒNG NAI', name: 'ĐẢNG ỦY XÃ LONG THÀNH' };
    model.number = { number: '46', symbol: 'BC/ĐU' };
    const text = await docxText(await renderReportDocx(model));
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain('Số 46-BC/ĐU');
    expect(text).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });
});

describe('renderReportXlsx', () => {
  async function load(model: ReportDocumentModel): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderReportXlsx(model)) as unknown as ArrayBuffer);
    return wb;
  }
  const values = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);

  it("writes a commune's figures as numbers with their formats, and its texts", async () => {
    const wb = await load(communeModel());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Số liệu', 'Nội dung']);
    const fig = wb.getWorksheet('Số liệu')!;
    expect(values(fig, 1)).toEqual(['Mục', 'Tên mục', 'Mã chỉ tiêu', 'Chỉ tiêu', 'Đơn vị tính', 'Số liệu']);
    expect(fig.getRow(1).font?.bold).toBe(true);
    expect(fig.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(fig.getColumn(4).width).toBe(45);
    expect(fig.rowCount).toBe(1 + 7);
    expect(values(fig, 2)).toEqual(['II.1', 'Tổ chức hội nghị, tuyên truyền', 'so_hoi_nghi', 'Số cuộc hội nghị đã tổ chức', 'cuộc', 12]);
    expect(fig.getRow(2).getCell(6).numFmt).toBe('#,##0');
    expect(values(fig, 4)).toEqual(['II.1', 'Tổ chức hội nghị, tuyên truyền', 'ty_le_dong_tinh', 'Tỷ lệ Nhân dân đồng tình', '%', 87.5]);
    expect(fig.getRow(5).getCell(6).value).toBe(1234.5);
    expect(fig.getRow(5).getCell(6).numFmt).toBe('#,##0.0');
    expect(fig.getRow(6).getCell(6).value).toBeNull();
    expect(fig.getRow(7).getCell(6).value).toBe('Có');
    const formula = fig.getRow(8).getCell(6);
    expect(formula.value).toBe(FORMULA);
    expect(formula.type).toBe(ExcelJS.ValueType.String);
    expect(formula.numFmt).toBe('@');

    const texts = wb.getWorksheet('Nội dung')!;
    expect(values(texts, 1)).toEqual(['Mục', 'Tên mục', 'Đơn vị', 'Nội dung']);
    expect(texts.rowCount).toBe(1 + 3);
    expect(values(texts, 2)[0]).toBe('I.1');
    expect(values(texts, 2)[3]).toMatch(/^Nhân dân phấn khởi.*\nMột số hộ ở ấp Bàu Cạn/s);
    expect(values(texts, 3)[3]).toContain(SCRIPT);
    expect(values(texts, 4).slice(0, 2)).toEqual(['III', 'KIẾN NGHỊ, ĐỀ XUẤT']);
  });

  it("writes a province's roll-up with contributors, units without a value and each unit's values", async () => {
    const wb = await load(provinceModel());
    const fig = wb.getWorksheet('Số liệu')!;
    const header = values(fig, 1);
    expect(header.slice(0, 9)).toEqual(['Mục', 'Tên mục', 'Mã chỉ tiêu', 'Chỉ tiêu', 'Đơn vị tính', 'Số liệu', 'Cách tổng hợp', 'Số đơn vị có số liệu', 'Đơn vị chưa có số liệu']);
    expect(header.slice(9)).toEqual(COMMUNES.slice(0, 23));
    const conf = values(fig, 2);
    expect(conf.slice(0, 9)).toEqual(['II.1', 'Tổ chức hội nghị, tuyên truyền', 'so_hoi_nghi', 'Số cuộc hội nghị đã tổ chức', 'cuộc', 483, 'Cộng tổng', 23, '']);
    expect(conf.slice(9)).toEqual(Array.from({ length: 23 }, (_, i) => 10 + i));
    expect(fig.getRow(2).getCell(12).numFmt).toBe('#,##0');
    const rate = values(fig, 4);
    expect(rate[6]).toBe('Bình quân gia quyền');
    expect(fig.getRow(4).getCell(6).numFmt).toBe('#,##0.0');
    const supervisions = values(fig, 6);
    expect(supervisions[7]).toBe(15);
    expect(String(supervisions[8]).split(', ')).toEqual(['Xã Long Thành', 'Xã Long Phước', 'Xã Đại Phước', 'Xã Bàu Hàm', 'Xã An Viễn', 'Xã Dầu Giây', 'Xã Định Quán', 'Xã Vĩnh Cửu']);
    expect(fig.getRow(6).getCell(10).value).toBeNull();
    expect(fig.getRow(6).getCell(11).value).toBe(2);
    // A text figure is not rolled up: no contributors to count.
    expect([7, 8, 9].map((c) => fig.getRow(8).getCell(c).value)).toEqual(['Không tổng hợp', null, '']);

    const texts = wb.getWorksheet('Nội dung')!;
    expect(values(texts, 2)).toEqual(['', 'Tình hình báo cáo', '', '23/25 đơn vị đã báo cáo (chỉ tính báo cáo đã tiếp nhận); chưa báo cáo: Xã Tân An, Xã Phú Lý.']);
    const rows = texts.getSheetValues().slice(3).map((r) => (r as unknown[]).slice(1));
    expect(rows.map((r) => [r[0], r[2]])).toEqual([
      ['I.1', ''],
      ['I.1', 'Xã Long Thành'],
      ['I.1', 'Xã An Phước'],
      ['I.1', 'Xã Bình An'],
      ['III', 'Xã An Phước'],
    ]);
    expect(rows[0]![3]).toBe('Tình hình Nhân dân trong tỉnh cơ bản ổn định.');
    expect(rows[2]![3]).toBe('Xã An Phước báo cáo: Nhân dân đồng tình, phấn khởi.');
  });
});

describe.skipIf(!hasSoffice)('report DOCX through LibreOffice', () => {
  const outDir = fileURLToPath(new URL('../../../../test-results/reporting/', import.meta.url));
  let rendered: RenderedDocs | undefined;
  let pdf: string;
  let pages: string[];
  let provincePages: string[];

  beforeAll(async () => {
    rendered = await renderDocs(
      outDir,
      { 'bao-cao-xa': await renderReportDocx(communeModel()), 'bao-cao-tinh': await renderReportDocx(provinceModel()) },
      [
        { doc: 'bao-cao-xa', page: 1, file: 'xa-page-1' },
        { doc: 'bao-cao-tinh', page: 1, file: 'tinh-page-1' },
        { doc: 'bao-cao-tinh', page: 2, file: 'tinh-page-2' },
      ],
    );
    pdf = rendered.pdf['bao-cao-xa']!;
    pages = rendered.pages['bao-cao-xa']!;
    provincePages = rendered.pages['bao-cao-tinh']!;
  }, 180_000);

  afterAll(async () => {
    await rendered?.cleanup();
  });

  it('is A4 with the title on page 1', async () => {
    expect(await pdfInfo(pdf)).toMatch(A4_PAGE_SIZE);
    expect(pages[0]).toMatch(/^\s*BÁO CÁO\s*$/m);
    expect(pages[0]).toContain('Kết quả công tác dân vận tháng 3/2026');
  });

  it('sets the header as two columns side by side', () => {
    const lines = pages[0]!.split('\n');
    const line = (re: RegExp) => lines.find((l) => re.test(l)) ?? '';
    expect(line(/CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/)).toMatch(/^\s*ỦY BAN MTTQ VIỆT NAM\s{2,}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\s*$/);
    expect(line(/Độc lập - Tự do - Hạnh phúc/)).toMatch(/XÃ LONG THÀNH\s{2,}Độc lập - Tự do - Hạnh phúc/);
    expect(line(/BC-MTTQ-BTT/)).toMatch(/Số:\s+\/BC-MTTQ-BTT\s{2,}Long Thành, ngày 08 tháng 4 năm 2026/);
  });

  it('puts the figures in a table with their columns, and ends with "Nơi nhận" beside the signature', () => {
    const all = pages.join('\n');
    expect(all).toMatch(/Số lượt người tham dự\s+lượt người\s+1\.234/);
    expect(all).toMatch(/Kinh phí thực hiện\s+triệu đồng\s+1\.234,5/);
    const last = pages.filter((p) => p.trim() !== '').at(-1)!;
    expect(last).toMatch(/Nơi nhận:\s{2,}TM\. BAN THƯỜNG TRỰC/);
    expect(last).toContain('Trần Văn Đức');
  });

  it("states the province's coverage on page 1 and numbers its pages from page 2", () => {
    expect(provincePages[0]).toContain('23/25 đơn vị đã báo cáo');
    expect(provincePages.length).toBeGreaterThan(1);
    expect(provincePages[0]!.trimStart().startsWith('1')).toBe(false);
    expect(provincePages[1]!.trim().split('\n')[0]!.trim()).toBe('2');
    expect(provincePages.join('\n')).toMatch(/Số cuộc hội nghị đã tổ chức\s+cuộc\s+483\s+23/);
  });

  it.skipIf(!hasVietnameseTimes())('is set in Times New Roman or its metric twin only', async () => {
    const fonts = await pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(TIMES_FONT);
  });
});
