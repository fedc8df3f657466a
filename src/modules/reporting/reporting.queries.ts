// SQL of the reporting regime. Functions over drizzle's `sql` (one dialect for PGlite and PostgreSQL); counts are
// cast to int because the two drivers return bigint differently.
import { sql, type SQL } from 'drizzle-orm';
import { one, rows, type Db } from '../../server/db';
import type { IsoDate } from '../../shared/dates';
import { existsOn } from '../organizations/organizations.queries';
import type { SentimentReport } from '../sentiment/sentiment.schema';
import type {
  AssigneeRule,
  DeadlinePolicy,
  Outline,
  OutlineSummary,
  PeriodDeadlines,
  ReminderPolicy,
  ReportContent,
  Schedule,
  SubmissionStatus,
} from './reporting.schema';

// ---- Outlines ---------------------------------------------------------------------------------------------------

const OUTLINE_COLUMNS = sql.raw(`o.id::int AS id, o.organization_id::int AS "organizationId", org.name AS "organizationName", o.title,
  (SELECT max(v.version) FROM outline_version v WHERE v.outline_id = o.id)::int AS "latestVersion", o.created_at::text AS "createdAt"`);

export async function insertOutline(db: Db, o: { organizationId: number; title: string; createdBy: number | null }): Promise<number> {
  const r = await one<{ id: number }>(db, sql`INSERT INTO outline (organization_id, title, created_by) VALUES (${o.organizationId}, ${o.title}, ${o.createdBy}) RETURNING id::int AS id`);
  return r!.id;
}

export async function insertOutlineVersion(db: Db, outlineId: number, content: Outline, createdBy: number | null): Promise<{ id: number; version: number }> {
  const r = await one<{ id: number; version: number }>(
    db,
    sql`INSERT INTO outline_version (outline_id, version, content, created_by)
        SELECT ${outlineId}, coalesce(max(version), 0) + 1, ${JSON.stringify(content)}::jsonb, ${createdBy} FROM outline_version WHERE outline_id = ${outlineId}
        RETURNING id::int AS id, version`,
  );
  await db.execute(sql`UPDATE outline SET title = ${content.title} WHERE id = ${outlineId}`);
  return r!;
}

export async function listOutlines(db: Db, organizationIds: number[] | null): Promise<OutlineSummary[]> {
  return rows(
    db,
    sql`SELECT ${OUTLINE_COLUMNS} FROM outline o JOIN organization org ON org.id = o.organization_id
        ${organizationIds ? sql`WHERE o.organization_id = ANY(${`{${organizationIds.join(',')}}`}::bigint[])` : sql``} ORDER BY o.id DESC LIMIT 500`,
  );
}

export async function findOutline(db: Db, id: number): Promise<OutlineSummary | undefined> {
  return one(db, sql`SELECT ${OUTLINE_COLUMNS} FROM outline o JOIN organization org ON org.id = o.organization_id WHERE o.id = ${id}`);
}

export async function outlineVersions(db: Db, outlineId: number): Promise<Array<{ id: number; version: number; createdAt: string }>> {
  return rows(db, sql`SELECT id::int AS id, version, created_at::text AS "createdAt" FROM outline_version WHERE outline_id = ${outlineId} ORDER BY version`);
}

export async function outlineVersionContent(db: Db, versionId: number): Promise<Outline> {
  const r = await one<{ content: Outline }>(db, sql`SELECT content FROM outline_version WHERE id = ${versionId}`);
  return r!.content;
}

// ---- Campaigns ----------------------------------------------------------------------------------------------------

export interface CampaignRow {
  id: number;
  organizationId: number;
  organizationName: string;
  organizationSystem: string;
  title: string;
  status: 'active' | 'closed';
  outlineId: number;
  outlineVersion: number;
  outlineVersionId: number;
  schedule: Schedule;
  deadlines: DeadlinePolicy;
  reminders: ReminderPolicy;
  assignees: AssigneeRule;
  assigneeCount: number;
  createdAt: string;
}

const CAMPAIGN_COLUMNS = sql.raw(`c.id::int AS id, c.organization_id::int AS "organizationId", org.name AS "organizationName", org.system AS "organizationSystem",
  c.title, c.status, v.outline_id::int AS "outlineId", v.version AS "outlineVersion", v.id::int AS "outlineVersionId", c.schedule, c.deadline_policy AS deadlines,
  c.reminder_policy AS reminders, c.assignee_rule AS assignees,
  (SELECT count(*)::int FROM campaign_assignee a WHERE a.campaign_id = c.id) AS "assigneeCount", c.created_at::text AS "createdAt"`);
const CAMPAIGN_FROM = sql.raw(`campaign c JOIN organization org ON org.id = c.organization_id JOIN outline_version v ON v.id = c.outline_version_id`);

export async function insertCampaign(
  db: Db,
  c: { organizationId: number; title: string; outlineVersionId: number; schedule: Schedule; deadlines: DeadlinePolicy; reminders: ReminderPolicy; assignees: AssigneeRule; createdBy: number | null },
): Promise<number> {
  const r = await one<{ id: number }>(
    db,
    sql`INSERT INTO campaign (organization_id, title, outline_version_id, schedule, deadline_policy, reminder_policy, assignee_rule, created_by)
        VALUES (${c.organizationId}, ${c.title}, ${c.outlineVersionId}, ${JSON.stringify(c.schedule)}::jsonb, ${JSON.stringify(c.deadlines)}::jsonb,
                ${JSON.stringify(c.reminders)}::jsonb, ${JSON.stringify(c.assignees)}::jsonb, ${c.createdBy})
        RETURNING id::int AS id`,
  );
  return r!.id;
}

