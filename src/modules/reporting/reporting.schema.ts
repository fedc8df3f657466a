// The reporting regime: outlines with figures, report content, schedules, deadlines, reminders and submission
// states — the shapes the API accepts and returns, shared with the browser. The rules that span fields (unique
// keys, bounds, cascades) live in the pure modules beside this file and answer with Vietnamese messages.
import { z } from 'zod';
import { SentimentRefSchema, SentimentReportSchema } from '../sentiment/sentiment.schema';
import { IsoDateSchema, UNIT_LEVELS } from '../units/units.schema';

// ---- Outlines (đề cương) ---------------------------------------------------------------------------------------

export const FIGURE_TYPES = ['integer', 'decimal', 'percentage', 'boolean', 'text'] as const;
export type FigureType = (typeof FIGURE_TYPES)[number];
export const FIGURE_TYPE_LABELS: Record<FigureType, string> = {
  integer: 'Số nguyên',
  decimal: 'Số thập phân',
  percentage: 'Tỷ lệ (%)',
  boolean: 'Có/Không',
  text: 'Chữ (ngắn)',
};

export const ROLLUP_KINDS = ['sum', 'weighted_average', 'max', 'min', 'none'] as const;
export type RollupKind = (typeof ROLLUP_KINDS)[number];
export const ROLLUP_LABELS: Record<RollupKind, string> = {
  sum: 'Cộng tổng',
  weighted_average: 'Bình quân gia quyền',
  max: 'Lớn nhất',
  min: 'Nhỏ nhất',
  none: 'Không tổng hợp',
};

/** Longest value of a 'text' figure. */
export const MAX_FIGURE_TEXT_CHARS = 500;
/** Longest text of one section of a report. */
export const MAX_SECTION_TEXT_CHARS = 100_000;
/** Digits after the decimal point of a decimal or percentage figure when the outline does not say. */
export const DEFAULT_DECIMALS = 2;
/** Most digits after the decimal point a figure may have: values stay exact as scaled integers. */
export const MAX_DECIMALS = 6;

export const FigureKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,62}$/, 'Mã chỉ tiêu chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ cái.')
  .describe('Stable key of a figure, unique in the outline, e.g. "so_hoi_nghi"');

export const RollupRuleSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('sum') }),
    z.object({ kind: z.literal('weighted_average'), weightFigure: FigureKeySchema.describe('Key of the numeric figure that weighs each unit') }),
    z.object({ kind: z.literal('max') }),
    z.object({ kind: z.literal('min') }),
    z.object({ kind: z.literal('none') }),
  ])
  .describe("How the superior's figure is made from its subordinates': sum, average weighted by another figure, max, min, none");
export type RollupRule = z.infer<typeof RollupRuleSchema>;

export const FigureSchema = z.object({
  key: FigureKeySchema,
  label: z.string().trim().min(1).max(300).describe('What is asked, e.g. "Số cuộc hội nghị đã tổ chức"'),
  type: z.enum(FIGURE_TYPES).describe('integer, decimal, percentage (0–100), boolean (yes/no) or text (short)'),
  unit: z.string().trim().max(50).default('').describe('Unit of measure, e.g. "cuộc", "người", "%"'),
  min: z.number().finite().optional().describe('Smallest value accepted (numeric figures)'),
  max: z.number().finite().optional().describe('Largest value accepted (numeric figures)'),
  decimals: z.number().int().min(0).max(MAX_DECIMALS).optional().describe(`Digits after the decimal point (decimal and percentage; default ${DEFAULT_DECIMALS})`),
  required: z.boolean().default(false).describe('Whether a report cannot be submitted without it'),
  rollup: RollupRuleSchema,
});
export type Figure = z.infer<typeof FigureSchema>;

// Registered under an id: a recursive schema becomes one OpenAPI component (app.ts needs `transformObject:
// jsonSchemaTransformObject` beside `transform` for the component to be written out).
export const OutlineSectionSchema = z
  .object({
    address: z.string().trim().min(1).max(100).describe('Stable address in the outline, e.g. "II.3.b"'),
    number: z.string().max(20).nullable().default(null).describe('The number as written, e.g. "1.1"; null for an unnumbered preamble'),
    title: z.string().trim().max(1000).default(''),
    guidance: z.string().max(20_000).default('').describe('What the reporting unit should write here'),
    requiresText: z.boolean().default(false).describe('Whether a report cannot be submitted without text in this section'),
    figures: z.array(FigureSchema).max(500).default([]).describe('Figures asked in this section, in order'),
    get children(): z.ZodDefault<z.ZodArray<typeof OutlineSectionSchema>> {
      return z.array(OutlineSectionSchema).max(500).default([]).describe('Sub-sections, in order');
    },
  })
  .meta({ id: 'OutlineSection' });
