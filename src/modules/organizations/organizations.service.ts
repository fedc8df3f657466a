import { z } from 'zod';
import type { Db } from '../../server/db';
import { isSystemAdmin, type Ctx } from '../../server/context';
import { todayInVietnam, type IsoDate } from '../../shared/dates';
import { AppError, forbidden, notFound } from '../../shared/errors';
import { ROLES, type Role } from '../auth/auth.access';
import { insertAudit } from '../audit/audit.queries';
import { findUnit } from '../units/units.queries';
import type { UnitLevel } from '../units/units.schema';
import { can, type OrganizationAction } from './organizations.access';
import * as q from './organizations.queries';
import {
  ORG_KIND_INFO,
  type ApplyTemplateBody,
  type CloseOrganizationBody,
  type CreateOrganizationBody,
  type CreateReportingLineBody,
  type Organization,
  type OrganizationListQuery,
  type UpdateOrganizationBody,
} from './organizations.schema';
import { organizationTemplate, type TemplateLevel } from './organizations.templates';

/** Roles the context holds on an organization. Trusted system contexts (CLI, seed) hold every role. */
export async function rolesOnOrganization(db: Db, ctx: Ctx, organizationId: number): Promise<Role[]> {
  if (!ctx.actor) return ctx.system ? [...ROLES] : [];
  if (isSystemAdmin(ctx.actor)) return ['admin'];
  return q.effectiveRoles(db, ctx.actor.id, organizationId);
}

/**
 * Loads an organization the context may act on. One it cannot even read answers 404, so that other units'
 * data does not reveal that it exists; one it can read but not change answers 403.
 */
export async function authorizeOrganization(db: Db, ctx: Ctx, id: number, action: OrganizationAction): Promise<Organization> {
  const org = await q.findOrganization(db, id);
  if (!org) throw notFound('Không tìm thấy tổ chức.');
  const roles = await rolesOnOrganization(db, ctx, id);
  if (!can(roles, 'read')) throw notFound('Không tìm thấy tổ chức.');
  if (!can(roles, action)) throw forbidden();
  return org;
}

/** Ids of organizations the context may read; null means all (administrator or trusted system). */
export async function readableOrganizationIds(db: Db, ctx: Ctx, roles?: readonly Role[]): Promise<number[] | null> {
  if (!ctx.actor) return ctx.system ? null : [];
  if (isSystemAdmin(ctx.actor)) return null;
  return q.scopeOrganizationIds(db, ctx.actor.id, roles);
}

export async function listOrganizations(db: Db, ctx: Ctx, query: z.infer<typeof OrganizationListQuery>) {
  const scopeUserId = !ctx.actor ? (ctx.system ? null : -1) : isSystemAdmin(ctx.actor) ? null : ctx.actor.id;
  return q.listOrganizations(db, { ...query, at: query.at ?? todayInVietnam(), scopeUserId });
}

export async function getOrganizationDetail(db: Db, ctx: Ctx, id: number) {
  const organization = await authorizeOrganization(db, ctx, id, 'read');
  const lines = async (direction: 'up' | 'down') => {
    const result = [];
    for (const line of await q.reportingLines(db, id, direction)) {
      const other = await q.findOrganization(db, line.otherId);
      if (other) result.push({ id: line.id, kind: line.kind, organization: other, validFrom: line.validFrom, validTo: line.validTo });
    }
    return result;
  };
  return {
    organization,
    reportsTo: await lines('up'),
    reportedBy: await lines('down'),
    successor: organization.successorId ? ((await q.findOrganization(db, organization.successorId)) ?? null) : null,
    predecessors: await q.organizationPredecessors(db, id),
  };
}

async function requireUnit(db: Db, level: UnitLevel, code: string, at: IsoDate) {
  const unit = await findUnit(db, level, code, at);
  if (!unit) throw new AppError(422, 'UNIT_NOT_FOUND', `Không có đơn vị hành chính ${code} ở cấp này.`);
  return unit;
}

