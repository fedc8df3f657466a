// Rules of the reporting regime: outlines, campaigns (periods, deadlines, assignees and whom they report to),
// submissions through their states with every version kept, roll-up, completeness, reminders. The decisions are in
// the pure modules beside this file; this one loads, checks access, stores, audits — one transaction per command.
import crypto from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../server/db';
import type { Ctx } from '../../server/context';
import type { Mailer } from '../../server/mail';
import { todayInVietnam, type IsoDate } from '../../shared/dates';
import { AppError, conflict, forbidden, notFound } from '../../shared/errors';
import { detectDocumentType } from '../../shared/files';
import { insertAudit } from '../audit/audit.queries';
import { readableOrganizationIds, rolesOnOrganization } from '../organizations/organizations.service';
import { findOrganization } from '../organizations/organizations.queries';
import { getSynthesis, requireBuiltSynthesis } from '../synthesis/synthesis.service';
import { mergeSentimentReports } from '../sentiment/sentiment.model';
import { getSentimentReport } from '../sentiment/sentiment.service';
import { can, type ReportingAction } from './reporting.access';
import * as q from './reporting.queries';
import { validateContent } from './figures';
import { outlineFromText, validateOutline } from './outlines.model';
import { rollUp } from './rollup';
import { countPeriod, expectedOf } from './completeness';
import { generatePeriods, onTimeStatus, resolveDeadlines } from './schedule';
import { dueReminders, owesReport, reminderMessage } from './reminders.plan';
import { availableActions, compareVersions, transition, type ActorSide, type SubmissionAction, type SubmissionState } from './submissions.model';
import {
  MAX_ATTACHMENT_BYTES,
  type AttachmentBody,
  type CampaignDetail,
  type CellStatus,
  type Completeness,
  type CompletenessQuery,
  type CreateCampaignBody,
  type CreateOutlineBody,
  type ExtendDeadlinesBody,
  type Outline,
  type OutlineDetail,
  type ParseOutlineBody,
  type ReportContent,
  type ReportIssue,
  type RollupMode,
  type SaveSubmissionBody,
  type Submission,
  type SubmitBody,
} from './reporting.schema';

const actorId = (ctx: Ctx) => ctx.actor?.id ?? null;

async function authorize(db: Db, ctx: Ctx, organizationId: number, action: ReportingAction, what = 'Không tìm thấy dữ liệu yêu cầu.'): Promise<void> {
  const roles = await rolesOnOrganization(db, ctx, organizationId);
  if (!can(roles, 'read')) throw notFound(what);
  if (!can(roles, action)) throw forbidden();
}

const invalid = (code: string, message: string, issues: ReportIssue[]) => new AppError(422, code, `${message} ${issues[0]?.message ?? ''}`.trim(), { issues });

// ---- Outlines ----------------------------------------------------------------------------------------------------

export function parseOutline(body: z.infer<typeof ParseOutlineBody>) {
  return outlineFromText(body.text, { title: body.title, format: body.format });
}

function checkOutline(outline: Outline): void {
  const issues = validateOutline(outline);
  if (issues.length) throw invalid('OUTLINE_INVALID', 'Đề cương chưa hợp lệ:', issues);
}

export async function createOutline(db: Db, ctx: Ctx, body: z.infer<typeof CreateOutlineBody>): Promise<OutlineDetail> {
  checkOutline(body.outline);
  return db.transaction(async (tx) => {
    await authorize(tx, ctx, body.organizationId, 'manage', 'Không tìm thấy tổ chức.');
    const id = await q.insertOutline(tx, { organizationId: body.organizationId, title: body.outline.title, createdBy: actorId(ctx) });
    const v = await q.insertOutlineVersion(tx, id, body.outline, actorId(ctx));
    await insertAudit(tx, ctx, { action: 'outline.create', entityType: 'outline', entityId: id, organizationId: body.organizationId, after: { title: body.outline.title, version: v.version } });
    return (await outlineDetail(tx, id))!;
  });
}

export async function addOutlineVersion(db: Db, ctx: Ctx, id: number, outline: Outline): Promise<OutlineDetail> {
  checkOutline(outline);
  return db.transaction(async (tx) => {
    const o = await q.findOutline(tx, id);
    if (!o) throw notFound('Không tìm thấy đề cương.');
    await authorize(tx, ctx, o.organizationId, 'manage', 'Không tìm thấy đề cương.');
    const v = await q.insertOutlineVersion(tx, id, outline, actorId(ctx));
    await insertAudit(tx, ctx, { action: 'outline.version', entityType: 'outline', entityId: id, organizationId: o.organizationId, after: { title: outline.title, version: v.version } });
    return (await outlineDetail(tx, id))!;
  });
}

