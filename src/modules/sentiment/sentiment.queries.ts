// SQL of sentiment records. Functions over drizzle's `sql` (one dialect for PGlite and PostgreSQL); every statement
// names the organization, the distribution key of sentiment_record.
import { sql, type SQL } from 'drizzle-orm';
import { one, rows, type Db } from '../../server/db';
import type { IsoDate } from '../../shared/dates';
import type { SentimentFact } from './sentiment.model';
import type { Attitude, SentimentRecord, SentimentRecordInput } from './sentiment.schema';

const RECORD_COLUMNS = sql.raw(`r.id::int AS id, r.organization_id::int AS "organizationId", o.name AS "organizationName",
  r.observed_on::text AS "observedOn", r.place, r.source, r.strata, r.topics, r.attitude, r.content, r.quotes,
  r.people_count AS "peopleCount", r.hot_issue AS "hotIssue", r.false_information AS "falseInformation",
  r.created_by::int AS "createdBy", u.full_name AS "createdByName", r.created_at::text AS "createdAt", r.updated_at::text AS "updatedAt"`);
const RECORD_FROM = sql.raw(`sentiment_record r JOIN organization o ON o.id = r.organization_id LEFT JOIN app_user u ON u.id = r.created_by`);

/** A text[] value, one parameter an element (drizzle would spread a bare array into a list). */
const textArray = (list: readonly string[]) => (list.length ? sql`ARRAY[${sql.join(list.map((s) => sql`${s}`), sql`, `)}]::text[]` : sql`'{}'::text[]`);

export async function insertRecord(db: Db, organizationId: number, r: SentimentRecordInput, createdBy: number | null): Promise<number> {
  const row = await one<{ id: number }>(
    db,
    sql`INSERT INTO sentiment_record (organization_id, observed_on, place, source, strata, topics, attitude, content, quotes, people_count, hot_issue, false_information, created_by)
        VALUES (${organizationId}, ${r.observedOn}::date, ${r.place}, ${r.source}, ${textArray(r.strata)}, ${textArray(r.topics)}, ${r.attitude}, ${r.content}, ${r.quotes},
                ${r.peopleCount}, ${r.hotIssue}, ${r.falseInformation}, ${createdBy})
        RETURNING id::int AS id`,
  );
  return row!.id;
}

export async function updateRecord(db: Db, organizationId: number, id: number, r: SentimentRecordInput): Promise<void> {
  await db.execute(
    sql`UPDATE sentiment_record SET observed_on = ${r.observedOn}::date, place = ${r.place}, source = ${r.source}, strata = ${textArray(r.strata)},
          topics = ${textArray(r.topics)}, attitude = ${r.attitude}, content = ${r.content}, quotes = ${r.quotes}, people_count = ${r.peopleCount},
          hot_issue = ${r.hotIssue}, false_information = ${r.falseInformation}, updated_at = now()
        WHERE organization_id = ${organizationId} AND id = ${id}`,
  );
}

export async function deleteRecord(db: Db, organizationId: number, id: number): Promise<void> {
  await db.execute(sql`DELETE FROM sentiment_record WHERE organization_id = ${organizationId} AND id = ${id}`);
}

export async function findRecord(db: Db, organizationId: number, id: number, forUpdate = false): Promise<SentimentRecord | undefined> {
  return one<SentimentRecord>(
    db,
    sql`SELECT ${RECORD_COLUMNS} FROM ${RECORD_FROM} WHERE r.organization_id = ${organizationId} AND r.id = ${id} ${forUpdate ? sql`FOR UPDATE OF r` : sql``}`,
  );
}

/** Lines in force at some time between two days: a month's records follow the lines the month saw. */
const lineDuring = (from: IsoDate, last: IsoDate) => sql`(rl.valid_from IS NULL OR rl.valid_from <= ${last}::date) AND (rl.valid_to IS NULL OR rl.valid_to >= ${from}::date)`;

