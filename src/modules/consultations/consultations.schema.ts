// Drafts, consultations, meetings and comments: the shapes the API accepts and returns, shared with the browser.
import { z } from 'zod';
import { foldVietnamese, formatNumberVi } from '../../shared/text';
import { IsoDateSchema } from '../units/units.schema';

/** How a comment reached us. The public portal is the only channel without an account. */
export const CHANNELS = ['portal', 'conference', 'written', 'letter', 'survey', 'sheet'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = {
  portal: 'Cổng góp ý trực tuyến',
  conference: 'Hội nghị, tọa đàm',
  written: 'Văn bản góp ý',
  letter: 'Thư, đơn',
  survey: 'Phiếu khảo sát',
  sheet: 'Bảng tổng hợp (tệp)',
};

/** Social strata the reports break counts down by. */
export const STRATA = ['cong_nhan', 'nong_dan', 'tri_thuc', 'doanh_nhan', 'phu_nu', 'thanh_nien', 'cuu_chien_binh', 'ton_giao', 'dan_toc_thieu_so', 'huu_tri', 'can_bo_dang_vien', 'khac'] as const;
export type Stratum = (typeof STRATA)[number];
export const STRATUM_LABELS: Record<Stratum, string> = {
  cong_nhan: 'Công nhân',
  nong_dan: 'Nông dân',
  tri_thuc: 'Trí thức',
  doanh_nhan: 'Doanh nhân',
  phu_nu: 'Phụ nữ',
  thanh_nien: 'Thanh niên',
  cuu_chien_binh: 'Cựu chiến binh',
  ton_giao: 'Chức sắc, tín đồ tôn giáo',
  dan_toc_thieu_so: 'Đồng bào dân tộc thiểu số',
  huu_tri: 'Cán bộ hưu trí',
  can_bo_dang_vien: 'Cán bộ, đảng viên',
  khac: 'Khác',
};
export const GENDERS = ['nam', 'nu', 'khac'] as const;
export const AGE_BANDS = ['duoi_30', '30_44', '45_59', 'tu_60'] as const;
export const MEETING_KINDS = ['conference', 'seminar', 'branch_meeting', 'online'] as const;
export const MEETING_KIND_LABELS: Record<(typeof MEETING_KINDS)[number], string> = {
  conference: 'Hội nghị',
  seminar: 'Tọa đàm',
  branch_meeting: 'Sinh hoạt chi hội',
  online: 'Hội nghị trực tuyến nhiều điểm cầu',
};
export const CONSULTATION_STATUSES = ['preparing', 'open', 'closed', 'synthesized'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

/** Longest comment accepted; longer submissions are refused, never cut. */
export const MAX_COMMENT_CHARS = 5000;
/** Largest draft file accepted through the API (base64 in JSON adds a third). */
export const MAX_DRAFT_FILE_BYTES = 20 * 1024 * 1024;

const Id = z.coerce.number().int().positive();
const shortText = (max: number) => z.string().trim().min(1).max(max);

/**
 * A comment's text as the citizen wrote it: control characters other than line breaks and tabs removed, and the
 * invisible direction overrides (U+202A–U+202E, U+2066–U+2069) that make text display otherwise than it reads; spaces
 * trimmed, HTML kept as plain text (it is escaped wherever it is shown).
 */
export const CommentText = z
  .string()
  .transform((s) =>
    s
      .normalize('NFC')
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B\u202A-\u202E\u2066-\u2069\uFEFF]/g, '')
      .replace(/\r\n?/g, '\n')
      .trim(),
  )
  .pipe(z.string().min(1, 'Nội dung góp ý không được để trống.').max(MAX_COMMENT_CHARS, `Nội dung góp ý dài quá ${formatNumberVi(MAX_COMMENT_CHARS)} ký tự.`))
  .describe(`The comment, 1–${MAX_COMMENT_CHARS} characters`);

// ---- Drafts ----------------------------------------------------------------------------------------------------