export async function insertPeriods(db: Db, campaignId: number, periods: PeriodDeadlines[]): Promise<void> {
  const data = periods.map((p, i) => ({ k: p.id, pos: i, label: p.label, s: p.start, e: p.end, due: p.due, d: p.deadlines }));
  await db.execute(sql`INSERT INTO campaign_period (campaign_id, period_key, position, label, starts_on, ends_on, due_on, deadlines)
    SELECT ${campaignId}, r.k, r.pos, r.label, r.s::date, r.e::date, r.due::date, r.d
    FROM jsonb_to_recordset(${JSON.stringify(data)}::jsonb) AS r(k text, pos int, label text, s text, e text, due text, d jsonb)`);
}

/**
 * Stores the assignees in one statement, numbered in the order the completeness matrix shows them (by the
 * recipient's unit code, then the unit's own).
 */
export async function insertAssignees(db: Db, campaignId: number, assignees: Array<{ organizationId: number; unitLevel: string; recipientId: number }>): Promise<void> {
  const data = assignees.map((a) => ({ o: a.organizationId, l: a.unitLevel, r: a.recipientId }));
  await db.execute(sql`INSERT INTO campaign_assignee (campaign_id, organization_id, unit_level, recipient_id, position)
    SELECT ${campaignId}, x.o, x.l, x.r, row_number() OVER (ORDER BY r.unit_code, o.unit_code, x.o)
    FROM jsonb_to_recordset(${JSON.stringify(data)}::jsonb) AS x(o bigint, l text, r bigint)
    JOIN organization o ON o.id = x.o JOIN organization r ON r.id = x.r`);
}

/**
 * Lists every organization that receives reports in the campaign under itself and each receiving organization above
 * it: a view's scope is then one lookup. Written once the assignees are stored.
 */
export async function insertRecipientTree(db: Db, campaignId: number): Promise<void> {
  await db.execute(sql`INSERT INTO campaign_recipient (campaign_id, ancestor_id, recipient_id)
    WITH RECURSIVE up(ancestor_id, recipient_id) AS (
      SELECT DISTINCT recipient_id, recipient_id FROM campaign_assignee WHERE campaign_id = ${campaignId}
      UNION SELECT a.recipient_id, up.recipient_id FROM up JOIN campaign_assignee a ON a.campaign_id = ${campaignId} AND a.organization_id = up.ancestor_id)
    SELECT ${campaignId}, ancestor_id, recipient_id FROM up`);
}

export async function findCampaign(db: Db, id: number): Promise<CampaignRow | undefined> {
  return one(db, sql`SELECT ${CAMPAIGN_COLUMNS} FROM ${CAMPAIGN_FROM} WHERE c.id = ${id}`);
}

/** Campaigns asked by, or assigned to, or received by the given organizations (null: all). */
export async function listCampaigns(db: Db, organizationIds: number[] | null): Promise<CampaignRow[]> {
  const ids = organizationIds ? `{${organizationIds.join(',')}}` : null;
  return rows(
    db,
    sql`SELECT ${CAMPAIGN_COLUMNS} FROM ${CAMPAIGN_FROM}
        ${ids ? sql`WHERE c.organization_id = ANY(${ids}::bigint[]) OR EXISTS (SELECT 1 FROM campaign_assignee a WHERE a.campaign_id = c.id AND (a.organization_id = ANY(${ids}::bigint[]) OR a.recipient_id = ANY(${ids}::bigint[])))` : sql``}
        ORDER BY c.id DESC LIMIT 500`,
  );
}

export interface PeriodRow {
  periodKey: string;
  position: number;
  label: string;
  start: IsoDate;
  end: IsoDate;
  due: IsoDate;
  deadlines: PeriodDeadlines['deadlines'];
  closed: boolean;
}

const PERIOD_COLUMNS = sql.raw(`period_key AS "periodKey", position, label, starts_on::text AS start, ends_on::text AS "end", due_on::text AS due, deadlines,
  closed_at IS NOT NULL AS closed`);

export async function campaignPeriods(db: Db, campaignId: number): Promise<PeriodRow[]> {
  return rows(db, sql`SELECT ${PERIOD_COLUMNS} FROM campaign_period WHERE campaign_id = ${campaignId} ORDER BY position`);
}

export async function findPeriod(db: Db, campaignId: number, periodKey: string): Promise<PeriodRow | undefined> {
  return one(db, sql`SELECT ${PERIOD_COLUMNS} FROM campaign_period WHERE campaign_id = ${campaignId} AND period_key = ${periodKey}`);
}

export async function setPeriodDeadlines(db: Db, campaignId: number, periodKey: string, deadlines: PeriodDeadlines['deadlines']): Promise<void> {
  await db.execute(sql`UPDATE campaign_period SET deadlines = ${JSON.stringify(deadlines)}::jsonb WHERE campaign_id = ${campaignId} AND period_key = ${periodKey}`);
}

export async function closePeriod(db: Db, campaignId: number, periodKey: string, closed: boolean): Promise<void> {
  await db.execute(sql`UPDATE campaign_period SET closed_at = ${closed ? sql`now()` : sql`NULL`} WHERE campaign_id = ${campaignId} AND period_key = ${periodKey}`);
}

export interface AssigneeRow {
  organizationId: number;
  organizationName: string;
  unitLevel: string;
  unitCode: string;
  recipientId: number;
  recipientName: string;
}

const ASSIGNEE_COLUMNS = sql.raw(`a.organization_id::int AS "organizationId", o.name AS "organizationName", a.unit_level AS "unitLevel", o.unit_code AS "unitCode",
  a.recipient_id::int AS "recipientId", r.name AS "recipientName"`);
const ASSIGNEE_FROM = sql.raw(`campaign_assignee a JOIN organization o ON o.id = a.organization_id JOIN organization r ON r.id = a.recipient_id`);