async function outlineDetail(db: Db, id: number, version?: number): Promise<OutlineDetail | undefined> {
  const o = await q.findOutline(db, id);
  if (!o) return undefined;
  const versions = await q.outlineVersions(db, id);
  const shown = version ? versions.find((v) => v.version === version) : versions.at(-1);
  if (!shown) throw notFound('Không có phiên bản này của đề cương.');
  return { ...o, version: shown.version, versionId: shown.id, content: await q.outlineVersionContent(db, shown.id), versions: versions.map(({ version: v, createdAt }) => ({ version: v, createdAt })) };
}

export async function getOutline(db: Db, ctx: Ctx, id: number, version?: number): Promise<OutlineDetail> {
  const o = await q.findOutline(db, id);
  if (!o) throw notFound('Không tìm thấy đề cương.');
  await authorize(db, ctx, o.organizationId, 'read', 'Không tìm thấy đề cương.');
  return (await outlineDetail(db, id, version))!;
}

export async function listOutlines(db: Db, ctx: Ctx, organizationId?: number) {
  let scope = await readableOrganizationIds(db, ctx);
  if (organizationId) scope = scope === null || scope.includes(organizationId) ? [organizationId] : [];
  return { items: await q.listOutlines(db, scope) };
}

// ---- Campaigns ---------------------------------------------------------------------------------------------------

/**
 * The organizations that report under a rule, and to whom: each goes up its reporting lines to the nearest
 * organization that consolidates in this campaign (another assignee, or the campaign's organization).
 */
export function chooseAssignees(
  ownerId: number,
  ownerSystem: string,
  tree: Awaited<ReturnType<typeof q.subtree>>,
  rule: z.infer<typeof CreateCampaignBody>['assignees'],
): Array<{ organizationId: number; unitLevel: string; recipientId: number }> {
  const systems = rule.systems.length ? rule.systems : [ownerSystem];
  const chosen = tree.orgs.filter((o) => o.id !== ownerId && rule.levels.includes(o.unitLevel as never) && systems.includes(o.system) && (!rule.kinds.length || rule.kinds.includes(o.kind)));
  const consolidators = new Set([ownerId, ...chosen.map((o) => o.id)]);
  const up = new Map<number, number[]>();
  // System lines first: a commune's Front committee reports to the province's Front before any same-level body.
  for (const l of [...tree.lines].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'system' ? -1 : 1))) up.set(l.fromId, [...(up.get(l.fromId) ?? []), l.toId]);
  return chosen.map((o) => {
    const seen = new Set([o.id]);
    let frontier = up.get(o.id) ?? [];
    while (frontier.length) {
      const hit = frontier.find((id) => consolidators.has(id));
      if (hit !== undefined) return { organizationId: o.id, unitLevel: o.unitLevel, recipientId: hit };
      frontier = frontier.flatMap((id) => (seen.has(id) ? [] : (seen.add(id), up.get(id) ?? [])));
    }
    return { organizationId: o.id, unitLevel: o.unitLevel, recipientId: ownerId };
  });
}

export async function createCampaign(db: Db, ctx: Ctx, body: z.infer<typeof CreateCampaignBody>): Promise<CampaignDetail> {
  const generated = generatePeriods(body.schedule);
  const resolved = resolveDeadlines(generated.periods, body.deadlines);
  const issues = [...generated.issues, ...resolved.issues];
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length) throw invalid('SCHEDULE_INVALID', 'Lịch báo cáo chưa hợp lệ:', errors);
  if (!resolved.periods.length) throw new AppError(422, 'SCHEDULE_EMPTY', 'Lịch báo cáo không có kỳ nào trong khoảng thời gian đã chọn.');
  const id = await db.transaction(async (tx) => {
    await authorize(tx, ctx, body.organizationId, 'manage', 'Không tìm thấy tổ chức.');
    const owner = (await findOrganization(tx, body.organizationId))!;
    const outline = await q.findOutline(tx, body.outlineId);
    if (!outline) throw new AppError(422, 'OUTLINE_NOT_FOUND', 'Không tìm thấy đề cương đã chọn.');
    await authorize(tx, ctx, outline.organizationId, 'read', 'Không tìm thấy đề cương đã chọn.');
    const versions = await q.outlineVersions(tx, body.outlineId);
    const version = body.outlineVersion ? versions.find((v) => v.version === body.outlineVersion) : versions.at(-1);
    if (!version) throw new AppError(422, 'OUTLINE_VERSION_NOT_FOUND', `Đề cương không có phiên bản ${body.outlineVersion}.`);
    const assignees = chooseAssignees(owner.id, owner.system, await q.subtree(tx, owner.id, todayInVietnam()), body.assignees);
    if (!assignees.length) throw new AppError(422, 'NO_ASSIGNEES', 'Không có tổ chức nào thuộc cấp, loại và hệ thống đã chọn báo cáo về tổ chức này.');
    const campaignId = await q.insertCampaign(tx, {
      organizationId: owner.id,
      title: body.title,
      outlineVersionId: version.id,
      schedule: body.schedule,
      deadlines: body.deadlines,
      reminders: body.reminders,
      assignees: body.assignees,
      createdBy: actorId(ctx),
    });
    await q.insertPeriods(tx, campaignId, resolved.periods);
    await q.insertAssignees(tx, campaignId, assignees);
    // What the completeness view reads: the recipients' tree, and every assignee counted as not started.
    await q.insertRecipientTree(tx, campaignId);
    await q.recountTallies(tx, campaignId);
    await insertAudit(tx, ctx, {
      action: 'campaign.create',
      entityType: 'campaign',
      entityId: campaignId,
      organizationId: owner.id,
      after: { title: body.title, periods: resolved.periods.length, assignees: assignees.length, outline: `${body.outlineId}/v${version.version}` },
    });
    return campaignId;
  });
  const detail = await getCampaign(db, ctx, id);
  return { ...detail, warnings: issues.filter((i) => i.severity === 'warning') };
}

