// Public sentiment (tình hình Nhân dân): what people think and say, recorded by the units that heard it, and the
// monthly sentiment report drafted from the records — the shapes the API accepts and returns, shared with the browser.
import { z } from 'zod';
import { STRATA } from '../consultations/consultations.schema';
import { IsoDateSchema } from '../units/units.schema';

/** Where a unit learned what people think (DOMAIN.md §3.2). */
export const SENTIMENT_SOURCES = ['collaborator', 'meeting', 'conference', 'media', 'cyberspace', 'direct'] as const;
export type SentimentSource = (typeof SENTIMENT_SOURCES)[number];
export const SENTIMENT_SOURCE_LABELS: Record<SentimentSource, string> = {
  collaborator: 'Mạng lưới cộng tác viên dư luận xã hội',
  meeting: 'Họp, sinh hoạt ở cơ sở',
  conference: 'Hội nghị',
  media: 'Báo chí, truyền thông',
  cyberspace: 'Không gian mạng',
  direct: 'Tiếp xúc trực tiếp',
};

/** How people feel about what they talk about. */
export const ATTITUDES = ['dong_tinh', 'ban_khoan', 'buc_xuc', 'phan_doi'] as const;
export type Attitude = (typeof ATTITUDES)[number];
export const ATTITUDE_LABELS: Record<Attitude, string> = {
  dong_tinh: 'Đồng tình',
  ban_khoan: 'Băn khoăn',
  buc_xuc: 'Bức xúc',
  phan_doi: 'Phản đối',
};

/** Longest text of what people say, and of the quotes. */
export const MAX_SENTIMENT_TEXT_CHARS = 5000;
/** Most topics on one record. */
export const MAX_TOPICS = 20;

/**
 * A topic as stored and counted: NFC, lower case, single spaces, without a leading "#", so that "Đất đai", " đất  đai"
 * and "#đất đai" are one topic.
 */
export function normalizeTopic(s: string): string {
  return s
    .normalize('NFC')
    .replace(/^[#\s]+/u, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLocaleLowerCase('vi');
}

const text = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B\uFEFF]/g, '').replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().max(max, `Tối đa ${max.toLocaleString('vi-VN')} ký tự.`));

export const MonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Tháng phải có dạng YYYY-MM, vd. 2026-03.')
  .describe('A calendar month, YYYY-MM');

export const TopicsSchema = z
  .array(z.string().max(100, 'Mỗi chủ đề tối đa 100 ký tự.'), { error: 'Chủ đề là một danh sách.' })
  .max(MAX_TOPICS, `Tối đa ${MAX_TOPICS} chủ đề.`)
  .transform((list) => [...new Set(list.map(normalizeTopic).filter((t) => t !== ''))])
  .pipe(z.array(z.string()).min(1, 'Cần ít nhất một chủ đề (vd. "đất đai", "nhân sự đại hội").'))
  .describe('Free tags, e.g. ["đất đai", "nhân sự đại hội"]; stored normalized (lower case, single spaces)');

export const SentimentRecordBody = z.object({
  observedOn: IsoDateSchema.describe('Day the opinion was heard'),
  place: text(300).default('').describe('Where: residential area, market, meeting …'),
  source: z.enum(SENTIMENT_SOURCES, { error: 'Nguồn nắm tình hình không hợp lệ.' }).describe('collaborator network, meeting, conference, media, cyberspace, direct contact'),
  strata: z
    .array(z.enum(STRATA, { error: 'Tầng lớp Nhân dân không hợp lệ.' }))
    .max(STRATA.length)
    .default([])
    .transform((list) => [...new Set(list)])
    .describe('Social strata of the people concerned (consultation strata codes)'),
  topics: TopicsSchema,
  attitude: z.enum(ATTITUDES, { error: 'Thái độ phải là đồng tình, băn khoăn, bức xúc hoặc phản đối.' }),
  content: text(MAX_SENTIMENT_TEXT_CHARS).pipe(z.string().min(1, 'Cần ghi nội dung ý kiến, dư luận.')).describe('What people think and say'),
  quotes: text(MAX_SENTIMENT_TEXT_CHARS).default('').describe('Representative words, as said'),
  peopleCount: z
    .number({ error: 'Số người phải là một số.' })
    .int('Số người phải là số nguyên.')
    .min(1, 'Số người ít nhất là 1.')
    .max(10_000_000, 'Số người quá lớn.')
    .default(1)
    .describe('How many people hold it'),
  hotIssue: z.boolean().default(false).describe('A hot issue or grievance (vấn đề nổi cộm, bức xúc) that needs follow-up'),
  falseInformation: z.boolean().default(false).describe('False information circulating online (thông tin sai trái) that needs a response'),
});
export type SentimentRecordInput = z.infer<typeof SentimentRecordBody>;