/** One section of an outline; its sub-sections nest in `children`. */
export type OutlineSection = z.infer<typeof OutlineSectionSchema>;

export const OutlineSchema = z.object({
  title: z.string().trim().min(1).max(500).describe('Title of the outline, e.g. "Đề cương báo cáo tổng kết 10 năm …"'),
  guidance: z.string().max(20_000).default('').describe('Instructions before the first section'),
  sections: z.array(OutlineSectionSchema).max(500).describe('Top-level sections, in order'),
});
export type Outline = z.infer<typeof OutlineSchema>;

/** What `outlineFromText` recognizes; also the OpenAPI description of the pasted text. */
export const OUTLINE_TEXT_SYNTAX = `An outline pasted as text. Sections follow Vietnamese numbering ("I.", "1.", "1.1.", "a)"), as drafts do; other lines are the section's guidance, except figure lines, in either of two forms (a leading "-", "+", "*" or "•" is allowed):
(1) fill in the blank, as printed outlines ask for figures: "- Số cuộc hội nghị đã tổ chức: ……… cuộc" — a label, a colon, a run of dots ("...", "…") or underscores, then the unit. Type: percentage when the unit is "%" or the label starts with "Tỷ lệ"; integer when there is a unit or the label starts with "Số"/"Tổng số"; text otherwise. Options in square brackets may follow: "- Tỷ lệ đồng tình: …… % [bình quân theo Số người tham dự]". One figure a line: a line with several blanks stays guidance. A numbered heading written this way ("a) Số cuộc giám sát: …… cuộc") stays a section, titled by the label, holding that figure.
(2) in square brackets: "- [Số cuộc hội nghị: số nguyên, cuộc, tổng, bắt buộc, từ 0]" — the label, a colon, then options separated by commas (a comma between digits is a decimal comma) or semicolons, in any order.
Options: type "số nguyên" | "số thập phân" (or "số thực") | "tỷ lệ" (or "phần trăm", "%") | "có/không" | "chữ" (or "văn bản"); roll-up "tổng" (or "cộng") | "bình quân theo <label or key of another figure>" (or "trung bình theo") | "lớn nhất" (or "cao nhất") | "nhỏ nhất" (or "thấp nhất") | "không tổng hợp"; "bắt buộc"; bounds "từ 0 đến 100", "từ 0", "đến 100", "tối thiểu 0", "tối đa 100", ">= 0", "<= 100"; precision "2 chữ số thập phân"; key "mã so_hoi_nghi"; any other word is the unit of measure. Defaults: integer; roll-up "tổng" for integers and decimals, none otherwise; key from the label without diacritics.`;

export const OutlineFromTextBody = z.object({
  text: z.string().min(1).max(500_000).describe(OUTLINE_TEXT_SYNTAX),
  format: z.enum(['text', 'markdown']).default('text').describe('Plain text, or Markdown (headings, emphasis removed)'),
  title: z.string().trim().max(500).optional().describe('Title of the outline; default: the first line before the first section'),
});

// ---- Report content and issues ---------------------------------------------------------------------------------

export const FigureValueSchema = z.union([z.number(), z.boolean(), z.string().max(MAX_FIGURE_TEXT_CHARS * 2), z.null()]).describe('A number, true/false, a short text; null: not given');
export type FigureValue = z.infer<typeof FigureValueSchema>;

export const ReportContentSchema = z.object({
  figures: z.record(z.string().max(100), FigureValueSchema).default({}).describe('Values by figure key'),
  sections: z.record(z.string().max(100), z.string().max(MAX_SECTION_TEXT_CHARS)).default({}).describe('Text by section address'),
});
export type ReportContent = z.infer<typeof ReportContentSchema>;