export async function findAssignee(db: Db, campaignId: number, organizationId: number): Promise<AssigneeRow | undefined> {
  return one(db, sql`SELECT ${ASSIGNEE_COLUMNS} FROM ${ASSIGNEE_FROM} WHERE a.campaign_id = ${campaignId} AND a.organization_id = ${organizationId}`);
}

/** The assignees among the given organizations, and those the given organizations receive from. */
export async function assigneesOf(db: Db, campaignId: number, organizationIds: number[]): Promise<{ reporting: AssigneeRow[]; receiving: number[] }> {
  const ids = `{${organizationIds.join(',')}}`;
  const reporting = await rows<AssigneeRow>(db, sql`SELECT ${ASSIGNEE_COLUMNS} FROM ${ASSIGNEE_FROM} WHERE a.campaign_id = ${campaignId} AND a.organization_id = ANY(${ids}::bigint[]) ORDER BY o.unit_code LIMIT 200`);
  const receiving = await rows<{ id: number }>(
    db,
    sql`SELECT DISTINCT recipient_id::int AS id FROM campaign_assignee WHERE campaign_id = ${campaignId} AND recipient_id = ANY(${ids}::bigint[]) ORDER BY 1 LIMIT 200`,
  );
  return { reporting, receiving: receiving.map((r) => r.id) };
}

export async function organizationNames(db: Db, ids: number[]): Promise<Array<{ id: number; name: string; unitCode: string }>> {
  if (!ids.length) return [];
  return rows(db, sql`SELECT id::int AS id, name, unit_code AS "unitCode" FROM organization WHERE id = ANY(${`{${ids.join(',')}}`}::bigint[]) ORDER BY unit_code, name`);
}

/** Organizations (current, valid today) reporting transitively to `organizationId`, with the lines between them. */
export async function subtree(db: Db, organizationId: number, today: IsoDate) {
  const orgs = await rows<{ id: number; unitLevel: string; kind: string; system: string }>(
    db,
    sql`WITH RECURSIVE down(id) AS (
          SELECT ${organizationId}::bigint
          UNION SELECT rl.from_org_id FROM reporting_line rl JOIN down ON rl.to_org_id = down.id WHERE ${existsOn(today, 'rl')})
        SELECT o.id::int AS id, o.unit_level AS "unitLevel", o.kind, o.system FROM down JOIN organization o ON o.id = down.id WHERE ${existsOn(today, 'o')}`,
  );
  const ids = `{${orgs.map((o) => o.id).join(',')}}`;
  const lines = await rows<{ fromId: number; toId: number; kind: string }>(
    db,
    sql`SELECT from_org_id::int AS "fromId", to_org_id::int AS "toId", kind FROM reporting_line rl
        WHERE rl.from_org_id = ANY(${ids}::bigint[]) AND rl.to_org_id = ANY(${ids}::bigint[]) AND ${existsOn(today, 'rl')}`,
  );
  return { orgs, lines };
}

// ---- Submissions ----------------------------------------------------------------------------------------------------

export interface SubmissionRow {
  status: SubmissionStatus;
  content: ReportContent;
  version: number;
  revision: number;
  reason: string | null;
  deadlineOn: string | null;
  timeliness: 'on_time' | 'late' | null;
  daysLate: number | null;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
  synthesisConsultationId: number | null;
  /** The month whose sentiment report goes with the report, and that report as computed at the last save. */
  sentimentMonth: string | null;
  sentiment: SentimentReport | null;
}

const SUBMISSION_KEY = (campaignId: number, periodKey: string, organizationId: number) =>
  sql`campaign_id = ${campaignId} AND period_key = ${periodKey} AND organization_id = ${organizationId}`;

export async function findSubmission(db: Db, campaignId: number, periodKey: string, organizationId: number, forUpdate = false): Promise<SubmissionRow | undefined> {
  return one(
    db,
    sql`SELECT status, content, version, revision, reason, deadline_on::text AS "deadlineOn", timeliness, days_late AS "daysLate",
               first_submitted_at::text AS "firstSubmittedAt", submitted_at::text AS "submittedAt", synthesis_consultation_id::int AS "synthesisConsultationId",
               sentiment_month AS "sentimentMonth", sentiment
        FROM submission WHERE ${SUBMISSION_KEY(campaignId, periodKey, organizationId)} ${forUpdate ? sql`FOR UPDATE` : sql``}`,
  );
}

/**
 * Moves assignees between submission_tally rows, under every receiving organization their reports reach. `moves`
 * yields (campaign_id, period_key, organization_id, status, timeliness, d): d = -1 for the state a submission left,
 * +1 for the one it entered (null status or timeliness: 'none'). Rows are locked in key order, so two moves cannot
 * deadlock; a move back to where it started writes nothing. It returns the counts it left.
 */
const moveTallies = (moves: SQL) => sql`INSERT INTO submission_tally (campaign_id, ancestor_id, period_key, unit_level, status, timeliness, n)
  SELECT m.campaign_id, r.ancestor_id, m.period_key, a.unit_level, coalesce(m.status, 'none'), coalesce(m.timeliness, 'none'), sum(m.d)
  FROM (${moves}) m JOIN campaign_assignee a ON a.campaign_id = m.campaign_id AND a.organization_id = m.organization_id
  JOIN campaign_recipient r ON r.campaign_id = a.campaign_id AND r.recipient_id = a.recipient_id
  GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(m.d) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (campaign_id, ancestor_id, period_key, unit_level, status, timeliness) DO UPDATE SET n = submission_tally.n + excluded.n
  RETURNING n`;

/**
 * Runs a statement that moves tallies. A count below zero means a move out of an empty row: the tallies disagree with
 * the submissions, so the change is refused (a CHECK cannot say it: PostgreSQL checks the row proposed for insertion,
 * the bare -1, before it finds the row it updates).
 */