async function visibleCampaign(db: Db, ctx: Ctx, id: number) {
  const c = await q.findCampaign(db, id);
  if (!c) throw notFound('Không tìm thấy kế hoạch báo cáo.');
  const scope = await readableOrganizationIds(db, ctx);
  const roles = await rolesOnOrganization(db, ctx, c.organizationId);
  const mine = scope === null ? { reporting: [], receiving: [] } : await q.assigneesOf(db, id, scope);
  if (!can(roles, 'read') && !mine.reporting.length && !mine.receiving.length) throw notFound('Không tìm thấy kế hoạch báo cáo.');
  return { campaign: c, mine };
}

export async function getCampaign(db: Db, ctx: Ctx, id: number): Promise<CampaignDetail> {
  const { campaign: c, mine } = await visibleCampaign(db, ctx, id);
  const periods = await q.campaignPeriods(db, id);
  const names = new Map((await q.organizationNames(db, mine.receiving)).map((o) => [o.id, o.name]));
  const { organizationSystem: _s, outlineVersionId, ...rest } = c;
  return {
    ...rest,
    periods: periods.map((p) => ({ id: p.periodKey, label: p.label, start: p.start, end: p.end, due: p.due, deadlines: p.deadlines, closed: p.closed })),
    warnings: [],
    outline: await q.outlineVersionContent(db, outlineVersionId),
    mine: {
      reporting: mine.reporting.map((a) => ({ organizationId: a.organizationId, organizationName: a.organizationName, recipientId: a.recipientId })),
      receiving: mine.receiving.map((rid) => ({ organizationId: rid, organizationName: names.get(rid)! })),
    },
  };
}

export async function listCampaigns(db: Db, ctx: Ctx, organizationId?: number) {
  let scope = await readableOrganizationIds(db, ctx);
  if (organizationId) scope = scope === null || scope.includes(organizationId) ? [organizationId] : [];
  return { items: (await q.listCampaigns(db, scope)).map(({ organizationSystem: _s, outlineVersionId: _v, ...c }) => c) };
}

/** A period of a campaign the actor manages (404 when it may not see the campaign, 403 when it may not manage it). */
async function managedPeriod(db: Db, ctx: Ctx, id: number, periodKey: string) {
  const campaign = await q.findCampaign(db, id);
  if (!campaign) throw notFound('Không tìm thấy kế hoạch báo cáo.');
  await authorize(db, ctx, campaign.organizationId, 'manage', 'Không tìm thấy kế hoạch báo cáo.');
  const period = await q.findPeriod(db, id, periodKey);
  if (!period) throw notFound('Không có kỳ báo cáo này.');
  return { campaign, period };
}

export async function setPeriodClosed(db: Db, ctx: Ctx, id: number, periodKey: string, closed: boolean) {
  return db.transaction(async (tx) => {
    const { campaign: c } = await managedPeriod(tx, ctx, id, periodKey);
    await q.closePeriod(tx, id, periodKey, closed);
    await insertAudit(tx, ctx, { action: closed ? 'period.close' : 'period.reopen', entityType: 'campaign_period', entityId: `${id}/${periodKey}`, organizationId: c.organizationId });
    return getCampaign(tx, ctx, id);
  });
}

/**
 * Moves deadlines of a period (an extension, usually). Reports already submitted keep the deadline they were judged
 * against; later ones are judged against the new one, and reminders follow it (their keys include the deadline).
 */