export const DraftSectionSchema = z.object({
  address: z.string().describe('Stable address in the draft, e.g. "II.3.b"; "0" is the text before the first heading'),
  parentAddress: z.string().nullable(),
  depth: z.number().int().describe('1 for top-level sections'),
  kind: z.string().describe('part, chapter, section, article, roman, arabic, letter or preamble'),
  number: z.string().nullable().describe('The number as written, without punctuation'),
  title: z.string(),
  body: z.string().describe('Text under the heading before its first sub-section'),
});
export type DraftSectionRow = z.infer<typeof DraftSectionSchema>;

export const DraftVersionSchema = z.object({
  id: z.number().int(),
  versionNo: z.number().int(),
  sourceName: z.string().nullable(),
  sourceFormat: z.enum(['docx', 'md', 'txt']),
  note: z.string(),
  createdAt: z.string(),
  sectionCount: z.number().int(),
});

export const DraftSchema = z.object({
  id: z.number().int(),
  organizationId: z.number().int(),
  title: z.string(),
  createdAt: z.string(),
  versions: z.array(DraftVersionSchema).describe('Oldest first'),
});
export type Draft = z.infer<typeof DraftSchema>;

export const DraftDetailSchema = DraftSchema.extend({
  version: DraftVersionSchema.describe('The version shown'),
  sections: z.array(DraftSectionSchema).describe('In document order'),
});

export const DraftFileFields = {
  fileName: z.string().trim().min(1).max(255).describe('Original file name; its extension (.docx, .md, .txt) gives the format'),
  contentBase64: z.string().min(1).max(Math.ceil((MAX_DRAFT_FILE_BYTES * 4) / 3) + 4).describe('The file, base64-encoded'),
};

export const CreateDraftBody = z.object({
  organizationId: Id.describe('Organization that owns the draft'),
  title: shortText(500).describe('Title of the draft document'),
  ...DraftFileFields,
});
export const CreateDraftVersionBody = z.object({ ...DraftFileFields, note: z.string().trim().max(2000).default('').describe('What changed') });
export const DraftIdParams = z.object({ id: Id });
export const DraftQuery = z.object({ version: z.coerce.number().int().positive().optional().describe('Version number (default: the latest)') });
export const DraftListQuery = z.object({ organizationId: Id.optional() });

// ---- Consultations ---------------------------------------------------------------------------------------------

export const ConsultationDraftSchema = z.object({
  draftId: z.number().int(),
  draftVersionId: z.number().int(),
  versionNo: z.number().int(),
  title: z.string(),
  position: z.number().int(),
});

export const ConsultationSchema = z.object({
  id: z.number().int(),
  organizationId: z.number().int(),
  organizationName: z.string(),
  title: z.string(),
  description: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  status: z.enum(CONSULTATION_STATUSES),
  publicPortal: z.boolean().describe('Whether citizens may comment on the public portal'),
  drafts: z.array(ConsultationDraftSchema),
  commentCount: z.number().int().describe('Comments the caller can see'),
});
export type Consultation = z.infer<typeof ConsultationSchema>;

export const CreateConsultationBody = z
  .object({
    organizationId: Id.describe('Organization opening it; those reporting to it take part'),
    title: shortText(500),
    description: z.string().trim().max(5000).default(''),
    opensOn: IsoDateSchema,
    closesOn: IsoDateSchema,
    draftIds: z.array(Id).min(1, 'Cần ít nhất một dự thảo.').max(20).describe('Drafts asked about, in order (their latest versions)'),
    publicPortal: z.boolean().default(true),
  })
  .refine((b) => b.closesOn >= b.opensOn, { message: 'Ngày kết thúc phải sau ngày bắt đầu.', path: ['closesOn'] });
export const ConsultationIdParams = z.object({ id: Id });
export const ConsultationListQuery = z.object({ status: z.enum(CONSULTATION_STATUSES).optional() });
export const ConsultationList = z.object({ items: z.array(ConsultationSchema) });

// ---- Meetings --------------------------------------------------------------------------------------------------

export const Participants = z.partialRecord(z.enum(STRATA), z.number().int().min(0).max(1_000_000)).describe('Participants by stratum');

export const MeetingSchema = z.object({
  id: z.number().int(),
  consultationId: z.number().int(),
  organizationId: z.number().int(),
  kind: z.enum(MEETING_KINDS),
  title: z.string(),
  heldOn: z.string(),
  place: z.string(),
  connectedPoints: z.number().int(),
  participants: Participants,
  participantTotal: z.number().int(),
  minutesFileName: z.string().nullable().describe('The minutes file attached, if any'),
  commentCount: z.number().int(),
});
export type Meeting = z.infer<typeof MeetingSchema>;