async function moving(db: Db, statement: SQL): Promise<void> {
  const counts = await rows<{ n: number }>(db, statement);
  if (counts.some((c) => c.n < 0)) throw new Error('submission_tally would go below zero: the tallies disagree with the submissions');
}

/** Creates the draft row if there is none yet (a unit's first save; the unit leaves 'not started'), then locks it. */
export async function lockSubmission(db: Db, campaignId: number, periodKey: string, organizationId: number): Promise<SubmissionRow> {
  await moving(
    db,
    sql`WITH created AS (
      INSERT INTO submission (campaign_id, period_key, organization_id, status, content)
      VALUES (${campaignId}, ${periodKey}, ${organizationId}, 'draft', '{"figures":{},"sections":{}}'::jsonb) ON CONFLICT DO NOTHING
      RETURNING campaign_id, period_key, organization_id)
    ${moveTallies(sql`SELECT c.campaign_id, c.period_key, c.organization_id, m.status, NULL AS timeliness, m.d FROM created c, (VALUES (NULL, -1), ('draft', 1)) AS m(status, d)`)}`,
  );
  return (await findSubmission(db, campaignId, periodKey, organizationId, true))!;
}

/** Changes a submission; a change of status or timeliness moves it between tallies in the same statement. */
export async function updateSubmission(
  db: Db,
  key: { campaignId: number; periodKey: string; organizationId: number },
  patch: Partial<Pick<SubmissionRow, 'status' | 'content' | 'version' | 'reason' | 'deadlineOn' | 'timeliness' | 'daysLate' | 'synthesisConsultationId' | 'sentimentMonth' | 'sentiment'>> & {
    firstSubmittedNow?: boolean;
    submittedNow?: boolean;
  },
  actorId: number | null,
): Promise<void> {
  const sets = [sql`revision = s.revision + 1`, sql`updated_at = now()`, sql`updated_by = ${actorId}`];
  if (patch.status !== undefined) sets.push(sql`status = ${patch.status}`);
  if (patch.content !== undefined) sets.push(sql`content = ${JSON.stringify(patch.content)}::jsonb`);
  if (patch.version !== undefined) sets.push(sql`version = ${patch.version}`);
  if (patch.reason !== undefined) sets.push(sql`reason = ${patch.reason}`);
  if (patch.deadlineOn !== undefined) sets.push(sql`deadline_on = ${patch.deadlineOn}::date`);
  if (patch.timeliness !== undefined) sets.push(sql`timeliness = ${patch.timeliness}`);
  if (patch.daysLate !== undefined) sets.push(sql`days_late = ${patch.daysLate}`);
  if (patch.synthesisConsultationId !== undefined) sets.push(sql`synthesis_consultation_id = ${patch.synthesisConsultationId}`);
  if (patch.sentimentMonth !== undefined) sets.push(sql`sentiment_month = ${patch.sentimentMonth}`);
  if (patch.sentiment !== undefined) sets.push(sql`sentiment = ${jsonOrNull(patch.sentiment)}::jsonb`);
  if (patch.firstSubmittedNow) sets.push(sql`first_submitted_at = now()`);
  if (patch.submittedNow) sets.push(sql`submitted_at = now()`);
  const columns = sql.raw('campaign_id, period_key, organization_id, status, timeliness');
  await moving(
    db,
    sql`WITH prior AS (SELECT ${columns} FROM submission WHERE ${SUBMISSION_KEY(key.campaignId, key.periodKey, key.organizationId)} FOR UPDATE),
    changed AS (
      UPDATE submission s SET ${sql.join(sets, sql`, `)} FROM prior
      WHERE s.campaign_id = prior.campaign_id AND s.period_key = prior.period_key AND s.organization_id = prior.organization_id
      RETURNING s.campaign_id, s.period_key, s.organization_id, s.status, s.timeliness)
    ${moveTallies(sql`SELECT ${columns}, -1 AS d FROM prior UNION ALL SELECT ${columns}, 1 FROM changed`)}`,
  );
}

/** The tallies of a campaign recounted from its assignees and submissions (what submission_tally must hold). */
const RECOUNT = (campaignId: number) => sql`SELECT a.campaign_id, r.ancestor_id, p.period_key, a.unit_level, coalesce(s.status, 'none') AS status, coalesce(s.timeliness, 'none') AS timeliness, count(*)::int AS n
  FROM campaign_assignee a JOIN campaign_recipient r ON r.campaign_id = a.campaign_id AND r.recipient_id = a.recipient_id
  JOIN campaign_period p ON p.campaign_id = a.campaign_id
  LEFT JOIN submission s ON s.campaign_id = a.campaign_id AND s.period_key = p.period_key AND s.organization_id = a.organization_id
  WHERE a.campaign_id = ${campaignId} GROUP BY 1, 2, 3, 4, 5, 6`;

/** Writes a campaign's tallies from scratch: when it starts (everyone 'not started'), or after a bulk load. */
export async function recountTallies(db: Db, campaignId: number): Promise<void> {
  await db.execute(sql`DELETE FROM submission_tally WHERE campaign_id = ${campaignId}`);
  await db.execute(sql`INSERT INTO submission_tally (campaign_id, ancestor_id, period_key, unit_level, status, timeliness, n) ${RECOUNT(campaignId)}`);
}