export async function extendDeadlines(db: Db, ctx: Ctx, id: number, periodKey: string, body: z.infer<typeof ExtendDeadlinesBody>) {
  await db.transaction(async (tx) => {
    const { campaign: c, period } = await managedPeriod(tx, ctx, id, periodKey);
    if (period.closed) throw conflict('PERIOD_CLOSED', 'Kỳ báo cáo đã khóa sổ; không thể đổi hạn.');
    const next = period.deadlines.map((d) => ({ ...d }));
    for (const change of body.deadlines) {
      const d = next.find((x) => x.level === change.level);
      if (!d) throw new AppError(422, 'DEADLINE_LEVEL_UNKNOWN', `Kế hoạch không có hạn cho cấp ${change.level}.`, { issues: [{ path: `deadlines.${change.level}`, code: 'DEADLINE_LEVEL_UNKNOWN', message: 'Cấp này không có trong kế hoạch.' }] });
      d.inForce = change.inForce;
      d.moved = `Đổi hạn: ${body.reason.trim()}`;
    }
    await q.setPeriodDeadlines(tx, id, periodKey, next);
    await insertAudit(tx, ctx, { action: 'period.deadlines', entityType: 'campaign_period', entityId: `${id}/${periodKey}`, organizationId: c.organizationId, before: period.deadlines, after: { deadlines: next, reason: body.reason } });
  });
  return getCampaign(db, ctx, id);
}

// ---- Submissions -------------------------------------------------------------------------------------------------

const deadlineFor = (period: q.PeriodRow, level: string): IsoDate => period.deadlines.find((d) => d.level === level)?.inForce ?? period.due;

/** The campaign, period and assignee of a submission, and which sides the actor may act on. */
async function submissionContext(db: Db, ctx: Ctx, campaignId: number, periodKey: string, organizationId: number) {
  const c = await q.findCampaign(db, campaignId);
  if (!c) throw notFound('Không tìm thấy kế hoạch báo cáo.');
  const assignee = await q.findAssignee(db, campaignId, organizationId);
  const period = await q.findPeriod(db, campaignId, periodKey);
  if (!assignee || !period) throw notFound('Không tìm thấy báo cáo này.');
  const reporterRoles = await rolesOnOrganization(db, ctx, organizationId);
  const recipientRoles = await rolesOnOrganization(db, ctx, assignee.recipientId);
  if (!can(reporterRoles, 'read') && !can(recipientRoles, 'read')) throw notFound('Không tìm thấy báo cáo này.');
  const sides: ActorSide[] = [...(can(reporterRoles, 'report') ? (['reporter'] as const) : []), ...(can(recipientRoles, 'review') ? (['recipient'] as const) : [])];
  return { campaign: c, assignee, period, sides };
}

export async function getSubmission(db: Db, ctx: Ctx, campaignId: number, periodKey: string, organizationId: number): Promise<Submission> {
  const { campaign, assignee, period, sides } = await submissionContext(db, ctx, campaignId, periodKey, organizationId);
  const row = await q.findSubmission(db, campaignId, periodKey, organizationId);
  const state: SubmissionState = { status: row?.status ?? 'draft', reason: row?.reason ?? null };
  const actions = [...new Set(sides.flatMap((side) => availableActions(state, side, { periodClosed: period.closed })))];
  const history = await q.submissionHistory(db, campaignId, periodKey, organizationId);
  return {
    campaignId,
    periodKey,
    periodLabel: period.label,
    organizationId,
    organizationName: assignee.organizationName,
    recipientId: assignee.recipientId,
    recipientName: assignee.recipientName,
    status: row?.status ?? 'none',
    content: row?.content ?? { figures: {}, sections: {} },
    version: row?.version ?? 0,
    revision: row?.revision ?? 0,
    reason: row?.reason ?? null,
    deadline: deadlineFor(period, assignee.unitLevel),
    deadlineAtSubmission: row?.deadlineOn ?? null,
    timeliness: row?.timeliness ?? null,
    daysLate: row?.daysLate ?? null,
    firstSubmittedAt: row?.firstSubmittedAt ?? null,
    submittedAt: row?.submittedAt ?? null,
    periodClosed: period.closed,
    actions,
    ...history,
    synthesis: row?.synthesisConsultationId ? await synthesisSummary(db, ctx, row.synthesisConsultationId, organizationId) : null,
    sentiment: row?.sentiment ?? null,
    outline: await q.outlineVersionContent(db, campaign.outlineVersionId),
  };
}

async function synthesisSummary(db: Db, ctx: Ctx, consultationId: number, organizationId: number) {
  const s = await getSynthesis(db, ctx, consultationId, organizationId);
  return { consultationId, status: s.status, coverage: s.coverage.text, comments: s.totals.people, groups: s.totals.groups };
}

/**
 * The month's sentiment report as the report carries it, computed now (a save or a submission): the submitted version
 * keeps it, so records changed later do not change a report that was sent. `chosen` undefined keeps the month chosen
 * before; null stops carrying one.
 */
