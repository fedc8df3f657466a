import { describe, expect, it } from 'vitest';
import { textAfterSave } from './quickText';

describe('textAfterSave', () => {
  it('empties the box when nothing was typed during the save', () => {
    expect(textAfterSave('Đề nghị nâng cấp đường.', 'Đề nghị nâng cấp đường.')).toBe('');
  });

  it('keeps the next comment typed while the previous one was being saved', () => {
    expect(textAfterSave('Đề nghị nâng cấp đường.Cần quan tâm', 'Đề nghị nâng cấp đường.')).toBe('Cần quan tâm');
    expect(textAfterSave('Đề nghị nâng cấp đường.\n  Cần quan tâm', 'Đề nghị nâng cấp đường.')).toBe('Cần quan tâm');
  });

  it('leaves a text edited during the save untouched', () => {
    expect(textAfterSave('Đề nghị sửa đường.', 'Đề nghị nâng cấp đường.')).toBe('Đề nghị sửa đường.');
    expect(textAfterSave('', 'Đề nghị nâng cấp đường.')).toBe('');
  });
});
