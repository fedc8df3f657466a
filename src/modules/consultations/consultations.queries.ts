// SQL for drafts, consultations, meetings and comments. Counts are cast to int: the drivers return bigint differently.
import { sql, type SQL } from 'drizzle-orm';
import { one, preparedRows, rows, type Db } from '../../server/db';
import { openCopy } from '../../server/db/copy';
import type { IsoDate } from '../../shared/dates';
import type { DraftSection } from './drafts.parse';
import type { Comment, Consultation, ConsultationStatus, DraftSectionRow, Meeting } from './consultations.schema';

// ---- Drafts ----------------------------------------------------------------------------------------------------

export interface DraftRow {
  id: number;
  organizationId: number;
  title: string;
  createdAt: string;
}

export interface DraftVersionRow {
  id: number;
  draftId: number;
  versionNo: number;
  sourceName: string | null;
  sourceFormat: 'docx' | 'md' | 'txt';
  note: string;
  createdAt: string;
  sectionCount: number;
}

export async function insertDraft(db: Db, d: { organizationId: number; title: string; createdBy: number | null }): Promise<number> {
  const r = await one<{ id: number }>(db, sql`INSERT INTO draft (organization_id, title, created_by) VALUES (${d.organizationId}, ${d.title}, ${d.createdBy}) RETURNING id::int AS id`);
  return r!.id;
}

/** Stores a version and its sections (flattened in document order) in one statement. */
export async function insertDraftVersion(
  db: Db,
  v: { draftId: number; sourceName: string; sourceFormat: string; note: string; createdBy: number | null; sections: DraftSection[] },
): Promise<number> {
  const r = await one<{ id: number }>(
    db,
    sql`INSERT INTO draft_version (draft_id, version_no, source_name, source_format, note, created_by)
        VALUES (${v.draftId}, (SELECT coalesce(max(version_no), 0) + 1 FROM draft_version WHERE draft_id = ${v.draftId}), ${v.sourceName}, ${v.sourceFormat}, ${v.note}, ${v.createdBy})
        RETURNING id::int AS id`,
  );
  const flat = flattenSections(v.sections);
  if (flat.length) {
    await db.execute(sql`INSERT INTO draft_section (draft_version_id, address, parent_address, position, depth, kind, number, title, body)
      SELECT ${r!.id}, s.address, s."parentAddress", s.position, s.depth, s.kind, s.number, s.title, s.body
      FROM json_to_recordset(${JSON.stringify(flat)}::json) AS s(address text, "parentAddress" text, position int, depth int, kind text, number text, title text, body text)`);
  }
  return r!.id;
}

function flattenSections(sections: DraftSection[]): Array<DraftSectionRow & { position: number }> {
  const out: Array<DraftSectionRow & { position: number }> = [];
  const walk = (list: DraftSection[], parent: string | null, depth: number) => {
    for (const s of list) {
      out.push({ address: s.address, parentAddress: parent, depth, kind: s.kind, number: s.number, title: s.title, body: s.text, position: out.length });
      walk(s.children, s.address, depth + 1);
    }
  };
  walk(sections, null, 1);
  return out;
}

const DRAFT_COLUMNS = sql.raw(`d.id::int AS id, d.organization_id::int AS "organizationId", d.title, d.created_at::text AS "createdAt"`);

export async function findDraft(db: Db, id: number): Promise<DraftRow | undefined> {
  return one(db, sql`SELECT ${DRAFT_COLUMNS} FROM draft d WHERE d.id = ${id}`);
}

export async function listDrafts(db: Db, organizationIds: number[] | null): Promise<DraftRow[]> {
  const where = organizationIds ? sql`WHERE d.organization_id = ANY(${`{${organizationIds.join(',')}}`}::bigint[])` : sql``;
  return rows(db, sql`SELECT ${DRAFT_COLUMNS} FROM draft d ${where} ORDER BY d.id DESC`);
}

