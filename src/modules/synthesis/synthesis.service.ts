// Building, curating, approving, sending and returning syntheses. One transaction per command, each audited.
//
// A synthesis holds comments, each in exactly one group (the members table's key); counts are sums of member
// weights. Building adds what is new since the last build — the organization's own comments and the groups of
// syntheses sent up to it — to the existing groups through the grouping engine, without regrouping what is there:
// curators' work is never undone by a late arrival. A received group stays whole, so what a commune grouped
// stays grouped at the province; its comments keep their origin (the comment's organization) and the path they
// came by (via_synthesis_id).
import { z } from 'zod';
import type { Db } from '../../server/db';
import type { Ctx } from '../../server/context';
import { AppError, forbidden, notFound } from '../../shared/errors';
import { insertAudit } from '../audit/audit.queries';
import { getConsultation } from '../consultations/consultations.service';
import { participantIds } from '../consultations/consultations.queries';
import { rolesOnOrganization } from '../organizations/organizations.service';
import { groupComments, type CommentInput } from './engine';
import { can, type SynthesisAction } from './synthesis.access';
import * as q from './synthesis.queries';
import type { CurationBody, Synthesis, SynthesisGroupsQuery, SynthesisState } from './synthesis.schema';

async function authorize(db: Db, ctx: Ctx, organizationId: number, action: SynthesisAction): Promise<void> {
  const roles = await rolesOnOrganization(db, ctx, organizationId);
  if (!can(roles, 'read')) throw notFound('Không tìm thấy bản tổng hợp.');
  if (!can(roles, action)) throw forbidden();
}

async function participates(db: Db, consultation: { organizationId: number }, organizationId: number): Promise<boolean> {
  return (await participantIds(db, consultation.organizationId)).includes(organizationId);
}

async function requireParticipant(db: Db, ctx: Ctx, consultationId: number, organizationId: number) {
  const consultation = await getConsultation(db, ctx, consultationId);
  if (!(await participates(db, consultation, organizationId))) {
    throw new AppError(422, 'NOT_PARTICIPATING', 'Tổ chức này không tham gia đợt lấy ý kiến.');
  }
  return consultation;
}

const NOT_BUILT_MESSAGE = 'Tổ chức này chưa lập bản tổng hợp cho đợt lấy ý kiến.';
const BUILD_FIRST_MESSAGE = `${NOT_BUILT_MESSAGE} Hãy lập bản tổng hợp trước.`;

/** The stored synthesis, to read its groups: they are not found (404) before the first build. */
async function loadSynthesis(db: Db, consultationId: number, organizationId: number): Promise<q.SynthesisRow> {
  const s = await q.findSynthesis(db, consultationId, organizationId);
  if (!s) throw new AppError(404, 'SYNTHESIS_NOT_BUILT', NOT_BUILT_MESSAGE);
  return s;
}

/** The stored synthesis, locked for a command; a command on one not built yet is refused (409). */
async function lockSynthesis(db: Db, consultationId: number, organizationId: number): Promise<q.SynthesisRow> {
  const s = await q.findSynthesis(db, consultationId, organizationId, true);
  if (!s) throw new AppError(409, 'SYNTHESIS_NOT_BUILT', BUILD_FIRST_MESSAGE);
  return s;
}

/** A synthesis as shown: the stored row, or the placeholder of one not built yet (no id, no groups, revision 0). */
type SynthesisView = Omit<q.SynthesisRow, 'id' | 'status'> & { id: number | null; status: SynthesisState };