async function sentimentSnapshot(db: Db, ctx: Ctx, organizationId: number, row: q.SubmissionRow, chosen: { month: string } | null | undefined) {
  const sentimentMonth = chosen === undefined ? row.sentimentMonth : (chosen?.month ?? null);
  return { sentimentMonth, sentiment: sentimentMonth ? await getSentimentReport(db, ctx, organizationId, sentimentMonth) : null };
}

function contentIssues(outline: Outline, content: ReportContent, complete: boolean): void {
  const issues = validateContent(outline, content, { complete });
  if (issues.length) throw invalid('REPORT_CONTENT_INVALID', 'Báo cáo chưa hợp lệ:', issues);
}

/** Applies one action under a row lock: the state machine decides, then the row, version and event are written. */
async function act(
  db: Db,
  ctx: Ctx,
  key: { campaignId: number; periodKey: string; organizationId: number },
  action: SubmissionAction,
  options: { content?: ReportContent; expectedRevision?: number; synthesis?: { consultationId: number } | null; sentiment?: { month: string } | null } = {},
): Promise<Submission> {
  const side: ActorSide = action.type === 'edit' || action.type === 'submit' ? 'reporter' : 'recipient';
  await db.transaction(async (tx) => {
    const { campaign, assignee, period, sides } = await submissionContext(tx, ctx, key.campaignId, key.periodKey, key.organizationId);
    if (!sides.includes(side)) throw forbidden(side === 'reporter' ? 'Chỉ đơn vị báo cáo mới sửa và gửi được báo cáo này.' : 'Chỉ đơn vị nhận báo cáo mới trả lại, tiếp nhận hoặc mở khóa được.');
    const row = await q.lockSubmission(tx, key.campaignId, key.periodKey, key.organizationId);
    if (options.expectedRevision !== undefined && options.expectedRevision !== row.revision) {
      throw conflict('SUBMISSION_STALE', 'Báo cáo vừa được người khác thay đổi; hãy tải lại để xem bản mới nhất trước khi sửa tiếp.');
    }
    const result = transition({ status: row.status, reason: row.reason }, action, side, { periodClosed: period.closed });
    if (!result.ok) throw new AppError(result.error.httpStatus, result.error.code, result.error.message);
    const outline = await q.outlineVersionContent(tx, campaign.outlineVersionId);
    const content = options.content ?? row.content;
    const actor = actorId(ctx);
    // The unit's synthesis goes with the report: it must be readable (404 otherwise) and built (409 otherwise).
    if (options.synthesis) await requireBuiltSynthesis(tx, ctx, options.synthesis.consultationId, key.organizationId);
    const synthesisConsultationId = options.synthesis === undefined ? undefined : (options.synthesis?.consultationId ?? null);
    if (action.type === 'edit') {
      contentIssues(outline, content, false);
      await q.updateSubmission(tx, key, { content, synthesisConsultationId, ...(await sentimentSnapshot(tx, ctx, key.organizationId, row, options.sentiment)) }, actor);
      return;
    }
    const patch: Parameters<typeof q.updateSubmission>[2] = { status: result.state.status, reason: result.state.reason, synthesisConsultationId };
    let version: number | null = null;
    if (action.type === 'submit') {
      contentIssues(outline, content, true);
      version = row.version + 1;
      const snapshot = await sentimentSnapshot(tx, ctx, key.organizationId, row, options.sentiment);
      Object.assign(patch, { content, version, submittedNow: true, ...snapshot });
      if (!row.firstSubmittedAt) {
        // On time or late is decided once, by the first submission, against the deadline in force then.
        const deadline = deadlineFor(period, assignee.unitLevel);
        const timing = onTimeStatus(new Date(), deadline);
        Object.assign(patch, { firstSubmittedNow: true, deadlineOn: deadline, timeliness: timing.status, daysLate: timing.daysLate });
      }
      await q.updateSubmission(tx, key, patch, actor);
      await q.insertSubmissionVersion(tx, key, version, { content, sentiment: snapshot.sentiment }, actor);
    } else {
      await q.updateSubmission(tx, key, patch, actor);
    }
    const reason = 'reason' in action ? action.reason.trim() : null;
    await q.insertSubmissionEvent(tx, key, { action: action.type, fromStatus: row.status, toStatus: result.state.status, version: version ?? row.version, reason, actorId: actor });
    await insertAudit(tx, ctx, {
      action: `submission.${action.type}`,
      entityType: 'submission',
      entityId: `${key.campaignId}/${key.periodKey}/${key.organizationId}`,
      organizationId: key.organizationId,
      after: { status: result.state.status, version: version ?? row.version, reason },
    });
  });
  return getSubmission(db, ctx, key.campaignId, key.periodKey, key.organizationId);
}