export const ReportIssueSchema = z.object({
  path: z.string().describe('Where: "figures.so_hoi_nghi", "sections.II.3.b", "figures.ty_le.max" …'),
  code: z.string().describe('Stable code, e.g. FIGURE_ABOVE_MAX'),
  message: z.string().describe('What is wrong, in Vietnamese'),
});
export type ReportIssue = z.infer<typeof ReportIssueSchema>;

// ---- Schedules and deadlines -----------------------------------------------------------------------------------

export const DueDaySchema = z
  .object({
    day: z.number().int().min(1).max(31).describe('Day of the month; past the end of a short month, its last day'),
    rule: z.enum(['on', 'before']).default('on').describe('"on": vào ngày N (due day N); "before": trước ngày N (due day N−1)'),
  })
  .describe('The due day of each period');

export const PeriodicScheduleSchema = z.object({
  kind: z.literal('periodic'),
  frequency: z.enum(['monthly', 'quarterly', 'yearly']),
  due: DueDaySchema,
  dueMonth: z
    .enum(['last_month', 'next_month'])
    .default('last_month')
    .describe('Whether the due day is in the last month of the period ("vào ngày 15 hàng tháng") or in the month after it'),
  cutoffDay: z
    .number()
    .int()
    .min(1)
    .max(28)
    .default(1)
    .describe('First day of a reported period: 1 for calendar months; 15 for "từ ngày 15 tháng trước đến ngày 14 tháng này" (Nghị định 09/2019/NĐ-CP)'),
  from: IsoDateSchema.describe('First day of the first period named (e.g. 2024-12-01 for "từ tháng 12/2024")'),
  to: IsoDateSchema.describe('A day in the last period named'),
});

export const MilestoneWindowSchema = z.object({
  key: z.string().trim().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'Mã mốc chỉ gồm chữ thường không dấu, chữ số, "-" và "_".').describe('Period id, e.g. "dai-hoi-xa"'),
  label: z.string().trim().min(1).max(300).describe('e.g. "Báo cáo tình hình Nhân dân đối với Đại hội đảng bộ xã"'),
  start: IsoDateSchema.describe('First day of the window'),
  end: IsoDateSchema.describe('Last day of the window'),
  due: IsoDateSchema.optional().describe('Due date (default: the last day of the window)'),
});

export const MilestoneScheduleSchema = z.object({
  kind: z.literal('milestone'),
  windows: z.array(MilestoneWindowSchema).min(1).max(50).describe('Named windows, e.g. the five of a congress season'),
});

export const AdHocScheduleSchema = z.object({
  kind: z.literal('ad_hoc'),
  key: z.string().trim().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/).default('dot').describe('Period id'),
  label: z.string().trim().min(1).max(300),
  start: IsoDateSchema.optional().describe('First day reported on'),
  end: IsoDateSchema.optional().describe('Last day reported on'),
  due: IsoDateSchema,
});

export const ScheduleSchema = z
  .discriminatedUnion('kind', [PeriodicScheduleSchema, MilestoneScheduleSchema, AdHocScheduleSchema])
  .describe('When a campaign asks for reports: periodic, milestone windows, or once (ad hoc)');
export type Schedule = z.infer<typeof ScheduleSchema>;
export type PeriodicSchedule = z.infer<typeof PeriodicScheduleSchema>;

export const DeadlineLevelSchema = z.enum(UNIT_LEVELS);

export const LevelDeadlineSchema = z
  .discriminatedUnion('rule', [
    z.object({ level: DeadlineLevelSchema, rule: z.literal('due').describe("The period's due date") }),
    z.object({
      level: DeadlineLevelSchema,
      rule: z.literal('date'),
      dates: z.record(z.string(), IsoDateSchema).describe('An absolute date for each period id (one for an ad hoc campaign)'),
    }),
    z.object({
      level: DeadlineLevelSchema,
      rule: z.literal('offset'),
      days: z.number().int().min(0).max(90).describe('Calendar days before'),
      of: DeadlineLevelSchema.describe("The higher level whose deadline (once moved off days off) this one precedes"),
    }),
  ])
  .describe('The deadline of the units of one level');
export type LevelDeadline = z.infer<typeof LevelDeadlineSchema>;

export const DEADLINE_ADJUSTMENTS = ['none', 'previous_working_day', 'next_working_day'] as const;
/** How a deadline that falls on a day off is moved. */
export type DeadlineAdjustment = (typeof DEADLINE_ADJUSTMENTS)[number];

