// Rules of public sentiment: recording what people say under an organization, changing and deleting records, listing
// them, and the monthly sentiment report over an organization and what reports to it. The report's arithmetic is in
// sentiment.model.ts; this file loads, checks access, stores and audits — one transaction per command.
import type { z } from 'zod';
import type { Db } from '../../server/db';
import type { Ctx } from '../../server/context';
import { todayInVietnam } from '../../shared/dates';
import { AppError, forbidden, notFound } from '../../shared/errors';
import { insertAudit } from '../audit/audit.queries';
import { findOrganization } from '../organizations/organizations.queries';
import { rolesOnOrganization } from '../organizations/organizations.service';
import type { Role } from '../auth/auth.access';
import { can, type SentimentAction } from './sentiment.access';
import { monthRange, sentimentReport } from './sentiment.model';
import * as q from './sentiment.queries';
import { normalizeTopic, type SentimentRecord, type SentimentRecordInput, type SentimentRecordListQuery, type SentimentReport } from './sentiment.schema';

const actorId = (ctx: Ctx) => ctx.actor?.id ?? null;

/**
 * The organization and the actor's roles on it: 404 when the actor may not even read it (other units' records do
 * not reveal that they exist), 403 when it may read but not do `action`.
 */
async function authorize(db: Db, ctx: Ctx, organizationId: number, action: SentimentAction): Promise<{ name: string; roles: Role[] }> {
  const org = await findOrganization(db, organizationId);
  const roles = org ? await rolesOnOrganization(db, ctx, organizationId) : [];
  if (!org || !can(roles, 'read')) throw notFound('Không tìm thấy tổ chức.');
  if (!can(roles, action)) throw forbidden('Bạn không có quyền ghi nhận tình hình Nhân dân cho tổ chức này.');
  return { name: org.name, roles };
}

function checkDay(body: SentimentRecordInput): void {
  if (body.observedOn > todayInVietnam()) {
    throw new AppError(422, 'SENTIMENT_DATE_FUTURE', 'Ngày nắm tình hình không được sau hôm nay.', {
      issues: [{ path: 'observedOn', code: 'SENTIMENT_DATE_FUTURE', message: 'Ngày nắm tình hình không được sau hôm nay.' }],
    });
  }
}

const entity = (organizationId: number, id: number) => ({ entityType: 'sentiment_record', entityId: `${organizationId}/${id}`, organizationId });

export async function createRecord(db: Db, ctx: Ctx, organizationId: number, body: SentimentRecordInput): Promise<SentimentRecord> {
  checkDay(body);
  return db.transaction(async (tx) => {
    await authorize(tx, ctx, organizationId, 'record');
    const id = await q.insertRecord(tx, organizationId, body, actorId(ctx));
    const record = (await q.findRecord(tx, organizationId, id))!;
    await insertAudit(tx, ctx, { action: 'sentiment_record.create', ...entity(organizationId, id), after: record });
    return record;
  });
}

/** A record the actor may change: staff change any; a collaborator only what it recorded itself. */
async function changeableRecord(tx: Db, ctx: Ctx, organizationId: number, id: number): Promise<SentimentRecord> {
  const { roles } = await authorize(tx, ctx, organizationId, 'record');
  const record = await q.findRecord(tx, organizationId, id, true);
  if (!record) throw notFound('Không tìm thấy bản ghi tình hình Nhân dân.');
  if (!can(roles, 'manage') && record.createdBy !== actorId(ctx)) throw forbidden('Chỉ người ghi nhận hoặc cán bộ chuyên trách mới sửa, xóa được bản ghi này.');
  return record;
}

export async function updateRecord(db: Db, ctx: Ctx, organizationId: number, id: number, body: SentimentRecordInput): Promise<SentimentRecord> {
  checkDay(body);
  return db.transaction(async (tx) => {
    const before = await changeableRecord(tx, ctx, organizationId, id);
    await q.updateRecord(tx, organizationId, id, body);
    const after = (await q.findRecord(tx, organizationId, id))!;
    await insertAudit(tx, ctx, { action: 'sentiment_record.update', ...entity(organizationId, id), before, after });
    return after;
  });
}

export async function deleteRecord(db: Db, ctx: Ctx, organizationId: number, id: number): Promise<{ ok: true }> {
  return db.transaction(async (tx) => {
    const before = await changeableRecord(tx, ctx, organizationId, id);
    await q.deleteRecord(tx, organizationId, id);
    await insertAudit(tx, ctx, { action: 'sentiment_record.delete', ...entity(organizationId, id), before });
    return { ok: true as const };
  });
}

export async function listRecords(db: Db, ctx: Ctx, organizationId: number, query: z.infer<typeof SentimentRecordListQuery>) {
  await authorize(db, ctx, organizationId, 'read');
  const topic = query.topic === undefined ? undefined : normalizeTopic(query.topic);
  return q.listRecords(db, {
    organizationId,
    subtree: query.scope === 'subtree',
    month: query.month ? monthRange(query.month) : undefined,
    attitude: query.attitude,
    topic: topic || undefined,
    hot: query.hot,
    falseInformation: query.falseInformation,
    limit: query.limit,
    offset: query.offset,
  });
}

/** The sentiment report of a month over an organization's records and those of everything reporting to it. */
export async function getSentimentReport(db: Db, ctx: Ctx, organizationId: number, month: string): Promise<SentimentReport> {
  const { name } = await authorize(db, ctx, organizationId, 'read');
  const facts = await q.monthFacts(db, organizationId, monthRange(month));
  return sentimentReport({ month, organizationId, organizationName: name, computedAt: new Date().toISOString() }, facts);
}