async function present(db: Db, s: SynthesisView): Promise<Synthesis> {
  const expected = await q.expectedReporters(db, s.organizationId);
  const included = s.id === null ? [] : await q.includedSyntheses(db, s.consultationId, s.id);
  const sent = await q.receivedSyntheses(db, s.consultationId, s.organizationId);
  const { pendingComments, ...totals } = await q.totals(db, s.consultationId, s.id, s.organizationId);
  const includedIds = new Set(included.map((i) => i.organizationId));
  const mergedSyntheses = new Set(included.map((i) => i.synthesisId));
  const pending = {
    comments: pendingComments,
    syntheses: sent.filter((r) => !mergedSyntheses.has(r.id)).map((r) => ({ organizationId: r.organizationId, name: r.name, synthesisId: r.id })),
  };
  const received = expected.filter((e) => includedIds.has(e.organizationId)).length;
  const text =
    s.id === null
      ? notBuiltText(s.organizationName, expected, pending)
      : expected.length
        ? `Tổng hợp từ ${received}/${expected.length} đơn vị${included.length > received ? ` (và ${included.length - received} đơn vị khác)` : ''}`
        : `Tổng hợp từ ý kiến do ${s.organizationName} trực tiếp ghi nhận`;
  const undoable = s.id === null ? undefined : await q.lastStep(db, s.consultationId, s.id);
  return {
    ...s,
    totals,
    coverage: { expected: expected.length, received, missing: expected.filter((e) => !includedIds.has(e.organizationId)), included, text },
    pending,
    canUndo: !!undoable && (s.status === 'draft' || s.status === 'returned'),
  };
}

/** "Chưa lập bản tổng hợp: 3/34 đơn vị đã gửi lên; 12 ý kiến do … trực tiếp ghi nhận đang chờ." */
function notBuiltText(organizationName: string, expected: Array<{ organizationId: number }>, pending: Synthesis['pending']): string {
  const sent = new Set(pending.syntheses.map((p) => p.organizationId));
  const parts: string[] = [];
  if (expected.length) parts.push(`${expected.filter((e) => sent.has(e.organizationId)).length}/${expected.length} đơn vị đã gửi lên`);
  else if (sent.size) parts.push(`${sent.size} đơn vị đã gửi lên`);
  if (pending.comments) parts.push(`${pending.comments} ý kiến do ${organizationName} trực tiếp ghi nhận đang chờ`);
  return `Chưa lập bản tổng hợp: ${parts.length ? parts.join('; ') : 'chưa có ý kiến nào'}.`;
}

const NOT_PARTICIPATING_MESSAGE = 'Tổ chức này không tham gia đợt lấy ý kiến nên không có bản tổng hợp.';

/** The caller may read the organization and the consultation (404 otherwise); the stored synthesis, if any. */
async function readableSynthesis(db: Db, ctx: Ctx, consultationId: number, organizationId: number) {
  await authorize(db, ctx, organizationId, 'read');
  const consultation = await getConsultation(db, ctx, consultationId);
  return { consultation, stored: await q.findSynthesis(db, consultationId, organizationId) };
}

/**
 * An organization's synthesis of a consultation. Before its first build it reads as 'not_built', with what a build
 * would take in; an organization outside the caller's scope or not taking part is not found.
 */
export async function getSynthesis(db: Db, ctx: Ctx, consultationId: number, organizationId: number): Promise<Synthesis> {
  const { consultation, stored } = await readableSynthesis(db, ctx, consultationId, organizationId);
  if (stored) return present(db, stored);
  if (!(await participates(db, consultation, organizationId))) throw notFound(NOT_PARTICIPATING_MESSAGE);
  const organizationName = (await q.organizationName(db, organizationId)) ?? '';
  return present(db, { id: null, consultationId, organizationId, organizationName, status: 'not_built', revision: 0, returnNote: null, builtAt: null, approvedAt: null, sentAt: null });
}

/**
 * That a synthesis has been built, reading only its row (a report that carries it checks this on every save): not
 * found as getSynthesis, 409 before its first build.
 */
export async function requireBuiltSynthesis(db: Db, ctx: Ctx, consultationId: number, organizationId: number): Promise<q.SynthesisRow> {
  const { consultation, stored } = await readableSynthesis(db, ctx, consultationId, organizationId);
  if (stored?.builtAt) return stored;
  if (!stored && !(await participates(db, consultation, organizationId))) throw notFound(NOT_PARTICIPATING_MESSAGE);
  throw new AppError(409, 'SYNTHESIS_NOT_BUILT', BUILD_FIRST_MESSAGE);
}