export const HolidayConfigSchema = z.object({
  extraDaysOff: z
    .array(z.object({ date: IsoDateSchema, name: z.string().trim().max(200).optional() }))
    .max(500)
    .default([])
    .describe('Days off the government announced beyond the statutory ones'),
  workingDays: z.array(IsoDateSchema).max(500).default([]).describe('Days declared working (make-up Saturdays)'),
});
/** What the government announced, on top of the statutory days (both lists optional). */
export type HolidayConfig = z.input<typeof HolidayConfigSchema>;

export const PeriodSchema = z.object({
  id: z.string().describe("'2026-03', '2026-Q1', '2026', a milestone key or an ad hoc key"),
  label: z.string().describe("'Tháng 3/2026', 'Quý I/2026', 'Năm 2026', or the milestone's label"),
  start: z.string().describe('First day reported on'),
  end: z.string().describe('Last day reported on'),
  due: z.string().describe("The campaign's due date for the period, before per-level deadlines"),
});
export type Period = z.infer<typeof PeriodSchema>;

export const ScheduleIssueSchema = ReportIssueSchema.extend({ severity: z.enum(['error', 'warning']).describe('Errors stop; warnings are shown with the result') });
export type ScheduleIssue = z.infer<typeof ScheduleIssueSchema>;

export const LevelDeadlineInForceSchema = z.object({
  level: DeadlineLevelSchema,
  nominal: z.string().describe('As the rule gives it'),
  inForce: z.string().describe('After moving off a weekend or holiday: the deadline that counts'),
  moved: z.string().nullable().describe('Why it moved, in Vietnamese; null when it did not'),
});
export type LevelDeadlineInForce = z.infer<typeof LevelDeadlineInForceSchema>;

export const PeriodDeadlinesSchema = PeriodSchema.extend({ deadlines: z.array(LevelDeadlineInForceSchema).describe('Top level first') });
export type PeriodDeadlines = z.infer<typeof PeriodDeadlinesSchema>;

export const DeadlinePolicySchema = z.object({
  levels: z.array(LevelDeadlineSchema).min(1).max(UNIT_LEVELS.length),
  adjust: z.enum(DEADLINE_ADJUSTMENTS).default('previous_working_day').describe('Where a deadline on a weekend or public holiday goes'),
  holidays: HolidayConfigSchema.default({ extraDaysOff: [], workingDays: [] }),
});
export type DeadlinePolicy = z.infer<typeof DeadlinePolicySchema>;

// ---- Roll-up ---------------------------------------------------------------------------------------------------

export const ROLLUP_MODES = ['accepted_only', 'all_received'] as const;
export type RollupMode = (typeof ROLLUP_MODES)[number];
export const ROLLUP_MODE_LABELS: Record<RollupMode, string> = {
  accepted_only: 'chỉ tính báo cáo đã tiếp nhận',
  all_received: 'tính mọi báo cáo đã gửi',
};

export const FigureRollupSchema = z.object({
  key: z.string(),
  value: z.union([z.number(), z.boolean(), z.null()]).describe("The rolled-up value; null when no unit contributed or the rule is 'none'"),
  contributed: z.number().int().describe('Units whose value entered the result'),
  missing: z.array(z.string()).describe('Names of counted units that gave no value (for a weighted average: no value or no weight)'),
});
export type FigureRollup = z.infer<typeof FigureRollupSchema>;

export const GatheredTextSchema = z.object({ unitId: z.string(), unitName: z.string(), text: z.string() });
export type GatheredText = z.infer<typeof GatheredTextSchema>;

export const CoverageSchema = z.object({
  mode: z.enum(ROLLUP_MODES).describe('What counted: accepted reports only, or every report received'),
  expected: z.number().int().describe('Units expected to report'),
  reported: z.number().int().describe('Expected units whose report is counted'),
  missing: z.array(z.string()).describe('Expected units from which nothing was received'),
  pending: z.array(z.string()).describe('Expected units whose report was received but not yet accepted (accepted_only)'),
  returned: z.array(z.string()).describe('Expected units whose report was returned for revision (never counted)'),
  extra: z.array(z.string()).describe('Units counted although not expected'),
  statement: z.string().describe('"23/25 đơn vị đã báo cáo (chỉ tính báo cáo đã tiếp nhận); chưa báo cáo: A, B."'),
});
export type Coverage = z.infer<typeof CoverageSchema>;

