// Syntheses and their curation: the shapes the API accepts and returns, shared with the browser.
import { z } from 'zod';
import { OfficialFrameQuery } from '../../shared/documents/official.model';

/** States a stored synthesis goes through. */
export const SYNTHESIS_STATUSES = ['draft', 'approved', 'sent', 'returned'] as const;
export type SynthesisStatus = (typeof SYNTHESIS_STATUSES)[number];
/** What the API shows: a stored state, or 'not_built' for a participating organization that has not built one yet. */
export const SYNTHESIS_STATES = ['not_built', ...SYNTHESIS_STATUSES] as const;
export type SynthesisState = (typeof SYNTHESIS_STATES)[number];

const Id = z.coerce.number().int().positive();

export const CoverageSchema = z.object({
  expected: z.number().int().describe('Organizations reporting to this one in its own system'),
  received: z.number().int().describe('Of those, how many sent their synthesis and are merged in'),
  missing: z.array(z.object({ organizationId: z.number().int(), name: z.string() })).describe('Expected organizations whose synthesis is not in'),
  included: z.array(z.object({ organizationId: z.number().int(), name: z.string(), synthesisId: z.number().int(), comments: z.number().int() })),
  text: z.string().describe('e.g. "Tổng hợp từ 26/34 đơn vị"'),
});

export const PendingSchema = z
  .object({
    comments: z.number().int().describe('The organization’s own comments not yet in the synthesis (all of them before the first build)'),
    syntheses: z
      .array(z.object({ organizationId: z.number().int(), name: z.string(), synthesisId: z.number().int() }))
      .describe('Syntheses sent up to this organization and not yet merged in'),
  })
  .describe('What the next build would add');

export const GroupSchema = z.object({
  id: z.number().int(),
  draftId: z.number().int().nullable(),
  sectionAddress: z.string().nullable().describe('The section most of its members chose; null: the draft or consultation as a whole'),
  representative: z.string().describe('A member text that stands for the group'),
  summary: z.string().nullable().describe('The curator’s wording, e.g. "Có 125 ý kiến đề nghị …"'),
  minority: z.boolean().describe('A notable minority view, to be reported with its reasoning'),
  count: z.number().int().describe('Sum of the members’ weights (people)'),
  comments: z.number().int().describe('Number of member comments'),
  units: z.number().int().describe('Organizations its comments came from'),
});
export type SynthesisGroup = z.infer<typeof GroupSchema>;

export const SynthesisSchema = z.object({
  id: z.number().int().nullable().describe('null until the first build'),
  consultationId: z.number().int(),
  organizationId: z.number().int(),
  organizationName: z.string(),
  status: z.enum(SYNTHESIS_STATES).describe("'not_built': the organization takes part but nobody has built its synthesis yet (no groups; see pending)"),
  revision: z.number().int().describe('Send it back with each curation step (expectedRevision); 0 before the first build'),
  returnNote: z.string().nullable(),
  builtAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  totals: z.object({ comments: z.number().int(), people: z.number().int(), groups: z.number().int() }),
  coverage: CoverageSchema,
  pending: PendingSchema,
  canUndo: z.boolean(),
});
export type Synthesis = z.infer<typeof SynthesisSchema>;

export const SynthesisParams = z.object({ id: Id, organizationId: Id });
export const SynthesisGroupsQuery = z.object({
  draftId: Id.optional(),
  sectionAddress: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
export const SynthesisGroupList = z.object({ items: z.array(GroupSchema), total: z.number().int() });
export const GroupParams = SynthesisParams.extend({ groupId: Id });

export const GroupMemberSchema = z.object({
  commentId: z.number().int(),
  body: z.string(),
  weight: z.number().int(),
  channel: z.string(),
  organizationId: z.number().int(),
  organizationName: z.string(),
  unitCode: z.string().nullable(),
  stratum: z.string().nullable(),
  meetingId: z.number().int().nullable(),
  meetingTitle: z.string().nullable(),
  sectionAddress: z.string().nullable(),
  viaOrganizationName: z.string().nullable().describe('The unit whose synthesis brought it here; null: recorded here'),
});
export const GroupDetailSchema = GroupSchema.extend({
  members: z.array(GroupMemberSchema),
  strata: z.record(z.string(), z.number().int()),
  channels: z.record(z.string(), z.number().int()),
  byUnit: z.record(z.string(), z.number().int()),
});

const Step = { expectedRevision: z.number().int().min(0).describe('The revision the curator was looking at') };
export const CurationBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('merge'), ...Step, into: Id, groupIds: z.array(Id).min(1).max(500).describe('Groups merged into `into`') }),
  z.object({ kind: z.literal('split'), ...Step, groupId: Id, commentIds: z.array(Id).min(1).max(100_000).describe('Members taken out into a new group') }),
  z.object({ kind: z.literal('move'), ...Step, commentId: Id, toGroupId: Id }),
  z.object({
    kind: z.literal('summary'),
    ...Step,
    groupId: Id,
    summary: z.string().trim().max(5000).nullable(),
    minority: z.boolean().optional(),
  }),
  z.object({ kind: z.literal('undo'), ...Step }),
]);
export type CurationStep = z.infer<typeof CurationBody>;

export const ReturnBody = z.object({ note: z.string().trim().min(1, 'Cần ghi lý do trả lại.').max(2000) });
export const ChildParams = SynthesisParams.extend({ childOrganizationId: Id });

/** What the person issuing the report fills in; everything else comes from the synthesis. */
/** Options of the synthesis report's header, date, signature and recipients. */
export const ReportQuery = OfficialFrameQuery;
