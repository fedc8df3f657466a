import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { isSystemAdmin } from '../../server/context';
import { authErrors } from '../../server/openapi';
import { requireActor } from '../../server/plugins/session';
import { forbidden } from '../../shared/errors';
import { readableOrganizationIds } from '../organizations/organizations.service';
import { can } from './audit.access';
import { listAudit } from './audit.queries';
import { AuditListResponse, AuditQuery } from './audit.schema';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/audit', {
    schema: { tags: ['audit'], summary: 'Audit log, newest first (administrators; scoped to their organizations)', querystring: AuditQuery, response: { 200: AuditListResponse, ...authErrors } },
    handler: async (req) => {
      const actor = requireActor(req);
      const adminGrants = actor.grants.filter((g) => g.role === 'admin');
      if (!can(adminGrants.map((g) => g.role), 'read')) throw forbidden('Chỉ quản trị viên mới được xem nhật ký.');
      // A system administrator sees everything; an organization's administrator, what concerns its scope.
      const organizationIds = isSystemAdmin(actor) ? null : await readableOrganizationIds(app.database.db, req.ctx, ['admin']);
      return listAudit(app.database.db, { ...req.query, organizationIds });
    },
  });
};