export const SentimentRecordSchema = z.object({
  id: z.number().int(),
  organizationId: z.number().int(),
  organizationName: z.string(),
  observedOn: z.string(),
  place: z.string(),
  source: z.enum(SENTIMENT_SOURCES),
  strata: z.array(z.string()),
  topics: z.array(z.string()),
  attitude: z.enum(ATTITUDES),
  content: z.string(),
  quotes: z.string(),
  peopleCount: z.number().int(),
  hotIssue: z.boolean(),
  falseInformation: z.boolean(),
  createdBy: z.number().int().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SentimentRecord = z.infer<typeof SentimentRecordSchema>;

const Id = z.coerce.number().int().positive();
const Flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const OrganizationParams = z.object({ id: Id });
export const RecordParams = z.object({ id: Id, recordId: Id });
export const SentimentRecordListQuery = z.object({
  month: MonthSchema.optional().describe('Only records of this month'),
  attitude: z.enum(ATTITUDES).optional(),
  topic: z.string().max(100).optional().describe('Only records with this topic (compared normalized)'),
  hot: Flag.optional().describe('true: only hot issues; false: only the others'),
  falseInformation: Flag.optional().describe('true: only false information; false: only the others'),
  scope: z.enum(['own', 'subtree']).default('own').describe("own: this organization's records; subtree: also those of what reports to it"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const SentimentRecordList = z.object({ items: z.array(SentimentRecordSchema), total: z.number().int() });
export const SentimentReportQuery = z.object({ month: MonthSchema });

// ---- The monthly sentiment report ------------------------------------------------------------------------------

export const SentimentCountSchema = z.object({
  key: z.string().describe('Attitude, topic, stratum or source code'),
  records: z.number().int().describe('Records'),
  people: z.number().int().describe('People they stand for'),
});
export type SentimentCount = z.infer<typeof SentimentCountSchema>;

export const SentimentItemSchema = z.object({
  organizationName: z.string().describe('The unit that recorded it'),
  observedOn: z.string(),
  place: z.string(),
  attitude: z.enum(ATTITUDES),
  topics: z.array(z.string()),
  content: z.string(),
  quotes: z.string(),
  peopleCount: z.number().int(),
});
export type SentimentItem = z.infer<typeof SentimentItemSchema>;

export const SentimentReportSchema = z
  .object({
    month: MonthSchema,
    organizationId: z.number().int(),
    organizationName: z.string(),
    computedAt: z.string().describe('When the figures were computed (a snapshot keeps its own)'),
    totals: z.object({
      records: z.number().int(),
      people: z.number().int(),
      hotIssues: z.number().int(),
      falseInformation: z.number().int(),
      units: z.number().int().describe('Units whose records are counted'),
    }),
    byAttitude: z.array(SentimentCountSchema).describe('Every attitude, in its fixed order'),
    byTopic: z.array(SentimentCountSchema).describe('Most records first'),
    byStratum: z.array(SentimentCountSchema).describe('A record may concern several strata'),
    bySource: z.array(SentimentCountSchema),
    byArea: z
      .array(z.object({ organizationId: z.number().int(), organizationName: z.string(), records: z.number().int(), people: z.number().int() }))
      .describe('The organization itself and each unit directly under it, with what reports to that unit'),
    notable: z.array(SentimentItemSchema).describe('Representative quotes, most people first'),
    hotIssues: z.array(SentimentItemSchema).describe('Hot issues and grievances, most people first'),
    falseInformation: z.array(SentimentItemSchema).describe('False information circulating, most people first'),
  })
  .describe('The monthly sentiment report: counts and the opinions to read');
export type SentimentReport = z.infer<typeof SentimentReportSchema>;

export const SentimentRefSchema = z
  .object({ month: MonthSchema })
  .nullable()
  .optional()
  .describe("Send the unit's sentiment report of this month with the report, as computed when saved or submitted (null: no longer)");