/** Where the stored tallies differ from a recount (empty when they agree; rows at zero count as absent). */
export async function tallyDrift(db: Db, campaignId: number) {
  return rows<{ ancestorId: number; periodKey: string; level: string; status: string; timeliness: string; stored: number; recounted: number }>(
    db,
    sql`WITH stored AS (SELECT * FROM submission_tally WHERE campaign_id = ${campaignId} AND n <> 0), recounted AS (${RECOUNT(campaignId)})
        SELECT ancestor_id::int AS "ancestorId", period_key AS "periodKey", unit_level AS level, status, timeliness, coalesce(s.n, 0) AS stored, coalesce(r.n, 0) AS recounted
        FROM stored s FULL JOIN recounted r USING (ancestor_id, period_key, unit_level, status, timeliness)
        WHERE s.n IS DISTINCT FROM r.n ORDER BY 1, 2, 3, 4, 5`,
  );
}

const jsonOrNull = (v: unknown) => (v === null ? null : JSON.stringify(v));

/** A submitted version as it was sent: its content, and the sentiment report as computed then (null: none). */
export async function insertSubmissionVersion(
  db: Db,
  key: { campaignId: number; periodKey: string; organizationId: number },
  version: number,
  sent: { content: ReportContent; sentiment: SentimentReport | null },
  actorId: number | null,
) {
  await db.execute(sql`INSERT INTO submission_version (campaign_id, period_key, organization_id, version, content, sentiment, submitted_by)
    VALUES (${key.campaignId}, ${key.periodKey}, ${key.organizationId}, ${version}, ${JSON.stringify(sent.content)}::jsonb, ${jsonOrNull(sent.sentiment)}::jsonb, ${actorId})`);
}

export async function insertSubmissionEvent(
  db: Db,
  key: { campaignId: number; periodKey: string; organizationId: number },
  e: { action: string; fromStatus: string | null; toStatus: string; version: number | null; reason: string | null; actorId: number | null },
) {
  await db.execute(sql`INSERT INTO submission_event (campaign_id, period_key, organization_id, action, from_status, to_status, version, reason, actor_id)
    VALUES (${key.campaignId}, ${key.periodKey}, ${key.organizationId}, ${e.action}, ${e.fromStatus}, ${e.toStatus}, ${e.version}, ${e.reason}, ${e.actorId})`);
}

export async function submissionHistory(db: Db, campaignId: number, periodKey: string, organizationId: number) {
  const key = SUBMISSION_KEY(campaignId, periodKey, organizationId);
  const versions = await rows<{ version: number; submittedAt: string; submittedBy: string | null }>(
    db,
    sql`SELECT v.version, v.submitted_at::text AS "submittedAt", u.full_name AS "submittedBy" FROM submission_version v LEFT JOIN app_user u ON u.id = v.submitted_by
        WHERE v.${key} ORDER BY v.version`,
  );
  const events = await rows<{ action: string; fromStatus: string | null; toStatus: string; version: number | null; reason: string | null; actorName: string | null; at: string }>(
    db,
    sql`SELECT e.action, e.from_status AS "fromStatus", e.to_status AS "toStatus", e.version, e.reason, u.full_name AS "actorName", e.at::text AS at
        FROM submission_event e LEFT JOIN app_user u ON u.id = e.actor_id WHERE e.${key} ORDER BY e.id`,
  );
  const attachments = await rows<{ id: number; fileName: string; mediaType: string; sizeBytes: number; createdAt: string }>(
    db,
    sql`SELECT id::int AS id, file_name AS "fileName", media_type AS "mediaType", size_bytes AS "sizeBytes", created_at::text AS "createdAt"
        FROM submission_attachment WHERE ${key} ORDER BY id`,
  );
  return { versions, events, attachments };
}

export async function submissionVersion(db: Db, campaignId: number, periodKey: string, organizationId: number, version: number): Promise<ReportContent | undefined> {
  const r = await one<{ content: ReportContent }>(db, sql`SELECT content FROM submission_version WHERE ${SUBMISSION_KEY(campaignId, periodKey, organizationId)} AND version = ${version}`);
  return r?.content;
}

export async function insertAttachment(
  db: Db,
  key: { campaignId: number; periodKey: string; organizationId: number },
  a: { fileName: string; mediaType: string; data: Buffer; sha256: string; createdBy: number | null },
): Promise<number> {
  const r = await one<{ id: number }>(
    db,
    sql`INSERT INTO submission_attachment (campaign_id, period_key, organization_id, file_name, media_type, size_bytes, sha256, data, created_by)
        VALUES (${key.campaignId}, ${key.periodKey}, ${key.organizationId}, ${a.fileName}, ${a.mediaType}, ${a.data.length}, ${a.sha256}, ${a.data}, ${a.createdBy})
        RETURNING id::int AS id`,
  );
  return r!.id;
}

export async function findAttachment(db: Db, campaignId: number, periodKey: string, organizationId: number, id: number) {
  return one<{ fileName: string; mediaType: string; data: Buffer | Uint8Array }>(
    db,
    sql`SELECT file_name AS "fileName", media_type AS "mediaType", data FROM submission_attachment WHERE ${SUBMISSION_KEY(campaignId, periodKey, organizationId)} AND id = ${id}`,
  );
}

/** The latest content of every assignee that reports to `recipientId` for a period (no row: nothing started). */
export async function subordinateSubmissions(db: Db, campaignId: number, periodKey: string, recipientId: number) {
  return rows<AssigneeRow & { status: SubmissionStatus | null; content: ReportContent | null; sentiment: SentimentReport | null; version: number | null }>(
    db,
    sql`SELECT ${ASSIGNEE_COLUMNS}, s.status, v.content, v.sentiment, s.version
        FROM ${ASSIGNEE_FROM}
        LEFT JOIN submission s ON s.campaign_id = a.campaign_id AND s.period_key = ${periodKey} AND s.organization_id = a.organization_id
        LEFT JOIN submission_version v ON v.campaign_id = s.campaign_id AND v.period_key = s.period_key AND v.organization_id = s.organization_id AND v.version = s.version
        WHERE a.campaign_id = ${campaignId} AND a.recipient_id = ${recipientId}
        ORDER BY o.unit_code, o.name`,
  );
}

