import { describe, expect, it } from 'vitest';
import { foldVietnamese, formatNumberVi, parseNumberVi } from './text';

describe('Vietnamese text', () => {
  it('folds diacritics and case', () => {
    expect(foldVietnamese('Phường Ba Đình')).toBe('phuong ba dinh');
  });

  it('writes numbers the Vietnamese way', () => {
    expect(formatNumberVi(1500)).toBe('1.500');
    expect(formatNumberVi(-1234.5)).toBe('-1.234,5');
    expect(formatNumberVi(0.1 + 0.2)).toBe('0,3');
  });

  it.each([
    ['1.500', 1500],
    ['1.500.000', 1_500_000],
    ['12,5', 12.5],
    ['1.234,56', 1234.56],
    ['12.5', 12.5],
    ['-3', -3],
    ['− 7', -7],
    ['+4', 4],
    ['1 500', 1500],
  ])('reads "%s" as %d', (text, value) => {
    expect(parseNumberVi(text)).toBe(value);
  });

  it.each(['', 'mười', '1,500.5', '1..5', '12,', '.5', '1e3'])('does not read "%s"', (text) => {
    expect(parseNumberVi(text)).toBeNull();
  });
});