export const MeetingParams = z.object({ id: Id, meetingId: Id });
export const MAX_MINUTES_BYTES = 20 * 1024 * 1024;
export const MinutesBody = z.object({
  fileName: z.string().trim().min(1).max(255),
  contentBase64: z.string().min(1).describe('The minutes: PDF, PNG, JPEG or DOCX, at most 20 MB'),
});

export const CreateMeetingBody = z.object({
  organizationId: Id.describe('The participating organization that held it'),
  kind: z.enum(MEETING_KINDS),
  title: shortText(500),
  heldOn: IsoDateSchema,
  place: z.string().trim().max(500).default(''),
  connectedPoints: z.number().int().min(1).max(100_000).default(1).describe('Connected points of an online conference'),
  participants: Participants.default({}),
  participantTotal: z.number().int().min(0).max(10_000_000).optional().describe('Default: the sum by stratum'),
});

// ---- Comments --------------------------------------------------------------------------------------------------

export const CommentSchema = z.object({
  id: z.number().int(),
  consultationId: z.number().int(),
  draftId: z.number().int().nullable(),
  draftVersionId: z.number().int().nullable(),
  sectionAddress: z.string().nullable().describe('null: the draft (or consultation) as a whole'),
  body: z.string(),
  channel: z.enum(CHANNELS),
  organizationId: z.number().int(),
  organizationName: z.string(),
  unitCode: z.string().nullable(),
  stratum: z.string().nullable(),
  gender: z.string().nullable(),
  ageBand: z.string().nullable(),
  ethnicity: z.string().nullable(),
  religion: z.string().nullable(),
  authorName: z.string().nullable(),
  weight: z.number().int(),
  meetingId: z.number().int().nullable(),
  madeOn: z.string(),
  createdAt: z.string(),
});
export type Comment = z.infer<typeof CommentSchema>;

const Target = {
  draftId: Id.optional().describe('Draft commented on; absent: the consultation as a whole'),
  sectionAddress: z.string().trim().min(1).max(100).optional().describe('Section address; absent: the draft as a whole'),
};
const Profile = {
  stratum: z.enum(STRATA).optional(),
  gender: z.enum(GENDERS).optional(),
  ageBand: z.enum(AGE_BANDS).optional(),
  ethnicity: z.string().trim().min(1).max(100).optional(),
  religion: z.string().trim().min(1).max(100).optional(),
};

export const CreateCommentBody = z.object({
  ...Target,
  ...Profile,
  organizationId: Id.describe('The participating organization recording it'),
  body: CommentText,
  channel: z.enum(CHANNELS).exclude(['portal']),
  authorName: z.string().trim().min(1).max(200).optional(),
  weight: z.number().int().min(1).max(1_000_000).default(1).describe('People it stands for (a conference may record one opinion for many)'),
  meetingId: Id.optional().describe('The meeting it was made at (conference minutes)'),
  madeOn: IsoDateSchema.optional().describe('Day it was made (default: the meeting day, else today)'),
  idempotencyKey: z.string().trim().min(8).max(100).optional(),
});