/** A synthesis that has been built, whole (to print its report); 409 before its first build. */
export async function getBuiltSynthesis(db: Db, ctx: Ctx, consultationId: number, organizationId: number): Promise<Synthesis & { id: number }> {
  const stored = await requireBuiltSynthesis(db, ctx, consultationId, organizationId);
  return { ...(await present(db, stored)), id: stored.id };
}

export async function listGroups(db: Db, ctx: Ctx, consultationId: number, organizationId: number, query: z.infer<typeof SynthesisGroupsQuery>) {
  await authorize(db, ctx, organizationId, 'read');
  const s = await loadSynthesis(db, consultationId, organizationId);
  return q.listGroups(db, { consultationId, synthesisId: s.id, ...query });
}

export async function getGroup(db: Db, ctx: Ctx, consultationId: number, organizationId: number, groupId: number) {
  await authorize(db, ctx, organizationId, 'read');
  const s = await loadSynthesis(db, consultationId, organizationId);
  const group = await q.findGroup(db, consultationId, s.id, groupId);
  if (!group) throw notFound('Không tìm thấy nhóm ý kiến.');
  const members = await q.groupMembers(db, consultationId, groupId);
  const tally = (key: (m: (typeof members)[number]) => string | null) => {
    const out: Record<string, number> = {};
    for (const m of members) {
      const k = key(m);
      if (k) out[k] = (out[k] ?? 0) + m.weight;
    }
    return out;
  };
  return { ...group, members, strata: tally((m) => m.stratum), channels: tally((m) => m.channel), byUnit: tally((m) => m.organizationName) };
}

/** The largest groups of a synthesis for a dashboard; empty when it is not built or not readable. */
export async function largestGroups(db: Db, ctx: Ctx, consultationId: number, organizationId: number, limit = 10) {
  if (!can(await rolesOnOrganization(db, ctx, organizationId), 'read')) return [];
  return q.largestGroups(db, consultationId, organizationId, limit);
}

// ---- Building --------------------------------------------------------------------------------------------------

/** The engine's section key: the draft, then the address ("D12.II.3"); '' for the consultation as a whole. */
const sectionKey = (draftId: number | null, address: string | null) => (draftId ? (address ? `D${draftId}.${address}` : `D${draftId}`) : '');
function fromSectionKey(key: string | null): { draftId: number | null; sectionAddress: string | null } {
  const m = /^D(\d+)(?:\.(.+))?$/.exec(key ?? '');
  return m ? { draftId: Number(m[1]), sectionAddress: m[2] ?? null } : { draftId: null, sectionAddress: null };
}

/**
 * Builds or brings up to date an organization's synthesis: new own comments and newly received groups join the
 * existing groups they match (the largest, when several do) or form new groups.
 */
/**
 * The new members of one engine group (own comments `c…`, units' groups `r<synthesis>:<group>`), in parts that hold
 * at most one group of each unit: a unit's approved synthesis says its groups are different opinions, so building here
 * must not put two of them back together (the curator still may, by hand). Heaviest first, each member goes to the
 * first part without a group of its unit; own comments stay in the first. Deterministic for the same input.
 */
export function apartByUnit(members: string[], weight: (member: string) => number): string[][] {
  const unitOf = (m: string) => (m.startsWith('r') ? m.slice(1, m.indexOf(':')) : null);
  const ordered = [...members].sort((a, b) => weight(b) - weight(a) || (a < b ? -1 : a > b ? 1 : 0));
  const parts: Array<{ members: string[]; units: Set<string> }> = [{ members: [], units: new Set() }];
  for (const m of ordered) {
    const unit = unitOf(m);
    let part = unit === null ? parts[0]! : parts.find((p) => !p.units.has(unit));
    if (!part) parts.push((part = { members: [], units: new Set() }));
    part.members.push(m);
    if (unit !== null) part.units.add(unit);
  }
  return parts.map((p) => p.members).filter((p) => p.length);
}