type Key = { campaignId: number; periodKey: string; organizationId: number };
export const saveSubmission = (db: Db, ctx: Ctx, key: Key, body: z.infer<typeof SaveSubmissionBody>) =>
  act(db, ctx, key, { type: 'edit' }, { content: body.content, expectedRevision: body.expectedRevision, synthesis: body.synthesis, sentiment: body.sentiment });
export const submitSubmission = (db: Db, ctx: Ctx, key: Key, body: z.infer<typeof SubmitBody>) =>
  act(db, ctx, key, { type: 'submit' }, { content: body.content, expectedRevision: body.expectedRevision, synthesis: body.synthesis, sentiment: body.sentiment });
export const returnSubmission = (db: Db, ctx: Ctx, key: Key, reason: string) => act(db, ctx, key, { type: 'return', reason });
export const acceptSubmission = (db: Db, ctx: Ctx, key: Key) => act(db, ctx, key, { type: 'accept' });
export const unlockSubmission = (db: Db, ctx: Ctx, key: Key, reason: string) => act(db, ctx, key, { type: 'unlock', reason });

export async function getSubmissionVersion(db: Db, ctx: Ctx, key: Key, version: number): Promise<ReportContent> {
  await submissionContext(db, ctx, key.campaignId, key.periodKey, key.organizationId);
  const content = await q.submissionVersion(db, key.campaignId, key.periodKey, key.organizationId, version);
  if (!content) throw notFound(`Không có bản gửi lần ${version}.`);
  return content;
}

export async function compareSubmissionVersions(db: Db, ctx: Ctx, key: Key, from: number, to: number) {
  return compareVersions(await getSubmissionVersion(db, ctx, key, from), await getSubmissionVersion(db, ctx, key, to));
}

export async function addAttachment(db: Db, ctx: Ctx, key: Key, body: z.infer<typeof AttachmentBody>) {
  const data = Buffer.from(body.contentBase64, 'base64');
  if (data.length > MAX_ATTACHMENT_BYTES) throw new AppError(413, 'ATTACHMENT_TOO_LARGE', 'Tệp đính kèm vượt quá 10 MB; hãy quét ở độ phân giải thấp hơn hoặc tách tệp.');
  const mediaType = detectDocumentType(data);
  if (!mediaType) throw new AppError(415, 'ATTACHMENT_TYPE_UNSUPPORTED', 'Chỉ nhận bản quét dạng PDF, PNG hoặc JPEG.');
  await db.transaction(async (tx) => {
    const { sides, period } = await submissionContext(tx, ctx, key.campaignId, key.periodKey, key.organizationId);
    if (!sides.includes('reporter')) throw forbidden('Chỉ đơn vị báo cáo mới đính kèm được bản ký.');
    if (period.closed) throw conflict('PERIOD_CLOSED', 'Kỳ báo cáo đã khóa sổ; không thể thay đổi.');
    const row = await q.lockSubmission(tx, key.campaignId, key.periodKey, key.organizationId);
    if (row.status === 'accepted') throw conflict('SUBMISSION_LOCKED', 'Báo cáo đã được tiếp nhận và khóa; cấp trên cần mở khóa trước khi sửa.');
    const id = await q.insertAttachment(tx, key, { fileName: body.fileName, mediaType, data, sha256: crypto.createHash('sha256').update(data).digest('hex'), createdBy: actorId(ctx) });
    await insertAudit(tx, ctx, { action: 'submission.attach', entityType: 'submission', entityId: `${key.campaignId}/${key.periodKey}/${key.organizationId}`, organizationId: key.organizationId, after: { id, fileName: body.fileName, mediaType, size: data.length } });
  });
  return getSubmission(db, ctx, key.campaignId, key.periodKey, key.organizationId);
}

export async function getAttachment(db: Db, ctx: Ctx, key: Key, id: number) {
  await submissionContext(db, ctx, key.campaignId, key.periodKey, key.organizationId);
  const a = await q.findAttachment(db, key.campaignId, key.periodKey, key.organizationId, id);
  if (!a) throw notFound('Không tìm thấy tệp đính kèm.');
  return { ...a, data: Buffer.from(a.data) };
}

// ---- Roll-up and completeness ----------------------------------------------------------------------------------

/** A consolidating unit's report pre-filled from what its subordinates sent for the period. */
export async function rollupFor(db: Db, ctx: Ctx, campaignId: number, periodKey: string, organizationId: number, mode: RollupMode) {
  const { sources: _s, ...rollup } = await rollupWithSources(db, ctx, campaignId, periodKey, organizationId, mode);
  return rollup;
}

