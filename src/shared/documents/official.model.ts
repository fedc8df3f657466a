// What every official document (văn bản hành chính) prints around its body: the issuing body and the rules it
// follows, the number and symbol, and the signature block (DOMAIN.md §4). Shared by the synthesis report and the
// reporting regime's reports; rendered by official.docx.ts.
import { z } from 'zod';

/**
 * Which presentation rules the issuing body follows (DOMAIN.md §4):
 * - `party`: Party bodies (Hướng dẫn 36-HD/VPTW): motto "ĐẢNG CỘNG SẢN VIỆT NAM", number "Số 215-BC/BTV", "*" under
 *   the issuer;
 * - `front`: the Fatherland Front and the socio-political organizations under it, and
 * - `state`: State bodies, both under Nghị định 30/2020/NĐ-CP: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" over
 *   "Độc lập - Tự do - Hạnh phúc", number "Số: 12/BC-MTTQ-BTT", a short rule under the issuer.
 */
export type IssuerSystem = 'party' | 'front' | 'state';

/** The body that issues the document, as printed in the header block. */
export interface ReportIssuer {
  /** Presentation rules to follow. */
  system: IssuerSystem;
  /** The superior body, upright caps ("ỦY BAN MTTQ VIỆT NAM\nTỈNH ĐỒNG NAI"); "\n" breaks lines; null when none. */
  superior: string | null;
  /** The issuing body itself, bold caps ("BAN THƯỜNG TRỰC"); "\n" breaks lines. */
  name: string;
}

/** Number and symbol (số và ký hiệu). */
export interface DocNumber {
  /** The registered number ("12"); null while unnumbered: a blank is left to fill in by hand. */
  number: string | null;
  /** The symbol after the number: "BC-MTTQ-BTT" (printed "Số: 12/BC-MTTQ-BTT") or, for Party bodies, "BC/BDVTU" ("Số 12-BC/BDVTU"). */
  symbol: string;
}

/** The signature block (bottom right). */
export interface ReportSignature {
  /** Signing on behalf of ("TM. BAN THƯỜNG TRỰC", "T/M BAN THƯỜNG VỤ", "KT. CHỦ TỊCH"); null when signing in one's own capacity. */
  capacity: string | null;
  /** The signer's title ("PHÓ CHỦ TỊCH"). */
  title: string;
  /** The signer's full name ("Nguyễn Thị Hương"). */
  name: string;
}

/** What the header and footer of an official document print, besides its type and title. */
export interface OfficialFrame {
  /** Issuing body (header block, left) and the presentation rules it follows. */
  issuer: ReportIssuer;
  /** Number and symbol, printed under the issuer. */
  number: DocNumber;
  /** Place name for the date line ("Đồng Nai"). */
  place: string;
  /** Date of issue, ISO "2026-11-30"; printed "ngày 30 tháng 11 năm 2026". */
  date: string;
  /** Nơi nhận, one recipient per entry, without the leading dash ("Ban Thường vụ Tỉnh ủy (để b/c)"); "Lưu: VT." is added when no entry starts with "Lưu". */
  recipients: string[];
  /** Who signs. */
  signature: ReportSignature;
}

/** Free text of a document (a paragraph, a section's text). */
export const docText = z.string().max(100_000);
/** One printed line (a name, a title, a label). */
export const docLine = z.string().min(1).max(2_000);

export const reportIssuerSchema = z.object({
  system: z.enum(['party', 'front', 'state']),
  superior: docLine.nullable(),
  name: docLine,
});

export const docNumberSchema = z.object({ number: z.string().max(20).nullable(), symbol: z.string().min(1).max(100) });

export const reportSignatureSchema = z.object({ capacity: docLine.nullable(), title: docLine, name: docLine });

/** The fields of OfficialFrame, to spread into a document model's schema. */
export const officialFrameShape = {
  issuer: reportIssuerSchema,
  number: docNumberSchema,
  place: docLine,
  date: z.iso.date(),
  recipients: z.array(docLine),
  signature: reportSignatureSchema,
};

/** What the person printing a document may set (query string of the download routes). */
export const OfficialFrameQuery = z.object({
  number: z.string().trim().max(20).optional().describe('Registered number; blank to fill in by hand'),
  symbol: z.string().trim().min(1).max(100).optional().describe('e.g. "BC-MTTQ-BTT" (default from the organization)'),
  place: z.string().trim().min(1).max(200).optional().describe('Place for the date line (default: the province)'),
  date: z.iso.date().optional().describe('Date of issue (default: today)'),
  signerName: z.string().trim().min(1).max(200).optional(),
  signerTitle: z.string().trim().min(1).max(200).optional(),
  signerCapacity: z.string().trim().max(200).optional(),
  recipients: z.string().trim().max(4000).optional().describe('Nơi nhận, one per line'),
});
export type OfficialFrameOptions = z.infer<typeof OfficialFrameQuery>;
