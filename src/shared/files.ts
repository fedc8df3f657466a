// What an uploaded document is, from its first bytes (never from the name or type the browser sent).

export type DocumentType = 'application/pdf' | 'image/png' | 'image/jpeg' | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** PDF, PNG, JPEG or (when `docx`) a Word document (a zip whose first entry is [Content_Types].xml or word/…). */
export function detectDocumentType(data: Buffer, options: { docx?: boolean } = {}): DocumentType | null {
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (options.docx && data.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    const nameLength = data.readUInt16LE(26);
    const first = data.subarray(30, 30 + nameLength).toString('latin1');
    if (first === '[Content_Types].xml' || first.startsWith('word/') || first.startsWith('_rels/') || first.startsWith('docProps/')) return DOCX_TYPE;
  }
  return null;
}
