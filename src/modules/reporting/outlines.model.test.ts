import { describe, expect, it } from 'vitest';
import { figureKeyFromLabel, indexOutline, outlineFromText, outlineSections, parseFigureLine, validateOutline } from './outlines.model';
import { OutlineSchema, type Figure, type Outline } from './reporting.schema';
import { SAMPLE_OUTLINE } from './test-outline';

const withFigures = (...figures: Partial<Figure>[]): Outline =>
  OutlineSchema.parse({ title: 'T', sections: [{ address: 'I', figures: figures.map((f, i) => ({ key: `f${i}`, label: `Chỉ tiêu ${i}`, type: 'integer', rollup: { kind: 'sum' }, ...f })) }] });
const codes = (outline: Outline) => validateOutline(outline).map((i) => `${i.path} ${i.code}`);

describe('validateOutline', () => {
  it('accepts a sound outline', () => {
    expect(validateOutline(SAMPLE_OUTLINE)).toEqual([]);
  });

  it('refuses duplicate keys and addresses, naming both labels', () => {
    const o = OutlineSchema.parse({
      title: 'T',
      sections: [
        { address: 'I', figures: [{ key: 'a', label: 'Số hội nghị', type: 'integer', rollup: { kind: 'sum' } }] },
        { address: 'I', figures: [{ key: 'a', label: 'Số người', type: 'integer', rollup: { kind: 'sum' } }] },
      ],
    });
    expect(validateOutline(o)).toEqual([
      { path: 'sections.I', code: 'OUTLINE_DUPLICATE_ADDRESS', message: 'Có hai mục cùng địa chỉ "I".' },
      { path: 'figures.a', code: 'OUTLINE_DUPLICATE_KEY', message: 'Mã chỉ tiêu "a" bị trùng (“Số hội nghị” và “Số người”).' },
    ]);
  });

  it('checks that a weight is another numeric figure of the outline', () => {
    expect(codes(withFigures({ rollup: { kind: 'weighted_average', weightFigure: 'khong_co' } }))).toEqual(['figures.f0.rollup OUTLINE_WEIGHT_UNKNOWN']);
    expect(codes(withFigures({ rollup: { kind: 'weighted_average', weightFigure: 'f0' } }))).toEqual(['figures.f0.rollup OUTLINE_WEIGHT_SELF']);
    expect(codes(withFigures({ rollup: { kind: 'weighted_average', weightFigure: 'f1' } }, { type: 'text', rollup: { kind: 'none' } }))).toEqual(['figures.f0.rollup OUTLINE_WEIGHT_NOT_NUMERIC']);
  });

  it('checks bounds: order, 0–100 for percentages, integers for integers, none for text', () => {
    expect(validateOutline(withFigures({ min: 10, max: 5 }))[0].message).toBe('Giới hạn dưới của “Chỉ tiêu 0” (10) lớn hơn giới hạn trên (5).');
    expect(codes(withFigures({ type: 'percentage', max: 120, rollup: { kind: 'max' } }))).toEqual(['figures.f0.max OUTLINE_PERCENT_BOUNDS']);
    expect(codes(withFigures({ min: 0.5 }))).toEqual(['figures.f0.min OUTLINE_BOUND_PRECISION']);
    expect(codes(withFigures({ type: 'decimal', decimals: 1, max: 2.25 }))).toEqual(['figures.f0.max OUTLINE_BOUND_PRECISION']);
    expect(codes(withFigures({ type: 'text', max: 3, rollup: { kind: 'none' } }))).toEqual(['figures.f0.max OUTLINE_BOUNDS_NOT_NUMERIC']);
    expect(codes(withFigures({ decimals: 2 }))).toEqual(['figures.f0.decimals OUTLINE_DECIMALS_NOT_ALLOWED']);
  });

  it('refuses roll-ups that make no sense for the type', () => {
    expect(validateOutline(withFigures({ type: 'percentage', rollup: { kind: 'sum' } }))[0]).toMatchObject({ path: 'figures.f0.rollup', code: 'OUTLINE_ROLLUP_NOT_ALLOWED' });
    expect(codes(withFigures({ type: 'boolean', rollup: { kind: 'sum' } }))).toEqual(['figures.f0.rollup OUTLINE_ROLLUP_NOT_ALLOWED']);
    expect(codes(withFigures({ type: 'text', rollup: { kind: 'max' } }))).toEqual(['figures.f0.rollup OUTLINE_ROLLUP_NOT_ALLOWED']);
    expect(codes(withFigures({ type: 'boolean', rollup: { kind: 'max' } }))).toEqual([]);
  });

  it('refuses an outline without sections', () => {
    expect(codes(OutlineSchema.parse({ title: 'T', sections: [] }))).toEqual(['sections OUTLINE_EMPTY']);
  });
});