export async function draftVersions(db: Db, draftIds: number[]): Promise<DraftVersionRow[]> {
  if (!draftIds.length) return [];
  return rows(
    db,
    sql`SELECT v.id::int AS id, v.draft_id::int AS "draftId", v.version_no AS "versionNo", v.source_name AS "sourceName", v.source_format AS "sourceFormat",
               v.note, v.created_at::text AS "createdAt", (SELECT count(*)::int FROM draft_section s WHERE s.draft_version_id = v.id) AS "sectionCount"
        FROM draft_version v WHERE v.draft_id = ANY(${`{${draftIds.join(',')}}`}::bigint[]) ORDER BY v.draft_id, v.version_no`,
  );
}

export async function draftSections(db: Db, draftVersionId: number): Promise<DraftSectionRow[]> {
  return rows(
    db,
    sql`SELECT address, parent_address AS "parentAddress", depth, kind, number, title, body FROM draft_section WHERE draft_version_id = ${draftVersionId} ORDER BY position`,
  );
}

export async function sectionExists(db: Db, draftVersionId: number, address: string): Promise<boolean> {
  const r = await one<{ found: boolean }>(db, sql`SELECT EXISTS (SELECT 1 FROM draft_section WHERE draft_version_id = ${draftVersionId} AND address = ${address}) AS found`);
  return !!r?.found;
}

// ---- Consultations ---------------------------------------------------------------------------------------------

export interface ConsultationRow extends Omit<Consultation, 'drafts' | 'commentCount'> {}

const CONSULTATION_COLUMNS = sql.raw(`c.id::int AS id, c.organization_id::int AS "organizationId", o.name AS "organizationName", c.title, c.description,
  c.opens_on::text AS "opensOn", c.closes_on::text AS "closesOn", c.status, c.public_portal AS "publicPortal"`);

export async function insertConsultation(
  db: Db,
  c: { organizationId: number; title: string; description: string; opensOn: IsoDate; closesOn: IsoDate; publicPortal: boolean; createdBy: number | null },
): Promise<number> {
  const r = await one<{ id: number }>(
    db,
    sql`INSERT INTO consultation (organization_id, title, description, opens_on, closes_on, public_portal, created_by)
        VALUES (${c.organizationId}, ${c.title}, ${c.description}, ${c.opensOn}::date, ${c.closesOn}::date, ${c.publicPortal}, ${c.createdBy}) RETURNING id::int AS id`,
  );
  return r!.id;
}

export async function attachDraft(db: Db, consultationId: number, draftId: number, position: number): Promise<void> {
  await db.execute(sql`INSERT INTO consultation_draft (consultation_id, draft_id, draft_version_id, position)
    SELECT ${consultationId}, ${draftId}, v.id, ${position} FROM draft_version v WHERE v.draft_id = ${draftId} ORDER BY v.version_no DESC LIMIT 1`);
}

/** Points a consultation at a draft's latest version (after a new version is imported). */
export async function moveToLatestVersion(db: Db, draftId: number): Promise<void> {
  await db.execute(sql`UPDATE consultation_draft cd SET draft_version_id = (SELECT v.id FROM draft_version v WHERE v.draft_id = cd.draft_id ORDER BY v.version_no DESC LIMIT 1)
    FROM consultation c WHERE cd.draft_id = ${draftId} AND c.id = cd.consultation_id AND c.status IN ('preparing', 'open')`);
}

export async function findConsultation(db: Db, id: number, forUpdate = false): Promise<ConsultationRow | undefined> {
  return one(db, sql`SELECT ${CONSULTATION_COLUMNS} FROM consultation c JOIN organization o ON o.id = c.organization_id WHERE c.id = ${id} ${forUpdate ? sql`FOR UPDATE OF c` : sql``}`);
}