export const RollupResultSchema = z.object({
  content: ReportContentSchema.describe("The superior's content, pre-filled: rolled-up figures (null values left out) and gathered texts"),
  figures: z.array(FigureRollupSchema).describe('One per figure, in outline order'),
  sections: z.array(z.object({ address: z.string(), texts: z.array(GatheredTextSchema) })).describe('Sections with gathered text, in outline order'),
  coverage: CoverageSchema,
});
export type RollupResult = z.infer<typeof RollupResultSchema>;

// ---- Submissions -----------------------------------------------------------------------------------------------

export const SUBMISSION_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
export const SUBMISSION_STATUS_LABELS: Record<SubmissionStatus, string> = {
  draft: 'Đang soạn',
  submitted: 'Đã gửi',
  returned: 'Trả lại để sửa',
  accepted: 'Đã tiếp nhận',
};

export const WordDiffPartSchema = z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() });
export type WordDiffPart = z.infer<typeof WordDiffPartSchema>;

export const VersionComparisonSchema = z.object({
  figures: z.array(z.object({ key: z.string(), before: FigureValueSchema, after: FigureValueSchema })).describe('Figures whose value changed'),
  sections: z
    .array(
      z.object({
        address: z.string(),
        before: z.string(),
        after: z.string(),
        diff: z.array(WordDiffPartSchema).describe("Word by word, whitespace kept: 'same' + 'removed' give before, 'same' + 'added' give after"),
      }),
    )
    .describe('Sections whose text changed'),
});
export type VersionComparison = z.infer<typeof VersionComparisonSchema>;
export type FigureChange = VersionComparison['figures'][number];
export type SectionChange = VersionComparison['sections'][number];

export const ReasonSchema = z.string().trim().min(1, 'Cần ghi rõ lý do.').max(2000).describe('Why, in words the reporting unit can act on');

// ---- Reminders -------------------------------------------------------------------------------------------------

export const ReminderPolicySchema = z.object({
  daysBefore: z.array(z.number().int().min(0).max(60)).max(10).default([3, 1]).describe('Reminders this many days before the deadline'),
  at: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ có dạng HH:MM.')
    .default('08:00')
    .describe('Time of day (Vietnam) reminders go out'),
  overdue: z
    .object({
      firstAfterDays: z.number().int().min(1).max(60).default(1).describe('First overdue notice this many days after the deadline'),
      everyDays: z.number().int().min(1).max(60).default(3).describe('Then every this many days'),
      maxCount: z.number().int().min(0).max(20).default(3).describe('At most this many overdue notices'),
    })
    .nullable()
    .default({ firstAfterDays: 1, everyDays: 3, maxCount: 3 })
    .describe('Notices once the deadline has passed; null: none'),
});
export type ReminderPolicy = z.infer<typeof ReminderPolicySchema>;

// ---- API: outlines, campaigns, submissions, completeness ------------------------------------------------------

const Id = z.coerce.number().int().positive();

export const OutlineIdParams = z.object({ id: Id });
export const CreateOutlineBody = z.object({
  organizationId: z.number().int().positive().describe('The organization that owns the outline'),
  outline: OutlineSchema,
});
export const NewOutlineVersionBody = z.object({ outline: OutlineSchema });
export const ParseOutlineBody = OutlineFromTextBody;
export const OutlineListQuery = z.object({ organizationId: Id.optional() });
export const OutlineVersionQuery = z.object({ version: z.coerce.number().int().positive().optional() });

export const OutlineSummarySchema = z.object({
  id: z.number().int(),
  organizationId: z.number().int(),
  organizationName: z.string(),
  title: z.string(),
  latestVersion: z.number().int(),
  createdAt: z.string(),
});
export type OutlineSummary = z.infer<typeof OutlineSummarySchema>;
export const OutlineDetailSchema = OutlineSummarySchema.extend({
  version: z.number().int().describe('The version shown'),
  versionId: z.number().int(),
  content: OutlineSchema,
  versions: z.array(z.object({ version: z.number().int(), createdAt: z.string() })),
});
export type OutlineDetail = z.infer<typeof OutlineDetailSchema>;
export const ParsedOutlineSchema = z.object({ outline: OutlineSchema, issues: z.array(ReportIssueSchema) });