// ---- Completeness ---------------------------------------------------------------------------------------------

/**
 * The organization a completeness view is for (the campaign's own when none is given; null when it does not exist),
 * whether it asks, reports or receives in the campaign (its view can then follow the campaign's tree), and the
 * campaign's periods.
 */
export async function completenessFrame(db: Db, campaignId: number, organizationId: number | null) {
  return one<{ campaignOrganizationId: number; organizationId: number | null; organizationName: string | null; takesPart: boolean; periods: PeriodRow[] }>(
    db,
    sql`SELECT c.organization_id::int AS "campaignOrganizationId", o.id::int AS "organizationId", o.name AS "organizationName",
               (c.organization_id = o.id OR EXISTS (SELECT 1 FROM campaign_assignee a WHERE a.campaign_id = c.id AND (a.organization_id = o.id OR a.recipient_id = o.id))) AS "takesPart",
               (SELECT json_agg(p ORDER BY p.position) FROM (SELECT ${PERIOD_COLUMNS} FROM campaign_period WHERE campaign_id = c.id) p) AS periods
        FROM campaign c LEFT JOIN organization o ON o.id = coalesce(${organizationId}::bigint, c.organization_id) WHERE c.id = ${campaignId}`,
  );
}

/**
 * Which assignees a view covers: those under one organization, and the organization itself when it reports.
 * `tree: 'campaign'` follows the campaign's own consolidation tree, listed when it started (campaign_recipient): used
 * when the organization takes part in the campaign, and counted by submission_tally. `tree: 'lines'` follows today's
 * reporting lines, for an organization outside it (a body between the levels that report): its units need not be
 * all those of a receiving organization, so their submissions are counted one by one.
 */
export interface CompletenessScope {
  under: number;
  today: IsoDate;
  tree: 'campaign' | 'lines';
}

/** The state of a number of assignees of one level in one period (status null: not started). */
export interface PeriodTally {
  periodKey: string;
  level: string;
  status: SubmissionStatus | null;
  timeliness: 'on_time' | 'late' | null;
  n: number;
}

/** A tally of the drill-down: the units of one organization directly under the view's (its root). */
export interface ChildTally extends Omit<PeriodTally, 'periodKey'> {
  root: number;
  rootName: string;
  /** Whether this tally counts the child itself (it reports in the campaign too). */
  includesRoot: boolean;
}

export interface MatrixUnit {
  organizationId: number;
  organizationName: string;
  unitCode: string;
  unitLevel: string;
  recipientName: string;
}

export interface MatrixSubmission {
  organizationId: number;
  periodKey: string;
  status: SubmissionStatus;
  timeliness: 'on_time' | 'late' | null;
  daysLate: number | null;
}

/** The scope as a condition on campaign_assignee `a`, and the CTE it needs: down(id), today's lines below the organization. */
function scopeOf(campaignId: number, scope: CompletenessScope): { down: SQL | null; where: SQL } {
  if (scope.tree === 'campaign') {
    return {
      down: null,
      where: sql`(a.organization_id = ${scope.under} OR a.recipient_id IN (SELECT recipient_id FROM campaign_recipient WHERE campaign_id = ${campaignId} AND ancestor_id = ${scope.under}))`,
    };
  }
  return {
    down: sql`down(id) AS (SELECT ${scope.under}::bigint UNION SELECT rl.from_org_id FROM reporting_line rl JOIN down ON rl.to_org_id = down.id WHERE ${existsOn(scope.today, 'rl')})`,
    where: sql`a.organization_id IN (SELECT id FROM down)`,
  };
}

/** Period tallies counted from the submissions of the assignees matching `where` (on `a`). */
const countedOneByOne = (campaignId: number, where: SQL) =>
  sql`SELECT p.period_key AS "periodKey", a.unit_level AS level, s.status, s.timeliness, count(*)::int AS n
      FROM campaign_assignee a JOIN campaign_period p ON p.campaign_id = a.campaign_id
      LEFT JOIN submission s ON s.campaign_id = a.campaign_id AND s.period_key = p.period_key AND s.organization_id = a.organization_id
      WHERE a.campaign_id = ${campaignId} AND ${where} GROUP BY 1, 2, 3, 4`;

/** Stored tallies, states named as in `submission` (null for 'none'). */
const TALLY_COLUMNS = sql.raw(`t.unit_level AS level, nullif(t.status, 'none') AS status, nullif(t.timeliness, 'none') AS timeliness, t.n`);

/**
 * The tallies a completeness view shows, in one statement. `periods`: the assignees in scope by period, level, status
 * and timeliness (a period's rows add up to them all). `children`: for one period, the same for each organization
 * directly under the view's, with its whole subtree (the drill-down), in unit code order.
 */
