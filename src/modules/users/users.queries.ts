import { sql, type SQL } from 'drizzle-orm';
import { one, rows, type Db } from '../../server/db';
import { escapeLike, foldVietnamese } from '../../shared/text';
import { grantsOf } from '../auth/auth.queries';
import type { Role } from '../auth/auth.access';
import type { User } from './users.schema';

type UserBase = Omit<User, 'grants'>;
const COLUMNS = sql.raw(`u.id::int AS id, u.username, u.full_name AS "fullName", u.email, u.active, u.locale,
  to_char(u.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt"`);

export async function findUser(db: Db, id: number): Promise<User | undefined> {
  const u = await one<UserBase>(db, sql`SELECT ${COLUMNS} FROM app_user u WHERE u.id = ${id}`);
  return u ? { ...u, grants: await grantsOf(db, id) } : undefined;
}

/** Users with a role on one of `organizationIds` (null: all users), matching a search. */
export async function listUsers(
  db: Db,
  f: { q?: string; organizationId?: number; organizationIds: number[] | null; limit: number; offset: number },
): Promise<{ items: User[]; total: number }> {
  const where: SQL[] = [sql`true`];
  if (f.q) {
    const folded = `%${escapeLike(foldVietnamese(f.q))}%`;
    where.push(sql`(u.username LIKE ${`%${escapeLike(f.q.toLowerCase())}%`} OR lower(unaccent(u.full_name)) LIKE ${folded})`);
  }
  if (f.organizationId) where.push(sql`EXISTS (SELECT 1 FROM role_grant g WHERE g.user_id = u.id AND g.organization_id = ${f.organizationId})`);
  if (f.organizationIds) {
    where.push(
      f.organizationIds.length
        ? sql`EXISTS (SELECT 1 FROM role_grant g WHERE g.user_id = u.id AND g.organization_id IN (${sql.join(f.organizationIds.map((id) => sql`${id}`), sql`, `)}))`
        : sql`false`,
    );
  }
  const cond = sql.join(where, sql` AND `);
  const base = await rows<UserBase>(db, sql`SELECT ${COLUMNS} FROM app_user u WHERE ${cond} ORDER BY u.username LIMIT ${f.limit} OFFSET ${f.offset}`);
  const total = await one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM app_user u WHERE ${cond}`);
  const items: User[] = [];
  for (const u of base) items.push({ ...u, grants: await grantsOf(db, u.id) });
  return { items, total: total?.n ?? 0 };
}

export async function insertUser(db: Db, u: { username: string; fullName: string; email: string | null; passwordHash: string; locale: string }): Promise<number | null> {
  const r = await one<{ id: number }>(
    db,
    sql`INSERT INTO app_user (username, full_name, email, password_hash, locale) VALUES (${u.username}, ${u.fullName}, ${u.email}, ${u.passwordHash}, ${u.locale})
        ON CONFLICT (username) DO NOTHING RETURNING id::int AS id`,
  );
  return r?.id ?? null;
}

export async function updateUser(db: Db, id: number, patch: { fullName?: string; email?: string | null; active?: boolean; locale?: string; passwordHash?: string }) {
  const sets: SQL[] = [sql`updated_at = now()`];
  if (patch.fullName !== undefined) sets.push(sql`full_name = ${patch.fullName}`);
  if (patch.email !== undefined) sets.push(sql`email = ${patch.email}`);
  if (patch.active !== undefined) sets.push(sql`active = ${patch.active}`);
  if (patch.locale !== undefined) sets.push(sql`locale = ${patch.locale}`);
  if (patch.passwordHash !== undefined) sets.push(sql`password_hash = ${patch.passwordHash}`);
  await db.execute(sql`UPDATE app_user SET ${sql.join(sets, sql`, `)} WHERE id = ${id}`);
}

export async function insertGrant(db: Db, userId: number, organizationId: number | null, role: Role): Promise<number | null> {
  const r = await one<{ id: number }>(
    db,
    sql`INSERT INTO role_grant (user_id, organization_id, role) VALUES (${userId}, ${organizationId}, ${role}) ON CONFLICT DO NOTHING RETURNING id::int AS id`,
  );
  return r?.id ?? null;
}

export async function deleteGrant(db: Db, grantId: number) {
  await db.execute(sql`DELETE FROM role_grant WHERE id = ${grantId}`);
}