export async function buildSynthesis(db: Db, ctx: Ctx, consultationId: number, organizationId: number): Promise<Synthesis> {
  return db.transaction(async (tx) => {
    await authorize(tx, ctx, organizationId, 'curate');
    const consultation = await requireParticipant(tx, ctx, consultationId, organizationId);
    if (consultation.status === 'preparing') throw new AppError(409, 'CONSULTATION_STATE', 'Đợt lấy ý kiến chưa mở: chưa có gì để tổng hợp.');
    await q.insertSynthesis(tx, consultationId, organizationId);
    const s = await lockSynthesis(tx, consultationId, organizationId);
    if (s.status === 'approved' || s.status === 'sent') throw new AppError(409, 'SYNTHESIS_LOCKED', 'Bản tổng hợp đã phê duyệt hoặc đã gửi; mở lại để cập nhật.');

    const existing = await q.groupsForMatching(tx, consultationId, s.id);
    const own = await q.newOwnComments(tx, consultationId, s.id, organizationId);
    const received: Array<{ childId: number; groups: Awaited<ReturnType<typeof q.newReceivedGroups>> }> = [];
    for (const child of await q.receivedSyntheses(tx, consultationId, organizationId)) {
      const groups = await q.newReceivedGroups(tx, consultationId, s.id, child.id);
      if (groups.length) received.push({ childId: child.id, groups });
    }
    const added = own.length + received.reduce((n, r) => n + r.groups.length, 0);
    if (added) {
      const inputs: CommentInput[] = [
        ...existing.map((g) => ({ id: `e${g.id}`, text: g.text, section: sectionKey(g.draftId, g.sectionAddress), weight: Math.max(1, g.weight) })),
        ...own.map((c) => ({ id: `c${c.id}`, text: c.body, section: sectionKey(c.draftId, c.sectionAddress), weight: c.weight, stratum: c.stratum, channel: c.channel })),
        ...received.flatMap((r) => r.groups.map((g) => ({ id: `r${r.childId}:${g.id}`, text: g.text, section: sectionKey(g.draftId, g.sectionAddress), weight: Math.max(1, g.weight) }))),
      ];
      const weightOf = new Map(existing.map((g) => [`e${g.id}`, g.weight]));
      const inputOf = new Map(inputs.map((i) => [i.id, i]));
      const summaryOf = new Map<string, string | null>(received.flatMap((r) => r.groups.map((g) => [`r${r.childId}:${g.id}`, g.summary] as const)));
      const ownPairs: Array<[number, number]> = [];
      const got: Array<[number, number, number]> = [];
      for (const group of groupComments(inputs).groups) {
        const fresh = group.members.filter((m) => !m.startsWith('e'));
        if (!fresh.length) continue;
        // Existing groups are never merged with each other here; new material joins the largest that matched.
        const olds = group.members.filter((m) => m.startsWith('e')).sort((a, b) => (weightOf.get(b) ?? 0) - (weightOf.get(a) ?? 0) || Number(a.slice(1)) - Number(b.slice(1)));
        for (const [k, part] of apartByUnit(fresh, (m) => inputOf.get(m)!.weight ?? 1).entries()) {
          // A part keeps the engine's representative when it holds it, else is led by its heaviest member. A group made of
          // a unit's groups starts with that unit's wording of it, if the unit wrote one (the curator may rewrite it).
          const target =
            k === 0 && olds.length
              ? Number(olds[0].slice(1))
              : await q.insertGroup(tx, {
                  consultationId,
                  synthesisId: s.id,
                  ...fromSectionKey(group.section),
                  representative: part.some((m) => inputOf.get(m)!.text === group.representative) ? group.representative : inputOf.get(part[0]!)!.text,
                  summary: part.map((m) => summaryOf.get(m)).find((x) => x) ?? null,
                });
          for (const m of part) {
            if (m.startsWith('c')) ownPairs.push([Number(m.slice(1)), target]);
            else {
              const [childId, childGroupId] = m.slice(1).split(':').map(Number);
              got.push([childId, childGroupId, target]);
            }
          }
        }
      }
      // Members go in by set, a few statements whatever the size: a province merges thousands of groups.
      for (let i = 0; i < ownPairs.length; i += 20_000) await q.insertOwnMembersBatch(tx, consultationId, s.id, ownPairs.slice(i, i + 20_000));
      for (let i = 0; i < got.length; i += 5_000) await q.insertReceivedMembersBatch(tx, consultationId, s.id, got.slice(i, i + 5_000));
      // A comment already here by another path was not added again; a group made only of such comments is empty.
      await q.deleteEmptyGroups(tx, consultationId, s.id);
    }
    await q.updateSynthesis(tx, consultationId, s.id, { built: true, status: 'draft', bumpRevision: true });
    await q.clearSteps(tx, consultationId, s.id);
    const after = await present(tx, (await q.findSynthesis(tx, consultationId, organizationId))!);
    await insertAudit(tx, ctx, {
      action: 'synthesis.build',
      entityType: 'synthesis',
      entityId: `${consultationId}/${s.id}`,
      organizationId,
      after: { ownComments: own.length, receivedGroups: added - own.length, totals: after.totals, coverage: after.coverage.text },
    });
    return after;
  });
}