export async function completenessTallies(db: Db, campaignId: number, scope: CompletenessScope, periodKey: string): Promise<{ periods: PeriodTally[]; children: ChildTally[] }> {
  const { under, today } = scope;
  const { down, where } = scopeOf(campaignId, scope);
  const ctes =
    scope.tree === 'campaign'
      ? // The view's own counters (and its own reports when it reports); each unit reporting to it: its own report,
        // and the counters of the organizations reporting to it.
        sql`own AS (
            SELECT t.period_key AS "periodKey", ${TALLY_COLUMNS} FROM submission_tally t WHERE t.campaign_id = ${campaignId} AND t.ancestor_id = ${under} AND t.n > 0
            UNION ALL ${countedOneByOne(campaignId, sql`a.organization_id = ${under}`)}),
          children AS (
            -- Names looked up one by one: for a hundred children the planner would rather read every organization.
            SELECT a.organization_id, a.unit_level, (SELECT o.name FROM organization o WHERE o.id = a.organization_id) AS name,
                   (SELECT o.unit_code FROM organization o WHERE o.id = a.organization_id) AS unit_code
            FROM campaign_assignee a WHERE a.campaign_id = ${campaignId} AND a.recipient_id = ${under}),
          drill AS (
            SELECT c.organization_id AS root, c.name, c.unit_code, true AS itself, c.unit_level AS level, s.status, s.timeliness, 1 AS n
            FROM children c LEFT JOIN submission s ON s.campaign_id = ${campaignId} AND s.period_key = ${periodKey} AND s.organization_id = c.organization_id
            UNION ALL
            SELECT c.organization_id, c.name, c.unit_code, false, ${TALLY_COLUMNS}
            FROM children c JOIN submission_tally t ON t.campaign_id = ${campaignId} AND t.ancestor_id = c.organization_id AND t.period_key = ${periodKey} AND t.n > 0)`
      : sql`${down},
          own AS (${countedOneByOne(campaignId, where)}),
          below(root, id) AS (
            SELECT rl.from_org_id, rl.from_org_id FROM reporting_line rl WHERE rl.to_org_id = ${under} AND ${existsOn(today, 'rl')}
            UNION SELECT below.root, rl.from_org_id FROM reporting_line rl JOIN below ON rl.to_org_id = below.id WHERE ${existsOn(today, 'rl')}),
          scoped AS (SELECT DISTINCT below.root, a.organization_id, a.unit_level FROM below JOIN campaign_assignee a ON a.organization_id = below.id AND a.campaign_id = ${campaignId}),
          counted AS (
            SELECT a.root, bool_or(a.organization_id = a.root) AS itself, a.unit_level AS level, s.status, s.timeliness, count(*)::int AS n
            FROM scoped a LEFT JOIN submission s ON s.campaign_id = ${campaignId} AND s.period_key = ${periodKey} AND s.organization_id = a.organization_id
            GROUP BY 1, 3, 4, 5),
          drill AS (SELECT x.root, o.name, o.unit_code, x.itself, x.level, x.status, x.timeliness, x.n FROM counted x JOIN organization o ON o.id = x.root)`;
  const all = await rows<ChildTally & PeriodTally & { unitCode: string | null }>(
    db,
    sql`WITH RECURSIVE ${ctes}
        SELECT NULL::int AS root, NULL::text AS "rootName", NULL::text AS "unitCode", NULL::boolean AS "includesRoot", "periodKey", level, status, timeliness, n FROM own
        UNION ALL
        SELECT root::int, name, unit_code, itself, ${periodKey}, level, status, timeliness, n FROM drill
        ORDER BY "unitCode" NULLS FIRST, "rootName", root`,
  );
  return {
    periods: all.filter((t) => t.root === null).map(({ periodKey, level, status, timeliness, n }) => ({ periodKey, level, status, timeliness, n })),
    children: all.filter((t) => t.root !== null).map(({ root, rootName, includesRoot, level, status, timeliness, n }) => ({ root, rootName, includesRoot, level, status, timeliness, n })),
  };
}

/**
 * One page of the units × periods matrix: the assignees in scope in their matrix order, and their submissions. One
 * statement; the submissions (a thousand small rows) come as one JSON array, which costs the server less to read.
 */
export async function matrixPage(db: Db, campaignId: number, scope: CompletenessScope, limit: number, offset: number): Promise<{ units: MatrixUnit[]; submissions: MatrixSubmission[] }> {
  const { down, where } = scopeOf(campaignId, scope);
  const r = await one<{ units: MatrixUnit[]; submissions: Array<[number, string, SubmissionStatus, 'on_time' | 'late' | null, number | null]> }>(
    db,
    sql`WITH RECURSIVE ${down ? sql`${down},` : sql``}
        page AS (
          SELECT a.organization_id::int AS "organizationId", o.name AS "organizationName", o.unit_code AS "unitCode", a.unit_level AS "unitLevel", r.name AS "recipientName", a.position
          FROM campaign_assignee a JOIN organization o ON o.id = a.organization_id JOIN organization r ON r.id = a.recipient_id
          WHERE a.campaign_id = ${campaignId} AND ${where} ORDER BY a.position LIMIT ${limit} OFFSET ${offset})
        SELECT coalesce((SELECT json_agg(u ORDER BY u.position) FROM page u), '[]') AS units,
               coalesce((SELECT json_agg(json_build_array(s.organization_id, s.period_key, s.status, s.timeliness, s.days_late))
                         FROM submission s JOIN page u ON s.organization_id = u."organizationId" WHERE s.campaign_id = ${campaignId}), '[]') AS submissions`,
  );
  return { units: r!.units, submissions: r!.submissions.map(([organizationId, periodKey, status, timeliness, daysLate]) => ({ organizationId, periodKey, status, timeliness, daysLate })) };
}

// ---- Reminders and notifications ------------------------------------------------------------------------------

export async function activeCampaignIds(db: Db): Promise<number[]> {
  return (await rows<{ id: number }>(db, sql`SELECT id::int AS id FROM campaign WHERE status = 'active' ORDER BY id`)).map((r) => r.id);
}

/**
 * Queues one reminder per assignee of `level` that still owes the period's report (no submission, a draft, or
 * returned). The key is reminderKey()'s, built in SQL; an existing key is left alone, so planning twice sends once.
 */
