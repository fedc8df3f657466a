import crypto from 'node:crypto';
import argon2 from 'argon2';
import type { Db } from '../../server/db';
import type { Actor, Ctx } from '../../server/context';
import { isSystemAdmin } from '../../server/context';
import { AppError } from '../../shared/errors';
import { insertAudit } from '../audit/audit.queries';
import * as q from './auth.queries';
import type { Me } from './auth.schema';

export const SESSION_COOKIE = 'dany_session';
export const SESSION_TTL_S = 12 * 3600;

/** Login throttling: this many failures within the window lock the account name and the address for a while. */
export const THROTTLE = { max: 5, windowS: 15 * 60, lockS: 15 * 60 };

// OWASP's argon2id minimum (19 MiB, t=2) keeps logins well under 100 ms on this hardware.
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => argon2.hash(password, ARGON2_OPTIONS);

/** A password policy a user can meet: long enough, not trivially guessable. */
export function checkPasswordStrength(password: string): void {
  if (password.length < 10) throw new AppError(422, 'WEAK_PASSWORD', 'Mật khẩu phải có ít nhất 10 ký tự.');
  if (password.length > 200) throw new AppError(422, 'WEAK_PASSWORD', 'Mật khẩu không được dài quá 200 ký tự.');
  if (new Set(password).size < 4) throw new AppError(422, 'WEAK_PASSWORD', 'Mật khẩu quá đơn giản.');
}

// A fixed hash to verify against when the user does not exist, so timing does not reveal valid usernames.
let dummyHash: Promise<string> | undefined;

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

async function throttled(db: Db, keys: string[]): Promise<number | null> {
  for (const key of keys) {
    const t = await q.findThrottle(db, key);
    if (t?.locked) return Math.max(1, t.retryAfterS ?? THROTTLE.lockS);
  }
  return null;
}

/** Checks a password and opens a session. Returns the session token for the cookie. */
export async function login(
  db: Db,
  input: { username: string; password: string; ip?: string; userAgent?: string },
): Promise<{ token: string; userId: number }> {
  const username = input.username.trim().toLowerCase();
  const keys = [`user:${username}`, ...(input.ip ? [`ip:${input.ip}`] : [])];
  const retryAfter = await throttled(db, keys);
  if (retryAfter !== null) {
    throw new AppError(429, 'TOO_MANY_ATTEMPTS', `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${Math.ceil(retryAfter / 60)} phút.`, { retryAfterS: retryAfter });
  }
  const user = await q.findUserByUsername(db, username);
  dummyHash ??= hashPassword(crypto.randomBytes(16).toString('hex'));
  const ok = user ? await argon2.verify(user.passwordHash, input.password) : (await argon2.verify(await dummyHash, input.password), false);
  if (!user || !ok || !user.active) {
    await db.transaction(async (tx) => {
      // IP failures are counted more generously: many users may share one address (NAT).
      await q.recordFailure(tx, keys[0], THROTTLE.windowS, THROTTLE.max, THROTTLE.lockS);
      if (keys[1]) await q.recordFailure(tx, keys[1], THROTTLE.windowS, THROTTLE.max * 6, THROTTLE.lockS);
      await insertAudit(tx, { actor: null, system: username, ip: input.ip }, { action: 'auth.login_failed', entityType: 'user', entityId: user?.id ?? null });
    });
    throw new AppError(401, 'INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.');
  }
  const token = crypto.randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    await q.clearThrottle(tx, keys[0]);
    await q.deleteExpiredSessions(tx);
    await q.insertSession(tx, {
      id: sha256(token),
      userId: user.id,
      csrfToken: crypto.randomBytes(24).toString('base64url'),
      expiresAt: new Date(Date.now() + SESSION_TTL_S * 1000),
      ip: input.ip,
      userAgent: input.userAgent,
    });
    await insertAudit(tx, { actor: { id: user.id, username: user.username, fullName: user.fullName, grants: [] }, ip: input.ip }, { action: 'auth.login', entityType: 'user', entityId: user.id });
  });
  return { token, userId: user.id };
}

export async function logout(db: Db, ctx: Ctx, token: string | undefined) {
  if (!token) return;
  await db.transaction(async (tx) => {
    await q.deleteSession(tx, sha256(token));
    if (ctx.actor) await insertAudit(tx, ctx, { action: 'auth.logout', entityType: 'user', entityId: ctx.actor.id });
  });
}

/** The actor and CSRF token behind a session cookie, or null. */
export async function resolveSession(db: Db, token: string | undefined): Promise<{ actor: Actor; csrfToken: string } | null> {
  if (!token || token.length > 200) return null;
  const session = await q.findSession(db, sha256(token));
  if (!session) return null;
  return { actor: { id: session.userId, username: session.username, fullName: session.fullName, grants: session.grants }, csrfToken: session.csrfToken };
}

export async function me(db: Db, actor: Actor, csrfToken: string): Promise<Me> {
  const user = (await q.findUserById(db, actor.id))!;
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    email: user.email,
    locale: user.locale,
    grants: await q.grantsOf(db, user.id),
    isSystemAdmin: isSystemAdmin(actor),
    csrfToken,
  };
}