// ---- Curation --------------------------------------------------------------------------------------------------

type Step = z.infer<typeof CurationBody>;
type Undo =
  | { kind: 'merge'; into: number; groups: q.GroupRow[]; members: Array<{ groupId: number; commentId: number }> }
  | { kind: 'split'; newGroupId: number; fromGroupId: number; commentIds: number[] }
  | { kind: 'move'; commentId: number; fromGroup: q.GroupRow; fromDeleted: boolean }
  | { kind: 'summary'; groupId: number; summary: string | null; minority: boolean };

/**
 * One curation step on a synthesis in draft. The step names the revision it was made on: if another editor got
 * there first the step is refused (409) rather than applied to a grouping the curator has not seen.
 */
export async function curate(db: Db, ctx: Ctx, consultationId: number, organizationId: number, step: Step): Promise<Synthesis> {
  return db.transaction(async (tx) => {
    await authorize(tx, ctx, organizationId, 'curate');
    const s = await lockSynthesis(tx, consultationId, organizationId);
    if (s.status !== 'draft' && s.status !== 'returned') throw new AppError(409, 'SYNTHESIS_LOCKED', 'Bản tổng hợp đã phê duyệt hoặc đã gửi; mở lại để chỉnh sửa.');
    if (step.expectedRevision !== s.revision) {
      throw new AppError(409, 'REVISION_CONFLICT', 'Bản tổng hợp vừa được người khác chỉnh sửa. Vui lòng tải lại để xem thay đổi trước khi tiếp tục.', { revision: s.revision });
    }
    const group = async (id: number) => {
      const [g] = await q.groupRows(tx, consultationId, s.id, [id]);
      if (!g) throw new AppError(422, 'GROUP_NOT_FOUND', `Không tìm thấy nhóm ý kiến số ${id} trong bản tổng hợp.`);
      return g;
    };
    let undo: Undo | null = null;
    switch (step.kind) {
      case 'merge': {
        await group(step.into);
        const others = [...new Set(step.groupIds)].filter((id) => id !== step.into);
        if (!others.length) throw new AppError(422, 'NOTHING_TO_MERGE', 'Cần chọn ít nhất một nhóm khác để gộp.');
        const rows = await q.groupRows(tx, consultationId, s.id, others);
        if (rows.length !== others.length) throw new AppError(422, 'GROUP_NOT_FOUND', 'Có nhóm ý kiến không thuộc bản tổng hợp này.');
        const members = await q.memberIdsOf(tx, consultationId, s.id, others);
        await q.moveMembers(tx, consultationId, s.id, members.map((m) => m.commentId), step.into);
        await q.deleteEmptyGroups(tx, consultationId, s.id);
        undo = { kind: 'merge', into: step.into, groups: rows, members };
        break;
      }
      case 'split': {
        const from = await group(step.groupId);
        const ids = [...new Set(step.commentIds)];
        const members = new Set((await q.memberIdsOf(tx, consultationId, s.id, [step.groupId])).map((m) => m.commentId));
        if (ids.some((id) => !members.has(id))) throw new AppError(422, 'NOT_A_MEMBER', 'Có ý kiến được chọn không thuộc nhóm này.');
        if (ids.length === members.size) throw new AppError(422, 'SPLIT_ALL', 'Không thể tách tất cả ý kiến: nhóm cũ sẽ trống.');
        const first = (await q.groupMembers(tx, consultationId, step.groupId)).find((m) => m.commentId === Math.min(...ids))!;
        const newGroupId = await q.insertGroup(tx, { consultationId, synthesisId: s.id, draftId: from.draftId, sectionAddress: from.sectionAddress, representative: first.body });
        await q.moveMembers(tx, consultationId, s.id, ids, newGroupId);
        undo = { kind: 'split', newGroupId, fromGroupId: step.groupId, commentIds: ids };
        break;
      }
      case 'move': {
        await group(step.toGroupId);
        const where = await q.groupOfComment(tx, consultationId, s.id, step.commentId);
        if (where === undefined) throw new AppError(422, 'NOT_A_MEMBER', 'Ý kiến này không có trong bản tổng hợp.');
        if (where === step.toGroupId) throw new AppError(422, 'SAME_GROUP', 'Ý kiến đã ở trong nhóm này.');
        const fromGroup = await group(where);
        await q.moveMembers(tx, consultationId, s.id, [step.commentId], step.toGroupId);
        const left = await q.memberIdsOf(tx, consultationId, s.id, [where]);
        if (!left.length) await q.deleteEmptyGroups(tx, consultationId, s.id);
        undo = { kind: 'move', commentId: step.commentId, fromGroup, fromDeleted: !left.length };
        break;
      }
      case 'summary': {
        const g = await group(step.groupId);
        await q.setSummary(tx, consultationId, step.groupId, step.summary || null, step.minority ?? g.minority);
        undo = { kind: 'summary', groupId: g.id, summary: g.summary, minority: g.minority };
        break;
      }
      case 'undo': {
        const last = await q.lastStep(tx, consultationId, s.id);
        if (!last) throw new AppError(409, 'NOTHING_TO_UNDO', 'Không còn thao tác nào để hoàn tác.');
        await applyUndo(tx, consultationId, s.id, last.undo as Undo);
        await q.markUndone(tx, consultationId, last.id);
        break;
      }
    }
    await q.updateSynthesis(tx, consultationId, s.id, { bumpRevision: true });
    if (undo) await q.insertStep(tx, { consultationId, synthesisId: s.id, revision: s.revision + 1, kind: step.kind, payload: step, undo, actorId: ctx.actor?.id ?? null });
    await insertAudit(tx, ctx, { action: `synthesis.${step.kind}`, entityType: 'synthesis', entityId: `${consultationId}/${s.id}`, organizationId, before: undo ?? undefined, after: step });
    return present(tx, (await q.findSynthesis(tx, consultationId, organizationId))!);
  });
}

