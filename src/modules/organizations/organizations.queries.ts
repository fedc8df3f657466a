import { sql, type SQL } from 'drizzle-orm';
import { one, rows, type Db } from '../../server/db';
import type { IsoDate } from '../../shared/dates';
import { escapeLike, foldVietnamese } from '../../shared/text';
import type { Role } from '../auth/auth.access';
import type { UnitLevel } from '../units/units.schema';
import type { OrgKind, OrgSystem, Organization } from './organizations.schema';

const ORG_COLUMNS = sql.raw(`o.id::int AS id, o.unit_level AS "unitLevel", o.unit_code AS "unitCode",
  (SELECT u.full_name FROM unit u WHERE u.level = o.unit_level AND u.code = o.unit_code
     ORDER BY (u.valid_to IS NULL) DESC, u.valid_from DESC NULLS LAST LIMIT 1) AS "unitName",
  o.kind, o.system, o.name, o.valid_from::text AS "validFrom", o.valid_to::text AS "validTo", o.successor_id::int AS "successorId"`);

/** Valid on a day: the row's validity dates (valid_from, valid_to) include it. */
export const existsOn = (at: IsoDate, alias = 'o') =>
  sql`(${sql.raw(alias)}.valid_from IS NULL OR ${sql.raw(alias)}.valid_from <= ${at}::date) AND (${sql.raw(alias)}.valid_to IS NULL OR ${sql.raw(alias)}.valid_to >= ${at}::date)`;

/**
 * Organizations a user's grants reach: the granted ones and, transitively, everything that reports to them.
 * History counts (ended lines too) so that what a unit used to receive stays readable. A recursive CTE: UNION
 * (not UNION ALL) stops at cycles.
 */
export const scopeCte = (userId: number, roles?: readonly Role[]) => sql`WITH RECURSIVE scope(id) AS (
    SELECT g.organization_id FROM role_grant g WHERE g.user_id = ${userId} AND g.organization_id IS NOT NULL
      ${roles ? sql`AND g.role IN (${sql.join(roles.map((r) => sql`${r}`), sql`, `)})` : sql``}
    UNION
    SELECT rl.from_org_id FROM reporting_line rl JOIN scope ON rl.to_org_id = scope.id
  )`;

/** Ids of the organizations in a user's scope (for grants with any of `roles`, or any role). */
export async function scopeOrganizationIds(db: Db, userId: number, roles?: readonly Role[]): Promise<number[]> {
  const result = await rows<{ id: number }>(db, sql`${scopeCte(userId, roles)} SELECT id::int AS id FROM scope`);
  return result.map((r) => r.id);
}

/** Roles a user holds on an organization: granted on it, on anything it reports up to, or system-wide. */
export async function effectiveRoles(db: Db, userId: number, organizationId: number): Promise<Role[]> {
  const result = await rows<{ role: Role }>(
    db,
    sql`WITH RECURSIVE up(id) AS (
          SELECT ${organizationId}::bigint
          UNION
          SELECT rl.to_org_id FROM reporting_line rl JOIN up ON rl.from_org_id = up.id
        )
        SELECT DISTINCT g.role FROM role_grant g
        WHERE g.user_id = ${userId} AND (g.organization_id IS NULL OR g.organization_id IN (SELECT id FROM up))`,
  );
  return result.map((r) => r.role);
}

export interface OrganizationFilter {
  q?: string;
  unitLevel?: UnitLevel;
  unitCode?: string;
  kind?: OrgKind;
  at?: IsoDate;
  includeEnded: boolean;
  /** null: no restriction (system administrator). */
  scopeUserId: number | null;
  limit: number;
  offset: number;
}

/** Organizations matching a filter, restricted to a user's scope. */
export async function listOrganizations(db: Db, f: OrganizationFilter): Promise<{ items: Organization[]; total: number }> {
  const where: SQL[] = [sql`true`];
  const folded = f.q ? foldVietnamese(f.q) : '';
  if (folded) where.push(sql`o.search_key LIKE ${`%${escapeLike(folded)}%`}`);
  if (f.unitLevel) where.push(sql`o.unit_level = ${f.unitLevel}`);
  if (f.unitCode) where.push(sql`o.unit_code = ${f.unitCode}`);
  if (f.kind) where.push(sql`o.kind = ${f.kind}`);
  if (!f.includeEnded && f.at) where.push(existsOn(f.at));
  if (f.scopeUserId !== null) where.push(sql`o.id IN (SELECT id FROM scope)`);
  const cte = f.scopeUserId !== null ? scopeCte(f.scopeUserId) : sql``;
  const cond = sql.join(where, sql` AND `);
  const items = await rows<Organization>(
    db,
    sql`${cte} SELECT ${ORG_COLUMNS} FROM organization o WHERE ${cond}
        ORDER BY array_position(ARRAY['central','province','district','commune','residential_area'], o.unit_level), o.unit_code, o.id
        LIMIT ${f.limit} OFFSET ${f.offset}`,
  );
  const total = await one<{ n: number }>(db, sql`${cte} SELECT count(*)::int AS n FROM organization o WHERE ${cond}`);
  return { items, total: total?.n ?? 0 };
}

