// SQL for syntheses, their groups, members and curation steps. Counts are computed from members, never stored.
import { sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../server/db';
import type { SynthesisGroup, SynthesisStatus } from './synthesis.schema';

export interface SynthesisRow {
  id: number;
  consultationId: number;
  organizationId: number;
  organizationName: string;
  status: SynthesisStatus;
  revision: number;
  returnNote: string | null;
  builtAt: string | null;
  approvedAt: string | null;
  sentAt: string | null;
}

const SYNTHESIS_COLUMNS = sql.raw(`s.id::int AS id, s.consultation_id::int AS "consultationId", s.organization_id::int AS "organizationId", o.name AS "organizationName",
  s.status, s.revision, s.return_note AS "returnNote", s.built_at::text AS "builtAt", s.approved_at::text AS "approvedAt", s.sent_at::text AS "sentAt"`);

export async function findSynthesis(db: Db, consultationId: number, organizationId: number, forUpdate = false): Promise<SynthesisRow | undefined> {
  return one(
    db,
    sql`SELECT ${SYNTHESIS_COLUMNS} FROM synthesis s JOIN organization o ON o.id = s.organization_id
        WHERE s.consultation_id = ${consultationId} AND s.organization_id = ${organizationId} ${forUpdate ? sql`FOR UPDATE OF s` : sql``}`,
  );
}

export async function insertSynthesis(db: Db, consultationId: number, organizationId: number): Promise<void> {
  await db.execute(sql`INSERT INTO synthesis (consultation_id, organization_id) VALUES (${consultationId}, ${organizationId}) ON CONFLICT DO NOTHING`);
}

export async function updateSynthesis(
  db: Db,
  consultationId: number,
  id: number,
  set: { status?: SynthesisStatus; bumpRevision?: boolean; returnNote?: string | null; built?: boolean; approvedBy?: number | null; approved?: boolean; sent?: boolean },
): Promise<void> {
  const parts = [sql`revision = revision + ${set.bumpRevision === false ? 0 : 1}`];
  if (set.status) parts.push(sql`status = ${set.status}`);
  if (set.returnNote !== undefined) parts.push(sql`return_note = ${set.returnNote}`);
  if (set.built) parts.push(sql`built_at = now()`);
  if (set.approved) parts.push(sql`approved_at = now(), approved_by = ${set.approvedBy ?? null}`);
  if (set.approved === false) parts.push(sql`approved_at = NULL, approved_by = NULL`);
  if (set.sent) parts.push(sql`sent_at = now()`);
  if (set.sent === false) parts.push(sql`sent_at = NULL`);
  await db.execute(sql`UPDATE synthesis SET ${sql.join(parts, sql`, `)} WHERE consultation_id = ${consultationId} AND id = ${id}`);
}

/** Organizations reporting straight to this one within its own system: the units whose syntheses it expects. */
export async function expectedReporters(db: Db, organizationId: number): Promise<Array<{ organizationId: number; name: string }>> {
  return rows(
    db,
    sql`SELECT o.id::int AS "organizationId", o.name FROM reporting_line rl JOIN organization o ON o.id = rl.from_org_id
        JOIN organization me ON me.id = rl.to_org_id
        WHERE rl.to_org_id = ${organizationId} AND rl.valid_to IS NULL AND o.valid_to IS NULL AND o.system = me.system ORDER BY o.unit_code, o.id`,
  );
}

/** Syntheses sent to this organization by those that report straight to it. */
export async function receivedSyntheses(db: Db, consultationId: number, organizationId: number): Promise<Array<{ id: number; organizationId: number; name: string }>> {
  return rows(
    db,
    sql`SELECT s.id::int AS id, s.organization_id::int AS "organizationId", o.name FROM synthesis s
        JOIN organization o ON o.id = s.organization_id
        WHERE s.consultation_id = ${consultationId} AND s.status = 'sent'
          AND EXISTS (SELECT 1 FROM reporting_line rl WHERE rl.from_org_id = s.organization_id AND rl.to_org_id = ${organizationId} AND rl.valid_to IS NULL)
        ORDER BY s.id`,
  );
}

/** Syntheses already merged into this one, with how many of their comments came through. */
export async function includedSyntheses(db: Db, consultationId: number, synthesisId: number): Promise<Array<{ synthesisId: number; organizationId: number; name: string; comments: number }>> {
  return rows(
    db,
    sql`SELECT m.via_synthesis_id::int AS "synthesisId", s.organization_id::int AS "organizationId", o.name, count(*)::int AS comments
        FROM synthesis_member m JOIN synthesis s ON s.consultation_id = m.consultation_id AND s.id = m.via_synthesis_id JOIN organization o ON o.id = s.organization_id
        WHERE m.consultation_id = ${consultationId} AND m.synthesis_id = ${synthesisId} AND m.via_synthesis_id IS NOT NULL
        GROUP BY m.via_synthesis_id, s.organization_id, o.name ORDER BY o.name`,
  );
}

/** An organization's own comments not yet in its synthesis. */
export async function newOwnComments(db: Db, consultationId: number, synthesisId: number, organizationId: number) {
  return rows<{ id: number; body: string; draftId: number | null; sectionAddress: string | null; weight: number; stratum: string | null; channel: string; unitCode: string | null }>(
    db,
    sql`SELECT c.id::int AS id, c.body, c.draft_id::int AS "draftId", c.section_address AS "sectionAddress", c.weight, c.stratum, c.channel, c.unit_code AS "unitCode"
        FROM comment c WHERE c.consultation_id = ${consultationId} AND c.organization_id = ${organizationId}
          AND NOT EXISTS (SELECT 1 FROM synthesis_member m WHERE m.consultation_id = c.consultation_id AND m.synthesis_id = ${synthesisId} AND m.comment_id = c.id)
        ORDER BY c.id`,
  );
}

/** The groups of a received synthesis with their counts, for the groups not yet merged here. */
export async function newReceivedGroups(db: Db, consultationId: number, synthesisId: number, childSynthesisId: number) {
  return rows<{ id: number; text: string; summary: string | null; draftId: number | null; sectionAddress: string | null; weight: number }>(
    db,
    sql`SELECT g.id::int AS id, g.representative AS text, g.summary, g.draft_id::int AS "draftId", g.section_address AS "sectionAddress",
               (SELECT coalesce(sum(m.weight), 0)::int FROM synthesis_member m WHERE m.consultation_id = g.consultation_id AND m.group_id = g.id) AS weight
        FROM synthesis_group g WHERE g.consultation_id = ${consultationId} AND g.synthesis_id = ${childSynthesisId}
          AND NOT EXISTS (SELECT 1 FROM synthesis_member m WHERE m.consultation_id = g.consultation_id AND m.synthesis_id = ${synthesisId} AND m.via_group_id = g.id)
        ORDER BY g.id`,
  );
}

/** The existing groups of a synthesis as the engine sees them when new material arrives. */
export async function groupsForMatching(db: Db, consultationId: number, synthesisId: number) {
  return rows<{ id: number; text: string; summary: string | null; draftId: number | null; sectionAddress: string | null; weight: number }>(
    db,
    sql`SELECT g.id::int AS id, g.representative AS text, g.summary, g.draft_id::int AS "draftId", g.section_address AS "sectionAddress",
               (SELECT coalesce(sum(m.weight), 0)::int FROM synthesis_member m WHERE m.consultation_id = g.consultation_id AND m.group_id = g.id) AS weight
        FROM synthesis_group g WHERE g.consultation_id = ${consultationId} AND g.synthesis_id = ${synthesisId} ORDER BY g.id`,
  );
}

export async function insertGroup(
  db: Db,
  g: { consultationId: number; synthesisId: number; draftId: number | null; sectionAddress: string | null; representative: string; summary?: string | null; minority?: boolean },
): Promise<number> {
  const r = await one<{ id: number }>(
    db,
    sql`INSERT INTO synthesis_group (consultation_id, synthesis_id, draft_id, section_address, representative, summary, minority)
        VALUES (${g.consultationId}, ${g.synthesisId}, ${g.draftId}, ${g.sectionAddress}, ${g.representative}, ${g.summary ?? null}, ${g.minority ?? false}) RETURNING id::int AS id`,
  );
  return r!.id;
}

/** Adds own comments to groups: [comment id, group id] pairs, one statement. */
export async function insertOwnMembersBatch(db: Db, consultationId: number, synthesisId: number, pairs: Array<[number, number]>): Promise<void> {
  if (!pairs.length) return;
  await db.execute(sql`INSERT INTO synthesis_member (consultation_id, synthesis_id, comment_id, group_id, weight)
    SELECT c.consultation_id, ${synthesisId}, c.id, p.g, c.weight FROM json_to_recordset(${JSON.stringify(pairs.map(([c, g]) => ({ c, g })))}::json) AS p(c bigint, g bigint)
    JOIN comment c ON c.consultation_id = ${consultationId} AND c.id = p.c
    ON CONFLICT DO NOTHING`);
}

/**
 * Brings received groups' comments into groups here: [child synthesis, child group, group here] triples, one
 * statement. A comment that already arrived by another path stays where it is and is counted once.
 */
export async function insertReceivedMembersBatch(db: Db, consultationId: number, synthesisId: number, triples: Array<[number, number, number]>): Promise<void> {
  if (!triples.length) return;
  await db.execute(sql`INSERT INTO synthesis_member (consultation_id, synthesis_id, comment_id, group_id, weight, via_synthesis_id, via_group_id)
    SELECT m.consultation_id, ${synthesisId}, m.comment_id, p.g, m.weight, p.s, p.cg
    FROM json_to_recordset(${JSON.stringify(triples.map(([s, cg, g]) => ({ s, cg, g })))}::json) AS p(s bigint, cg bigint, g bigint)
    JOIN synthesis_member m ON m.consultation_id = ${consultationId} AND m.group_id = p.cg
    ON CONFLICT DO NOTHING`);
}

export async function removeReceived(db: Db, consultationId: number, synthesisId: number, childSynthesisId: number): Promise<void> {
  await db.execute(sql`DELETE FROM synthesis_member WHERE consultation_id = ${consultationId} AND synthesis_id = ${synthesisId} AND via_synthesis_id = ${childSynthesisId}`);
  await deleteEmptyGroups(db, consultationId, synthesisId);
}

export async function deleteEmptyGroups(db: Db, consultationId: number, synthesisId: number): Promise<void> {
  await db.execute(sql`DELETE FROM synthesis_group g WHERE g.consultation_id = ${consultationId} AND g.synthesis_id = ${synthesisId}
    AND NOT EXISTS (SELECT 1 FROM synthesis_member m WHERE m.consultation_id = g.consultation_id AND m.group_id = g.id)`);
}

const GROUP_COLUMNS = sql.raw(`g.id::int AS id, g.draft_id::int AS "draftId", g.section_address AS "sectionAddress", g.representative, g.summary, g.minority,
  coalesce(sum(m.weight), 0)::int AS count, count(m.comment_id)::int AS comments, count(DISTINCT c.organization_id)::int AS units`);

export async function listGroups(
  db: Db,
  f: { consultationId: number; synthesisId: number; draftId?: number; sectionAddress?: string; limit: number; offset: number },
): Promise<{ items: SynthesisGroup[]; total: number }> {
  const where = [sql`g.consultation_id = ${f.consultationId}`, sql`g.synthesis_id = ${f.synthesisId}`];
  if (f.draftId) where.push(sql`g.draft_id = ${f.draftId}`);
  if (f.sectionAddress) where.push(sql`g.section_address = ${f.sectionAddress}`);
  const clause = sql.join(where, sql` AND `);
  const items = await rows<SynthesisGroup>(
    db,
    sql`SELECT ${GROUP_COLUMNS} FROM synthesis_group g
        LEFT JOIN synthesis_member m ON m.consultation_id = g.consultation_id AND m.group_id = g.id
        LEFT JOIN comment c ON c.consultation_id = m.consultation_id AND c.id = m.comment_id
        WHERE ${clause} GROUP BY g.consultation_id, g.id ORDER BY count DESC, g.id LIMIT ${f.limit} OFFSET ${f.offset}`,
  );
  const total = await one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM synthesis_group g WHERE ${clause}`);
  return { items, total: total?.n ?? 0 };
}

export async function findGroup(db: Db, consultationId: number, synthesisId: number, groupId: number): Promise<SynthesisGroup | undefined> {
  return one(
    db,
    sql`SELECT ${GROUP_COLUMNS} FROM synthesis_group g
        LEFT JOIN synthesis_member m ON m.consultation_id = g.consultation_id AND m.group_id = g.id
        LEFT JOIN comment c ON c.consultation_id = m.consultation_id AND c.id = m.comment_id
        WHERE g.consultation_id = ${consultationId} AND g.synthesis_id = ${synthesisId} AND g.id = ${groupId} GROUP BY g.consultation_id, g.id`,
  );
}

export async function groupMembers(db: Db, consultationId: number, groupId: number) {
  return rows<{
    commentId: number;
    body: string;
    weight: number;
    channel: string;
    organizationId: number;
    organizationName: string;
    unitCode: string | null;
    stratum: string | null;
    meetingId: number | null;
    meetingTitle: string | null;
    sectionAddress: string | null;
    viaOrganizationName: string | null;
  }>(
    db,
    sql`SELECT c.id::int AS "commentId", c.body, m.weight, c.channel, c.organization_id::int AS "organizationId", o.name AS "organizationName", c.unit_code AS "unitCode",
               c.stratum, c.meeting_id::int AS "meetingId", mt.title AS "meetingTitle", c.section_address AS "sectionAddress", vo.name AS "viaOrganizationName"
        FROM synthesis_member m
        JOIN comment c ON c.consultation_id = m.consultation_id AND c.id = m.comment_id
        JOIN organization o ON o.id = c.organization_id
        LEFT JOIN meeting mt ON mt.consultation_id = c.consultation_id AND mt.id = c.meeting_id
        LEFT JOIN synthesis vs ON vs.consultation_id = m.consultation_id AND vs.id = m.via_synthesis_id
        LEFT JOIN organization vo ON vo.id = vs.organization_id
        WHERE m.consultation_id = ${consultationId} AND m.group_id = ${groupId} ORDER BY c.id`,
  );
}

/**
 * What a synthesis holds (nothing while `synthesisId` is null: not built) and how many of the organization's own
 * comments it does not hold yet. Its own members are exactly its own comments that are in, so the difference of two
 * counts answers without an anti-join over every comment.
 */
export async function totals(
  db: Db,
  consultationId: number,
  synthesisId: number | null,
  organizationId: number,
): Promise<{ comments: number; people: number; groups: number; pendingComments: number }> {
  const r = await one<{ comments: number; people: number; groups: number; pendingComments: number }>(
    db,
    sql`SELECT m.comments, m.people,
               (SELECT count(*)::int FROM synthesis_group WHERE consultation_id = ${consultationId} AND synthesis_id = ${synthesisId}) AS groups,
               (SELECT count(*)::int FROM comment WHERE consultation_id = ${consultationId} AND organization_id = ${organizationId}) - m.own AS "pendingComments"
        FROM (SELECT count(*)::int AS comments, coalesce(sum(weight), 0)::int AS people, (count(*) FILTER (WHERE via_synthesis_id IS NULL))::int AS own
              FROM synthesis_member WHERE consultation_id = ${consultationId} AND synthesis_id = ${synthesisId}) m`,
  );
  return r!;
}

/** An organization's name, for a synthesis not built yet. */
export async function organizationName(db: Db, organizationId: number): Promise<string | undefined> {
  return (await one<{ name: string }>(db, sql`SELECT name FROM organization WHERE id = ${organizationId}`))?.name;
}

// ---- Curation primitives ---------------------------------------------------------------------------------------

export interface GroupRow {
  id: number;
  draftId: number | null;
  sectionAddress: string | null;
  representative: string;
  summary: string | null;
  minority: boolean;
}

export async function groupRows(db: Db, consultationId: number, synthesisId: number, ids: number[]): Promise<GroupRow[]> {
  if (!ids.length) return [];
  return rows(
    db,
    sql`SELECT id::int AS id, draft_id::int AS "draftId", section_address AS "sectionAddress", representative, summary, minority FROM synthesis_group
        WHERE consultation_id = ${consultationId} AND synthesis_id = ${synthesisId} AND id = ANY(${`{${ids.join(',')}}`}::bigint[]) ORDER BY id`,
  );
}

export async function restoreGroup(db: Db, consultationId: number, synthesisId: number, g: GroupRow): Promise<void> {
  await db.execute(sql`INSERT INTO synthesis_group (consultation_id, id, synthesis_id, draft_id, section_address, representative, summary, minority)
    VALUES (${consultationId}, ${g.id}, ${synthesisId}, ${g.draftId}, ${g.sectionAddress}, ${g.representative}, ${g.summary}, ${g.minority})`);
}

export async function memberIdsOf(db: Db, consultationId: number, synthesisId: number, groupIds: number[]): Promise<Array<{ groupId: number; commentId: number }>> {
  if (!groupIds.length) return [];
  return rows(
    db,
    sql`SELECT group_id::int AS "groupId", comment_id::int AS "commentId" FROM synthesis_member
        WHERE consultation_id = ${consultationId} AND synthesis_id = ${synthesisId} AND group_id = ANY(${`{${groupIds.join(',')}}`}::bigint[]) ORDER BY comment_id`,
  );
}

export async function groupOfComment(db: Db, consultationId: number, synthesisId: number, commentId: number): Promise<number | undefined> {
  const r = await one<{ g: number }>(db, sql`SELECT group_id::int AS g FROM synthesis_member WHERE consultation_id = ${consultationId} AND synthesis_id = ${synthesisId} AND comment_id = ${commentId}`);
  return r?.g;
}

/** Moves members (by comment) to a group; returns how many moved. */
export async function moveMembers(db: Db, consultationId: number, synthesisId: number, commentIds: number[], toGroupId: number): Promise<number> {
  if (!commentIds.length) return 0;
  const r = await rows<{ id: number }>(
    db,
    sql`UPDATE synthesis_member SET group_id = ${toGroupId} WHERE consultation_id = ${consultationId} AND synthesis_id = ${synthesisId}
        AND comment_id = ANY(${`{${commentIds.join(',')}}`}::bigint[]) RETURNING comment_id::int AS id`,
  );
  return r.length;
}

export async function setSummary(db: Db, consultationId: number, groupId: number, summary: string | null, minority: boolean): Promise<void> {
  await db.execute(sql`UPDATE synthesis_group SET summary = ${summary}, minority = ${minority} WHERE consultation_id = ${consultationId} AND id = ${groupId}`);
}

export async function insertStep(db: Db, s: { consultationId: number; synthesisId: number; revision: number; kind: string; payload: unknown; undo: unknown; actorId: number | null }): Promise<void> {
  await db.execute(sql`INSERT INTO synthesis_step (consultation_id, synthesis_id, revision, kind, payload, undo, actor_id)
    VALUES (${s.consultationId}, ${s.synthesisId}, ${s.revision}, ${s.kind}, ${JSON.stringify(s.payload)}::jsonb, ${JSON.stringify(s.undo)}::jsonb, ${s.actorId})`);
}

export async function lastStep(db: Db, consultationId: number, synthesisId: number): Promise<{ id: number; kind: string; undo: unknown } | undefined> {
  return one(
    db,
    sql`SELECT id::int AS id, kind, undo FROM synthesis_step WHERE consultation_id = ${consultationId} AND synthesis_id = ${synthesisId} AND NOT undone ORDER BY id DESC LIMIT 1`,
  );
}

export async function markUndone(db: Db, consultationId: number, stepId: number): Promise<void> {
  await db.execute(sql`UPDATE synthesis_step SET undone = true WHERE consultation_id = ${consultationId} AND id = ${stepId}`);
}

export async function clearSteps(db: Db, consultationId: number, synthesisId: number): Promise<void> {
  await db.execute(sql`UPDATE synthesis_step SET undone = true WHERE consultation_id = ${consultationId} AND synthesis_id = ${synthesisId}`);
}

/** The largest groups of an organization's synthesis, if it has one. */
export async function largestGroups(db: Db, consultationId: number, organizationId: number, limit: number) {
  return rows<{ groupId: number; representative: string; summary: string | null; count: number }>(
    db,
    sql`SELECT g.id::int AS "groupId", g.representative, g.summary, sum(m.weight)::int AS count FROM synthesis s
        JOIN synthesis_group g ON g.consultation_id = s.consultation_id AND g.synthesis_id = s.id
        JOIN synthesis_member m ON m.consultation_id = g.consultation_id AND m.group_id = g.id
        WHERE s.consultation_id = ${consultationId} AND s.organization_id = ${organizationId}
        GROUP BY g.consultation_id, g.id ORDER BY count DESC, g.id LIMIT ${limit}`,
  );
}
