// Rules for drafts, consultations, meetings and comments. One transaction per command; every staff write audited.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { one, type Db } from '../../server/db';
import { groupCommit, type GroupCommit } from '../../server/db/group-commit';
import type { Ctx } from '../../server/context';
import { todayInVietnam, type IsoDate } from '../../shared/dates';
import { AppError, forbidden, notFound } from '../../shared/errors';
import { foldVietnamese } from '../../shared/text';
import { detectDocumentType } from '../../shared/files';
import { insertAudit } from '../audit/audit.queries';
import { readableOrganizationIds, rolesOnOrganization } from '../organizations/organizations.service';
import { searchCommunes } from '../units/units.service';
import { can, type ConsultationAction } from './consultations.access';
import * as q from './consultations.queries';
import {
  CHANNEL_LABELS,
  MAX_DRAFT_FILE_BYTES,
  type Comment,
  type CommentListQuery,
  type Consultation,
  type ConsultationListQuery,
  type CreateCommentBody,
  type CreateConsultationBody,
  type CreateDraftBody,
  type CreateDraftVersionBody,
  type CreateMeetingBody,
  type Meeting,
  MAX_MINUTES_BYTES,
  type MinutesBody,
  type PublicCommentBody,
  type PublicCommuneQuery,
  type ImportBody,
  type ImportReport,
  type PublicPhase,
} from './consultations.schema';
import { draftFormatFromFileName, importDraft } from './drafts.import';
import { IMPORT_LIMITS, importTemplate, scanCommentSheet, type ImportContext } from './comments.import';

async function authorize(db: Db, ctx: Ctx, organizationId: number, action: ConsultationAction, what = 'Không tìm thấy dữ liệu yêu cầu.'): Promise<void> {
  const roles = await rolesOnOrganization(db, ctx, organizationId);
  if (!can(roles, 'read')) throw notFound(what);
  if (!can(roles, action)) throw forbidden();
}

function actorId(ctx: Ctx): number | null {
  return ctx.actor?.id ?? null;
}

function decodeFile(contentBase64: string): Buffer {
  const data = Buffer.from(contentBase64, 'base64');
  if (!data.length) throw new AppError(400, 'DRAFT_FILE_INVALID', 'Tệp dự thảo rỗng hoặc không đúng mã hóa base64.');
  if (data.length > MAX_DRAFT_FILE_BYTES) throw new AppError(413, 'DRAFT_FILE_TOO_LARGE', 'Tệp dự thảo vượt quá 20 MB.');
  return data;
}

// ---- Drafts ----------------------------------------------------------------------------------------------------

async function draftWithVersions(db: Db, draft: q.DraftRow) {
  const versions = (await q.draftVersions(db, [draft.id])).map(({ draftId: _d, ...v }) => v);
  return { ...draft, versions };
}

/** Imports a draft document (DOCX, Markdown or text) as version 1 of a new draft. */
export async function createDraft(db: Db, ctx: Ctx, body: z.infer<typeof CreateDraftBody>) {
  // Parse before opening the transaction: a bad file costs no database work.
  const format = draftFormatFromFileName(body.fileName);
  const sections = await importDraft(decodeFile(body.contentBase64), format);
  return db.transaction(async (tx) => {
    await authorize(tx, ctx, body.organizationId, 'manage', 'Không tìm thấy tổ chức.');
    const id = await q.insertDraft(tx, { organizationId: body.organizationId, title: body.title, createdBy: actorId(ctx) });
    await q.insertDraftVersion(tx, { draftId: id, sourceName: body.fileName, sourceFormat: format, note: '', createdBy: actorId(ctx), sections });
    const draft = await draftWithVersions(tx, (await q.findDraft(tx, id))!);
    await insertAudit(tx, ctx, { action: 'draft.create', entityType: 'draft', entityId: id, organizationId: body.organizationId, after: draft });
    return draft;
  });
}

/** Imports a new version; open consultations move to it, and comments keep the version they were made on. */
export async function addDraftVersion(db: Db, ctx: Ctx, draftId: number, body: z.infer<typeof CreateDraftVersionBody>) {
  const format = draftFormatFromFileName(body.fileName);
  const sections = await importDraft(decodeFile(body.contentBase64), format);
  forgetPortalFacts(db);
  return db.transaction(async (tx) => {
    const draft = await q.findDraft(tx, draftId);
    if (!draft) throw notFound('Không tìm thấy dự thảo.');
    await authorize(tx, ctx, draft.organizationId, 'manage', 'Không tìm thấy dự thảo.');
    await tx.execute(sql`SELECT id FROM draft WHERE id = ${draftId} FOR UPDATE`);
    const versionId = await q.insertDraftVersion(tx, { draftId, sourceName: body.fileName, sourceFormat: format, note: body.note, createdBy: actorId(ctx), sections });
    await q.moveToLatestVersion(tx, draftId);
    const after = await draftWithVersions(tx, draft);
    await insertAudit(tx, ctx, { action: 'draft.version', entityType: 'draft', entityId: draftId, organizationId: draft.organizationId, after: { versionId, note: body.note, sourceName: body.fileName } });
    return after;
  });
}