async function applyUndo(db: Db, consultationId: number, synthesisId: number, undo: Undo): Promise<void> {
  switch (undo.kind) {
    case 'merge':
      for (const g of undo.groups) await q.restoreGroup(db, consultationId, synthesisId, g);
      for (const g of undo.groups) {
        await q.moveMembers(db, consultationId, synthesisId, undo.members.filter((m) => m.groupId === g.id).map((m) => m.commentId), g.id);
      }
      return;
    case 'split':
      await q.moveMembers(db, consultationId, synthesisId, undo.commentIds, undo.fromGroupId);
      await q.deleteEmptyGroups(db, consultationId, synthesisId);
      return;
    case 'move':
      if (undo.fromDeleted) await q.restoreGroup(db, consultationId, synthesisId, undo.fromGroup);
      await q.moveMembers(db, consultationId, synthesisId, [undo.commentId], undo.fromGroup.id);
      await q.deleteEmptyGroups(db, consultationId, synthesisId);
      return;
    case 'summary':
      await q.setSummary(db, consultationId, undo.groupId, undo.summary, undo.minority);
      return;
  }
}

// ---- Approval and the way up -----------------------------------------------------------------------------------

const TRANSITIONS = {
  approve: { from: ['draft', 'returned'], to: 'approved', message: 'Chỉ phê duyệt được bản tổng hợp đang soạn hoặc bị trả lại.' },
  reopen: { from: ['approved'], to: 'draft', message: 'Chỉ mở lại được bản tổng hợp đã phê duyệt nhưng chưa gửi.' },
  send: { from: ['approved'], to: 'sent', message: 'Cần phê duyệt bản tổng hợp trước khi gửi.' },
} as const;