/** Consultations opened by these organizations or by anything they report up to (null: all). */
export async function listConsultations(db: Db, f: { organizationIds: number[] | null; status?: ConsultationStatus; publicOnly?: boolean }): Promise<ConsultationRow[]> {
  const where: SQL[] = [];
  if (f.organizationIds) {
    where.push(sql`c.organization_id IN (
      WITH RECURSIVE up(id) AS (SELECT unnest(${`{${f.organizationIds.join(',')}}`}::bigint[]) UNION SELECT rl.to_org_id FROM reporting_line rl JOIN up ON rl.from_org_id = up.id)
      SELECT id FROM up)`);
  }
  if (f.status) where.push(sql`c.status = ${f.status}`);
  if (f.publicOnly) where.push(sql`c.public_portal AND c.status = 'open'`);
  const clause = where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``;
  return rows(db, sql`SELECT ${CONSULTATION_COLUMNS} FROM consultation c JOIN organization o ON o.id = c.organization_id ${clause} ORDER BY c.opens_on DESC, c.id DESC`);
}

export async function consultationDrafts(db: Db, consultationIds: number[]) {
  if (!consultationIds.length) return [];
  return rows<{ consultationId: number; draftId: number; draftVersionId: number; versionNo: number; title: string; position: number }>(
    db,
    sql`SELECT cd.consultation_id::int AS "consultationId", cd.draft_id::int AS "draftId", cd.draft_version_id::int AS "draftVersionId", v.version_no AS "versionNo", d.title, cd.position
        FROM consultation_draft cd JOIN draft d ON d.id = cd.draft_id JOIN draft_version v ON v.id = cd.draft_version_id
        WHERE cd.consultation_id = ANY(${`{${consultationIds.join(',')}}`}::bigint[]) ORDER BY cd.consultation_id, cd.position`,
  );
}

export async function setConsultationStatus(db: Db, id: number, status: ConsultationStatus): Promise<void> {
  await db.execute(sql`UPDATE consultation SET status = ${status}, updated_at = now() WHERE id = ${id}`);
}

/** The consultation's organization and everything that reports to it, transitively: who takes part. */
export async function participantIds(db: Db, organizationId: number): Promise<number[]> {
  const r = await rows<{ id: number }>(
    db,
    sql`WITH RECURSIVE down(id) AS (SELECT ${organizationId}::bigint UNION SELECT rl.from_org_id FROM reporting_line rl JOIN down ON rl.to_org_id = down.id)
        SELECT id::int AS id FROM down`,
  );
  return r.map((x) => x.id);
}

// ---- Meetings --------------------------------------------------------------------------------------------------

const MEETING_COLUMNS = sql.raw(`m.id::int AS id, m.consultation_id::int AS "consultationId", m.organization_id::int AS "organizationId", m.kind, m.title,
  m.held_on::text AS "heldOn", m.place, m.connected_points AS "connectedPoints", m.participants, m.participant_total AS "participantTotal",
  m.minutes_file_name AS "minutesFileName", (SELECT count(*)::int FROM comment c WHERE c.consultation_id = m.consultation_id AND c.meeting_id = m.id) AS "commentCount"`);

export async function insertMeeting(
  db: Db,
  m: Omit<Meeting, 'id' | 'commentCount' | 'minutesFileName'> & { createdBy: number | null },
): Promise<number> {
  const r = await one<{ id: number }>(
    db,
    sql`INSERT INTO meeting (consultation_id, organization_id, kind, title, held_on, place, connected_points, participants, participant_total, created_by)
        VALUES (${m.consultationId}, ${m.organizationId}, ${m.kind}, ${m.title}, ${m.heldOn}::date, ${m.place}, ${m.connectedPoints}, ${JSON.stringify(m.participants)}::jsonb, ${m.participantTotal}, ${m.createdBy})
        RETURNING id::int AS id`,
  );
  return r!.id;
}