export async function listDrafts(db: Db, ctx: Ctx, organizationId?: number) {
  const scope = await readableOrganizationIds(db, ctx);
  const ids = organizationId ? (scope === null || scope.includes(organizationId) ? [organizationId] : []) : scope;
  const drafts = await q.listDrafts(db, ids);
  const versions = await q.draftVersions(db, drafts.map((d) => d.id));
  return { items: drafts.map((d) => ({ ...d, versions: versions.filter((v) => v.draftId === d.id).map(({ draftId: _d, ...v }) => v) })) };
}

/** A draft with one version's sections; readable by its owner's scope and by participants of a consultation on it. */
export async function getDraft(db: Db, ctx: Ctx, draftId: number, versionNo?: number) {
  const draft = await q.findDraft(db, draftId);
  if (!draft) throw notFound('Không tìm thấy dự thảo.');
  const roles = await rolesOnOrganization(db, ctx, draft.organizationId);
  if (!can(roles, 'read') && !(await readsDraftThroughConsultation(db, ctx, draftId))) throw notFound('Không tìm thấy dự thảo.');
  const full = await draftWithVersions(db, draft);
  const version = versionNo ? full.versions.find((v) => v.versionNo === versionNo) : full.versions[full.versions.length - 1];
  if (!version) throw notFound(`Dự thảo không có phiên bản ${versionNo}.`);
  return { ...full, version, sections: await q.draftSections(db, version.id) };
}

async function readsDraftThroughConsultation(db: Db, ctx: Ctx, draftId: number): Promise<boolean> {
  const scope = await readableOrganizationIds(db, ctx);
  if (scope === null) return true;
  if (!scope.length) return false;
  const consultations = await q.listConsultations(db, { organizationIds: scope });
  const drafts = await q.consultationDrafts(db, consultations.map((c) => c.id));
  return drafts.some((d) => d.draftId === draftId);
}

// ---- Consultations ---------------------------------------------------------------------------------------------

async function withDrafts(db: Db, ctx: Ctx, list: q.ConsultationRow[]): Promise<Consultation[]> {
  const drafts = await q.consultationDrafts(db, list.map((c) => c.id));
  const counts = await q.countComments(db, list.map((c) => c.id), await readableOrganizationIds(db, ctx));
  return list.map((c) => ({
    ...c,
    drafts: drafts.filter((d) => d.consultationId === c.id).map(({ consultationId: _c, ...d }) => d),
    commentCount: counts.get(c.id) ?? 0,
  }));
}

/**
 * Loads a consultation the context may see: its organization's staff and the staff of every organization that
 * takes part (reports to it). Others get 404, so that other areas' work is not revealed.
 */
async function visibleConsultation(db: Db, ctx: Ctx, id: number, forUpdate = false): Promise<q.ConsultationRow> {
  const c = await q.findConsultation(db, id, forUpdate);
  if (!c) throw notFound('Không tìm thấy đợt lấy ý kiến.');
  const scope = await readableOrganizationIds(db, ctx);
  if (scope === null) return c;
  if (scope.length) {
    const participants = new Set(await q.participantIds(db, c.organizationId));
    if (scope.some((o) => participants.has(o))) return c;
    if (can(await rolesOnOrganization(db, ctx, c.organizationId), 'read')) return c;
  }
  throw notFound('Không tìm thấy đợt lấy ý kiến.');
}

export async function createConsultation(db: Db, ctx: Ctx, body: z.infer<typeof CreateConsultationBody>): Promise<Consultation> {
  return db.transaction(async (tx) => {
    await authorize(tx, ctx, body.organizationId, 'manage', 'Không tìm thấy tổ chức.');
    if (new Set(body.draftIds).size !== body.draftIds.length) throw new AppError(422, 'DRAFT_REPEATED', 'Một dự thảo được chọn hai lần.');
    for (const draftId of body.draftIds) {
      const draft = await q.findDraft(tx, draftId);
      if (!draft) throw new AppError(422, 'DRAFT_NOT_FOUND', `Không tìm thấy dự thảo số ${draftId}.`);
      await authorize(tx, ctx, draft.organizationId, 'read', `Không tìm thấy dự thảo số ${draftId}.`);
    }
    const id = await q.insertConsultation(tx, { ...body, createdBy: actorId(ctx) });
    for (const [i, draftId] of body.draftIds.entries()) await q.attachDraft(tx, id, draftId, i + 1);
    const [created] = await withDrafts(tx, ctx, [(await q.findConsultation(tx, id))!]);
    await insertAudit(tx, ctx, { action: 'consultation.create', entityType: 'consultation', entityId: id, organizationId: body.organizationId, after: created });
    return created;
  });
}