/** approve (draft → approved), reopen (approved → draft), send (approved → sent, to whom it reports). */
export async function transition(db: Db, ctx: Ctx, consultationId: number, organizationId: number, action: keyof typeof TRANSITIONS): Promise<Synthesis> {
  return db.transaction(async (tx) => {
    await authorize(tx, ctx, organizationId, 'approve');
    const s = await lockSynthesis(tx, consultationId, organizationId);
    const t = TRANSITIONS[action];
    if (!(t.from as readonly string[]).includes(s.status)) throw new AppError(409, 'SYNTHESIS_STATE', t.message);
    if (action === 'approve' && !s.builtAt) throw new AppError(409, 'SYNTHESIS_STATE', 'Cần lập bản tổng hợp trước khi phê duyệt.');
    await q.updateSynthesis(tx, consultationId, s.id, {
      status: t.to,
      bumpRevision: true,
      ...(action === 'approve' ? { approved: true, approvedBy: ctx.actor?.id ?? null, returnNote: null } : {}),
      ...(action === 'reopen' ? { approved: false } : {}),
      ...(action === 'send' ? { sent: true } : {}),
    });
    const after = (await q.findSynthesis(tx, consultationId, organizationId))!;
    await insertAudit(tx, ctx, { action: `synthesis.${action}`, entityType: 'synthesis', entityId: `${consultationId}/${s.id}`, organizationId, before: s, after });
    return present(tx, after);
  });
}

/**
 * The superior sends a received synthesis back for revision: it leaves the superior's synthesis (its comments
 * go with it) until it is sent again, and the unit sees why.
 */
export async function returnSynthesis(db: Db, ctx: Ctx, consultationId: number, organizationId: number, childOrganizationId: number, note: string): Promise<Synthesis> {
  return db.transaction(async (tx) => {
    await authorize(tx, ctx, organizationId, 'approve');
    const child = await q.findSynthesis(tx, consultationId, childOrganizationId, true);
    const received = await q.receivedSyntheses(tx, consultationId, organizationId);
    if (!child || !received.some((r) => r.id === child.id)) throw new AppError(422, 'NOT_RECEIVED', 'Đơn vị này chưa gửi bản tổng hợp cho tổ chức.');
    const mine = await q.findSynthesis(tx, consultationId, organizationId, true);
    if (mine && (mine.status === 'approved' || mine.status === 'sent')) throw new AppError(409, 'SYNTHESIS_LOCKED', 'Bản tổng hợp của tổ chức đã phê duyệt hoặc đã gửi; mở lại trước khi trả bản của đơn vị.');
    await q.updateSynthesis(tx, consultationId, child.id, { status: 'returned', returnNote: note, sent: false, approved: false, bumpRevision: true });
    if (mine) {
      await q.removeReceived(tx, consultationId, mine.id, child.id);
      await q.updateSynthesis(tx, consultationId, mine.id, { bumpRevision: true });
      await q.clearSteps(tx, consultationId, mine.id);
    }
    const after = (await q.findSynthesis(tx, consultationId, childOrganizationId))!;
    await insertAudit(tx, ctx, { action: 'synthesis.return', entityType: 'synthesis', entityId: `${consultationId}/${child.id}`, organizationId: childOrganizationId, before: child, after });
    return present(tx, after);
  });
}