export const AssigneeRuleSchema = z.object({
  levels: z.array(DeadlineLevelSchema).min(1).describe('Levels of the organizations that report'),
  kinds: z.array(z.string().max(40)).max(20).default([]).describe('Organization kinds (empty: any)'),
  systems: z.array(z.string().max(40)).max(20).default([]).describe('Systems (empty: the campaign organization’s own system)'),
});
export type AssigneeRule = z.infer<typeof AssigneeRuleSchema>;

export const CreateCampaignBody = z.object({
  organizationId: z.number().int().positive().describe('Who asks for the reports (the top recipient)'),
  title: z.string().trim().min(1).max(500),
  outlineId: z.number().int().positive(),
  outlineVersion: z.number().int().positive().optional().describe('Default: the latest version'),
  schedule: ScheduleSchema,
  deadlines: DeadlinePolicySchema,
  reminders: ReminderPolicySchema.default({ daysBefore: [3, 1], at: '08:00', overdue: { firstAfterDays: 1, everyDays: 3, maxCount: 3 } }),
  assignees: AssigneeRuleSchema,
});
export const CampaignIdParams = z.object({ id: Id });
export const CampaignListQuery = z.object({ organizationId: Id.optional() });

export const CampaignPeriodSchema = PeriodDeadlinesSchema.extend({ closed: z.boolean() });
export const CampaignSchema = z.object({
  id: z.number().int(),
  organizationId: z.number().int(),
  organizationName: z.string(),
  title: z.string(),
  status: z.enum(['active', 'closed']),
  outlineId: z.number().int(),
  outlineVersion: z.number().int(),
  schedule: ScheduleSchema,
  deadlines: DeadlinePolicySchema,
  reminders: ReminderPolicySchema,
  assignees: AssigneeRuleSchema,
  assigneeCount: z.number().int(),
  createdAt: z.string(),
});
export type Campaign = z.infer<typeof CampaignSchema>;
export const CampaignDetailSchema = CampaignSchema.extend({
  periods: z.array(CampaignPeriodSchema),
  warnings: z.array(ScheduleIssueSchema),
  outline: OutlineSchema,
  /** The caller's organizations in this campaign: those that report, and those that receive. */
  mine: z.object({
    reporting: z.array(z.object({ organizationId: z.number().int(), organizationName: z.string(), recipientId: z.number().int() })),
    receiving: z.array(z.object({ organizationId: z.number().int(), organizationName: z.string() })),
  }),
});
export type CampaignDetail = z.infer<typeof CampaignDetailSchema>;

export const ExtendDeadlinesBody = z.object({
  deadlines: z
    .array(z.object({ level: DeadlineLevelSchema, inForce: IsoDateSchema.describe('The new deadline') }))
    .min(1)
    .max(UNIT_LEVELS.length),
  reason: ReasonSchema,
});

export const SubmissionParams = z.object({ id: Id, period: z.string().min(1).max(60), org: Id });
export const PeriodParams = z.object({ id: Id, period: z.string().min(1).max(60) });

const SynthesisRef = z
  .object({ consultationId: z.number().int().positive() })
  .nullable()
  .optional()
  .describe("Send the unit's synthesis of this consultation with the report (null: no longer)");

export const SaveSubmissionBody = z.object({
  content: ReportContentSchema,
  synthesis: SynthesisRef,
  sentiment: SentimentRefSchema,
  expectedRevision: z.number().int().min(0).optional().describe('The revision the edit was made on; a stale one gets 409'),
});
export const SubmitBody = z.object({ content: ReportContentSchema.optional(), synthesis: SynthesisRef, sentiment: SentimentRefSchema, expectedRevision: z.number().int().min(0).optional() });
export const ReasonBody = z.object({ reason: ReasonSchema });

