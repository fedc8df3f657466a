import zlib from 'node:zlib';
import { AlignmentType, Document, FootnoteReferenceRun, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import {
  checkDocxArchive,
  decodeDraftText,
  DRAFT_LIMITS,
  draftFormatFromFileName,
  docxHtmlToText,
  importDraft,
  readZipDirectory,
} from './drafts.import';
import { walkSections, type DraftSection } from './drafts.parse';

/** The thrown AppError's code, or a description of what happened instead. */
async function codeOf(run: () => unknown): Promise<string> {
  try {
    await run();
    return 'no error';
  } catch (err) {
    return err instanceof AppError ? err.code : `not an AppError: ${String(err)}`;
  }
}

interface ZipSpec {
  name: string;
  /** The bytes stored in the archive (already deflated when method is 8). */
  stored: Buffer;
  method?: 0 | 8;
  /** The uncompressed size the archive claims. */
  declared: number;
  /** Claim the size through a zip64 extra field instead of the 32-bit field. */
  zip64?: boolean;
}

/** A minimal zip archive written byte by byte, so tests can make it lie. */
function zip(entries: ZipSpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const method = e.method ?? 8;
    const size32 = e.zip64 ? 0xffffffff : e.declared;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(e.stored.length, 18);
    local.writeUInt32LE(Math.min(size32, 0xffffffff), 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, e.stored);
    const extra = Buffer.alloc(e.zip64 ? 12 : 0);
    if (e.zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(8, 2);
      extra.writeBigUInt64LE(BigInt(e.declared), 4);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(e.stored.length, 20);
    central.writeUInt32LE(Math.min(size32, 0xffffffff), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name, extra);
    offset += 30 + name.length + e.stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const deflated = (data: Buffer | string) => zlib.deflateRawSync(typeof data === 'string' ? Buffer.from(data) : data);

/** A real draft, written with the `docx` package the way a specialist writes one in Word. */
async function sampleDocx(): Promise<Buffer> {
  const doc = new Document({
    footnotes: { 1: { children: [new Paragraph('Theo Kế hoạch số 163-KH/TU.')] } },
    numbering: {
      config: [
        {
          reference: 'auto',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2)', alignment: AlignmentType.START },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: 'KẾ HOẠCH', bold: true })], alignment: AlignmentType.CENTER }),
          new Paragraph({ children: [new TextRun('Thực hiện Kế hoạch của Ban Thường vụ Tỉnh ủy'), new FootnoteReferenceRun(1), new TextRun(', Ban Thường trực xây dựng kế hoạch như sau:')] }),
          new Paragraph({ text: 'I. MỤC ĐÍCH, YÊU CẦU', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'Nắm bắt kịp thời tình hình Nhân dân & các tầng lớp <xã hội>.', bullet: { level: 0 } }),
          new Paragraph({ text: 'Tổng hợp đầy đủ, trung thực, khách quan.', bullet: { level: 0 } }),
          new Paragraph({ children: [new TextRun({ text: 'II- NỘI DUNG', bold: true })] }),
          new Paragraph({ children: [new TextRun({ text: '1. Theo dõi, nắm tình hình', bold: true })] }),
          new Paragraph('- Ủy ban MTTQ các cấp thường xuyên nắm bắt tình hình;'),
          new Paragraph({ children: [new TextRun({ text: '1.1. Trước đại hội', italics: true })] }),
          new Paragraph('a) Cấp tỉnh'),
          new Paragraph({ children: [new TextRun('b) Cấp xã'), new TextRun({ text: 'dòng thứ hai của đoạn', break: 1 })] }),
          new Paragraph({ children: [new TextRun({ text: '2. Tổng hợp ý kiến', bold: true })] }),
          new Table({
            rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('Đơn vị')] }), new TableCell({ children: [new Paragraph('Hạn báo cáo')] })] })],
          }),
          new Paragraph({ text: 'III. TỔ CHỨC THỰC HIỆN', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'Ban Thường trực Ủy ban MTTQ tỉnh', numbering: { reference: 'auto', level: 0 } }),
          new Paragraph({ text: 'Chủ trì triển khai', numbering: { reference: 'auto', level: 1 } }),
          new Paragraph('Đoạn văn xen giữa danh sách.'),
          new Paragraph({ text: 'Ban Thường trực Ủy ban MTTQ cấp xã', numbering: { reference: 'auto', level: 0 } }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const outline = (sections: DraftSection[]) => [...walkSections(sections)].map((s) => `${s.address} ${s.title}`.trim());

describe('draftFormatFromFileName', () => {
  it('reads the extension, in any case', () => {
    expect(draftFormatFromFileName('du-thao.DOCX')).toBe('docx');
    expect(draftFormatFromFileName('/a/b/du-thao.md')).toBe('md');
    expect(draftFormatFromFileName('du-thao.markdown')).toBe('md');
    expect(draftFormatFromFileName('du thao.txt')).toBe('txt');
  });
  it('refuses what it does not read, with a way out for .doc', async () => {
    expect(await codeOf(() => draftFormatFromFileName('du-thao.pdf'))).toBe('DRAFT_FORMAT_UNSUPPORTED');
    expect(() => draftFormatFromFileName('du-thao.doc')).toThrow(/lưu lại thành \.docx/);
    expect(await codeOf(() => draftFormatFromFileName('README'))).toBe('DRAFT_FORMAT_UNSUPPORTED');
  });
});

describe('decodeDraftText', () => {
  it('reads UTF-8 with or without BOM and UTF-16 with BOM', () => {
    expect(decodeDraftText(Buffer.from('I. MỤC ĐÍCH'))).toBe('I. MỤC ĐÍCH');
    expect(decodeDraftText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Điều 8.')]))).toBe('Điều 8.');
    expect(decodeDraftText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Chương II', 'utf16le')]))).toBe('Chương II');
  });
  it('refuses legacy encodings and zip archives instead of guessing', async () => {
    // "Đ" in TCVN3 is 0xA7 alone: not UTF-8.
    expect(await codeOf(() => decodeDraftText(Buffer.from([0x49, 0x2e, 0x20, 0xa7, 0x49, 0x4d])))).toBe('DRAFT_FILE_INVALID');
    expect(() => decodeDraftText(zip([{ name: 'a.txt', stored: Buffer.from('x'), method: 0, declared: 1 }]))).toThrow(/tệp nén/);
  });
});

describe('importDraft', () => {
  it('reads Markdown and plain text', async () => {
    const md = await importDraft(Buffer.from('**I. MỤC ĐÍCH**\n\n1\\. Một\n\n\\- gạch'), 'md');
    expect(md).toEqual([{ number: 'I', title: 'MỤC ĐÍCH', text: '', kind: 'roman', address: 'I', children: [{ number: '1', title: 'Một', text: '- gạch', kind: 'arabic', address: 'I.1', children: [] }] }]);
    const txt = await importDraft(Buffer.from('**I. MỤC ĐÍCH**'), 'txt');
    expect(txt[0]).toMatchObject({ kind: 'preamble', text: '**I. MỤC ĐÍCH**' });
  });

  it('reads a DOCX: heading styles, bold and typed numbering, bullets, tables, automatic numbering, footnotes', async () => {
    const tree = await importDraft(await sampleDocx(), 'docx');
    expect(outline(tree)).toEqual([
      '0',
      'I MỤC ĐÍCH, YÊU CẦU',
      'II NỘI DUNG',
      'II.1 Theo dõi, nắm tình hình',
      'II.1.1 Trước đại hội',
      'II.1.1.a Cấp tỉnh',
      'II.1.1.b Cấp xã',
      'II.2 Tổng hợp ý kiến',
      'III TỔ CHỨC THỰC HIỆN',
      'III.1 Ban Thường trực Ủy ban MTTQ tỉnh',
      'III.1.a Chủ trì triển khai',
      'III.2 Ban Thường trực Ủy ban MTTQ cấp xã',
    ]);
    const at = (address: string) => [...walkSections(tree)].find((s) => s.address === address)!;
    expect(at('0').text).toBe('KẾ HOẠCH\nThực hiện Kế hoạch của Ban Thường vụ Tỉnh ủy[1], Ban Thường trực xây dựng kế hoạch như sau:');
    expect(at('I').text).toBe('- Nắm bắt kịp thời tình hình Nhân dân & các tầng lớp <xã hội>.\n- Tổng hợp đầy đủ, trung thực, khách quan.');
    expect(at('II.1').text).toBe('- Ủy ban MTTQ các cấp thường xuyên nắm bắt tình hình;');
    expect(at('II.1.1.b').text).toBe('dòng thứ hai của đoạn');
    expect(at('II.2').text).toBe('Đơn vị\nHạn báo cáo');
    expect(at('III.1.a').text).toBe('Đoạn văn xen giữa danh sách.');
    expect(at('III.2').text).toBe('[1] Theo Kế hoạch số 163-KH/TU.');
  });

  it('refuses a corrupt DOCX with DRAFT_FILE_INVALID', async () => {
    const good = await sampleDocx();
    expect(await codeOf(() => importDraft(good.subarray(0, Math.floor(good.length / 2)), 'docx'))).toBe('DRAFT_FILE_INVALID');
    expect(await codeOf(() => importDraft(Buffer.from('Không phải tệp Word'), 'docx'))).toBe('DRAFT_FILE_INVALID');
    expect(await codeOf(() => importDraft(Buffer.alloc(0), 'docx'))).toBe('DRAFT_FILE_INVALID');
    // A sound zip that holds no Word document.
    expect(await codeOf(() => importDraft(zip([{ name: 'hello.txt', stored: deflated('xin chào'), declared: 'xin chào'.length + 3 }]), 'docx'))).toBe('DRAFT_FILE_INVALID');
    expect(await codeOf(() => importDraft(zip([{ name: 'hello.txt', stored: Buffer.from('xin chao'), method: 0, declared: 8 }]), 'docx'))).toBe('DRAFT_FILE_INVALID');
    // Damaged compressed bytes.
    const damaged = zip([{ name: 'word/document.xml', stored: Buffer.from([0xff, 0xff, 0xff, 0xff, 0x00]), declared: 100 }]);
    expect(await codeOf(() => importDraft(damaged, 'docx'))).toBe('DRAFT_FILE_INVALID');
    await expect(importDraft(Buffer.from('abc'), 'docx')).rejects.toThrow(/\.doc cũ hoặc tệp có đặt mật khẩu/);
  });

  it('refuses a zip bomb with DRAFT_FILE_TOO_LARGE before inflating it', async () => {
    // An entry that declares 4 GB.
    const declared = zip([{ name: 'word/document.xml', stored: deflated(Buffer.alloc(1024)), declared: 0xfffffff0 }]);
    expect(await codeOf(() => importDraft(declared, 'docx'))).toBe('DRAFT_FILE_TOO_LARGE');
    await expect(importDraft(declared, 'docx')).rejects.toThrow(/giải nén/);
    // The same through a zip64 size field.
    const zip64 = zip([{ name: 'word/document.xml', stored: deflated(Buffer.alloc(1024)), declared: 2 ** 40, zip64: true }]);
    expect(readZipDirectory(zip64)[0].uncompressedSize).toBe(2 ** 40);
    expect(await codeOf(() => importDraft(zip64, 'docx'))).toBe('DRAFT_FILE_TOO_LARGE');
    // Many honest entries that add up past the limit.
    const many = zip(Array.from({ length: 30 }, (_, i) => ({ name: `word/media/${i}.bin`, stored: Buffer.alloc(0), method: 0 as const, declared: 4 * 1024 * 1024 })));
    expect(await codeOf(() => checkDocxArchive(many))).toBe('DRAFT_FILE_TOO_LARGE');
  });

  it('refuses a zip bomb whose header lies about its size', async () => {
    // 8 MB of zeros deflate to a few KB; the archive claims 1 KB.
    const liar = zip([{ name: 'word/document.xml', stored: deflated(Buffer.alloc(8 * 1024 * 1024)), declared: 1024 }]);
    expect(liar.length).toBeLessThan(64 * 1024);
    expect(await codeOf(() => importDraft(liar, 'docx'))).toBe('DRAFT_FILE_TOO_LARGE');
  });

  it('keeps to the configured limits', async () => {
    const small = { ...DRAFT_LIMITS, maxFileBytes: 1000, maxTextBytes: 100, maxUncompressedBytes: 2000, maxEntries: 3 };
    expect(await codeOf(() => importDraft(Buffer.alloc(101, 'a'), 'txt', small))).toBe('DRAFT_FILE_TOO_LARGE');
    expect(await codeOf(() => importDraft(Buffer.alloc(1001), 'docx', small))).toBe('DRAFT_FILE_TOO_LARGE');
    const big = zip([{ name: 'word/document.xml', stored: deflated(Buffer.alloc(4000)), declared: 4000 }]);
    expect(await codeOf(() => checkDocxArchive(big, small))).toBe('DRAFT_FILE_TOO_LARGE');
    const crowded = zip(Array.from({ length: 4 }, (_, i) => ({ name: `${i}`, stored: Buffer.alloc(0), method: 0 as const, declared: 0 })));
    expect(await codeOf(() => checkDocxArchive(crowded, small))).toBe('DRAFT_FILE_TOO_LARGE');
  });

  it('says so when a file has no text', async () => {
    expect(await codeOf(() => importDraft(Buffer.from('\n \n'), 'txt'))).toBe('DRAFT_EMPTY');
    const empty = await Packer.toBuffer(new Document({ sections: [{ children: [] }] }));
    expect(await codeOf(() => importDraft(empty, 'docx'))).toBe('DRAFT_EMPTY');
  });
});

describe('docxHtmlToText', () => {
  it('rebuilds automatic numbering: the count goes on across paragraphs and starts again after a heading', () => {
    const html =
      '<ol><li>Một<ol><li>A</li><li>B</li></ol></li></ol><p>xen</p><ol><li>Hai<ol><li>C</li></ol></li></ol>' +
      '<p><strong>II. PHẦN HAI</strong></p><ol><li>Lại một</li></ol><h2>Tiêu đề</h2><ol><li>Lại một nữa<ol><li><ol><li>sâu</li></ol></li></ol></li></ol>';
    expect(docxHtmlToText(html).split('\n')).toEqual(['1. Một', 'a) A', 'b) B', 'xen', '2. Hai', 'a) C', 'II. PHẦN HAI', '1. Lại một', 'Tiêu đề', '1. Lại một nữa', '- sâu']);
  });

  it('keeps a heading with a line break whole, decodes entities, and drops footnote back-links', () => {
    expect(docxHtmlToText('<h1>I. MỤC ĐÍCH,<br />YÊU CẦU</h1><p>A &amp; B &lt;c&gt; &#273;</p>')).toBe('I. MỤC ĐÍCH, YÊU CẦU\nA & B <c> đ');
    expect(docxHtmlToText('<p>&constructor; &#0; &unknown;</p>')).toBe('&constructor; &#0; &unknown;');
    expect(docxHtmlToText('<ol><li id="footnote-3"><p>Chú thích <a href="#footnote-ref-3">↑</a></p></li></ol>')).toBe('[3] Chú thích');
  });
});