/** `down(id)`: an organization and everything reporting to it (transitively) during the days given. */
const subtreeCte = (organizationId: number, from: IsoDate, last: IsoDate) => sql`WITH RECURSIVE down(id) AS (
    SELECT ${organizationId}::bigint
    UNION SELECT rl.from_org_id FROM reporting_line rl JOIN down ON rl.to_org_id = down.id WHERE ${lineDuring(from, last)}
  )`;

export interface RecordFilter {
  organizationId: number;
  subtree: boolean;
  month?: { from: IsoDate; until: IsoDate; last: IsoDate };
  attitude?: Attitude;
  topic?: string;
  hot?: boolean;
  falseInformation?: boolean;
  limit: number;
  offset: number;
}

/** A page of records, newest observation first, and how many match. */
export async function listRecords(db: Db, f: RecordFilter): Promise<{ items: SentimentRecord[]; total: number }> {
  const where: SQL[] = [f.subtree ? sql`r.organization_id IN (SELECT id FROM down)` : sql`r.organization_id = ${f.organizationId}`];
  if (f.month) where.push(sql`r.observed_on >= ${f.month.from}::date AND r.observed_on < ${f.month.until}::date`);
  if (f.attitude) where.push(sql`r.attitude = ${f.attitude}`);
  if (f.topic) where.push(sql`${f.topic} = ANY(r.topics)`);
  if (f.hot !== undefined) where.push(sql`r.hot_issue = ${f.hot}`);
  if (f.falseInformation !== undefined) where.push(sql`r.false_information = ${f.falseInformation}`);
  // Without a month the subtree follows the lines of any time: history stays readable.
  const cte = f.subtree ? subtreeCte(f.organizationId, f.month?.from ?? '0001-01-01', f.month?.last ?? '9999-12-31') : sql``;
  const cond = sql.join(where, sql` AND `);
  const items = await rows<SentimentRecord>(
    db,
    sql`${cte} SELECT ${RECORD_COLUMNS} FROM ${RECORD_FROM} WHERE ${cond} ORDER BY r.observed_on DESC, r.id DESC LIMIT ${f.limit} OFFSET ${f.offset}`,
  );
  const total = await one<{ n: number }>(db, sql`${cte} SELECT count(*)::int AS n FROM sentiment_record r WHERE ${cond}`);
  return { items, total: total?.n ?? 0 };
}

/**
 * A month's records of an organization and of everything reporting to it, each with its area: the organization
 * itself for its own records, otherwise the unit directly under it that the record came through (one of them, the
 * lowest id, when the reporting lines give several ways up: a record is counted once).
 */
export async function monthFacts(db: Db, organizationId: number, month: { from: IsoDate; until: IsoDate; last: IsoDate }): Promise<SentimentFact[]> {
  return rows<SentimentFact>(
    db,
    sql`WITH RECURSIVE down(root, id) AS (
          SELECT rl.from_org_id, rl.from_org_id FROM reporting_line rl WHERE rl.to_org_id = ${organizationId} AND ${lineDuring(month.from, month.last)}
          UNION SELECT down.root, rl.from_org_id FROM reporting_line rl JOIN down ON rl.to_org_id = down.id WHERE ${lineDuring(month.from, month.last)}
        ), area(id, root) AS (
          SELECT id, min(root) FROM down WHERE id <> ${organizationId} GROUP BY id
          UNION ALL SELECT ${organizationId}::bigint, ${organizationId}::bigint
        )
        SELECT r.organization_id::int AS "organizationId", o.name AS "organizationName", a.root::int AS "areaId", ao.name AS "areaName",
               r.observed_on::text AS "observedOn", r.place, r.source, r.strata, r.topics, r.attitude, r.content, r.quotes,
               r.people_count AS "peopleCount", r.hot_issue AS "hotIssue", r.false_information AS "falseInformation"
        FROM area a JOIN sentiment_record r ON r.organization_id = a.id
          JOIN organization o ON o.id = r.organization_id JOIN organization ao ON ao.id = a.root
        WHERE r.observed_on >= ${month.from}::date AND r.observed_on < ${month.until}::date
        ORDER BY r.observed_on, r.organization_id, r.id`,
  );
}
