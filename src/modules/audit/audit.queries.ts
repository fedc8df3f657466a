import { sql, type SQL } from 'drizzle-orm';
import { one, rows, type Db } from '../../server/db';
import type { Ctx } from '../../server/context';
import type { AuditEntry } from './audit.schema';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  organizationId?: number | null;
  before?: unknown;
  after?: unknown;
}

/** Appends an audit entry; call it inside the command's transaction so both commit or neither. */
export async function insertAudit(db: Db, ctx: Ctx, rec: AuditRecord): Promise<void> {
  await db.execute(sql`INSERT INTO audit_log (actor_id, actor_username, action, entity_type, entity_id, organization_id, before, after, ip, request_id)
    VALUES (${ctx.actor?.id ?? null}, ${ctx.actor?.username ?? ctx.system ?? 'system'}, ${rec.action}, ${rec.entityType},
            ${rec.entityId == null ? null : String(rec.entityId)}, ${rec.organizationId ?? null},
            ${rec.before === undefined ? null : JSON.stringify(rec.before)}::jsonb, ${rec.after === undefined ? null : JSON.stringify(rec.after)}::jsonb,
            ${ctx.ip ?? null}, ${ctx.requestId ?? null})`);
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  /** Only entries about these organizations (plus none): null means no restriction. */
  organizationIds: number[] | null;
  limit: number;
  offset: number;
}

/** Audit entries, newest first. */
export async function listAudit(db: Db, f: AuditFilter): Promise<{ items: AuditEntry[]; total: number }> {
  const where: SQL[] = [sql`true`];
  if (f.actor) where.push(sql`a.actor_username = ${f.actor.toLowerCase()}`);
  if (f.action) where.push(sql`a.action LIKE ${`${f.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (f.entityType) where.push(sql`a.entity_type = ${f.entityType}`);
  if (f.entityId) where.push(sql`a.entity_id = ${f.entityId}`);
  // Days are Vietnamese calendar days (UTC+7, as todayInVietnam), not the database session's time zone: an
  // entry at 23:30 in Việt Nam belongs to that day although it is 16:30 UTC.
  const startOfDay = (day: string) => sql`((${day}::date)::timestamp AT TIME ZONE INTERVAL '+07:00')`;
  if (f.from) where.push(sql`a.at >= ${startOfDay(f.from)}`);
  if (f.to) where.push(sql`a.at < ${startOfDay(f.to)} + interval '1 day'`);
  if (f.organizationIds) {
    where.push(
      f.organizationIds.length
        ? sql`a.organization_id IN (${sql.join(f.organizationIds.map((id) => sql`${id}`), sql`, `)})`
        : sql`false`,
    );
  }
  const cond = sql.join(where, sql` AND `);
  const items = await rows<AuditEntry>(
    db,
    sql`SELECT a.id::int AS id, to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, a.actor_id::int AS "actorId", a.actor_username AS "actorUsername",
          a.action, a.entity_type AS "entityType", a.entity_id AS "entityId", a.organization_id::int AS "organizationId",
          a.before, a.after, a.ip FROM audit_log a WHERE ${cond} ORDER BY a.id DESC LIMIT ${f.limit} OFFSET ${f.offset}`,
  );
  const total = await one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM audit_log a WHERE ${cond}`);
  return { items, total: total?.n ?? 0 };
}