export async function queueReminders(
  db: Db,
  r: { campaignId: number; periodKey: string; level: string; kind: 'before' | 'overdue'; offsetDays: number; deadline: IsoDate; dueAt: Date },
): Promise<number> {
  const res = await rows<{ k: string }>(
    db,
    sql`INSERT INTO reminder (campaign_id, key, period_key, organization_id, kind, offset_days, deadline_on, due_at, next_attempt_at)
        SELECT ${r.campaignId}, 'reminder:' || ${r.campaignId} || ':' || ${r.periodKey} || ':' || a.organization_id || ':' || ${r.kind} || ':' || ${r.offsetDays} || ':' || ${r.deadline},
               ${r.periodKey}, a.organization_id, ${r.kind}, ${r.offsetDays}, ${r.deadline}::date, ${r.dueAt.toISOString()}::timestamptz, ${r.dueAt.toISOString()}::timestamptz
        FROM campaign_assignee a
        LEFT JOIN submission s ON s.campaign_id = a.campaign_id AND s.period_key = ${r.periodKey} AND s.organization_id = a.organization_id
        WHERE a.campaign_id = ${r.campaignId} AND a.unit_level = ${r.level} AND (s.status IS NULL OR s.status IN ('draft', 'returned'))
        ON CONFLICT DO NOTHING RETURNING key AS k`,
  );
  return res.length;
}

export interface PendingReminder {
  campaignId: number;
  key: string;
  periodKey: string;
  organizationId: number;
  kind: 'before' | 'overdue';
  offsetDays: number;
  deadline: IsoDate;
  attempts: number;
  campaignTitle: string;
  periodLabel: string;
  organizationName: string;
  status: SubmissionStatus | null;
}

/**
 * Leases one due reminder (pending, or a lease that expired: its sender died) for `leaseMs`: the row lock keeps other
 * workers off it until the lease is written, and the lease keeps them off it while it is being sent.
 */
export async function leaseReminder(db: Db, now: Date, leaseMs: number): Promise<PendingReminder | undefined> {
  const r = await one<PendingReminder>(
    db,
    sql`SELECT r.campaign_id::int AS "campaignId", r.key, r.period_key AS "periodKey", r.organization_id::int AS "organizationId", r.kind, r.offset_days AS "offsetDays",
               r.deadline_on::text AS deadline, r.attempts, c.title AS "campaignTitle", p.label AS "periodLabel", o.name AS "organizationName",
               (SELECT s.status FROM submission s WHERE s.campaign_id = r.campaign_id AND s.period_key = r.period_key AND s.organization_id = r.organization_id) AS status
        FROM reminder r JOIN campaign c ON c.id = r.campaign_id JOIN campaign_period p ON p.campaign_id = r.campaign_id AND p.period_key = r.period_key
        JOIN organization o ON o.id = r.organization_id
        WHERE r.status IN ('pending', 'sending') AND r.next_attempt_at <= ${now.toISOString()}::timestamptz
        ORDER BY r.next_attempt_at, r.campaign_id, r.key LIMIT 1 FOR UPDATE OF r SKIP LOCKED`,
  );
  if (r) {
    await db.execute(sql`UPDATE reminder SET status = 'sending', next_attempt_at = ${new Date(now.getTime() + leaseMs).toISOString()}::timestamptz
      WHERE campaign_id = ${r.campaignId} AND key = ${r.key}`);
  }
  return r;
}

export async function finishReminder(db: Db, campaignId: number, key: string, status: 'sent' | 'skipped', recipients: number): Promise<void> {
  await db.execute(sql`UPDATE reminder SET status = ${status}, sent_at = now(), recipients = ${recipients}, attempts = attempts + 1 WHERE campaign_id = ${campaignId} AND key = ${key}`);
}

export async function retryReminder(db: Db, campaignId: number, key: string, error: string, nextAttemptAt: Date, giveUp: boolean): Promise<void> {
  await db.execute(sql`UPDATE reminder SET attempts = attempts + 1, last_error = ${error.slice(0, 1000)}, next_attempt_at = ${nextAttemptAt.toISOString()}::timestamptz,
    status = ${giveUp ? 'failed' : 'pending'} WHERE campaign_id = ${campaignId} AND key = ${key}`);
}

/** Active users holding a working role on the organization itself (they answer for its reports). */
export async function responsibleUsers(db: Db, organizationId: number): Promise<Array<{ id: number; fullName: string; email: string | null }>> {
  return rows(
    db,
    sql`SELECT DISTINCT u.id::int AS id, u.full_name AS "fullName", u.email FROM role_grant g JOIN app_user u ON u.id = g.user_id
        WHERE g.organization_id = ${organizationId} AND g.role IN ('leader', 'specialist') AND u.active ORDER BY 1`,
  );
}

export async function insertNotification(db: Db, n: { userId: number; kind: string; title: string; body: string; link: string | null; sourceKey: string }): Promise<void> {
  await db.execute(sql`INSERT INTO notification (user_id, kind, title, body, link, source_key) VALUES (${n.userId}, ${n.kind}, ${n.title}, ${n.body}, ${n.link}, ${n.sourceKey})
    ON CONFLICT (user_id, source_key) DO NOTHING`);
}

export async function listNotifications(db: Db, userId: number) {
  return rows<{ id: number; kind: string; title: string; body: string; link: string | null; createdAt: string; readAt: string | null }>(
    db,
    sql`SELECT id::int AS id, kind, title, body, link, created_at::text AS "createdAt", read_at::text AS "readAt" FROM notification WHERE user_id = ${userId}
        ORDER BY id DESC LIMIT 100`,
  );
}

export async function markNotificationRead(db: Db, userId: number, id: number) {
  return one<{ id: number; kind: string; title: string; body: string; link: string | null; createdAt: string; readAt: string | null }>(
    db,
    sql`UPDATE notification SET read_at = coalesce(read_at, now()) WHERE user_id = ${userId} AND id = ${id}
        RETURNING id::int AS id, kind, title, body, link, created_at::text AS "createdAt", read_at::text AS "readAt"`,
  );
}