export async function listConsultations(db: Db, ctx: Ctx, query: z.infer<typeof ConsultationListQuery>) {
  const scope = await readableOrganizationIds(db, ctx);
  if (scope !== null && !scope.length) return { items: [] };
  return { items: await withDrafts(db, ctx, await q.listConsultations(db, { organizationIds: scope, status: query.status })) };
}

export async function getConsultation(db: Db, ctx: Ctx, id: number): Promise<Consultation> {
  const [c] = await withDrafts(db, ctx, [await visibleConsultation(db, ctx, id)]);
  return c;
}

const TRANSITIONS: Record<'open' | 'close', { from: Array<q.ConsultationRow['status']>; to: q.ConsultationRow['status']; message: string }> = {
  open: { from: ['preparing', 'closed'], to: 'open', message: 'Chỉ mở được đợt lấy ý kiến đang chuẩn bị hoặc đã đóng.' },
  close: { from: ['open'], to: 'closed', message: 'Chỉ đóng được đợt lấy ý kiến đang mở.' },
};

/** preparing → open → closed (→ open again to extend); 'synthesized' is set by the synthesis. */
export async function transitionConsultation(db: Db, ctx: Ctx, id: number, action: 'open' | 'close'): Promise<Consultation> {
  forgetPortalFacts(db);
  return db.transaction(async (tx) => {
    const before = await visibleConsultation(tx, ctx, id, true);
    await authorize(tx, ctx, before.organizationId, 'manage', 'Không tìm thấy đợt lấy ý kiến.');
    const t = TRANSITIONS[action];
    if (!t.from.includes(before.status)) throw new AppError(409, 'CONSULTATION_STATE', t.message);
    await q.setConsultationStatus(tx, id, t.to);
    const [after] = await withDrafts(tx, ctx, [(await q.findConsultation(tx, id))!]);
    await insertAudit(tx, ctx, { action: `consultation.${action}`, entityType: 'consultation', entityId: id, organizationId: before.organizationId, before, after });
    return after;
  });
}

// ---- Meetings --------------------------------------------------------------------------------------------------

async function requireParticipant(db: Db, c: q.ConsultationRow, organizationId: number): Promise<void> {
  if (!(await q.participantIds(db, c.organizationId)).includes(organizationId)) {
    throw new AppError(422, 'NOT_PARTICIPATING', 'Tổ chức này không tham gia đợt lấy ý kiến (không trực thuộc đơn vị tổ chức lấy ý kiến).');
  }
}

function requireInPeriod(c: q.ConsultationRow, day: IsoDate, what: string): void {
  if (day < c.opensOn || day > c.closesOn) {
    throw new AppError(422, 'OUTSIDE_PERIOD', `${what} ngày ${formatDay(day)} nằm ngoài thời gian lấy ý kiến (${formatDay(c.opensOn)} – ${formatDay(c.closesOn)}).`);
  }
}

const formatDay = (d: IsoDate) => d.split('-').reverse().join('/');

export async function createMeeting(db: Db, ctx: Ctx, consultationId: number, body: z.infer<typeof CreateMeetingBody>): Promise<Meeting> {
  return db.transaction(async (tx) => {
    const c = await visibleConsultation(tx, ctx, consultationId);
    await authorize(tx, ctx, body.organizationId, 'record', 'Không tìm thấy tổ chức.');
    await requireParticipant(tx, c, body.organizationId);
    if (c.status === 'preparing' || c.status === 'synthesized') throw new AppError(409, 'CONSULTATION_STATE', 'Đợt lấy ý kiến chưa mở hoặc đã tổng hợp xong: không ghi nhận thêm hội nghị.');
    requireInPeriod(c, body.heldOn, 'Hội nghị');
    const participantTotal = body.participantTotal ?? Object.values(body.participants).reduce<number>((s, n) => s + (n ?? 0), 0);
    const id = await q.insertMeeting(tx, { ...body, participantTotal, consultationId, createdBy: actorId(ctx) });
    const meeting = (await q.findMeeting(tx, consultationId, id))!;
    await insertAudit(tx, ctx, { action: 'meeting.create', entityType: 'meeting', entityId: `${consultationId}/${id}`, organizationId: body.organizationId, after: meeting });
    return meeting;
  });
}

