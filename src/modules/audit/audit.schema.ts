import { z } from 'zod';
import { IsoDateSchema } from '../units/units.schema';

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string().describe('When, ISO 8601 UTC'),
  actorId: z.number().int().nullable().describe('The user who acted; null for the system'),
  actorUsername: z.string().nullable().describe('Username, or "cli"/"seed"/"system"'),
  action: z.string().describe('What was done, e.g. "user.create"'),
  entityType: z.string().describe('Kind of thing changed'),
  entityId: z.string().nullable(),
  organizationId: z.number().int().nullable().describe('Organization the change belongs to'),
  before: z.unknown().nullable().describe('State before the change'),
  after: z.unknown().nullable().describe('State after the change'),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditQuery = z.object({
  actor: z.string().max(100).optional().describe('Only entries by this username'),
  action: z.string().max(100).optional().describe('Only actions starting with this, e.g. "user."'),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  from: IsoDateSchema.optional().describe('From this day (inclusive)'),
  to: IsoDateSchema.optional().describe('To this day (inclusive)'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const AuditListResponse = z.object({ items: z.array(AuditEntrySchema), total: z.number().int() });
