/** Removes Vietnamese diacritics (NFD, combining marks stripped, đ→d), keeping case and punctuation. */
export function removeDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/**
 * Folds Vietnamese text for matching: NFC→NFD, strips combining marks, đ→d, lower case, collapses spaces.
 * "Phường Ba Đình" and "phuong ba dinh" fold to the same key. Dependency-free: used by server and browser.
 */
export function foldVietnamese(text: string): string {
  return removeDiacritics(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Escapes LIKE/ILIKE wildcards in user input. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const VI_NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 6 });

/** A number as Vietnamese documents write it: "1.500", "12,5". */
export function formatNumberVi(n: number): string {
  return VI_NUMBER.format(n);
}

/**
 * A number typed the Vietnamese way: "." groups thousands, "," marks decimals ("1.500.000", "12,5", "1.234,5").
 * A lone "." followed by other than groups of three digits is read as a decimal point ("12.5"), so figures pasted
 * from English software still read. Spaces are ignored. Null when it is not a number.
 */
export function parseNumberVi(text: string): number | null {
  const s = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^\+/, '').replace(/^[−–]/, '-');
  let normalized: string;
  if (/^-?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(s)) normalized = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d+(?:,\d+)?$/.test(s)) normalized = s.replace(',', '.');
  else if (/^-?\d+\.\d+$/.test(s)) normalized = s;
  else return null;
  const n = Number(normalized);
  return Number.isFinite(n) ? n : null;
}
