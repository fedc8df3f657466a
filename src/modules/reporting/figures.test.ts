import { describe, expect, it } from 'vitest';
import { checkFigureValue, parseFigureInput, validateContent } from './figures';
import { indexOutline } from './outlines.model';
import type { ReportContent } from './reporting.schema';
import { SAMPLE_OUTLINE } from './test-outline';

const figure = (key: string) => indexOutline(SAMPLE_OUTLINE).figures.get(key)!;
const complete: ReportContent = {
  figures: { so_hoi_nghi: 12, so_nguoi: 1500, ty_le_dong_tinh: 92.5, da_ban_hanh: true, kinh_phi: 12.75, diem_cao_nhat: 9.5, ghi_chu: 'Không' },
  sections: { 'I.2': 'Nhân dân phấn khởi.', II: 'Không có.' },
};
const check = (figures: ReportContent['figures'], sections: ReportContent['sections'] = { 'I.2': 'x' }) => validateContent(SAMPLE_OUTLINE, { figures, sections });

describe('validateContent', () => {
  it('accepts content that fits the outline', () => {
    expect(validateContent(SAMPLE_OUTLINE, complete)).toEqual([]);
  });

  it('names the field and says in Vietnamese what is wrong', () => {
    expect(check({ so_hoi_nghi: -1 })).toEqual([{ path: 'figures.so_hoi_nghi', code: 'FIGURE_BELOW_MIN', message: 'Số cuộc hội nghị phải là số nguyên không âm.' }]);
    expect(check({ so_hoi_nghi: 2.5 })).toEqual([{ path: 'figures.so_hoi_nghi', code: 'FIGURE_WRONG_TYPE', message: 'Số cuộc hội nghị phải là số nguyên không âm.' }]);
    expect(check({ so_hoi_nghi: 101 })).toEqual([{ path: 'figures.so_hoi_nghi', code: 'FIGURE_ABOVE_MAX', message: 'Số cuộc hội nghị không được lớn hơn 100.' }]);
    expect(check({ so_hoi_nghi: '12' })[0]).toMatchObject({ path: 'figures.so_hoi_nghi', code: 'FIGURE_WRONG_TYPE' });
    expect(check({ so_hoi_nghi: 1, ty_le_dong_tinh: 100.5 })[0]).toEqual({ path: 'figures.ty_le_dong_tinh', code: 'FIGURE_ABOVE_MAX', message: 'Tỷ lệ đồng tình phải là tỷ lệ phần trăm, từ 0 đến 100.' });
    expect(check({ so_hoi_nghi: 1, ty_le_dong_tinh: 92.55 })[0]).toEqual({ path: 'figures.ty_le_dong_tinh', code: 'FIGURE_TOO_PRECISE', message: 'Tỷ lệ đồng tình chỉ được có tối đa 1 chữ số thập phân.' });
    expect(check({ so_hoi_nghi: 1, diem_cao_nhat: 10.5 })[0].message).toBe('Điểm đánh giá cao nhất không được lớn hơn 10.');
    expect(check({ so_hoi_nghi: 1, kinh_phi: -0.01 })[0].message).toBe('Kinh phí phải là số không âm.');
    expect(check({ so_hoi_nghi: 1, da_ban_hanh: 'có' })[0].message).toBe('Đã ban hành kế hoạch phải là Có hoặc Không.');
    expect(check({ so_hoi_nghi: 1, ghi_chu: 3 })[0].message).toBe('Ghi chú phải là chữ.');
    expect(check({ so_hoi_nghi: 1, ghi_chu: 'x'.repeat(501) })[0]).toMatchObject({ code: 'FIGURE_TOO_LONG', message: 'Ghi chú dài quá 500 ký tự.' });
    expect(check({ so_hoi_nghi: Number.NaN })[0].code).toBe('FIGURE_WRONG_TYPE');
  });

  it('refuses figure keys and section addresses the outline does not have', () => {
    expect(check({ so_hoi_nghi: 1, so_ho: 3 }, { 'I.2': 'x', 'IV.1': 'y' })).toEqual([
      { path: 'figures.so_ho', code: 'FIGURE_UNKNOWN', message: 'Chỉ tiêu "so_ho" không có trong đề cương.' },
      { path: 'sections.IV.1', code: 'SECTION_UNKNOWN', message: 'Mục "IV.1" không có trong đề cương.' },
    ]);
  });

  it('asks for required figures and sections only when submitting', () => {
    const empty: ReportContent = { figures: { so_hoi_nghi: null, so_nguoi: 5 }, sections: { 'I.2': '  ' } };
    expect(validateContent(SAMPLE_OUTLINE, empty, { complete: false })).toEqual([]);
    expect(validateContent(SAMPLE_OUTLINE, empty)).toEqual([
      { path: 'figures.so_hoi_nghi', code: 'FIGURE_REQUIRED', message: 'Chưa nhập Số cuộc hội nghị (chỉ tiêu bắt buộc).' },
      { path: 'sections.I.2', code: 'SECTION_TEXT_REQUIRED', message: 'Mục I.2 “Dư luận nổi bật” cần có nội dung.' },
    ]);
  });

  it('reads bounds in Vietnamese number format', () => {
    expect(checkFigureValue({ ...figure('so_nguoi'), max: 1_500_000 }, 2_000_000)?.message).toBe('Số người tham dự không được lớn hơn 1.500.000.');
    expect(checkFigureValue({ ...figure('kinh_phi'), min: 0.5 }, 0.25)?.message).toBe('Kinh phí không được nhỏ hơn 0,5.');
  });
});

describe('parseFigureInput', () => {
  it.each([
    ['so_nguoi', '1.500', 1500],
    ['so_nguoi', ' 12 ', 12],
    ['kinh_phi', '12,75', 12.75],
    ['kinh_phi', '1.234,5', 1234.5],
    ['kinh_phi', '12.75', 12.75],
    ['ty_le_dong_tinh', '92,5%', 92.5],
    ['da_ban_hanh', 'Có', true],
    ['da_ban_hanh', 'x', true],
    ['da_ban_hanh', 'Chưa', false],
    ['da_ban_hanh', 'không', false],
    ['ghi_chu', ' Tốt ', 'Tốt'],
    ['so_nguoi', '', null],
  ])('%s "%s" → %s', (key, raw, value) => {
    expect(parseFigureInput(figure(key), raw)).toEqual({ value });
  });

  it.each([
    ['so_nguoi', 'mười', 'FIGURE_WRONG_TYPE'],
    ['so_nguoi', '1,5', 'FIGURE_WRONG_TYPE'],
    ['so_hoi_nghi', '150', 'FIGURE_ABOVE_MAX'],
    ['kinh_phi', '1,234', 'FIGURE_TOO_PRECISE'],
    ['da_ban_hanh', 'có lẽ', 'FIGURE_WRONG_TYPE'],
  ])('%s "%s" → %s', (key, raw, code) => {
    expect(parseFigureInput(figure(key), raw)).toMatchObject({ issue: { path: `figures.${key}`, code } });
  });
});