export async function findMeeting(db: Db, consultationId: number, id: number): Promise<Meeting | undefined> {
  return one(db, sql`SELECT ${MEETING_COLUMNS} FROM meeting m WHERE m.consultation_id = ${consultationId} AND m.id = ${id}`);
}

/** Stores (or replaces) a meeting's minutes file. */
export async function saveMinutes(
  db: Db,
  consultationId: number,
  meetingId: number,
  f: { fileName: string; mediaType: string; data: Buffer; sha256: string; createdBy: number | null },
): Promise<void> {
  await db.execute(sql`INSERT INTO meeting_minutes (consultation_id, meeting_id, file_name, media_type, size_bytes, sha256, data, created_by)
    VALUES (${consultationId}, ${meetingId}, ${f.fileName}, ${f.mediaType}, ${f.data.length}, ${f.sha256}, ${f.data}, ${f.createdBy})
    ON CONFLICT (consultation_id, meeting_id) DO UPDATE SET file_name = excluded.file_name, media_type = excluded.media_type, size_bytes = excluded.size_bytes,
      sha256 = excluded.sha256, data = excluded.data, created_by = excluded.created_by, created_at = now()`);
  await db.execute(sql`UPDATE meeting SET minutes_file_name = ${f.fileName} WHERE consultation_id = ${consultationId} AND id = ${meetingId}`);
}

export async function findMinutes(db: Db, consultationId: number, meetingId: number) {
  return one<{ fileName: string; mediaType: string; data: Buffer | Uint8Array }>(
    db,
    sql`SELECT file_name AS "fileName", media_type AS "mediaType", data FROM meeting_minutes WHERE consultation_id = ${consultationId} AND meeting_id = ${meetingId}`,
  );
}

export async function listMeetings(db: Db, consultationId: number, organizationIds: number[] | null): Promise<Meeting[]> {
  const scope = organizationIds ? sql`AND m.organization_id = ANY(${`{${organizationIds.join(',')}}`}::bigint[])` : sql``;
  return rows(db, sql`SELECT ${MEETING_COLUMNS} FROM meeting m WHERE m.consultation_id = ${consultationId} ${scope} ORDER BY m.held_on DESC, m.id DESC`);
}

// ---- Comments --------------------------------------------------------------------------------------------------

export interface NewComment {
  consultationId: number;
  draftId: number | null;
  draftVersionId: number | null;
  sectionAddress: string | null;
  body: string;
  channel: string;
  organizationId: number;
  unitLevel: string | null;
  unitCode: string | null;
  stratum: string | null;
  gender: string | null;
  ageBand: string | null;
  ethnicity: string | null;
  religion: string | null;
  authorName: string | null;
  weight: number;
  meetingId: number | null;
  importId: number | null;
  idempotencyKey: string | null;
  madeOn: IsoDate;
  createdBy: number | null;
}

/**
 * Stores a comment once per idempotency key: a retry returns the stored row's id with `duplicate` true. The
 * conflict target is the partial unique index on (consultation_id, idempotency_key).
 */
export async function insertComment(db: Db, c: NewComment): Promise<{ id: number; createdAt: string; duplicate: boolean }> {
  const inserted = await one<{ id: number; createdAt: string }>(
    db,
    sql`INSERT INTO comment (consultation_id, draft_id, draft_version_id, section_address, body, channel, organization_id, unit_level, unit_code, stratum, gender,
                             age_band, ethnicity, religion, author_name, weight, meeting_id, import_id, idempotency_key, made_on, created_by)
        VALUES (${c.consultationId}, ${c.draftId}, ${c.draftVersionId}, ${c.sectionAddress}, ${c.body}, ${c.channel}, ${c.organizationId}, ${c.unitLevel}, ${c.unitCode},
                ${c.stratum}, ${c.gender}, ${c.ageBand}, ${c.ethnicity}, ${c.religion}, ${c.authorName}, ${c.weight}, ${c.meetingId}, ${c.importId}, ${c.idempotencyKey},
                ${c.madeOn}::date, ${c.createdBy})
        ON CONFLICT (consultation_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
        RETURNING id::int AS id, created_at::text AS "createdAt"`,
  );
  if (inserted) return { ...inserted, duplicate: false };
  const existing = await one<{ id: number; createdAt: string }>(
    db,
    sql`SELECT id::int AS id, created_at::text AS "createdAt" FROM comment WHERE consultation_id = ${c.consultationId} AND idempotency_key = ${c.idempotencyKey}`,
  );
  return { ...existing!, duplicate: true };
}