/** Attaches (or replaces) a meeting's minutes: a scan (PDF, PNG, JPEG) or the typed document (DOCX). */
export async function uploadMinutes(db: Db, ctx: Ctx, consultationId: number, meetingId: number, body: z.infer<typeof MinutesBody>): Promise<Meeting> {
  const data = Buffer.from(body.contentBase64, 'base64');
  if (data.length > MAX_MINUTES_BYTES) throw new AppError(413, 'MINUTES_TOO_LARGE', 'Tệp biên bản vượt quá 20 MB; hãy quét ở độ phân giải thấp hơn.');
  const mediaType = detectDocumentType(data, { docx: true });
  if (!mediaType) throw new AppError(415, 'MINUTES_TYPE_UNSUPPORTED', 'Biên bản cần là tệp PDF, ảnh PNG/JPEG hoặc tệp Word (.docx).');
  return db.transaction(async (tx) => {
    await visibleConsultation(tx, ctx, consultationId);
    const meeting = await q.findMeeting(tx, consultationId, meetingId);
    if (!meeting) throw notFound('Không tìm thấy hội nghị.');
    await authorize(tx, ctx, meeting.organizationId, 'record', 'Không tìm thấy hội nghị.');
    await q.saveMinutes(tx, consultationId, meetingId, { fileName: body.fileName, mediaType, data, sha256: crypto.createHash('sha256').update(data).digest('hex'), createdBy: actorId(ctx) });
    await insertAudit(tx, ctx, { action: 'meeting.minutes', entityType: 'meeting', entityId: `${consultationId}/${meetingId}`, organizationId: meeting.organizationId, after: { fileName: body.fileName, mediaType, size: data.length } });
    return (await q.findMeeting(tx, consultationId, meetingId))!;
  });
}

export async function getMinutes(db: Db, ctx: Ctx, consultationId: number, meetingId: number) {
  await visibleConsultation(db, ctx, consultationId);
  const meeting = await q.findMeeting(db, consultationId, meetingId);
  if (!meeting) throw notFound('Không tìm thấy hội nghị.');
  await authorize(db, ctx, meeting.organizationId, 'read', 'Không tìm thấy hội nghị.');
  const f = await q.findMinutes(db, consultationId, meetingId);
  if (!f) throw notFound('Hội nghị chưa có biên bản đính kèm.');
  return { ...f, data: Buffer.from(f.data) };
}

export async function listMeetings(db: Db, ctx: Ctx, consultationId: number) {
  await visibleConsultation(db, ctx, consultationId);
  return { items: await q.listMeetings(db, consultationId, await readableOrganizationIds(db, ctx)) };
}

// ---- Comments --------------------------------------------------------------------------------------------------

/** Checks the draft and section a comment targets, and gives the version it is made on. */
async function resolveTarget(db: Db, consultationId: number, draftId?: number, sectionAddress?: string): Promise<{ draftVersionId: number | null }> {
  if (!draftId) {
    if (sectionAddress) throw new AppError(422, 'SECTION_WITHOUT_DRAFT', 'Góp ý vào một mục thì cần chọn dự thảo.');
    return { draftVersionId: null };
  }
  const drafts = await q.consultationDrafts(db, [consultationId]);
  const d = drafts.find((x) => x.draftId === draftId);
  if (!d) throw new AppError(422, 'DRAFT_NOT_IN_CONSULTATION', 'Dự thảo này không thuộc đợt lấy ý kiến.');
  if (sectionAddress && !(await q.sectionExists(db, d.draftVersionId, sectionAddress))) {
    throw new AppError(422, 'SECTION_NOT_FOUND', `Dự thảo không có mục "${sectionAddress}".`);
  }
  return { draftVersionId: d.draftVersionId };
}

/**
 * Records a comment from a meeting, a letter, a written submission or a survey. Comments are taken while the
 * consultation is open; minutes of a meeting held in the period may still be entered after it closes, and keep
 * the meeting's date.
 */
export async function createComment(db: Db, ctx: Ctx, consultationId: number, body: z.infer<typeof CreateCommentBody>): Promise<Comment> {
  return db.transaction(async (tx) => {
    const c = await visibleConsultation(tx, ctx, consultationId);
    await authorize(tx, ctx, body.organizationId, 'record', 'Không tìm thấy tổ chức.');
    await requireParticipant(tx, c, body.organizationId);
    let madeOn = body.madeOn ?? todayInVietnam();
    if (body.meetingId) {
      const meeting = await q.findMeeting(tx, consultationId, body.meetingId);
      if (!meeting) throw new AppError(422, 'MEETING_NOT_FOUND', 'Không tìm thấy hội nghị này trong đợt lấy ý kiến.');
      if (meeting.organizationId !== body.organizationId) throw new AppError(422, 'MEETING_OTHER_ORGANIZATION', 'Hội nghị do tổ chức khác tổ chức.');
      if (body.channel !== 'conference') throw new AppError(422, 'CHANNEL_MISMATCH', 'Ý kiến tại hội nghị phải có kênh "Hội nghị, tọa đàm".');
      madeOn = meeting.heldOn;
      if (c.status !== 'open' && c.status !== 'closed') throw new AppError(409, 'CONSULTATION_STATE', closedMessage(c));
    } else if (c.status !== 'open') {
      throw new AppError(409, 'CONSULTATION_STATE', closedMessage(c));
    }
    requireInPeriod(c, madeOn, `Ý kiến (${CHANNEL_LABELS[body.channel].toLowerCase()})`);
    const { draftVersionId } = await resolveTarget(tx, consultationId, body.draftId, body.sectionAddress);
    const stored = await q.insertComment(tx, {
      ...commentFields(consultationId, draftVersionId, body),
      channel: body.channel,
      organizationId: body.organizationId,
      unitLevel: null,
      unitCode: null,
      authorName: body.authorName ?? null,
      weight: body.weight,
      meetingId: body.meetingId ?? null,
      idempotencyKey: body.idempotencyKey ?? null,
      madeOn,
      createdBy: actorId(ctx),
    });
    const comment = (await q.findComment(tx, consultationId, stored.id))!;
    if (!stored.duplicate) await insertAudit(tx, ctx, { action: 'comment.create', entityType: 'comment', entityId: `${consultationId}/${stored.id}`, organizationId: body.organizationId, after: comment });
    return comment;
  });
}