export async function findOrganization(db: Db, id: number): Promise<Organization | undefined> {
  return one<Organization>(db, sql`SELECT ${ORG_COLUMNS} FROM organization o WHERE o.id = ${id}`);
}

export async function findOrganizationsAtUnit(db: Db, unitLevel: UnitLevel, unitCode: string): Promise<Organization[]> {
  return rows<Organization>(db, sql`SELECT ${ORG_COLUMNS} FROM organization o WHERE o.unit_level = ${unitLevel} AND o.unit_code = ${unitCode} ORDER BY o.id`);
}

export async function organizationPredecessors(db: Db, id: number): Promise<Organization[]> {
  return rows<Organization>(db, sql`SELECT ${ORG_COLUMNS} FROM organization o WHERE o.successor_id = ${id} ORDER BY o.id`);
}

export async function insertOrganization(
  db: Db,
  o: { unitLevel: UnitLevel; unitCode: string; kind: OrgKind; system: OrgSystem; name: string; validFrom: IsoDate | null; validTo?: IsoDate | null },
): Promise<number> {
  const r = await one<{ id: number }>(
    db,
    sql`INSERT INTO organization (unit_level, unit_code, kind, system, name, search_key, valid_from, valid_to)
        VALUES (${o.unitLevel}, ${o.unitCode}, ${o.kind}, ${o.system}, ${o.name}, ${foldVietnamese(o.name)}, ${o.validFrom}::date, ${o.validTo ?? null}::date)
        RETURNING id::int AS id`,
  );
  return r!.id;
}

export async function updateOrganizationName(db: Db, id: number, name: string): Promise<void> {
  await db.execute(sql`UPDATE organization SET name = ${name}, search_key = ${foldVietnamese(name)}, updated_at = now() WHERE id = ${id}`);
}

export async function closeOrganization(db: Db, id: number, validTo: IsoDate, successorId: number | null): Promise<void> {
  await db.execute(sql`UPDATE organization SET valid_to = ${validTo}::date, successor_id = ${successorId}, updated_at = now() WHERE id = ${id}`);
  // Its reporting lines end with it.
  await db.execute(
    sql`UPDATE reporting_line SET valid_to = ${validTo}::date WHERE (from_org_id = ${id} OR to_org_id = ${id}) AND (valid_to IS NULL OR valid_to > ${validTo}::date)`,
  );
}

export interface LineRow {
  id: number;
  kind: 'system' | 'same_level';
  otherId: number;
  validFrom: string | null;
  validTo: string | null;
}

/** Lines leaving (`up`) or arriving at (`down`) an organization. */
export async function reportingLines(db: Db, id: number, direction: 'up' | 'down', at?: IsoDate): Promise<LineRow[]> {
  const [mine, other] = direction === 'up' ? ['from_org_id', 'to_org_id'] : ['to_org_id', 'from_org_id'];
  return rows<LineRow>(
    db,
    sql`SELECT rl.id::int AS id, rl.kind, rl.${sql.raw(other)}::int AS "otherId", rl.valid_from::text AS "validFrom", rl.valid_to::text AS "validTo"
        FROM reporting_line rl WHERE rl.${sql.raw(mine)} = ${id} ${at ? sql`AND ${existsOn(at, 'rl')}` : sql``} ORDER BY rl.kind, rl.id`,
  );
}

export async function insertReportingLine(
  db: Db,
  line: { fromId: number; toId: number; kind: 'system' | 'same_level'; validFrom: IsoDate | null },
): Promise<number | null> {
  const r = await one<{ id: number }>(
    db,
    sql`INSERT INTO reporting_line (from_org_id, to_org_id, kind, valid_from) VALUES (${line.fromId}, ${line.toId}, ${line.kind}, ${line.validFrom}::date)
        ON CONFLICT DO NOTHING RETURNING id::int AS id`,
  );
  return r?.id ?? null;
}

export async function findReportingLine(db: Db, id: number): Promise<{ id: number; fromId: number; toId: number; kind: string; validTo: string | null } | undefined> {
  return one(db, sql`SELECT id::int AS id, from_org_id::int AS "fromId", to_org_id::int AS "toId", kind, valid_to::text AS "validTo" FROM reporting_line WHERE id = ${id}`);
}

export async function endReportingLine(db: Db, id: number, validTo: IsoDate): Promise<void> {
  await db.execute(sql`UPDATE reporting_line SET valid_to = ${validTo}::date WHERE id = ${id}`);
}

/** Whether `ancestorId` is reachable from `id` by reporting lines (would a new line close a cycle?). */
export async function reportsUpTo(db: Db, id: number, ancestorId: number): Promise<boolean> {
  const r = await one<{ found: boolean }>(
    db,
    sql`WITH RECURSIVE up(id) AS (SELECT ${id}::bigint UNION SELECT rl.to_org_id FROM reporting_line rl JOIN up ON rl.from_org_id = up.id)
        SELECT EXISTS (SELECT 1 FROM up WHERE id = ${ancestorId}) AS found`,
  );
  return !!r?.found;
}
