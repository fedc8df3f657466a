/**
 * Folds Vietnamese text for matching: NFC→NFD, strips combining marks, đ→d, lower case, collapses spaces.
 * "Phường Ba Đình" and "phuong ba dinh" fold to the same key. Dependency-free: used by server and browser.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Escapes LIKE/ILIKE wildcards in user input. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