/** The fields every channel's comment takes the same way: its target, its text and the optional profile. */
function commentFields(
  consultationId: number,
  draftVersionId: number | null,
  b: { draftId?: number; sectionAddress?: string; body: string; stratum?: string; gender?: string; ageBand?: string; ethnicity?: string; religion?: string },
) {
  return {
    consultationId,
    draftId: b.draftId ?? null,
    draftVersionId,
    sectionAddress: b.sectionAddress ?? null,
    body: b.body,
    stratum: b.stratum ?? null,
    gender: b.gender ?? null,
    ageBand: b.ageBand ?? null,
    ethnicity: b.ethnicity ?? null,
    religion: b.religion ?? null,
    importId: null,
  };
}

/** Not taking comments yet: still being prepared, or opened ahead of its first day. */
const beforeOpening = (c: q.ConsultationRow, today: IsoDate) => c.status === 'preparing' || (c.status === 'open' && today < c.opensOn);

/** Why a consultation takes no comment now, with a date only when it is one still to come or already past. */
function closedMessage(c: q.ConsultationRow, today: IsoDate = todayInVietnam()): string {
  if (beforeOpening(c, today)) {
    return today < c.opensOn ? `Đợt lấy ý kiến chưa mở (dự kiến từ ngày ${formatDay(c.opensOn)}).` : 'Đợt lấy ý kiến chưa mở.';
  }
  // Closed before its planned end: "ended on <a day still to come>" would be untrue.
  if (today <= c.closesOn && c.status !== 'open') return 'Đợt lấy ý kiến đã kết thúc; không nhận thêm ý kiến.';
  return `Đợt lấy ý kiến đã kết thúc ngày ${formatDay(c.closesOn)}; không nhận thêm ý kiến.`;
}

export async function listComments(db: Db, ctx: Ctx, consultationId: number, query: z.infer<typeof CommentListQuery>) {
  await visibleConsultation(db, ctx, consultationId);
  const organizationIds = await readableOrganizationIds(db, ctx);
  return q.listComments(db, { consultationId, organizationIds, ...query, foldedWords: query.q ? foldVietnamese(query.q) : undefined });
}

// ---- Spreadsheet imports ---------------------------------------------------------------------------------------

async function importContext(db: Db, c: q.ConsultationRow): Promise<ImportContext & { sectionTitles: Map<number, Array<{ address: string; title: string }>> }> {
  const drafts = await q.consultationDrafts(db, [c.id]);
  const sectionTitles = new Map<number, Array<{ address: string; title: string }>>();
  const list: ImportContext['drafts'] = [];
  for (const d of drafts) {
    const sections = await q.draftSections(db, d.draftVersionId);
    sectionTitles.set(d.draftId, sections.map((s) => ({ address: s.address, title: s.title })));
    list.push({ position: d.position, draftId: d.draftId, draftVersionId: d.draftVersionId, title: d.title, sections: new Set(sections.map((s) => s.address)) });
  }
  return { drafts: list, opensOn: c.opensOn, closesOn: c.closesOn, today: todayInVietnam(), sectionTitles };
}

export async function importTemplateFile(db: Db, ctx: Ctx, consultationId: number): Promise<Buffer> {
  const c = await visibleConsultation(db, ctx, consultationId);
  return importTemplate(await importContext(db, c));
}

/**
 * Imports a sheet of comments collected on paper. 'check' only reports; 'valid_only' stores the valid rows;
 * 'all_or_nothing' stores nothing unless every row is valid. The same file imported before is refused unless
 * forced. Rows are streamed and stored in batches inside one transaction: a failure stores nothing.
 */
