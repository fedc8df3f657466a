// A file sent to the browser as a download: its type and a name that survives Vietnamese letters (RFC 6266/5987).
import type { FastifyReply } from 'fastify';
import { DOCX_TYPE } from '../shared/files';

export { DOCX_TYPE };
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function sendDownload(reply: FastifyReply, file: { fileName: string; mediaType: string; data: Buffer | Uint8Array }) {
  const ascii = file.fileName.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '_') || 'tep';
  return reply
    .header('content-type', file.mediaType)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .send(file.data as unknown as string);
}
