import { z } from 'zod';

/** Administrative levels, top to bottom. The district level ended on 1 July 2025 but its history stays. */
export const UNIT_LEVELS = ['central', 'province', 'district', 'commune', 'residential_area'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'Ngày không tồn tại')
  .describe('A calendar day, YYYY-MM-DD');

export const UnitSchema = z.object({
  id: z.number().int().describe('Row id of this version of the unit'),
  code: z.string().describe('Official code: 2 digits for a province, 3 for a district, 5 for a commune'),
  level: z.enum(UNIT_LEVELS).describe('Administrative level'),
  type: z.string().describe('Kind of unit as written before its name: Tỉnh, Thành phố, Xã, Phường, Đặc khu …'),
  name: z.string().describe('Name without the type, e.g. "Đồng Nai"'),
  fullName: z.string().describe('Name with the type, e.g. "Tỉnh Đồng Nai"'),
  parentLevel: z.enum(UNIT_LEVELS).nullable().describe('Level of the parent unit'),
  parentCode: z.string().nullable().describe('Code of the parent unit'),
  validFrom: z.string().nullable().describe('First day in force; null: since before our records'),
  validTo: z.string().nullable().describe('Last day in force; null: still in force'),
});
export type Unit = z.infer<typeof UnitSchema>;

export const UnitListQuery = z.object({
  q: z.string().max(200).optional().describe('Search text; diacritics and case are ignored ("dong nai" finds "Đồng Nai")'),
  level: z.enum(UNIT_LEVELS).optional().describe('Only units of this level'),
  parentLevel: z.enum(UNIT_LEVELS).optional().describe('With parentCode: only children of this unit'),
  parentCode: z.string().max(20).optional().describe('With parentLevel: only children of this unit'),
  at: IsoDateSchema.optional().describe('Units in force on this day (default: today)'),
  limit: z.coerce.number().int().min(1).max(500).default(50).describe('Maximum rows'),
  offset: z.coerce.number().int().min(0).default(0).describe('Rows to skip'),
});

export const UnitListResponse = z.object({
  items: z.array(UnitSchema.extend({ childCount: z.number().int().describe('Children in force on the same day') })),
  total: z.number().int().describe('Rows matching, before limit'),
});

export const UnitParams = z.object({
  level: z.enum(UNIT_LEVELS).describe('Administrative level'),
  code: z.string().max(20).describe('Official code'),
});

export const UnitDetailResponse = z.object({
  unit: UnitSchema,
  ancestors: z.array(UnitSchema).describe('From the top (centre) down to the parent'),
  versions: z.array(UnitSchema).describe('Every stored version of this code at this level'),
  predecessors: z.array(z.object({ level: z.enum(UNIT_LEVELS), code: z.string(), kind: z.enum(['full', 'partial']), effectiveOn: z.string(), fullName: z.string().nullable() })),
  successors: z.array(z.object({ level: z.enum(UNIT_LEVELS), code: z.string(), kind: z.enum(['full', 'partial']), effectiveOn: z.string(), fullName: z.string().nullable() })),
});

export const CommuneMatchSchema = z.object({
  code: z.string().describe('Official 5-digit commune code'),
  name: z.string().describe('Name without the type, e.g. "Ba Đình"'),
  fullName: z.string().describe('Name with the type, e.g. "Phường Ba Đình"'),
  path: z.array(z.string()).describe('The units above it, nearest first, to tell namesakes apart: ["Thành phố Hà Nội"] (a district first, before 1 July 2025)'),
});
export type CommuneMatch = z.infer<typeof CommuneMatchSchema>;

export const CommuneSearchResult = z.object({
  items: z.array(CommuneMatchSchema).describe('Best matches first'),
  approximate: z.boolean().describe('No name holds every word typed: these are the closest spellings (typos)'),
});
export type CommuneSearchResult = z.infer<typeof CommuneSearchResult>;

export const UnitStatsQuery = z.object({ at: IsoDateSchema.optional().describe('Day to count at (default: today)') });
export const UnitStatsResponse = z
  .object({ province: z.number().int().optional(), district: z.number().int().optional(), commune: z.number().int().optional() })
  .describe('Units in force on the day, by level; levels with none are left out');

export const UnitImportReport = z.object({
  shape: z.enum(['two-level-2025', 'three-level-pre2025', 'merges-2025']).describe('Which file shape was recognized'),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  added: z.number().int(),
  changed: z.number().int(),
  closed: z.number().int(),
  unchanged: z.number().int(),
  successions: z.number().int().describe('Old→new links added'),
});
export type UnitImportReport = z.infer<typeof UnitImportReport>;