export async function createOrganization(db: Db, ctx: Ctx, body: z.infer<typeof CreateOrganizationBody>): Promise<Organization> {
  return db.transaction(async (tx) => {
    // Who may create: an administrator of every organization it will report to (a line gives the superior
    // sight of the new organization), or a system administrator.
    if (!body.reportsTo.length && !(isSystemAdmin(ctx.actor) || (!ctx.actor && ctx.system))) throw forbidden();
    for (const line of body.reportsTo) await authorizeOrganization(tx, ctx, line.organizationId, 'create');
    await requireUnit(tx, body.unitLevel, body.unitCode, body.validFrom ?? todayInVietnam());
    const id = await q.insertOrganization(tx, {
      unitLevel: body.unitLevel,
      unitCode: body.unitCode,
      kind: body.kind,
      system: ORG_KIND_INFO[body.kind].system,
      name: body.name,
      validFrom: body.validFrom ?? null,
    });
    for (const line of body.reportsTo) {
      await q.insertReportingLine(tx, { fromId: id, toId: line.organizationId, kind: line.kind, validFrom: body.validFrom ?? null });
    }
    const created = (await q.findOrganization(tx, id))!;
    await insertAudit(tx, ctx, { action: 'organization.create', entityType: 'organization', entityId: id, organizationId: id, after: { ...created, reportsTo: body.reportsTo } });
    return created;
  });
}

export async function updateOrganization(db: Db, ctx: Ctx, id: number, body: z.infer<typeof UpdateOrganizationBody>): Promise<Organization> {
  return db.transaction(async (tx) => {
    const before = await authorizeOrganization(tx, ctx, id, 'update');
    if (body.name !== undefined && body.name !== before.name) await q.updateOrganizationName(tx, id, body.name);
    const after = (await q.findOrganization(tx, id))!;
    await insertAudit(tx, ctx, { action: 'organization.update', entityType: 'organization', entityId: id, organizationId: id, before, after });
    return after;
  });
}

export async function closeOrganization(db: Db, ctx: Ctx, id: number, body: z.infer<typeof CloseOrganizationBody>): Promise<Organization> {
  return db.transaction(async (tx) => {
    const before = await authorizeOrganization(tx, ctx, id, 'close');
    if (before.validFrom && body.validTo < before.validFrom) {
      throw new AppError(422, 'INVALID_PERIOD', 'Ngày kết thúc không được trước ngày bắt đầu hoạt động của tổ chức.');
    }
    if (body.successorId) {
      if (body.successorId === id) throw new AppError(422, 'INVALID_SUCCESSOR', 'Tổ chức kế thừa phải là một tổ chức khác.');
      await authorizeOrganization(tx, ctx, body.successorId, 'read');
    }
    await q.closeOrganization(tx, id, body.validTo, body.successorId ?? null);
    const after = (await q.findOrganization(tx, id))!;
    await insertAudit(tx, ctx, { action: 'organization.close', entityType: 'organization', entityId: id, organizationId: id, before, after });
    return after;
  });
}

export async function addReportingLine(db: Db, ctx: Ctx, fromId: number, body: z.infer<typeof CreateReportingLineBody>) {
  return db.transaction(async (tx) => {
    await authorizeOrganization(tx, ctx, fromId, 'manage_lines');
    await authorizeOrganization(tx, ctx, body.toOrganizationId, 'manage_lines');
    if (fromId === body.toOrganizationId) throw new AppError(422, 'LINE_TO_SELF', 'Một tổ chức không thể báo cáo cho chính nó.');
    if (await q.reportsUpTo(tx, body.toOrganizationId, fromId)) {
      throw new AppError(422, 'LINE_CYCLE', 'Không thể tạo quan hệ báo cáo vòng tròn: tổ chức nhận đã báo cáo (trực tiếp hoặc gián tiếp) cho tổ chức gửi.');
    }
    const lineId = await q.insertReportingLine(tx, { fromId, toId: body.toOrganizationId, kind: body.kind, validFrom: body.validFrom ?? null });
    if (lineId === null) throw new AppError(409, 'LINE_EXISTS', 'Quan hệ báo cáo này đã có.');
    await insertAudit(tx, ctx, { action: 'reporting_line.create', entityType: 'reporting_line', entityId: lineId, organizationId: fromId, after: { fromId, ...body } });
    return { id: lineId };
  });
}