/** The roll-up, and the subordinates' reports it was made from (the documents print each unit's figures). */
export async function rollupWithSources(db: Db, ctx: Ctx, campaignId: number, periodKey: string, organizationId: number, mode: RollupMode) {
  const c = await q.findCampaign(db, campaignId);
  if (!c) throw notFound('Không tìm thấy kế hoạch báo cáo.');
  await authorize(db, ctx, organizationId, 'read', 'Không tìm thấy tổ chức.');
  const period = await q.findPeriod(db, campaignId, periodKey);
  if (!period) throw notFound('Không có kỳ báo cáo này.');
  const subs = await q.subordinateSubmissions(db, campaignId, periodKey, organizationId);
  const outline = await q.outlineVersionContent(db, c.outlineVersionId);
  const unit = (s: (typeof subs)[number]) => ({ unitId: String(s.organizationId), unitName: s.organizationName });
  const sources = subs.filter((s) => s.status && s.content).map((s) => ({ ...unit(s), status: s.status!, content: s.content! }));
  const result = rollUp(outline, sources, { mode, expected: subs.map(unit) });
  const org = (await findOrganization(db, organizationId))!;
  // The sentiment reports the counted units sent, summed; the month is the one most of them report on.
  const sent = subs.filter((s) => s.status && countedStatuses(mode).has(s.status) && s.sentiment).map((s) => ({ unitId: s.organizationId, unitName: s.organizationName, report: s.sentiment! }));
  const sentiment = sent.length
    ? mergeSentimentReports({ month: mostCommon(sent.map((s) => s.report.month)), organizationId, organizationName: org.name, computedAt: new Date().toISOString() }, sent)
    : null;
  return { ...result, organizationId, organizationName: org.name, periodLabel: period.label, outline, sources, sentiment };
}

/** The states of a subordinate's report that a roll-up counts in a mode. */
export const countedStatuses = (mode: RollupMode): ReadonlySet<string> => new Set(mode === 'accepted_only' ? ['accepted'] : ['accepted', 'submitted']);

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}

const cellStatus = (s: { status: string } | undefined, deadline: IsoDate, today: IsoDate): CellStatus =>
  !s || s.status === 'draft' ? (deadline < today ? 'missing' : s ? 'draft' : 'not_due') : (s.status as CellStatus);

/** Expected, received, on time, late, missing and returned per period, a row per consolidating child, and the matrix. */
export async function completeness(db: Db, ctx: Ctx, campaignId: number, query: z.infer<typeof CompletenessQuery>): Promise<Completeness> {
  return (await completenessWithUnits(db, ctx, campaignId, query)).view;
}

/** Rows grouped by a key, in the order they came. */
function groupBy<T, K>(list: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of list) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** The completeness view, and the matrix rows' level and recipient (the XLSX groups units under their recipient). */
export async function completenessWithUnits(db: Db, ctx: Ctx, campaignId: number, query: z.infer<typeof CompletenessQuery>) {
  const frame = await q.completenessFrame(db, campaignId, query.organizationId ?? null);
  if (!frame) throw notFound('Không tìm thấy kế hoạch báo cáo.');
  const organizationId = query.organizationId ?? frame.campaignOrganizationId;
  await authorize(db, ctx, organizationId, 'read', 'Không tìm thấy tổ chức.');
  if (frame.organizationName === null) throw notFound('Không tìm thấy tổ chức.');
  const today = todayInVietnam();
  const { periods } = frame;
  const scope: q.CompletenessScope = { under: organizationId, today, tree: frame.takesPart ? 'campaign' : 'lines' };
  const period = periods.find((p) => p.periodKey === query.period) ?? periods.filter((p) => p.due <= today).at(-1) ?? periods[0]!;
  const tallied = await q.completenessTallies(db, campaignId, scope, period.periodKey);
  const byPeriod = groupBy(tallied.periods, (t) => t.periodKey);
  const periodCounts = periods.map((p) => {
    const tallies = byPeriod.get(p.periodKey) ?? [];
    const expected = expectedOf(tallies);
    const levelsDue = [...new Set(p.deadlines.filter((d) => expected.has(d.level)).map((d) => d.inForce))];
    return {
      periodKey: p.periodKey,
      label: p.label,
      deadline: levelsDue.length === 1 ? levelsDue[0]! : (p.deadlines.at(-1)?.inForce ?? p.due),
      ...countPeriod(expected, tallies, (level) => deadlineFor(p, level), today),
    };
  });
  // Drill-down: the organizations directly under this one, each with its whole subtree's counts for one period.
  const children = [...groupBy(tallied.children, (t) => t.root)].map(([id, mine]) => ({
    organizationId: id,
    organizationName: mine[0]!.rootName,
    reportsItself: mine.some((t) => t.includesRoot),
    counts: { periodKey: period.periodKey, label: period.label, deadline: period.due, ...countPeriod(expectedOf(mine), mine, (level) => deadlineFor(period, level), today) },
  }));
  const { units, submissions } = await q.matrixPage(db, campaignId, scope, query.limit, query.offset);
  const byCell = new Map(submissions.map((s) => [`${s.organizationId}/${s.periodKey}`, s]));
  const view: Completeness = {
    organizationId,
    organizationName: frame.organizationName,
    today,
    periods: periodCounts,
    children,
    matrix: {
      // Each unit in scope is counted once in every period: a period's expected units are the matrix's rows.
      total: periodCounts[0]?.expected ?? 0,
      rows: units.map((u) => ({
        organizationId: u.organizationId,
        organizationName: u.organizationName,
        unitCode: u.unitCode,
        cells: periods.map((p) => {
          const s = byCell.get(`${u.organizationId}/${p.periodKey}`);
          return { status: cellStatus(s, deadlineFor(p, u.unitLevel), today), timeliness: s?.timeliness ?? null, daysLate: s?.daysLate ?? null };
        }),
      })),
    },
  };
  return { view, units };
}