export async function importComments(
  db: Db,
  ctx: Ctx,
  consultationId: number,
  body: z.infer<typeof ImportBody>,
  options: { data?: Buffer; onProgress?: (rows: number) => void; limits?: Partial<typeof IMPORT_LIMITS> } = {},
): Promise<z.infer<typeof ImportReport>> {
  const data = options.data ?? Buffer.from(body.contentBase64, 'base64');
  const ext = /\.([^.]+)$/.exec(body.fileName)?.[1]?.toLowerCase();
  if (ext !== 'xlsx' && ext !== 'csv') throw new AppError(415, 'IMPORT_FORMAT_UNSUPPORTED', 'Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv).');
  const sha256 = crypto.createHash('sha256').update(data).digest('hex');
  const c = await visibleConsultation(db, ctx, consultationId);
  await authorize(db, ctx, body.organizationId, 'record', 'Không tìm thấy tổ chức.');
  await requireParticipant(db, c, body.organizationId);
  if (c.status !== 'open') throw new AppError(409, 'CONSULTATION_STATE', closedMessage(c));
  const previous = await q.findImportByHash(db, consultationId, sha256);
  const previousImport = previous ? { id: previous.id, at: previous.at, fileName: previous.fileName, imported: previous.imported } : null;
  const context = await importContext(db, c);
  const report = { importId: null as number | null, fileName: body.fileName, sha256, imported: 0, previousImport };
  if (body.mode === 'check') {
    const scan = await scanCommentSheet(data, ext, context, async () => {}, { onProgress: options.onProgress, limits: options.limits });
    return { ...report, ...scan };
  }
  if (previous && !body.force) {
    throw new AppError(409, 'IMPORT_DUPLICATE', `Tệp này đã được nhập ngày ${previous.at.slice(0, 10).split('-').reverse().join('/')} (${previous.imported} ý kiến). Chọn "nhập lại" nếu thật sự cần.`, { previousImport });
  }
  return db.transaction(async (tx) => {
    const importId = await q.insertImport(tx, { consultationId, organizationId: body.organizationId, fileName: body.fileName, sha256, createdBy: actorId(ctx) });
    let imported = 0;
    // One COPY stays open for the whole file: the database stores a batch while the next is read and checked.
    const copy = await q.openCommentCopy(tx, { consultationId, organizationId: body.organizationId, importId, createdBy: actorId(ctx) });
    let scan;
    try {
      scan = await scanCommentSheet(
        data,
        ext,
        context,
        async (batch) => {
          await copy.write(batch.map(({ row: _r, ...c }) => c));
          imported += batch.length;
        },
        { onProgress: options.onProgress, limits: options.limits },
      );
    } catch (err) {
      await copy.abort();
      throw err;
    }
    await copy.end();
    if (body.mode === 'all_or_nothing' && scan.invalid) {
      throw new AppError(422, 'IMPORT_HAS_ERRORS', `Có ${scan.invalid} dòng không hợp lệ: chưa nhập dòng nào. Hãy sửa tệp hoặc chọn chỉ nhập các dòng hợp lệ.`, { ...report, ...scan });
    }
    await q.finishImport(tx, consultationId, importId, scan.rows, imported);
    const result = { ...report, ...scan, importId, imported };
    await insertAudit(tx, ctx, { action: 'comment.import', entityType: 'comment_import', entityId: `${consultationId}/${importId}`, organizationId: body.organizationId, after: { ...result, errors: result.errors.slice(0, 20) } });
    return result;
  });
}

// ---- Dashboard -------------------------------------------------------------------------------------------------

/** Figures over the comments the caller may see, optionally within one organization's area; `owner` is whose synthesis to show. */
export async function consultationStats(db: Db, ctx: Ctx, consultationId: number, organizationId?: number) {
  const c = await visibleConsultation(db, ctx, consultationId);
  let scope = await readableOrganizationIds(db, ctx);
  if (organizationId) {
    const area = await q.participantIds(db, organizationId);
    scope = scope === null ? area : scope.filter((id) => area.includes(id));
  }
  return { stats: await q.consultationStats(db, consultationId, scope), owner: organizationId ?? c.organizationId, scope };
}

// ---- Public portal ---------------------------------------------------------------------------------------------

export async function listPublicConsultations(db: Db) {
  const list = await q.listConsultations(db, { organizationIds: null, publicOnly: true });
  const today = todayInVietnam();
  return {
    items: list.map((c) => ({ id: c.id, title: c.title, description: c.description, organizationName: c.organizationName, opensOn: c.opensOn, closesOn: c.closesOn, acceptingComments: accepting(c, today), phase: publicPhase(c, today) })),
  };
}

function accepting(c: q.ConsultationRow, today: IsoDate): boolean {
  return c.status === 'open' && c.publicPortal && today >= c.opensOn && today <= c.closesOn;
}