export async function endReportingLine(db: Db, ctx: Ctx, lineId: number, validTo: IsoDate) {
  return db.transaction(async (tx) => {
    const line = await q.findReportingLine(tx, lineId);
    if (!line) throw notFound('Không tìm thấy quan hệ báo cáo.');
    await authorizeOrganization(tx, ctx, line.fromId, 'manage_lines');
    await q.endReportingLine(tx, lineId, validTo);
    await insertAudit(tx, ctx, { action: 'reporting_line.end', entityType: 'reporting_line', entityId: lineId, organizationId: line.fromId, before: line, after: { ...line, validTo } });
  });
}

/** The parent unit of a unit, for the "own system" lines of its organizations. */
async function parentUnitOf(db: Db, level: UnitLevel, code: string, at: IsoDate) {
  const unit = await requireUnit(db, level, code, at);
  return { unit, parent: unit.parentLevel && unit.parentCode ? { level: unit.parentLevel, code: unit.parentCode } : null };
}

/**
 * Creates a unit's organizations from the per-level template, with their reporting lines to the same unit and to
 * the parent unit's organizations of the same kind. Organizations that already exist are kept, so it can run
 * again after the parent's organizations are added.
 */
export async function applyTemplate(db: Db, ctx: Ctx, body: z.infer<typeof ApplyTemplateBody>) {
  const run = async (tx: Db) => {
    const at = body.validFrom ?? todayInVietnam();
    const { unit, parent } = await parentUnitOf(tx, body.unitLevel, body.unitCode, at);
    const template = organizationTemplate(body.unitLevel as TemplateLevel, unit);
    const existing = (await q.findOrganizationsAtUnit(tx, body.unitLevel, body.unitCode)).filter((o) => o.validTo === null);
    const parentOrgs = parent ? (await q.findOrganizationsAtUnit(tx, parent.level, parent.code)).filter((o) => o.validTo === null) : [];
    if (ctx.actor && !isSystemAdmin(ctx.actor)) {
      // A superior's administrator sets up the organizations of the units under it.
      let allowed = false;
      for (const p of parentOrgs) if (can(await rolesOnOrganization(tx, ctx, p.id), 'create')) allowed = true;
      if (!allowed) throw forbidden('Chỉ quản trị viên của đơn vị cấp trên mới được tạo tổ chức theo mẫu cho đơn vị này.');
    }
    const here = new Map(existing.map((o) => [o.kind, o]));
    const created: Organization[] = [];
    for (const t of template) {
      if (here.has(t.kind)) continue;
      const id = await q.insertOrganization(tx, {
        unitLevel: body.unitLevel,
        unitCode: body.unitCode,
        kind: t.kind,
        system: ORG_KIND_INFO[t.kind].system,
        name: t.name,
        validFrom: body.validFrom ?? null,
      });
      const org = (await q.findOrganization(tx, id))!;
      here.set(t.kind, org);
      created.push(org);
    }
    for (const t of template) {
      const from = here.get(t.kind)!;
      if (!created.includes(from)) continue;
      for (const line of t.lines) {
        const target = line.where === 'same' ? here.get(line.toKind) : parentOrgs.find((o) => o.kind === line.toKind);
        if (target) await q.insertReportingLine(tx, { fromId: from.id, toId: target.id, kind: line.kind, validFrom: body.validFrom ?? null });
      }
    }
    if (created.length) {
      await insertAudit(tx, ctx, {
        action: 'organization.apply_template',
        entityType: 'unit',
        entityId: `${body.unitLevel}:${body.unitCode}`,
        organizationId: here.get('party_committee')?.id ?? null,
        after: { created: created.map((o) => ({ id: o.id, kind: o.kind, name: o.name })) },
      });
    }
    return { created, existing: existing.length };
  };
  return db.transaction(run);
}
