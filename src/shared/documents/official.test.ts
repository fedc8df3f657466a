import { describe, expect, it } from 'vitest';
import { roman } from './official.docx';
import { cleanLine, closingSentence, recipientLines } from './official.text';

describe('official wording', () => {
  it('ends the closing sentence with "./." and lowers the first letter of the title', () => {
    expect(closingSentence('Kết quả công tác dân vận tháng 3/2026', null)).toBe('Trên đây là báo cáo kết quả công tác dân vận tháng 3/2026./.');
    expect(closingSentence('x', 'Trên đây là báo cáo của Ban Thường trực.')).toBe('Trên đây là báo cáo của Ban Thường trực./.');
    expect(closingSentence('x', 'Kính báo cáo./.')).toBe('Kính báo cáo./.');
    expect(closingSentence('Kết quả', '   ')).toBe('Trên đây là báo cáo kết quả./.');
  });

  it('lists recipients with dashes, semicolons, a final full stop and the file copy', () => {
    expect(recipientLines(['- Thường trực Tỉnh ủy (để b/c);', 'Các xã, phường.'])).toEqual(['- Thường trực Tỉnh ủy (để b/c);', '- Các xã, phường;', '- Lưu: VT.']);
    expect(recipientLines(['Như trên', 'Lưu: VT, BTG'])).toEqual(['- Như trên;', '- Lưu: VT, BTG.']);
  });

  it('numbers parts in Roman numerals', () => {
    expect([1, 2, 3, 4, 5, 9, 10, 14, 19, 20, 39].map(roman)).toEqual(['I', 'II', 'III', 'IV', 'V', 'IX', 'X', 'XIV', 'XIX', 'XX', 'XXXIX']);
  });

  it('keeps Vietnamese letters precomposed and drops characters XML cannot hold', () => {
    // "Việt" typed with combining marks (NFD) comes out precomposed (NFC, TCVN 6909:2001).
    expect(cleanLine('Vie\u0302\u0323t Nam\u0001 \uD800 <b>')).toBe('Việt Nam <b>');
  });
});
