// SQL of the reporting regime. Functions over drizzle's `sql` (one dialect for PGlite and PostgreSQL); counts are
// cast to int because the two drivers return bigint differently.
import { sql } from 'drizzle-orm';
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

export async function insertAssignees(db: Db, campaignId: number, assignees: Array<{ organizationId: number; unitLevel: string; recipientId: number }>): Promise<void> {
  for (let i = 0; i < assignees.length; i += 5000) {
    const chunk = assignees.slice(i, i + 5000).map((a) => ({ o: a.organizationId, l: a.unitLevel, r: a.recipientId }));
    await db.execute(sql`INSERT INTO campaign_assignee (campaign_id, organization_id, unit_level, recipient_id)
      SELECT ${campaignId}, r.o, r.l, r.r FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) AS r(o bigint, l text, r bigint)`);
  }
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

/** Creates the draft row if there is none yet (a unit's first save), then locks it. */
export async function lockSubmission(db: Db, campaignId: number, periodKey: string, organizationId: number): Promise<SubmissionRow> {
  await db.execute(sql`INSERT INTO submission (campaign_id, period_key, organization_id, status, content)
    VALUES (${campaignId}, ${periodKey}, ${organizationId}, 'draft', '{"figures":{},"sections":{}}'::jsonb) ON CONFLICT DO NOTHING`);
  return (await findSubmission(db, campaignId, periodKey, organizationId, true))!;
}

export async function updateSubmission(
  db: Db,
  key: { campaignId: number; periodKey: string; organizationId: number },
  patch: Partial<Pick<SubmissionRow, 'status' | 'content' | 'version' | 'reason' | 'deadlineOn' | 'timeliness' | 'daysLate' | 'synthesisConsultationId' | 'sentimentMonth' | 'sentiment'>> & {
    firstSubmittedNow?: boolean;
    submittedNow?: boolean;
  },
  actorId: number | null,
): Promise<void> {
  const sets = [sql`revision = revision + 1`, sql`updated_at = now()`, sql`updated_by = ${actorId}`];
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
  await db.execute(sql`UPDATE submission SET ${sql.join(sets, sql`, `)} WHERE ${SUBMISSION_KEY(key.campaignId, key.periodKey, key.organizationId)}`);
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
 * Which assignees a view covers: all of the campaign's, or those under one organization. `tree: 'campaign'` follows
 * the campaign's own consolidation tree (assignee → recipient, indexed, at most a few levels): used when the
 * organization takes part in the campaign. `tree: 'lines'` follows the reporting lines, for an organization outside
 * it (a body between the levels that report).
 */
export type CompletenessScope = { under: number; today: IsoDate; tree: 'campaign' | 'lines' } | null;

/** `scoped(organization_id, unit_level)`: the assignees in scope, as the opening of a WITH clause. */
const scopedAssignees = (campaignId: number, scope: CompletenessScope) => {
  if (!scope) return sql`WITH scoped AS (SELECT a.organization_id, a.unit_level FROM campaign_assignee a WHERE a.campaign_id = ${campaignId})`;
  const down =
    scope.tree === 'campaign'
      ? sql`SELECT ${scope.under}::bigint UNION SELECT a.organization_id FROM campaign_assignee a JOIN down ON a.recipient_id = down.id WHERE a.campaign_id = ${campaignId}`
      : sql`SELECT ${scope.under}::bigint UNION SELECT rl.from_org_id FROM reporting_line rl JOIN down ON rl.to_org_id = down.id WHERE ${existsOn(scope.today, 'rl')}`;
  return sql`WITH RECURSIVE down(id) AS (${down})
    , scoped AS (SELECT a.organization_id, a.unit_level FROM campaign_assignee a JOIN down ON down.id = a.organization_id WHERE a.campaign_id = ${campaignId})`;
};

/** Whether an organization asks, reports or receives in a campaign (its views can follow the campaign's tree). */
export async function takesPart(db: Db, campaignId: number, organizationId: number): Promise<boolean> {
  const r = await one<{ yes: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM campaign WHERE id = ${campaignId} AND organization_id = ${organizationId})
            OR EXISTS (SELECT 1 FROM campaign_assignee WHERE campaign_id = ${campaignId} AND (organization_id = ${organizationId} OR recipient_id = ${organizationId})) AS yes`,
  );
  return !!r?.yes;
}

/** How many assignees of each level are in scope, and their submissions by period, level, status and timeliness. */
export async function statusTallies(db: Db, campaignId: number, scope: CompletenessScope) {
  const levels = await rows<{ level: string; n: number }>(db, sql`${scopedAssignees(campaignId, scope)} SELECT unit_level AS level, count(*)::int AS n FROM scoped GROUP BY unit_level`);
  const tallies = await rows<{ periodKey: string; level: string; status: SubmissionStatus; timeliness: 'on_time' | 'late' | null; n: number }>(
    db,
    sql`${scopedAssignees(campaignId, scope)}
        SELECT s.period_key AS "periodKey", a.unit_level AS level, s.status, s.timeliness, count(*)::int AS n
        FROM submission s JOIN scoped a ON a.organization_id = s.organization_id
        WHERE s.campaign_id = ${campaignId} GROUP BY 1, 2, 3, 4`,
  );
  return { levels, tallies };
}

/**
 * For one period, each organization directly under `organizationId` with its subtree's assignees by level and
 * their submissions by status (status null: not started): the drill-down.
 */
export interface ChildTally {
  root: number;
  /** Whether this tally counts the child itself (it reports in the campaign too). */
  includesRoot: boolean;
  level: string;
  status: SubmissionStatus | null;
  timeliness: 'on_time' | 'late' | null;
  n: number;
}

export async function childTallies(db: Db, campaignId: number, organizationId: number, periodKey: string, today: IsoDate, tree: 'campaign' | 'lines') {
  const down =
    tree === 'campaign'
      ? sql`SELECT a.organization_id, a.organization_id FROM campaign_assignee a WHERE a.campaign_id = ${campaignId} AND a.recipient_id = ${organizationId}
            UNION SELECT down.root, a.organization_id FROM campaign_assignee a JOIN down ON a.recipient_id = down.id WHERE a.campaign_id = ${campaignId}`
      : sql`SELECT rl.from_org_id, rl.from_org_id FROM reporting_line rl WHERE rl.to_org_id = ${organizationId} AND ${existsOn(today, 'rl')}
            UNION SELECT down.root, rl.from_org_id FROM reporting_line rl JOIN down ON rl.to_org_id = down.id WHERE ${existsOn(today, 'rl')}`;
  return rows<ChildTally>(
    db,
    sql`WITH RECURSIVE down(root, id) AS (${down})
        , scoped AS (SELECT DISTINCT down.root, a.organization_id, a.unit_level FROM down JOIN campaign_assignee a ON a.organization_id = down.id AND a.campaign_id = ${campaignId})
        SELECT a.root::int AS root, bool_or(a.organization_id = a.root) AS "includesRoot", a.unit_level AS level, s.status, s.timeliness, count(*)::int AS n
        FROM scoped a LEFT JOIN submission s ON s.campaign_id = ${campaignId} AND s.period_key = ${periodKey} AND s.organization_id = a.organization_id
        GROUP BY 1, 3, 4, 5`,
  );
}

export async function organizationNames(db: Db, ids: number[]): Promise<Array<{ id: number; name: string; unitCode: string }>> {
  if (!ids.length) return [];
  return rows(db, sql`SELECT id::int AS id, name, unit_code AS "unitCode" FROM organization WHERE id = ANY(${`{${ids.join(',')}}`}::bigint[]) ORDER BY unit_code, name`);
}

/** One page of the units × periods matrix for the assignees in scope, ordered by unit code. */
export async function matrixPage(db: Db, campaignId: number, scope: CompletenessScope, limit: number, offset: number) {
  const total = await one<{ n: number }>(db, sql`${scopedAssignees(campaignId, scope)} SELECT count(*)::int AS n FROM scoped`);
  const units = await rows<{ organizationId: number; organizationName: string; unitCode: string; unitLevel: string; recipientName: string }>(
    db,
    sql`${scopedAssignees(campaignId, scope)}
        SELECT a.organization_id::int AS "organizationId", o.name AS "organizationName", o.unit_code AS "unitCode", a.unit_level AS "unitLevel", r.name AS "recipientName"
        FROM scoped a JOIN organization o ON o.id = a.organization_id
        JOIN campaign_assignee ca ON ca.campaign_id = ${campaignId} AND ca.organization_id = a.organization_id JOIN organization r ON r.id = ca.recipient_id
        ORDER BY r.unit_code, o.unit_code, a.organization_id LIMIT ${limit} OFFSET ${offset}`,
  );
  const subs = units.length
    ? await rows<{ organizationId: number; periodKey: string; status: SubmissionStatus; timeliness: 'on_time' | 'late' | null; daysLate: number | null }>(
        db,
        sql`SELECT organization_id::int AS "organizationId", period_key AS "periodKey", status, timeliness, days_late AS "daysLate" FROM submission
            WHERE campaign_id = ${campaignId} AND organization_id = ANY(${`{${units.map((u) => u.organizationId).join(',')}}`}::bigint[])`,
      )
    : [];
  return { total: total?.n ?? 0, units, subs };
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
