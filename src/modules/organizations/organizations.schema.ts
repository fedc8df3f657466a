import { z } from 'zod';
import { IsoDateSchema, UNIT_LEVELS } from '../units/units.schema';

/** Kinds of organization that sit at a unit. */
export const ORG_KINDS = [
  'party_committee',
  'standing_board',
  'mass_mobilization_board',
  'propaganda_board',
  'propaganda_mass_mobilization_board',
  'fatherland_front',
  'womens_union',
  'youth_union',
  'farmers_union',
  'veterans_association',
  'trade_union',
  'residential_board',
  'mass_association',
  'agency',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** The vertical system an organization reports up through. */
export const ORG_SYSTEMS = ['party', 'front', 'women', 'youth', 'farmers', 'veterans', 'labour', 'state', 'other'] as const;
export type OrgSystem = (typeof ORG_SYSTEMS)[number];

export const ORG_KIND_INFO: Record<OrgKind, { system: OrgSystem; vi: string; en: string }> = {
  party_committee: { system: 'party', vi: 'Cấp ủy', en: 'Party committee' },
  standing_board: { system: 'party', vi: 'Ban Thường vụ cấp ủy', en: 'Standing board' },
  mass_mobilization_board: { system: 'party', vi: 'Ban Dân vận', en: 'Mass-mobilization commission' },
  propaganda_board: { system: 'party', vi: 'Ban Tuyên giáo', en: 'Propaganda commission' },
  propaganda_mass_mobilization_board: { system: 'party', vi: 'Ban Tuyên giáo và Dân vận', en: 'Propaganda and mass-mobilization commission' },
  fatherland_front: { system: 'front', vi: 'Ủy ban MTTQ', en: 'Fatherland Front committee' },
  womens_union: { system: 'women', vi: 'Hội Liên hiệp Phụ nữ', en: "Women's union" },
  youth_union: { system: 'youth', vi: 'Đoàn TNCS Hồ Chí Minh', en: 'Youth union' },
  farmers_union: { system: 'farmers', vi: 'Hội Nông dân', en: "Farmers' union" },
  veterans_association: { system: 'veterans', vi: 'Hội Cựu chiến binh', en: "Veterans' association" },
  trade_union: { system: 'labour', vi: 'Công đoàn', en: 'Trade union' },
  residential_board: { system: 'front', vi: 'Ban Công tác Mặt trận khu dân cư', en: 'Residential-area Front board' },
  mass_association: { system: 'other', vi: 'Hội quần chúng', en: 'Mass association' },
  agency: { system: 'state', vi: 'Cơ quan, đơn vị trực thuộc', en: 'Agency under a committee' },
};

export const ReportingLineKind = z.enum(['system', 'same_level']).describe('system: to the superior in its own system; same_level: to the same-level Party committee or Front committee');

export const OrganizationSchema = z.object({
  id: z.number().int(),
  unitLevel: z.enum(UNIT_LEVELS).describe('Level of the unit it sits at'),
  unitCode: z.string().describe('Code of the unit it sits at'),
  unitName: z.string().nullable().describe('Full name of that unit (its latest version)'),
  kind: z.enum(ORG_KINDS),
  system: z.enum(ORG_SYSTEMS),
  name: z.string().describe('Official name, e.g. "Ủy ban MTTQ Việt Nam xã Long Thành"'),
  validFrom: z.string().nullable().describe('First day it exists; null: since before our records'),
  validTo: z.string().nullable().describe('Last day it exists; null: still exists'),
  successorId: z.number().int().nullable().describe('What took over its work when it ended'),
});
export type Organization = z.infer<typeof OrganizationSchema>;

export const OrganizationListQuery = z.object({
  q: z.string().max(200).optional().describe('Search in names, diacritics and case ignored'),
  unitLevel: z.enum(UNIT_LEVELS).optional(),
  unitCode: z.string().max(20).optional().describe('Only organizations at this unit'),
  kind: z.enum(ORG_KINDS).optional(),
  at: IsoDateSchema.optional().describe('Only organizations existing on this day (default: today); "all" history with includeEnded'),
  includeEnded: z.coerce.boolean().default(false).describe('Also organizations that no longer exist'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const OrganizationListResponse = z.object({ items: z.array(OrganizationSchema), total: z.number().int() });

export const OrganizationIdParams = z.object({ id: z.coerce.number().int().positive().describe('Organization id') });

export const ReportingLineSchema = z.object({
  id: z.number().int(),
  kind: ReportingLineKind,
  organization: OrganizationSchema.describe('The organization at the other end of the line'),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});

export const OrganizationDetailResponse = z.object({
  organization: OrganizationSchema,
  reportsTo: z.array(ReportingLineSchema).describe('Whom this organization reports to'),
  reportedBy: z.array(ReportingLineSchema).describe('Who reports to this organization'),
  successor: OrganizationSchema.nullable(),
  predecessors: z.array(OrganizationSchema).describe('Organizations whose work this one took over'),
});

export const CreateOrganizationBody = z.object({
  unitLevel: z.enum(UNIT_LEVELS),
  unitCode: z.string().min(1).max(20),
  kind: z.enum(ORG_KINDS),
  name: z.string().trim().min(2, 'Tên tổ chức quá ngắn').max(300, 'Tên tổ chức quá dài'),
  validFrom: IsoDateSchema.nullable().optional(),
  reportsTo: z
    .array(z.object({ organizationId: z.number().int().positive(), kind: ReportingLineKind }))
    .max(10)
    .default([])
    .describe('Reporting lines to create with it'),
});

export const UpdateOrganizationBody = z.object({
  name: z.string().trim().min(2, 'Tên tổ chức quá ngắn').max(300, 'Tên tổ chức quá dài').optional(),
});

export const CloseOrganizationBody = z.object({
  validTo: IsoDateSchema.describe('Last day it exists'),
  successorId: z.number().int().positive().nullable().optional().describe('What takes over its work'),
});

export const CreateReportingLineBody = z.object({
  toOrganizationId: z.number().int().positive(),
  kind: ReportingLineKind,
  validFrom: IsoDateSchema.nullable().optional(),
});

export const ApplyTemplateBody = z.object({
  unitLevel: z.enum(['central', 'province', 'commune']).describe('Unit level the template is for'),
  unitCode: z.string().min(1).max(20),
  validFrom: IsoDateSchema.nullable().optional(),
});
export const ApplyTemplateResponse = z.object({ created: z.array(OrganizationSchema), existing: z.number().int() });