export const CommentListQuery = z.object({
  organizationId: Id.optional(),
  draftId: Id.optional(),
  sectionAddress: z.string().optional(),
  channel: z.enum(CHANNELS).optional(),
  meetingId: Id.optional(),
  q: z.string().trim().max(200).optional().describe('Words in the text, with or without diacritics'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const CommentList = z.object({ items: z.array(CommentSchema), total: z.number().int() });

// ---- Public portal ---------------------------------------------------------------------------------------------

export const PUBLIC_PHASES = ['upcoming', 'open', 'ended'] as const;
export type PublicPhase = (typeof PUBLIC_PHASES)[number];

export const PublicConsultationSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  description: z.string(),
  organizationName: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  acceptingComments: z.boolean(),
  phase: z.enum(PUBLIC_PHASES).describe('upcoming: not open yet (no draft shown); open: taking comments; ended: closed, early or on time'),
  drafts: z.array(z.object({ draftId: z.number().int(), title: z.string(), versionNo: z.number().int(), sections: z.array(DraftSectionSchema) })).describe('Empty until the consultation opens'),
});

export const PublicConsultationList = z.object({
  items: z.array(PublicConsultationSchema.omit({ drafts: true })),
});

export const AltchaChallenge = z
  .object({
    parameters: z.record(z.string(), z.unknown()),
    signature: z.string().optional(),
  })
  .describe('An ALTCHA proof-of-work challenge (protocol v2, SHA-256)');

export const PublicCommentBody = z.object({
  ...Target,
  ...Profile,
  unitCode: z.string().trim().regex(/^\d{5}$/, 'Mã xã/phường gồm 5 chữ số.').optional().describe('Commune the commenter lives in'),
  body: CommentText,
  idempotencyKey: z.string().trim().min(8).max(100).describe('Client-made key: a retried submission is stored once'),
  altcha: z
    .object({ challenge: AltchaChallenge, solution: z.object({ counter: z.number().int(), derivedKey: z.string().max(256) }).loose() })
    .describe('The solved proof-of-work challenge from GET /public/challenge'),
});

/** Most communes one search returns. */
export const MAX_COMMUNE_MATCHES = 20;
export const PublicCommuneQuery = z.object({
  q: z
    .string()
    .trim()
    .max(100, 'Tên xã/phường cần tìm dài quá 100 ký tự.')
    .refine((v) => foldVietnamese(v).length >= 2, 'Nhập ít nhất 2 chữ cái hoặc chữ số của tên xã/phường cần tìm.')
    .describe('What the citizen typed, with or without diacritics: "phuong ba dinh", "Ba Đình", "ba dinh ha noi"; 2–100 characters'),
  limit: z.coerce.number().int().min(1).max(MAX_COMMUNE_MATCHES).default(MAX_COMMUNE_MATCHES),
});

export const PublicCommentReceipt = z.object({
  id: z.number().int().describe('Receipt number'),
  receivedAt: z.string(),
  duplicate: z.boolean().describe('true when this idempotency key was already stored: nothing new was stored'),
});

// ---- Dashboard -------------------------------------------------------------------------------------------------

const KeyCount = z.object({ key: z.string(), count: z.number().int().describe('People (comment weights summed)') });
export const StatsQuery = z.object({ organizationId: Id.optional().describe('Only this organization and what reports to it') });
export const ConsultationStats = z.object({
  totals: z.object({ comments: z.number().int(), people: z.number().int(), meetings: z.number().int(), participants: z.number().int() }),
  byChannel: z.array(KeyCount),
  byStratum: z.array(KeyCount),
  byDay: z.array(z.object({ day: z.string(), count: z.number().int() })),
  bySection: z.array(z.object({ draftId: z.number().int().nullable(), sectionAddress: z.string().nullable(), title: z.string(), count: z.number().int() })),
  byUnit: z.array(z.object({ organizationId: z.number().int(), name: z.string(), unitCode: z.string(), count: z.number().int() })),
  topGroups: z.array(z.object({ groupId: z.number().int(), representative: z.string(), summary: z.string().nullable(), count: z.number().int() })).describe('Largest groups of the synthesis, when built'),
});

// ---- Spreadsheet imports ---------------------------------------------------------------------------------------

export const IMPORT_MODES = ['check', 'valid_only', 'all_or_nothing'] as const;
export const ImportBody = z.object({
  organizationId: Id.describe('The participating organization the comments were collected by'),
  fileName: z.string().trim().min(1).max(255).describe('.xlsx or .csv'),
  contentBase64: z.string().min(1).max(Math.ceil((20 * 1024 * 1024 * 4) / 3) + 4),
  mode: z.enum(IMPORT_MODES).describe('check: report only; valid_only: import the valid rows; all_or_nothing: import only if every row is valid'),
  force: z.boolean().default(false).describe('Import even though the same file was imported before'),
});
export const ImportReport = z.object({
  importId: z.number().int().nullable(),
  fileName: z.string(),
  sha256: z.string(),
  rows: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  imported: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), reason: z.string() })).describe('At most 1,000'),
  previousImport: z.object({ id: z.number().int(), at: z.string(), fileName: z.string(), imported: z.number().int() }).nullable(),
});