// ---- Reminders and notices ---------------------------------------------------------------------------------------

/** Queues the reminders due at `now` for every active campaign (planning twice queues once). */
export async function planReminders(db: Db, now: Date): Promise<number> {
  let queued = 0;
  for (const campaignId of await q.activeCampaignIds(db)) {
    const c = (await q.findCampaign(db, campaignId))!;
    for (const p of await q.campaignPeriods(db, campaignId)) {
      if (p.closed) continue;
      for (const d of p.deadlines) {
        // One plan per level: every unit of a level shares the deadline; who still owes the report is decided in SQL.
        for (const r of dueReminders({ campaignId, periodId: p.periodKey, organizationId: 0, deadline: d.inForce, status: 'none' }, c.reminders, now)) {
          queued += await q.queueReminders(db, { campaignId, periodKey: p.periodKey, level: d.level, kind: r.kind, offsetDays: r.offsetDays, deadline: d.inForce, dueAt: r.sendAt });
        }
      }
    }
  }
  return queued;
}

const LEASE_MS = 5 * 60_000;
const MAX_ATTEMPTS = 8;

/**
 * Sends the queued reminders that are due: an in-app notice to each responsible user of the unit and one mail to
 * those with an address. A reminder whose report arrived meanwhile is skipped. At least once: a crash after sending
 * and before marking sends it again when the lease ends, with the same Message-ID.
 */
export async function deliverReminders(db: Db, mailer: Mailer | null, now: Date, limit = 500): Promise<{ sent: number; skipped: number; failed: number }> {
  const out = { sent: 0, skipped: 0, failed: 0 };
  for (let i = 0; i < limit; i++) {
    const r = await db.transaction((tx) => q.leaseReminder(tx, now, LEASE_MS));
    if (!r) break;
    if (!owesReport(r.status ?? 'none')) {
      await q.finishReminder(db, r.campaignId, r.key, 'skipped', 0);
      out.skipped++;
      continue;
    }
    const users = await q.responsibleUsers(db, r.organizationId);
    const message = reminderMessage(r, { title: r.campaignTitle, periodLabel: r.periodLabel });
    const emails = users.map((u) => u.email).filter((e): e is string => !!e);
    try {
      if (mailer && emails.length) {
        await mailer.send({ to: emails, subject: message.subject, text: `Kính gửi ${r.organizationName},\n\n${message.body}\n\n— Dân Ý`, messageId: `<${r.key.replace(/[^A-Za-z0-9.:_-]/g, '_')}@dany>` });
      }
    } catch (err) {
      const giveUp = r.attempts + 1 >= MAX_ATTEMPTS;
      await q.retryReminder(db, r.campaignId, r.key, (err as Error).message, new Date(now.getTime() + 60_000 * 2 ** r.attempts), giveUp);
      out.failed++;
      continue;
    }
    await db.transaction(async (tx) => {
      const link = `/reporting/campaigns/${r.campaignId}/periods/${encodeURIComponent(r.periodKey)}/submissions/${r.organizationId}`;
      for (const u of users) await q.insertNotification(tx, { userId: u.id, kind: `reminder.${r.kind}`, title: message.subject, body: message.body, link, sourceKey: r.key });
      await q.finishReminder(tx, r.campaignId, r.key, 'sent', users.length);
    });
    out.sent++;
  }
  return out;
}

export async function listNotifications(db: Db, ctx: Ctx) {
  if (!ctx.actor) return { items: [] };
  return { items: await q.listNotifications(db, ctx.actor.id) };
}

export async function markNotificationRead(db: Db, ctx: Ctx, id: number) {
  const n = ctx.actor ? await q.markNotificationRead(db, ctx.actor.id, id) : undefined;
  if (!n) throw notFound('Không tìm thấy thông báo.');
  return n;
}