describe('indexOutline', () => {
  it('finds figures and sections in document order', () => {
    const index = indexOutline(SAMPLE_OUTLINE);
    expect([...index.sections.keys()]).toEqual(['I', 'I.1', 'I.2', 'II']);
    expect([...index.figures.keys()].slice(0, 3)).toEqual(['so_hoi_nghi', 'so_nguoi', 'ty_le_dong_tinh']);
    expect(index.figureSection.get('kinh_phi')).toBe('I.1');
    expect(indexOutline(SAMPLE_OUTLINE)).toBe(index);
  });
});

describe('parseFigureLine', () => {
  it.each([
    ['- Số cuộc hội nghị đã tổ chức: ……… cuộc', { label: 'Số cuộc hội nghị đã tổ chức', type: 'integer', unit: 'cuộc', rollup: { kind: 'sum' } }],
    ['+ Tổng số người tham dự: .......... người.', { label: 'Tổng số người tham dự', type: 'integer', unit: 'người' }],
    ['- Tỷ lệ hài lòng: ……%', { type: 'percentage', unit: '%', rollup: { kind: 'none' } }],
    ['- Số lượt: ___', { type: 'integer', unit: '' }],
    ['- Kết quả nổi bật: ………', { type: 'text', rollup: { kind: 'none' } }],
    ['- Tỷ lệ đồng tình: …… % [bình quân theo Số người tham dự, bắt buộc]', { type: 'percentage', required: true, rollup: { kind: 'weighted_average', weightRef: 'Số người tham dự' } }],
    ['- [Số cuộc hội nghị: số nguyên, cuộc, tổng, bắt buộc, từ 0]', { label: 'Số cuộc hội nghị', type: 'integer', unit: 'cuộc', required: true, min: 0 }],
    ['[Kinh phí: số thập phân, triệu đồng, từ 0 đến 1.000.000, 1 chữ số thập phân, mã kinh_phi]', { type: 'decimal', unit: 'triệu đồng', min: 0, max: 1_000_000, decimals: 1, key: 'kinh_phi', rollup: { kind: 'sum' } }],
    ['• [Tỷ lệ: phần trăm, tối đa 100, cao nhất]', { type: 'percentage', unit: '%', max: 100, rollup: { kind: 'max' } }],
    ['- [Đã ban hành kế hoạch: có/không]', { type: 'boolean', rollup: { kind: 'none' } }],
    ['- [Ý kiến khác: chữ]', { type: 'text', rollup: { kind: 'none' } }],
    ['- [Điểm: số thực, >= -5, <= 12,5, nhỏ nhất]', { type: 'decimal', min: -5, max: 12.5, rollup: { kind: 'min' } }],
    ['- [Số hội nghị]', { label: 'Số hội nghị', type: 'integer', rollup: { kind: 'sum' } }],
    ['- [so nguoi: so nguyen, tu 0 den 500, bat buoc]', { min: 0, max: 500, required: true }],
  ])('%s', (line, expected) => {
    expect(parseFigureLine(line)).toMatchObject({ unknown: [], ...expected });
  });

  it('keeps options it does not understand, after the unit', () => {
    expect(parseFigureLine('- [Số kiến nghị: kiến nghị, xyz, tổng]')).toMatchObject({ unit: 'kiến nghị', unknown: ['xyz'], rollup: { kind: 'sum' } });
  });

  it.each([
    '- Tổ chức tuyên truyền, vận động Nhân dân.',
    'Thời gian thực hiện: Hàng tháng, bắt đầu từ tháng 1/2020',
    '- Tổ chức ……… hội nghị, thu hút ……… lượt người',
    '- Số hội nghị: ……… cuộc; số người: ……… người',
    '- Các hình thức: tuyên truyền, vận động, ...khác',
    '[]',
  ])('leaves guidance alone: %s', (line) => {
    expect(parseFigureLine(line)).toBeNull();
  });
});

describe('figureKeyFromLabel', () => {
  it('folds the label into a key, unique against those taken', () => {
    expect(figureKeyFromLabel('Số cuộc hội nghị đã tổ chức')).toBe('so_cuoc_hoi_nghi_da_to_chuc');
    expect(figureKeyFromLabel('Số người', new Set(['so_nguoi', 'so_nguoi_2']))).toBe('so_nguoi_3');
    expect(figureKeyFromLabel('2025: kết quả')).toBe('chi_tieu_2025_ket_qua');
    expect(figureKeyFromLabel('Đường, điện, trường, trạm xây mới trên địa bàn các xã vùng sâu vùng xa').length).toBeLessThanOrEqual(40);
    expect(figureKeyFromLabel('!!!')).toBe('chi_tieu');
  });
});

