import type { z } from 'zod';
import type { Db } from '../../server/db';
import { isSystemAdmin, type Ctx } from '../../server/context';
import { AppError, forbidden, notFound } from '../../shared/errors';
import type { Role } from '../auth/auth.access';
import { deleteSessionsOfUser } from '../auth/auth.queries';
import { checkPasswordStrength, hashPassword } from '../auth/auth.service';
import { insertAudit } from '../audit/audit.queries';
import { readableOrganizationIds, rolesOnOrganization } from '../organizations/organizations.service';
import { findOrganization } from '../organizations/organizations.queries';
import { can } from './users.access';
import * as q from './users.queries';
import type { CreateUserBody, GrantInput, UpdateUserBody, User, UserListQuery } from './users.schema';

const isTrusted = (ctx: Ctx) => !ctx.actor && !!ctx.system;

/** Whether the context may give `role` on `organizationId` (null: system-wide). */
async function authorizeGrant(db: Db, ctx: Ctx, grant: z.infer<typeof GrantInput>): Promise<void> {
  if (isTrusted(ctx) || isSystemAdmin(ctx.actor)) {
    if (grant.organizationId === null && grant.role !== 'admin') throw new AppError(422, 'INVALID_GRANT', 'Vai trò toàn hệ thống chỉ dành cho quản trị.');
    if (grant.organizationId !== null && !(await findOrganization(db, grant.organizationId))) throw new AppError(422, 'ORGANIZATION_NOT_FOUND', 'Không tìm thấy tổ chức được gán vai trò.');
    return;
  }
  if (grant.organizationId === null) throw forbidden('Chỉ quản trị hệ thống mới được gán vai trò toàn hệ thống.');
  const roles = await rolesOnOrganization(db, ctx, grant.organizationId);
  if (!roles.length) throw new AppError(422, 'ORGANIZATION_NOT_FOUND', 'Không tìm thấy tổ chức được gán vai trò.');
  if (!can(roles, 'grant', grant.role)) throw forbidden(grant.role === 'admin' ? 'Chỉ quản trị viên mới được gán vai trò quản trị.' : 'Bạn không có quyền gán vai trò cho tổ chức này.');
}

/**
 * Loads a user the context may manage: every organization the user holds a role on must be within the
 * context's management, so that one unit cannot lock out another unit's staff. Others answer 404.
 */
async function authorizeUser(db: Db, ctx: Ctx, id: number, action: 'read' | 'manage'): Promise<User> {
  const user = await q.findUser(db, id);
  if (!user) throw notFound('Không tìm thấy người dùng.');
  if (isTrusted(ctx) || isSystemAdmin(ctx.actor)) return user;
  if (ctx.actor?.id === id && action === 'read') return user;
  const verdicts: boolean[] = [];
  for (const g of user.grants) {
    verdicts.push(g.organizationId !== null && can(await rolesOnOrganization(db, ctx, g.organizationId), 'manage'));
  }
  // A user can read its own account, so changing it without the right is forbidden, not "not found".
  if (!verdicts.some(Boolean)) throw ctx.actor?.id === id ? forbidden() : notFound('Không tìm thấy người dùng.');
  if (action === 'manage' && !verdicts.every(Boolean)) throw forbidden('Người dùng này còn có vai trò ở đơn vị ngoài phạm vi quản lý của bạn.');
  return user;
}

export async function listUsers(db: Db, ctx: Ctx, query: z.infer<typeof UserListQuery>) {
  const organizationIds = await readableOrganizationIds(db, ctx, ['admin', 'leader']);
  return q.listUsers(db, { ...query, organizationIds });
}

export const getUser = (db: Db, ctx: Ctx, id: number) => authorizeUser(db, ctx, id, 'read');

export async function createUser(db: Db, ctx: Ctx, body: z.infer<typeof CreateUserBody>): Promise<User> {
  checkPasswordStrength(body.password);
  const passwordHash = await hashPassword(body.password);
  return db.transaction(async (tx) => {
    for (const g of body.grants) await authorizeGrant(tx, ctx, g);
    const id = await q.insertUser(tx, { username: body.username, fullName: body.fullName, email: body.email ?? null, passwordHash, locale: body.locale });
    if (id === null) throw new AppError(409, 'USERNAME_TAKEN', `Tên đăng nhập "${body.username}" đã được dùng.`);
    for (const g of body.grants) await q.insertGrant(tx, id, g.organizationId, g.role);
    const user = (await q.findUser(tx, id))!;
    await insertAudit(tx, ctx, { action: 'user.create', entityType: 'user', entityId: id, organizationId: body.grants[0]?.organizationId ?? null, after: user });
    return user;
  });
}

export async function updateUser(db: Db, ctx: Ctx, id: number, body: z.infer<typeof UpdateUserBody>): Promise<User> {
  if (body.password !== undefined) checkPasswordStrength(body.password);
  const passwordHash = body.password !== undefined ? await hashPassword(body.password) : undefined;
  return db.transaction(async (tx) => {
    const before = await authorizeUser(tx, ctx, id, 'manage');
    if (ctx.actor?.id === id && body.active === false) throw new AppError(422, 'CANNOT_DEACTIVATE_SELF', 'Bạn không thể tự khóa tài khoản của mình.');
    await q.updateUser(tx, id, { fullName: body.fullName, email: body.email, active: body.active, locale: body.locale, passwordHash });
    if (passwordHash || body.active === false) await deleteSessionsOfUser(tx, id);
    const after = (await q.findUser(tx, id))!;
    await insertAudit(tx, ctx, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      organizationId: before.grants[0]?.organizationId ?? null,
      before,
      after: { ...after, ...(passwordHash ? { passwordChanged: true } : {}) },
    });
    return after;
  });
}

export async function addGrant(db: Db, ctx: Ctx, userId: number, grant: z.infer<typeof GrantInput>): Promise<User> {
  return db.transaction(async (tx) => {
    const before = await authorizeUser(tx, ctx, userId, 'read');
    await authorizeGrant(tx, ctx, grant);
    const grantId = await q.insertGrant(tx, userId, grant.organizationId, grant.role);
    if (grantId === null) throw new AppError(409, 'GRANT_EXISTS', 'Người dùng đã có vai trò này.');
    const after = (await q.findUser(tx, userId))!;
    await insertAudit(tx, ctx, { action: 'user.grant', entityType: 'user', entityId: userId, organizationId: grant.organizationId, before: before.grants, after: after.grants });
    return after;
  });
}

export async function removeGrant(db: Db, ctx: Ctx, userId: number, grantId: number): Promise<User> {
  return db.transaction(async (tx) => {
    const before = await authorizeUser(tx, ctx, userId, 'read');
    const grant = before.grants.find((g) => g.id === grantId);
    if (!grant) throw notFound('Không tìm thấy vai trò này.');
    await authorizeGrant(tx, ctx, { organizationId: grant.organizationId, role: grant.role as Role });
    if (ctx.actor?.id === userId && grant.role === 'admin' && grant.organizationId === null) {
      throw new AppError(422, 'CANNOT_REVOKE_OWN_ADMIN', 'Bạn không thể tự bỏ quyền quản trị hệ thống của mình.');
    }
    await q.deleteGrant(tx, grantId);
    const after = (await q.findUser(tx, userId))!;
    await insertAudit(tx, ctx, { action: 'user.revoke', entityType: 'user', entityId: userId, organizationId: grant.organizationId, before: before.grants, after: after.grants });
    return after;
  });
}