/** Where a consultation stands for citizens: to come, taking comments, or over (whatever the reason). */
function publicPhase(c: q.ConsultationRow, today: IsoDate): PublicPhase {
  if (accepting(c, today)) return 'open';
  return beforeOpening(c, today) ? 'upcoming' : 'ended';
}

/**
 * A consultation on the public portal. One still being prepared is readable by its link (posters and QR codes go
 * out before the opening day) but shows no draft until it opens: the text may still change.
 */
async function publicConsultation(db: Db, id: number): Promise<q.ConsultationRow> {
  const c = await q.findConsultation(db, id);
  if (!c || !c.publicPortal) throw notFound('Không tìm thấy đợt lấy ý kiến.');
  return c;
}

export async function getPublicConsultation(db: Db, id: number) {
  const c = await publicConsultation(db, id);
  const drafts = c.status === 'preparing' ? [] : await q.consultationDrafts(db, [id]);
  const today = todayInVietnam();
  return {
    id: c.id,
    title: c.title,
    description: c.description,
    organizationName: c.organizationName,
    opensOn: c.opensOn,
    closesOn: c.closesOn,
    acceptingComments: accepting(c, today),
    phase: publicPhase(c, today),
    drafts: await Promise.all(drafts.map(async (d) => ({ draftId: d.draftId, title: d.title, versionNo: d.versionNo, sections: await q.draftSections(db, d.draftVersionId) }))),
  };
}

/**
 * What the portal checks a submission against, kept in memory for a few seconds per consultation: its drafts'
 * sections and the participating communes' Front committees. Whether the consultation still takes comments is not
 * cached: the storing statement checks it itself.
 */
interface PortalFacts {
  at: number;
  consultation: q.ConsultationRow;
  drafts: Map<number, { draftVersionId: number; sections: Set<string> }>;
  frontByUnit: Map<string, number>;
}
const PORTAL_FACTS_TTL_MS = 5000;
const portalFacts = new WeakMap<object, Map<number, PortalFacts>>();

/** Forget cached portal facts (after a new draft version or a state change in this process). */
export function forgetPortalFacts(db: Db): void {
  portalFacts.delete(db);
}

async function factsFor(db: Db, consultationId: number): Promise<PortalFacts> {
  let byId = portalFacts.get(db);
  if (!byId) portalFacts.set(db, (byId = new Map()));
  const had = byId.get(consultationId);
  if (had && Date.now() - had.at < PORTAL_FACTS_TTL_MS) return had;
  const consultation = await publicConsultation(db, consultationId);
  const drafts = new Map<number, { draftVersionId: number; sections: Set<string> }>();
  for (const d of await q.consultationDrafts(db, [consultationId])) {
    drafts.set(d.draftId, { draftVersionId: d.draftVersionId, sections: new Set((await q.draftSections(db, d.draftVersionId)).map((x) => x.address)) });
  }
  const facts = { at: Date.now(), consultation, drafts, frontByUnit: await q.participatingFronts(db, consultation.organizationId) };
  byId.set(consultationId, facts);
  return facts;
}

export type PortalOutcome = q.PortalStored | { failed: unknown };

/**
 * Stores a batch of portal writes, one outcome per write in order. At most one write per challenge and per
 * idempotency key goes into a statement: a repeat (a retry that came while its first try was queued) goes into the
 * next round and gets that round's verdict. A statement that fails as a whole (one poisoned comment) is retried
 * write by write, so one bad write costs nobody else theirs.
 */
export async function storePortalBatch(db: Db, writes: q.PortalWrite[]): Promise<PortalOutcome[]> {
  const outcomes: PortalOutcome[] = new Array(writes.length);
  let rest = writes.map((_, i) => i);
  while (rest.length) {
    const seen = new Set<string>();
    const round: number[] = [];
    const later: number[] = [];
    for (const i of rest) {
      const w = writes[i]!;
      const keys = [`s:${w.spent.signature}`, `k:${w.comment.consultationId}:${w.comment.idempotencyKey}`];
      (keys.some((k) => seen.has(k)) ? later : round).push(i);
      keys.forEach((k) => seen.add(k));
    }
    const batch = round.map((i) => writes[i]!);
    const stored = await q
      .storePublicComments(db, batch)
      .catch(() => Promise.all(batch.map((w) => q.storePublicComments(db, [w]).then((r): PortalOutcome => r[0]!, (failed: unknown): PortalOutcome => ({ failed })))));
    round.forEach((i, k) => (outcomes[i] = stored[k]!));
    rest = later;
  }
  return outcomes;
}

/** Flushes at once per process: each holds a pooled connection while its commit is flushed to disk. */
const PORTAL_FLUSHES_IN_FLIGHT = 2;
const portalWriters = new WeakMap<object, GroupCommit<q.PortalWrite, PortalOutcome>>();

