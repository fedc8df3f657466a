import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDraftText, recognizeHeading, scanDraftLines, walkSections, type DraftSection } from './drafts.parse';

const SEEDS = path.resolve(import.meta.dirname, '../../../../shared/seeds');
const seed = (prefix: string) => fs.readFileSync(path.join(SEEDS, fs.readdirSync(SEEDS).find((f) => f.startsWith(prefix))!), 'utf8');

/** The tree reduced to "address title" lines, indented by depth: easy to read in a failing test. */
function outline(sections: DraftSection[], depth = 0): string[] {
  return sections.flatMap((s) => [`${'  '.repeat(depth)}${s.address} ${s.title}`.trimEnd(), ...outline(s.children, depth + 1)]);
}
const find = (sections: DraftSection[], address: string) => [...walkSections(sections)].find((s) => s.address === address);

describe('recognizeHeading', () => {
  it.each([
    ['Phần thứ nhất', 'part', '1', ''],
    ['PHẦN THỨ HAI: ĐÁNH GIÁ KẾT QUẢ', 'part', '2', 'ĐÁNH GIÁ KẾT QUẢ'],
    ['Phần thứ tư. Nhiệm vụ', 'part', '4', 'Nhiệm vụ'],
    ['Phần thứ mười hai', 'part', '12', ''],
    ['Phần thứ hai mươi', 'part', '20', ''],
    ['Phần thứ ba ĐỊNH HƯỚNG', 'part', '3', 'ĐỊNH HƯỚNG'],
    ['Phần I. Đánh giá', 'part', 'I', 'Đánh giá'],
    ['Phần 2', 'part', '2', ''],
    ['Chương II', 'chapter', 'II', ''],
    ['CHƯƠNG III - TỔ CHỨC CƠ SỞ ĐẢNG', 'chapter', 'III', 'TỔ CHỨC CƠ SỞ ĐẢNG'],
    ['Chương 4 ĐẢNG VIÊN', 'chapter', '4', 'ĐẢNG VIÊN'],
    ['Mục 2. Bầu cử', 'section', '2', 'Bầu cử'],
    ['Điều 8.', 'article', '8', ''],
    ['Điều 8. Đảng viên có quyền:', 'article', '8', 'Đảng viên có quyền'],
    ['Điều 12: Phạm vi', 'article', '12', 'Phạm vi'],
    ['Điều 8a. Bổ sung', 'article', '8a', 'Bổ sung'],
    ['I. MỤC ĐÍCH, YÊU CẦU', 'roman', 'I', 'MỤC ĐÍCH, YÊU CẦU'],
    ['I- MỤC ĐICH, YÊU CẦU', 'roman', 'I', 'MỤC ĐICH, YÊU CẦU'],
    ['II/ NỘI DUNG', 'roman', 'II', 'NỘI DUNG'],
    ['III - TỔ CHỨC THỰC HIỆN', 'roman', 'III', 'TỔ CHỨC THỰC HIỆN'],
    ['XIV.Kết luận', 'roman', 'XIV', 'Kết luận'],
    ['XL. Bốn mươi', 'roman', 'XL', 'Bốn mươi'],
    ['1. Theo dõi, nắm tình hình', 'arabic', '1', 'Theo dõi, nắm tình hình'],
    ['1- Theo dõi', 'arabic', '1', 'Theo dõi'],
    ['1/ Theo dõi', 'arabic', '1', 'Theo dõi'],
    ['2) Tổng hợp', 'arabic', '2', 'Tổng hợp'],
    ['12 - Nhiệm vụ', 'arabic', '12', 'Nhiệm vụ'],
    ['3. Xây dựng các loại báo cáo:', 'arabic', '3', 'Xây dựng các loại báo cáo'],
    ['1.1. Theo dõi', 'arabic', '1.1', 'Theo dõi'],
    ['1.1 Theo dõi', 'arabic', '1.1', 'Theo dõi'],
    ['3.1- Báo cáo', 'arabic', '3.1', 'Báo cáo'],
    ['1.2.3. Sâu hơn', 'arabic', '1.2.3', 'Sâu hơn'],
    ['1. Tăng cường sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới.', 'arabic', '1', 'Tăng cường sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới.'],
    ['a) Đối với cấp tỉnh', 'letter', 'a', 'Đối với cấp tỉnh'],
    ['đ) Đối với cấp xã', 'letter', 'đ', 'Đối với cấp xã'],
    ['b. Cấp huyện', 'letter', 'b', 'Cấp huyện'],
    ['c/ Cấp xã', 'letter', 'c', 'Cấp xã'],
  ])('%s', (line, kind, number, title) => {
    expect(recognizeHeading(line)).toMatchObject({ kind, number, title });
  });

  it('gives each depth of arabic numbering its own style, and one style whatever the delimiter', () => {
    expect(recognizeHeading('1.')?.style).toBe('arabic:1');
    expect(recognizeHeading('1.1.')?.style).toBe('arabic:2');
    expect(recognizeHeading('3.1-')?.style).toBe('arabic:2');
    expect(recognizeHeading('I-')?.style).toBe(recognizeHeading('II.')?.style);
    expect(recognizeHeading('a)')?.style).toBe(recognizeHeading('b.')?.style);
  });

  it.each([
    '- Giúp Ban Thường vụ Tỉnh ủy nắm bắt',
    '+ Công tác theo dõi',
    '* Một gạch đầu dòng',
    '• Chấm tròn',
    '– Gạch ngang dài',
    'Năm 2025.',
    '2025. Năm bản lề',
    '2020 - 2025',
    '215- KH/BTV',
    '25/10/2023 là hạn chót',
    '1/2020',
    '1.500 hội viên tham gia',
    '5.000.000 đồng',
    '10 - 15 năm',
    '7 ngày',
    'v.v...',
    'Điều 8 của Luật quy định',
    'Điều 8 Luật Đất đai',
    'Phần thứ hai của báo cáo',
    'Phần việc chào mừng Đại hội',
    'Phần mở đầu',
    'Mục tiêu tổng quát',
    'Mục 2 nêu trên',
    'Chương trình hành động',
    'Trong năm 1. nội dung',
    'I love',
    'IIV. Không phải số La Mã',
    'ab) hai chữ',
    'A. Chữ hoa',
    'constructor 1.',
    'toString II',
    'Phần thứ constructor',
    'Phần thứ __proto__',
    '',
  ])('"%s" is body text', (line) => {
    expect(recognizeHeading(line)).toBeNull();
  });
});