export const SUBMISSION_ACTIONS = ['edit', 'submit', 'return', 'accept', 'unlock'] as const;
export const SubmissionEventSchema = z.object({
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  version: z.number().int().nullable(),
  reason: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export const AttachmentSchema = z.object({ id: z.number().int(), fileName: z.string(), mediaType: z.string(), sizeBytes: z.number().int(), createdAt: z.string() });
export const SubmissionSchema = z.object({
  campaignId: z.number().int(),
  periodKey: z.string(),
  periodLabel: z.string(),
  organizationId: z.number().int(),
  organizationName: z.string(),
  recipientId: z.number().int(),
  recipientName: z.string(),
  status: z.enum([...SUBMISSION_STATUSES, 'none']).describe("'none': not started"),
  content: ReportContentSchema,
  version: z.number().int(),
  revision: z.number().int(),
  reason: z.string().nullable(),
  deadline: z.string().describe('Deadline in force for this unit now'),
  deadlineAtSubmission: z.string().nullable(),
  timeliness: z.enum(['on_time', 'late']).nullable(),
  daysLate: z.number().int().nullable(),
  firstSubmittedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  periodClosed: z.boolean(),
  actions: z.array(z.enum(SUBMISSION_ACTIONS)).describe('What the caller may do now'),
  versions: z.array(z.object({ version: z.number().int(), submittedAt: z.string(), submittedBy: z.string().nullable() })),
  events: z.array(SubmissionEventSchema),
  attachments: z.array(AttachmentSchema),
  synthesis: z
    .object({ consultationId: z.number().int(), status: z.string(), coverage: z.string(), comments: z.number().int(), groups: z.number().int() })
    .nullable()
    .describe("The unit's synthesis of a consultation sent with the report"),
  sentiment: SentimentReportSchema.nullable().describe("The unit's monthly sentiment report sent with the report, as computed at the last save or submission"),
  outline: OutlineSchema,
});
export type Submission = z.infer<typeof SubmissionSchema>;
export const CompareQuery = z.object({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() });
export const VersionParams = SubmissionParams.extend({ version: z.coerce.number().int().positive() });
export const AttachmentParams = SubmissionParams.extend({ attachmentId: Id });
export const AttachmentBody = z.object({
  fileName: z.string().trim().min(1).max(255),
  contentBase64: z.string().min(1).describe('The scanned signed copy: PDF, PNG or JPEG, at most 10 MB'),
});
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const RollupQuery = z.object({ organizationId: Id, mode: z.enum(ROLLUP_MODES).default('accepted_only') });
export const RollupResponseSchema = RollupResultSchema.extend({
  organizationId: z.number().int(),
  organizationName: z.string(),
  periodLabel: z.string(),
  outline: OutlineSchema,
  sentiment: SentimentReportSchema.nullable().describe('The sentiment reports the counted units sent, summed; null when none sent one'),
});

export const CELL_STATUSES = ['not_due', 'missing', 'draft', 'submitted', 'returned', 'accepted'] as const;
export type CellStatus = (typeof CELL_STATUSES)[number];
export const CompletenessQuery = z.object({
  organizationId: Id.optional().describe('Whose subordinates (default: the campaign organization) — drill-down'),
  period: z.string().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
  offset: z.coerce.number().int().min(0).default(0),
});
export const PeriodCountsSchema = z.object({
  periodKey: z.string(),
  label: z.string(),
  deadline: z.string().nullable(),
  expected: z.number().int(),
  submitted: z.number().int().describe('Received (submitted or accepted), first submission counted'),
  onTime: z.number().int(),
  late: z.number().int(),
  missing: z.number().int().describe('Deadline passed, nothing received'),
  notDue: z.number().int(),
  returned: z.number().int(),
  accepted: z.number().int(),
});
export const CompletenessSchema = z.object({
  organizationId: z.number().int(),
  organizationName: z.string(),
  today: z.string(),
  periods: z.array(PeriodCountsSchema),
  /** Direct consolidation children: one row each with its whole subtree's counts for the chosen period. */
  children: z.array(z.object({ organizationId: z.number().int(), organizationName: z.string(), reportsItself: z.boolean(), counts: PeriodCountsSchema })),
  matrix: z.object({
    total: z.number().int(),
    rows: z.array(
      z.object({
        organizationId: z.number().int(),
        organizationName: z.string(),
        unitCode: z.string(),
        cells: z.array(z.object({ status: z.enum(CELL_STATUSES), timeliness: z.enum(['on_time', 'late']).nullable(), daysLate: z.number().int().nullable() })),
      }),
    ),
  }),
});
export type Completeness = z.infer<typeof CompletenessSchema>;

export const NotificationSchema = z.object({ id: z.number().int(), kind: z.string(), title: z.string(), body: z.string(), link: z.string().nullable(), createdAt: z.string(), readAt: z.string().nullable() });
export const NotificationIdParams = z.object({ id: Id });