/**
 * Portal comments are stored by group commit: under load, the comments that arrive while earlier ones are being
 * committed are stored together by one statement and one commit, and each request is answered after the commit
 * that holds its comment.
 */
function portalWriter(db: Db): GroupCommit<q.PortalWrite, PortalOutcome> {
  let writer = portalWriters.get(db);
  if (!writer) {
    writer = groupCommit((writes) => storePortalBatch(db, writes), { maxBatch: 100, maxInFlight: PORTAL_FLUSHES_IN_FLIGHT });
    portalWriters.set(db, writer);
  }
  return writer;
}

/** Communes of the consultation's area (those whose Front committee takes part) matching what a citizen typed. */
export async function searchPublicCommunes(db: Db, consultationId: number, query: z.infer<typeof PublicCommuneQuery>) {
  const facts = await factsFor(db, consultationId);
  return searchCommunes(db, { codes: [...facts.frontByUnit.keys()], q: query.q, limit: query.limit });
}

/**
 * A citizen's comment from the public portal. No account: the proof of work (checked by the route) and the
 * per-address rate limit keep floods out; the idempotency key makes a retried submission land once. The comment
 * is counted under the commune's Front committee when a commune is given (one outside the area is refused), else
 * under the consultation's organization. The comment is stored by group commit with those arriving at the same time
 * (its challenge spent in the same statement, only while the consultation is open), and acknowledged only after
 * that commit.
 */
export async function createPublicComment(db: Db, consultationId: number, body: Omit<z.infer<typeof PublicCommentBody>, 'altcha'>, spent: { signature: string; expiresAt: Date }) {
  const facts = await factsFor(db, consultationId);
  const c = facts.consultation;
  let draftVersionId: number | null = null;
  if (body.draftId) {
    const d = facts.drafts.get(body.draftId);
    if (!d) throw new AppError(422, 'DRAFT_NOT_IN_CONSULTATION', 'Dự thảo này không thuộc đợt lấy ý kiến.');
    if (body.sectionAddress && !d.sections.has(body.sectionAddress)) throw new AppError(422, 'SECTION_NOT_FOUND', `Dự thảo không có mục "${body.sectionAddress}".`);
    draftVersionId = d.draftVersionId;
  } else if (body.sectionAddress) {
    throw new AppError(422, 'SECTION_WITHOUT_DRAFT', 'Góp ý vào một mục thì cần chọn dự thảo.');
  }
  if (body.unitCode && !facts.frontByUnit.has(body.unitCode)) {
    throw new AppError(422, 'UNIT_NOT_IN_AREA', `Xã/phường mã ${body.unitCode} không thuộc địa bàn của đợt lấy ý kiến này. Hãy kiểm tra lại mã hoặc để trống.`);
  }
  const today = todayInVietnam();
  const r = await portalWriter(db).submit({
    comment: {
      ...commentFields(consultationId, draftVersionId, body),
      channel: 'portal',
      organizationId: (body.unitCode && facts.frontByUnit.get(body.unitCode)) || c.organizationId,
      unitLevel: body.unitCode ? 'commune' : null,
      unitCode: body.unitCode ?? null,
      authorName: null,
      weight: 1,
      meetingId: null,
      idempotencyKey: body.idempotencyKey,
      madeOn: today,
      createdBy: null,
    },
    spent,
  });
  if ('failed' in r) throw r.failed;
  if (r.id !== null) return { id: r.id, receivedAt: r.createdAt!, duplicate: false };
  // Nothing stored: a retry of a stored submission, a closed consultation, or a challenge already used.
  const existing = await q.findByIdempotencyKey(db, consultationId, body.idempotencyKey);
  if (existing) return { id: existing.id, receivedAt: existing.createdAt, duplicate: true };
  const now = await publicConsultation(db, consultationId);
  if (!accepting(now, today)) {
    throw new AppError(409, 'CONSULTATION_CLOSED', closedMessage(now, today));
  }
  throw new AppError(400, 'CHALLENGE_REUSED', 'Mã xác minh đã được dùng. Vui lòng gửi lại để lấy mã mới.');
}

/** Drops spent challenges whose expiry has passed (they could not be replayed anyway). */
export async function sweepSpentChallenges(db: Db): Promise<void> {
  await q.sweepSpentChallenges(db);
}

/** A random secret kept in the database, so every server process of one deployment signs challenges alike. */
export async function appSecret(db: Db, key: string): Promise<string> {
  const fresh = crypto.randomBytes(32).toString('hex');
  await db.execute(sql`INSERT INTO app_meta (key, value) VALUES (${key}, ${JSON.stringify(fresh)}::jsonb) ON CONFLICT (key) DO NOTHING`);
  const r = await one<{ value: string }>(db, sql`SELECT value FROM app_meta WHERE key = ${key}`);
  return r!.value;
}