describe('parseDraftText', () => {
  it('nests the usual Vietnamese hierarchy by the order the styles appear, with addresses', () => {
    const tree = parseDraftText(
      [
        'Phần thứ nhất',
        'ĐÁNH GIÁ KẾT QUẢ',
        'I. KẾT QUẢ ĐẠT ĐƯỢC',
        'Mở đầu phần I.',
        '1. Về kinh tế',
        '1.1. Nông nghiệp',
        'a) Trồng trọt',
        '- lúa',
        '+ ngô',
        'b) Chăn nuôi',
        '1.2. Công nghiệp',
        '2. Về xã hội',
        'II. HẠN CHẾ',
        'Phần thứ hai',
        'I. MỤC TIÊU',
      ].join('\n'),
      'text',
    );
    expect(outline(tree)).toEqual([
      '1 ĐÁNH GIÁ KẾT QUẢ',
      '  1.I KẾT QUẢ ĐẠT ĐƯỢC',
      '    1.I.1 Về kinh tế',
      '      1.I.1.1 Nông nghiệp',
      '        1.I.1.1.a Trồng trọt',
      '        1.I.1.1.b Chăn nuôi',
      '      1.I.1.2 Công nghiệp',
      '    1.I.2 Về xã hội',
      '  1.II HẠN CHẾ',
      '2',
      '  2.I MỤC TIÊU',
    ]);
    expect(tree[0]).toMatchObject({ number: '1', kind: 'part' });
    expect(find(tree, '1.I')).toMatchObject({ number: 'I', kind: 'roman', text: 'Mở đầu phần I.' });
    expect(find(tree, '1.I.1.1')).toMatchObject({ number: '1.1', kind: 'arabic' });
    expect(find(tree, '1.I.1.1.a')).toMatchObject({ number: 'a', kind: 'letter', text: '- lúa\n+ ngô' });
  });

  it('treats "I-" and "II." as one level, and pops back to a style seen before', () => {
    const tree = parseDraftText('I- MỤC ĐÍCH\n1. Một\na) A\n2. Hai\nII. NỘI DUNG\na) Thẳng dưới II\nIII/ TỔ CHỨC', 'text');
    expect(outline(tree)).toEqual(['I MỤC ĐÍCH', '  I.1 Một', '    I.1.a A', '  I.2 Hai', 'II NỘI DUNG', '  II.a Thẳng dưới II', 'III TỔ CHỨC']);
  });

  it('reads a charter: Chương > Mục > Điều > khoản > điểm, even when Mục first appears after an Điều', () => {
    const tree = parseDraftText(
      ['Chương I', 'ĐẢNG VIÊN', 'Điều 1.', 'Đảng viên Đảng Cộng sản Việt Nam là chiến sĩ cách mạng.', 'Điều 2. Nhiệm vụ', '1. Tuyệt đối trung thành.', 'a) Điểm a', 'Chương II', 'NGUYÊN TẮC TỔ CHỨC', 'Điều 9. Nguyên tắc', 'Mục 1. Cơ quan lãnh đạo', 'Điều 10. Đại hội', 'Mục 2. Bầu cử', 'Điều 11.'].join('\n'),
      'text',
    );
    expect(outline(tree)).toEqual([
      'I ĐẢNG VIÊN',
      '  I.1',
      '  I.2 Nhiệm vụ',
      '    I.2.1 Tuyệt đối trung thành.',
      '      I.2.1.a Điểm a',
      'II NGUYÊN TẮC TỔ CHỨC',
      '  II.9 Nguyên tắc',
      '  II.1 Cơ quan lãnh đạo',
      '    II.1.10 Đại hội',
      '  II.2 Bầu cử',
      '    II.2.11',
    ]);
    expect(find(tree, 'I.1')).toMatchObject({ number: '1', kind: 'article', title: '', text: 'Đảng viên Đảng Cộng sản Việt Nam là chiến sĩ cách mạng.' });
    expect(tree[0]).toMatchObject({ number: 'I', kind: 'chapter' });
  });

  it('nests "1.1." and "3.1-" under their "1." and "3.", and never a shallower number under a deeper one', () => {
    const tree = parseDraftText('II. NỘI DUNG\n1.1. Thẳng dưới II\n3. Ba\n3.1- Ba một\n3.1.1 Ba một một\n3.2 Ba hai\n4. Bốn', 'text');
    expect(outline(tree)).toEqual(['II NỘI DUNG', '  II.1.1 Thẳng dưới II', '  II.3 Ba', '    II.3.1 Ba một', '      II.3.1.1 Ba một một', '    II.3.2 Ba hai', '  II.4 Bốn']);
    const deeperFirst = parseDraftText('1.1.1. Sâu\n1.2. Nông\n2. Hai', 'text');
    expect(outline(deeperFirst)).toEqual(['1.1.1 Sâu', '1.2 Nông', '2 Hai']);
  });

  it('keeps dash, plus, asterisk and dot bullets as text of the current section', () => {
    const md = parseDraftText('# I. MỤC ĐÍCH\n\n- một\n+ hai\n* ba\n• bốn\n\\- năm', 'markdown');
    expect(md).toHaveLength(1);
    expect(md[0]).toMatchObject({ number: 'I', title: 'MỤC ĐÍCH', text: '- một\n+ hai\n* ba\n• bốn\n- năm', children: [] });
    const txt = parseDraftText('I. MỤC ĐÍCH\n- một\n+ hai', 'text');
    expect(txt[0].text).toBe('- một\n+ hai');
  });

  it('reads Markdown headings, bold headings and pandoc escapes, whatever the heading level says', () => {
    const tree = parseDraftText(
      [
        '## **I. MỤC ĐÍCH, YÊU CẦU**',
        '',
        'Nội dung *nhấn mạnh* và **đậm** và \\*sao\\*.',
        '**II. NỘI DUNG**',
        '#### 1\\. Theo dõi',
        '###### **1.1\\.** Nắm tình hình',
        '__a\\)__ Điểm a',
        '1.2\\. Xây dựng báo cáo',
        '---',
        '**III.** TỔ CHỨC THỰC HIỆN:',
        '[]{#_Toc123 .anchor}2\\. Hai',
      ].join('\n'),
      'markdown',
    );
    expect(outline(tree)).toEqual(['I MỤC ĐÍCH, YÊU CẦU', 'II NỘI DUNG', '  II.1 Theo dõi', '    II.1.1 Nắm tình hình', '      II.1.1.a Điểm a', '    II.1.2 Xây dựng báo cáo', 'III TỔ CHỨC THỰC HIỆN', '  III.2 Hai']);
    expect(tree[0].text).toBe('Nội dung nhấn mạnh và đậm và *sao*.');
    expect(find(tree, 'II.1.2')?.text).toBe('');
  });

  it('does not read Markdown in plain text', () => {
    const tree = parseDraftText('**I. MỤC ĐÍCH**\n# 1. Một', 'text');
    expect(tree).toEqual([expect.objectContaining({ number: null, kind: 'preamble', text: '**I. MỤC ĐÍCH**\n# 1. Một' })]);
  });

  it('puts text before the first heading into a preamble node, only when there is some', () => {
    const tree = parseDraftText('KẾ HOẠCH\nThực hiện Kế hoạch số 163-KH/TU…\nI. MỤC ĐÍCH', 'text');
    expect(tree[0]).toEqual({ number: null, title: '', text: 'KẾ HOẠCH\nThực hiện Kế hoạch số 163-KH/TU…', kind: 'preamble', address: '0', children: [] });
    expect(tree[1]).toMatchObject({ address: 'I' });
    expect(parseDraftText('\n\nI. MỤC ĐÍCH\n', 'text')).toEqual([{ number: 'I', title: 'MỤC ĐÍCH', text: '', kind: 'roman', address: 'I', children: [] }]);
    expect(parseDraftText('', 'text')).toEqual([]);
    expect(parseDraftText(' \n\t\n', 'markdown')).toEqual([]);
  });

  it('takes a following line in capitals as the title of a bare heading, and nothing else', () => {
    const tree = parseDraftText('I.\nMỤC ĐÍCH, YÊU CẦU\nNội dung.\nII.\nNội dung thường, không phải tiêu đề.', 'text');
    expect(tree.map((s) => [s.title, s.text])).toEqual([
      ['MỤC ĐÍCH, YÊU CẦU', 'Nội dung.'],
      ['', 'Nội dung thường, không phải tiêu đề.'],
    ]);
  });

  it('normalizes decomposed Vietnamese (NFD) and Windows line ends', () => {
    const tree = parseDraftText('Đie\u0302\u0300u 8. Quye\u0302\u0300n\r\nNội dung\r\n', 'text');
    expect(tree[0]).toMatchObject({ kind: 'article', number: '8', title: 'Quyền', text: 'Nội dung' });
  });

  it('gives unique addresses, deterministically, to repeated numbers', () => {
    const input = '1. Một\na) A\n1. Một lần nữa\na) A lần nữa\na) A lần ba\n2. Hai';
    const tree = parseDraftText(input, 'text');
    expect(outline(tree)).toEqual(['1 Một', '  1.a A', '1~2 Một lần nữa', '  1~2.a A lần nữa', '  1~2.a~2 A lần ba', '2 Hai']);
    expect(parseDraftText(input, 'text')).toEqual(tree);
  });

  it('keeps an address when text elsewhere changes', () => {
    const before = parseDraftText('I. A\n1. X\n2. Y\nII. B\n1. Z', 'text');
    const after = parseDraftText('Lời nói đầu mới.\nI. A\nThêm một đoạn.\n1. X (sửa)\n2. Y\nII. B\n1. Z', 'text');
    const key = (t: DraftSection[]) => [...walkSections(t)].filter((s) => s.number).map((s) => s.address);
    expect(key(after)).toEqual(key(before));
  });

  describe('the seeds', () => {
    const top = (t: DraftSection[]) => t.map((s) => `${s.number ?? '-'} ${s.title}`);

    it('000: "I-" and "II." plan, numbered items under each part', () => {
      const tree = parseDraftText(seed('000_'), 'text');
      expect(top(tree)).toEqual(['- ', 'I MỤC ĐICH, YÊU CẦU', 'II NỘI DUNG', 'III TỔ CHỨC THỰC HIỆN']);
      expect(tree[0].text).toMatch(/^KẾ HOẠCH\nTheo dõi, nắm tình hình/);
      expect(find(tree, 'II')!.children.map((s) => s.title)).toEqual([
        'Theo dõi, nắm tình hình nhân dân đối với đại hội Đảng các cấp',
        expect.stringMatching(/^Tổng hợp ý kiến của nhân dân đóng góp/),
        'Xây dựng các loại báo cáo',
      ]);
      expect(find(tree, 'II.3')!.text.split('\n')).toHaveLength(5);
      expect(find(tree, 'III.3')!.text).toMatch(/^Ban Thường trực Ủy ban MTTQ tỉnh đề nghị[\s\S]*Nơi nhận:[\s\S]*- Lưu TCTG, VP\.$/);
    });

    it('002 (Markdown): "### I -", "## **III - …**", "#### 1.", "##### 1.1." and "### **1.2. …**" at their true levels', () => {
      const tree = parseDraftText(seed('002_'), 'markdown');
      expect(top(tree)).toEqual(['- ', 'I MỤC ĐÍCH, YÊU CẦU', 'II NỘI DUNG', 'III TỔ CHỨC THỰC HIỆN']);
      expect(tree[0].text).toMatch(/^KẾ HOẠCH\ntriển khai theo dõi/);
      expect(outline(find(tree, 'II')!.children)).toEqual([
        'II.1 Theo dõi, nắm và tổng hợp tình hình Nhân dân đối với đại hội Đảng các cấp',
        '  II.1.1 Theo dõi, nắm tình hình Nhân dân đối với đại hội Đảng các cấp',
        '  II.1.2 Xây dựng báo cáo tình hình Nhân dân đối với Đại hội Đảng các cấp',
        expect.stringMatching(/^II\.2 Tổ chức lấy ý kiến và tổng hợp ý kiến góp ý của Nhân dân/),
      ]);
      expect(find(tree, 'II.1.2')!.text).toContain('- Báo cáo tình hình Nhân dân đối với Đại hội XIV của Đảng bắt đầu từ tháng 12/2025');
      expect(find(tree, 'III.2')!.title).toMatch(/vào ngày 15 hàng tháng tổng hợp, báo cáo về Ban Thường vụ Huyện ủy qua Ban Dân vận Huyện ủy\.$/);
      expect(find(tree, 'III.2')!.text).toMatch(/^Trên đây là Kế hoạch[\s\S]*Nơi nhận:\n- Ban Dân vận Tỉnh ủy,[\s\S]*T\/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\nNguyễn Thị Hương\nNguyễn Thị Hương$/);
    });

    it('003: "I/", "1/" and "+" bullets; the number and symbol "215- KH/BTV" stays in the preamble', () => {
      const tree = parseDraftText(seed('003_'), 'text');
      expect(top(tree)).toEqual(['- ', 'I MỤC ĐÍCH – YÊU CẦU', 'II NỘI DUNG', 'III TỔ CHỨC THỰC HIỆN']);
      expect(tree[0].text).toContain('215- KH/BTV');
      expect(find(tree, 'III')!.children.map((s) => s.title)).toEqual(['Cấp tỉnh', 'Cấp huyện và cơ sở', 'Thời gian thực hiện']);
      expect(find(tree, 'III.3')!.text).toMatch(/^\+ Công tác theo dõi/);
      expect([...walkSections(tree)]).toHaveLength(10);
    });
  });

  describe('properties', () => {
    const fragments = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.constantFrom(
        'I. A', 'II- B', 'III/ C', '1. d', '1- e', '2/ f', '1.1. g', '3.1- h', '1.1.1 i', 'a) j', 'đ) k', 'b. l',
        'Điều 8.', 'Điều 9: m', 'Chương II', 'Phần thứ nhất', 'Phần I', 'Mục 1', 'NỘI DUNG', '- bullet', '+ plus',
        '* star', '• dot', '**II. Đậm**', '# 2\\. Tiêu đề', 'a\\) esc', '\\- esc', '---', '', '   ', 'Năm 2025.',
      ),
    );
    const documents = fc.array(fragments, { maxLength: 40 }).map((lines) => lines.join('\n'));

    it('never throws, and every non-empty line that is not a heading ends up in some text (plain text)', () => {
      fc.assert(
        fc.property(documents, (input) => {
          const tree = parseDraftText(input, 'text');
          const all = [...walkSections(tree)];
          const textLines = new Set(all.flatMap((s) => s.text.split('\n')));
          const titles = new Set(all.map((s) => s.title));
          for (const line of scanDraftLines(input, 'text')) {
            if (line.heading) continue;
            expect(textLines.has(line.text) || titles.has(line.text), line.text).toBe(true);
          }
          const nonBlank = input.normalize('NFC').split(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/).filter((l) => l.trim());
          expect(scanDraftLines(input, 'text').map((l) => l.text)).toEqual(nonBlank.map((l) => l.trim()));
          const addresses = all.map((s) => s.address);
          expect(new Set(addresses).size).toBe(addresses.length);
          expect(parseDraftText(input, 'text')).toEqual(tree);
        }),
        { numRuns: 300 },
      );
    });

    it('never throws on Markdown either, and keeps every body line', () => {
      fc.assert(
        fc.property(documents, (input) => {
          const all = [...walkSections(parseDraftText(input, 'markdown'))];
          const textLines = new Set(all.flatMap((s) => s.text.split('\n')));
          const titles = new Set(all.map((s) => s.title));
          for (const line of scanDraftLines(input, 'markdown')) {
            if (!line.heading) expect(textLines.has(line.text) || titles.has(line.text), line.text).toBe(true);
          }
          const addresses = all.map((s) => s.address);
          expect(new Set(addresses).size).toBe(addresses.length);
        }),
        { numRuns: 300 },
      );
    });
  });
});
