import { sql } from 'drizzle-orm';
import { one, rows, type Db } from '../../server/db';
import type { Grant } from '../../server/context';
import type { Role } from './auth.access';

export interface UserRow {
  id: number;
  username: string;
  fullName: string;
  email: string | null;
  passwordHash: string;
  active: boolean;
  locale: string;
}

const USER_COLUMNS = sql.raw(`id::int AS id, username, full_name AS "fullName", email, password_hash AS "passwordHash", active, locale`);

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return one<UserRow>(db, sql`SELECT ${USER_COLUMNS} FROM app_user WHERE username = ${username.toLowerCase()}`);
}

export async function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  return one<UserRow>(db, sql`SELECT ${USER_COLUMNS} FROM app_user WHERE id = ${id}`);
}

export interface GrantRow extends Grant {
  id: number;
  organizationName: string | null;
  unitName: string | null;
}

export async function grantsOf(db: Db, userId: number): Promise<GrantRow[]> {
  return rows<GrantRow>(
    db,
    sql`SELECT g.id::int AS id, g.organization_id::int AS "organizationId", g.role, o.name AS "organizationName",
          (SELECT u.full_name FROM unit u WHERE u.level = o.unit_level AND u.code = o.unit_code ORDER BY (u.valid_to IS NULL) DESC, u.valid_from DESC NULLS LAST LIMIT 1) AS "unitName"
        FROM role_grant g LEFT JOIN organization o ON o.id = g.organization_id WHERE g.user_id = ${userId} ORDER BY g.id`,
  );
}

/** A session and the actor behind it: what every signed-in request needs first. */
export interface SessionRow {
  csrfToken: string;
  userId: number;
  username: string;
  fullName: string;
  grants: Grant[];
}

export async function insertSession(db: Db, s: { id: string; userId: number; csrfToken: string; expiresAt: Date; ip?: string; userAgent?: string }) {
  await db.execute(sql`INSERT INTO user_session (id, user_id, csrf_token, expires_at, ip, user_agent)
    VALUES (${s.id}, ${s.userId}, ${s.csrfToken}, ${s.expiresAt.toISOString()}::timestamptz, ${s.ip ?? null}, ${s.userAgent?.slice(0, 300) ?? null})`);
}

/** A live session of an active user, with the user's name and grants, in one query (it runs on every request). */
export async function findSession(db: Db, id: string): Promise<SessionRow | undefined> {
  return one<SessionRow>(
    db,
    sql`SELECT s.csrf_token AS "csrfToken", u.id::int AS "userId", u.username, u.full_name AS "fullName",
          coalesce((SELECT json_agg(json_build_object('organizationId', g.organization_id, 'role', g.role) ORDER BY g.id) FROM role_grant g WHERE g.user_id = u.id), '[]') AS grants
        FROM user_session s JOIN app_user u ON u.id = s.user_id WHERE s.id = ${id} AND s.expires_at > now() AND u.active`,
  );
}

export async function deleteSession(db: Db, id: string) {
  await db.execute(sql`DELETE FROM user_session WHERE id = ${id}`);
}

export async function deleteSessionsOfUser(db: Db, userId: number) {
  await db.execute(sql`DELETE FROM user_session WHERE user_id = ${userId}`);
}

export async function deleteExpiredSessions(db: Db) {
  await db.execute(sql`DELETE FROM user_session WHERE expires_at <= now()`);
}

export interface ThrottleRow {
  failures: number;
  windowStart: string;
  lockedUntil: string | null;
  locked: boolean;
  retryAfterS: number | null;
}

export async function findThrottle(db: Db, key: string): Promise<ThrottleRow | undefined> {
  return one<ThrottleRow>(
    db,
    sql`SELECT failures, window_start::text AS "windowStart", locked_until::text AS "lockedUntil",
          (locked_until IS NOT NULL AND locked_until > now()) AS locked,
          extract(epoch FROM (locked_until - now()))::int AS "retryAfterS"
        FROM login_throttle WHERE key = ${key}`,
  );
}

/** Counts a failed attempt within a sliding window; locks the key once it reaches `max`. Returns the new count. */
export async function recordFailure(db: Db, key: string, windowS: number, max: number, lockS: number): Promise<number> {
  const r = await one<{ failures: number }>(
    db,
    sql`INSERT INTO login_throttle AS t (key, failures, window_start) VALUES (${key}, 1, now())
        ON CONFLICT (key) DO UPDATE SET
          failures = CASE WHEN t.window_start < now() - make_interval(secs => ${windowS}) THEN 1 ELSE t.failures + 1 END,
          window_start = CASE WHEN t.window_start < now() - make_interval(secs => ${windowS}) THEN now() ELSE t.window_start END
        RETURNING failures`,
  );
  const failures = r?.failures ?? 1;
  if (failures >= max) {
    await db.execute(sql`UPDATE login_throttle SET locked_until = now() + make_interval(secs => ${lockS}) WHERE key = ${key}`);
  }
  return failures;
}

export async function clearThrottle(db: Db, key: string) {
  await db.execute(sql`DELETE FROM login_throttle WHERE key = ${key}`);
}

export type { Role };