describe('outlineFromText', () => {
  const text = [
    'ĐỀ CƯƠNG',
    'Báo cáo tổng kết 10 năm thực hiện Quyết định 217-QĐ/TW',
    'Các đơn vị báo cáo có số liệu cụ thể.',
    'I. KẾT QUẢ THỰC HIỆN',
    '1. Công tác tổ chức hội nghị',
    'Nêu rõ kết quả đạt được.',
    '- Số cuộc hội nghị: ……… cuộc',
    '- Số người tham dự: ……… người [bắt buộc, từ 0]',
    '- Tỷ lệ đồng tình: ……% [bình quân theo số người tham dự]',
    '- [Kinh phí: số thập phân, triệu đồng, mã kinh_phi]',
    '2. Giám sát',
    'a) Số cuộc giám sát: …… cuộc',
    'b) Kết quả giám sát',
    'II. HẠN CHẾ, NGUYÊN NHÂN',
    'III. KIẾN NGHỊ',
  ].join('\n');

  it('reads sections by their numbering, guidance and figures by their syntax', () => {
    const { outline, issues } = outlineFromText(text);
    expect(issues).toEqual([]);
    expect(outline.title).toBe('ĐỀ CƯƠNG Báo cáo tổng kết 10 năm thực hiện Quyết định 217-QĐ/TW');
    expect(outline.guidance).toBe('Các đơn vị báo cáo có số liệu cụ thể.');
    expect(outlineSections(outline.sections).map((s) => `${s.address} ${s.title}`)).toEqual([
      'I KẾT QUẢ THỰC HIỆN',
      'I.1 Công tác tổ chức hội nghị',
      'I.2 Giám sát',
      'I.2.a Số cuộc giám sát',
      'I.2.b Kết quả giám sát',
      'II HẠN CHẾ, NGUYÊN NHÂN',
      'III KIẾN NGHỊ',
    ]);
    const i1 = outline.sections[0].children[0];
    expect(i1.guidance).toBe('Nêu rõ kết quả đạt được.');
    expect(i1.figures).toEqual([
      { key: 'so_cuoc_hoi_nghi', label: 'Số cuộc hội nghị', type: 'integer', unit: 'cuộc', required: false, rollup: { kind: 'sum' } },
      { key: 'so_nguoi_tham_du', label: 'Số người tham dự', type: 'integer', unit: 'người', required: true, min: 0, rollup: { kind: 'sum' } },
      { key: 'ty_le_dong_tinh', label: 'Tỷ lệ đồng tình', type: 'percentage', unit: '%', required: false, rollup: { kind: 'weighted_average', weightFigure: 'so_nguoi_tham_du' } },
      { key: 'kinh_phi', label: 'Kinh phí', type: 'decimal', unit: 'triệu đồng', required: false, rollup: { kind: 'sum' } },
    ]);
    expect(outline.sections[0].children[1].children[0].figures.map((f) => f.key)).toEqual(['so_cuoc_giam_sat']);
    expect(OutlineSchema.parse(outline)).toEqual(outline);
  });

  it('reports what it could not read, and what the outline checks find', () => {
    const { issues } = outlineFromText(
      [
        'I. Kết quả',
        '- [Số kiến nghị: kiến nghị, xyz]',
        '- Tỷ lệ: ……% [bình quân theo Số hộ]',
        '- [Số hội nghị: mã trung]',
        '- [Số cuộc: mã trung]',
        '- [Tỷ lệ B: tỷ lệ, tổng]',
        '- Tổ chức ……… hội nghị, thu hút ……… lượt người',
      ].join('\n'),
    );
    expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual([
      'figures.so_kien_nghi OUTLINE_TEXT_UNKNOWN_OPTION',
      'sections.I OUTLINE_TEXT_BLANK_NOT_FIGURE',
      'figures.ty_le.rollup OUTLINE_WEIGHT_UNKNOWN',
      'figures.trung OUTLINE_DUPLICATE_KEY',
      'figures.ty_le_b.rollup OUTLINE_ROLLUP_NOT_ALLOWED',
    ]);
    expect(issues[0].message).toBe('Dòng “- [Số kiến nghị: kiến nghị, xyz]”: không hiểu “xyz”.');
    expect(issues[2].message).toBe('Không tìm thấy chỉ tiêu “Số hộ” để tính bình quân cho “Tỷ lệ”.');
  });

  it('keeps figures written before the first heading in a preamble section, and takes a given title', () => {
    const { outline } = outlineFromText('Số đơn vị: …… đơn vị\nI. Nội dung', { title: 'Đề cương A' });
    expect(outline.title).toBe('Đề cương A');
    expect(outline.sections.map((s) => s.address)).toEqual(['0', 'I']);
    expect(outline.sections[0].figures[0].key).toBe('so_don_vi');
  });

  it('reads Markdown too', () => {
    const { outline } = outlineFromText('# ĐỀ CƯƠNG BÁO CÁO\n## I. **Kết quả**\n- Số hội nghị: ……… cuộc\n', { format: 'markdown' });
    expect(outline.title).toBe('ĐỀ CƯƠNG BÁO CÁO');
    expect(outline.sections[0]).toMatchObject({ address: 'I', title: 'Kết quả', figures: [{ key: 'so_hoi_nghi', unit: 'cuộc' }] });
  });
});