const COMMENT_COLUMNS = sql.raw(`c.id::int AS id, c.consultation_id::int AS "consultationId", c.draft_id::int AS "draftId", c.draft_version_id::int AS "draftVersionId",
  c.section_address AS "sectionAddress", c.body, c.channel, c.organization_id::int AS "organizationId", o.name AS "organizationName", c.unit_code AS "unitCode",
  c.stratum, c.gender, c.age_band AS "ageBand", c.ethnicity, c.religion, c.author_name AS "authorName", c.weight, c.meeting_id::int AS "meetingId",
  c.made_on::text AS "madeOn", c.created_at::text AS "createdAt"`);

export interface CommentFilter {
  consultationId: number;
  organizationIds: number[] | null;
  organizationId?: number;
  draftId?: number;
  sectionAddress?: string;
  channel?: string;
  meetingId?: number;
  foldedWords?: string;
  limit: number;
  offset: number;
}

export async function listComments(db: Db, f: CommentFilter): Promise<{ items: Comment[]; total: number }> {
  const where: SQL[] = [sql`c.consultation_id = ${f.consultationId}`];
  if (f.organizationIds) where.push(sql`c.organization_id = ANY(${`{${f.organizationIds.join(',')}}`}::bigint[])`);
  if (f.organizationId) where.push(sql`c.organization_id = ${f.organizationId}`);
  if (f.draftId) where.push(sql`c.draft_id = ${f.draftId}`);
  if (f.sectionAddress) where.push(sql`c.section_address = ${f.sectionAddress}`);
  if (f.channel) where.push(sql`c.channel = ${f.channel}`);
  if (f.meetingId) where.push(sql`c.meeting_id = ${f.meetingId}`);
  if (f.foldedWords) where.push(sql`lower(unaccent(c.body)) LIKE ${`%${f.foldedWords}%`}`);
  const clause = sql.join(where, sql` AND `);
  const items = await rows<Comment>(
    db,
    sql`SELECT ${COMMENT_COLUMNS} FROM comment c JOIN organization o ON o.id = c.organization_id WHERE ${clause} ORDER BY c.id DESC LIMIT ${f.limit} OFFSET ${f.offset}`,
  );
  const total = await one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM comment c WHERE ${clause}`);
  return { items, total: total?.n ?? 0 };
}

export async function findComment(db: Db, consultationId: number, id: number): Promise<Comment | undefined> {
  return one(db, sql`SELECT ${COMMENT_COLUMNS} FROM comment c JOIN organization o ON o.id = c.organization_id WHERE c.consultation_id = ${consultationId} AND c.id = ${id}`);
}

export async function countComments(db: Db, consultationIds: number[], organizationIds: number[] | null): Promise<Map<number, number>> {
  if (!consultationIds.length) return new Map();
  const scope = organizationIds ? sql`AND organization_id = ANY(${`{${organizationIds.join(',')}}`}::bigint[])` : sql``;
  const r = await rows<{ id: number; n: number }>(
    db,
    sql`SELECT consultation_id::int AS id, count(*)::int AS n FROM comment WHERE consultation_id = ANY(${`{${consultationIds.join(',')}}`}::bigint[]) ${scope} GROUP BY consultation_id`,
  );
  return new Map(r.map((x) => [x.id, x.n]));
}

/** Every participating commune's Front committee in force, by unit code. */
export async function participatingFronts(db: Db, organizationId: number): Promise<Map<string, number>> {
  const r = await rows<{ unitCode: string; id: number }>(
    db,
    sql`WITH RECURSIVE down(id) AS (SELECT ${organizationId}::bigint UNION SELECT rl.from_org_id FROM reporting_line rl JOIN down ON rl.to_org_id = down.id)
        SELECT DISTINCT ON (o.unit_code) o.unit_code AS "unitCode", o.id::int AS id FROM organization o JOIN down ON down.id = o.id
        WHERE o.unit_level = 'commune' AND o.kind = 'fatherland_front' AND o.valid_to IS NULL ORDER BY o.unit_code, o.id`,
  );
  return new Map(r.map((x) => [x.unitCode, x.id]));
}

export async function findByIdempotencyKey(db: Db, consultationId: number, key: string): Promise<{ id: number; createdAt: string } | undefined> {
  return one(db, sql`SELECT id::int AS id, created_at::text AS "createdAt" FROM comment WHERE consultation_id = ${consultationId} AND idempotency_key = ${key}`);
}

/**
 * Spends a proof-of-work challenge and stores a portal comment in one statement (one commit), only while the
 * consultation takes comments on the portal. Returns the new comment's id, or null when nothing was stored.
 */
export interface PortalWrite {
  comment: NewComment;
  spent: { signature: string; expiresAt: Date };
}

/** What storing a portal comment did: its id and time, or nulls when nothing was stored. */
export interface PortalStored {
  id: number | null;
  createdAt: string | null;
}

/**
 * Portal comments, many in one statement: a comment is stored only if its consultation takes portal comments on
 * its day and its challenge was not spent before (storing spends it), once per idempotency key. The batch travels as one JSON parameter (the same on both drivers, and no parameter limit).
 * Callers keep at most one write per challenge and per idempotency key in a batch: the rest get nulls and are
 * told apart afterwards like any unstored write. Rows are locked in key order, so concurrent batches cannot
 * deadlock on each other's keys.
 */
export async function storePublicComments(db: Db, writes: PortalWrite[]): Promise<PortalStored[]> {
  const input = writes.map(({ comment: c, spent }) => ({
    consultation_id: c.consultationId,
    draft_id: c.draftId,
    draft_version_id: c.draftVersionId,
    section_address: c.sectionAddress,
    body: c.body,
    organization_id: c.organizationId,
    unit_level: c.unitLevel,
    unit_code: c.unitCode,
    stratum: c.stratum,
    gender: c.gender,
    age_band: c.ageBand,
    ethnicity: c.ethnicity,
    religion: c.religion,
    idempotency_key: c.idempotencyKey,
    made_on: c.madeOn,
    signature: spent.signature,
    expires_at: spent.expiresAt.toISOString(),
  }));
  // Joins are written as semi-joins and the stored rows are matched to the writes here: the planner cannot know how
  // many rows a JSON parameter holds, and a nested loop over a large batch would be quadratic.
  const stored = await preparedRows<{ consultationId: number; key: string; id: number; createdAt: string }>(
    db,
    'store_public_comments',
    sql`WITH input AS (
          SELECT * FROM jsonb_to_recordset(${JSON.stringify(input)}::jsonb) AS x(
            consultation_id bigint, draft_id bigint, draft_version_id bigint, section_address text, body text, organization_id bigint, unit_level text,
            unit_code text, stratum text, gender text, age_band text, ethnicity text, religion text, idempotency_key text, made_on date, signature text, expires_at timestamptz)
        ), accepted AS (
          SELECT x.* FROM input x
          WHERE EXISTS (SELECT 1 FROM consultation c WHERE c.id = x.consultation_id AND c.status = 'open' AND c.public_portal AND x.made_on BETWEEN c.opens_on AND c.closes_on)
        ), spent AS (
          INSERT INTO spent_challenge (signature, expires_at) SELECT signature, expires_at FROM accepted ORDER BY signature
          ON CONFLICT DO NOTHING RETURNING signature
        )
        INSERT INTO comment (consultation_id, draft_id, draft_version_id, section_address, body, channel, organization_id, unit_level, unit_code, stratum, gender,
                             age_band, ethnicity, religion, weight, idempotency_key, made_on)
        SELECT a.consultation_id, a.draft_id, a.draft_version_id, a.section_address, a.body, 'portal', a.organization_id, a.unit_level, a.unit_code,
               a.stratum, a.gender, a.age_band, a.ethnicity, a.religion, 1, a.idempotency_key, a.made_on
        FROM accepted a WHERE a.signature IN (SELECT signature FROM spent) ORDER BY a.consultation_id, a.idempotency_key
        ON CONFLICT (consultation_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
        RETURNING consultation_id::int AS "consultationId", idempotency_key AS key, id::int AS id, created_at::text AS "createdAt"`,
  );
  const index = new Map(writes.map((w, i) => [`${w.comment.consultationId}:${w.comment.idempotencyKey}`, i]));
  const out: PortalStored[] = writes.map(() => ({ id: null, createdAt: null }));
  for (const r of stored) out[index.get(`${r.consultationId}:${r.key}`)!] = { id: r.id, createdAt: r.createdAt };
  return out;
}

// ---- Proof of work ---------------------------------------------------------------------------------------------

export async function sweepSpentChallenges(db: Db): Promise<void> {
  await db.execute(sql`DELETE FROM spent_challenge WHERE expires_at < now()`);
}

// ---- Dashboard -------------------------------------------------------------------------------------------------

/** Figures for the dashboard, over the comments of these organizations (null: all). */
export async function consultationStats(db: Db, consultationId: number, organizationIds: number[] | null) {
  const scope = organizationIds ? sql`AND c.organization_id = ANY(${`{${organizationIds.join(',')}}`}::bigint[])` : sql``;
  const mscope = organizationIds ? sql`AND m.organization_id = ANY(${`{${organizationIds.join(',')}}`}::bigint[])` : sql``;
  const base = sql`FROM comment c WHERE c.consultation_id = ${consultationId} ${scope}`;
  const totals = (await one<{ comments: number; people: number }>(db, sql`SELECT count(*)::int AS comments, coalesce(sum(c.weight), 0)::int AS people ${base}`))!;
  const meetings = (await one<{ meetings: number; participants: number }>(
    db,
    sql`SELECT count(*)::int AS meetings, coalesce(sum(m.participant_total), 0)::int AS participants FROM meeting m WHERE m.consultation_id = ${consultationId} ${mscope}`,
  ))!;
  const byChannel = await rows<{ key: string; count: number }>(db, sql`SELECT c.channel AS key, sum(c.weight)::int AS count ${base} GROUP BY c.channel ORDER BY count DESC`);
  const byStratum = await rows<{ key: string; count: number }>(db, sql`SELECT coalesce(c.stratum, 'khong_ro') AS key, sum(c.weight)::int AS count ${base} GROUP BY 1 ORDER BY count DESC`);
  const byDay = await rows<{ day: string; count: number }>(db, sql`SELECT c.made_on::text AS day, sum(c.weight)::int AS count ${base} GROUP BY c.made_on ORDER BY c.made_on`);
  const bySection = await rows<{ draftId: number | null; sectionAddress: string | null; title: string; count: number }>(
    db,
    sql`SELECT x."draftId", x."sectionAddress", coalesce(s.title, '') AS title, x.count FROM (
          SELECT c.draft_id::int AS "draftId", c.section_address AS "sectionAddress", max(c.draft_version_id) AS v, sum(c.weight)::int AS count ${base} GROUP BY c.draft_id, c.section_address
        ) x LEFT JOIN draft_section s ON s.draft_version_id = x.v AND s.address = x."sectionAddress" ORDER BY x.count DESC LIMIT 200`,
  );
  const byUnit = await rows<{ organizationId: number; name: string; unitCode: string; count: number }>(
    db,
    sql`SELECT o.id::int AS "organizationId", o.name, o.unit_code AS "unitCode", sum(c.weight)::int AS count
        FROM comment c JOIN organization o ON o.id = c.organization_id WHERE c.consultation_id = ${consultationId} ${scope}
        GROUP BY o.id, o.name, o.unit_code ORDER BY count DESC`,
  );
  return { totals: { ...totals, ...meetings }, byChannel, byStratum, byDay, bySection, byUnit };
}

// ---- Spreadsheet imports ---------------------------------------------------------------------------------------

export interface ImportRow {
  id: number;
  fileName: string;
  organizationId: number;
  rows: number;
  imported: number;
  at: string;
}

export async function findImportByHash(db: Db, consultationId: number, sha256: string): Promise<ImportRow | undefined> {
  return one(
    db,
    sql`SELECT id::int AS id, file_name AS "fileName", organization_id::int AS "organizationId", rows, imported, created_at::text AS at
        FROM comment_import WHERE consultation_id = ${consultationId} AND sha256 = ${sha256} ORDER BY id DESC LIMIT 1`,
  );
}

export async function insertImport(db: Db, i: { consultationId: number; organizationId: number; fileName: string; sha256: string; createdBy: number | null }): Promise<number> {
  const r = await one<{ id: number }>(
    db,
    sql`INSERT INTO comment_import (consultation_id, organization_id, file_name, sha256, rows, imported, created_by)
        VALUES (${i.consultationId}, ${i.organizationId}, ${i.fileName}, ${i.sha256}, 0, 0, ${i.createdBy}) RETURNING id::int AS id`,
  );
  return r!.id;
}

export async function finishImport(db: Db, consultationId: number, id: number, rowsSeen: number, imported: number): Promise<void> {
  await db.execute(sql`UPDATE comment_import SET rows = ${rowsSeen}, imported = ${imported} WHERE consultation_id = ${consultationId} AND id = ${id}`);
}

/** Inserts many comments in one statement (rows travel as one JSON document: one round trip, any driver). */
const BATCH_COLUMNS = ['consultation_id', 'draft_id', 'draft_version_id', 'section_address', 'body', 'channel', 'organization_id', 'stratum', 'gender', 'age_band',
  'ethnicity', 'religion', 'author_name', 'weight', 'import_id', 'made_on', 'created_by'] as const;

type CheckedRow = Omit<NewComment, 'consultationId' | 'organizationId' | 'importId' | 'createdBy' | 'unitLevel' | 'unitCode' | 'meetingId' | 'idempotencyKey'>;
type ImportCommon = { consultationId: number; organizationId: number; importId: number; createdBy: number | null };

/** A COPY of checked sheet rows into comment, open for the whole import (the caller's transaction keeps it all-or-nothing). */
export async function openCommentCopy(db: Db, common: ImportCommon): Promise<{ write(batch: CheckedRow[]): Promise<void>; end(): Promise<void>; abort(): Promise<void> }> {
  const writer = await openCopy(db, 'comment', BATCH_COLUMNS);
  return {
    write: (batch) =>
      writer.write(
        batch.map((r) => [common.consultationId, r.draftId, r.draftVersionId, r.sectionAddress, r.body, r.channel, common.organizationId, r.stratum, r.gender, r.ageBand,
          r.ethnicity, r.religion, r.authorName, r.weight, common.importId, r.madeOn, common.createdBy]),
      ),
    end: () => writer.end(),
    abort: () => writer.abort(),
  };
}

/** Stores one batch of checked sheet rows. */
export async function insertCommentBatch(db: Db, common: ImportCommon, batch: CheckedRow[]): Promise<void> {
  const copy = await openCommentCopy(db, common);
  await copy.write(batch);
  await copy.end();
}
