import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authErrors, ErrorResponse } from '../../server/openapi';
import { requireActor } from '../../server/plugins/session';
import { IsoDateSchema } from '../units/units.schema';
import {
  ApplyTemplateBody,
  ApplyTemplateResponse,
  CloseOrganizationBody,
  CreateOrganizationBody,
  CreateReportingLineBody,
  OrganizationDetailResponse,
  OrganizationIdParams,
  OrganizationListQuery,
  OrganizationListResponse,
  OrganizationSchema,
  UpdateOrganizationBody,
} from './organizations.schema';
import * as service from './organizations.service';

const writeErrors = { ...authErrors, 409: ErrorResponse, 422: ErrorResponse };

export const organizationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;

  app.get('/organizations', {
    schema: { tags: ['organizations'], summary: 'Organizations in the caller’s scope', querystring: OrganizationListQuery, response: { 200: OrganizationListResponse, ...authErrors } },
    handler: async (req) => {
      requireActor(req);
      return service.listOrganizations(db(), req.ctx, req.query);
    },
  });

  app.post('/organizations', {
    schema: { tags: ['organizations'], summary: 'Create an organization by hand, with its reporting lines', body: CreateOrganizationBody, response: { 201: OrganizationSchema, ...writeErrors } },
    handler: async (req, reply) => {
      requireActor(req);
      return reply.status(201).send(await service.createOrganization(db(), req.ctx, req.body));
    },
  });

  app.post('/organizations/from-template', {
    schema: { tags: ['organizations'], summary: 'Create a unit’s organizations from the per-level template', body: ApplyTemplateBody, response: { 200: ApplyTemplateResponse, ...writeErrors } },
    handler: async (req) => {
      requireActor(req);
      return service.applyTemplate(db(), req.ctx, req.body);
    },
  });

  app.get('/organizations/:id', {
    schema: {
      tags: ['organizations'],
      summary: 'An organization with whom it reports to and who reports to it',
      params: OrganizationIdParams,
      response: { 200: OrganizationDetailResponse, ...authErrors },
    },
    handler: async (req) => {
      requireActor(req);
      return service.getOrganizationDetail(db(), req.ctx, req.params.id);
    },
  });

  app.patch('/organizations/:id', {
    schema: { tags: ['organizations'], summary: 'Rename an organization', params: OrganizationIdParams, body: UpdateOrganizationBody, response: { 200: OrganizationSchema, ...writeErrors } },
    handler: async (req) => {
      requireActor(req);
      return service.updateOrganization(db(), req.ctx, req.params.id, req.body);
    },
  });

  app.post('/organizations/:id/close', {
    schema: {
      tags: ['organizations'],
      summary: 'End an organization (e.g. merged), naming its successor; its history stays readable',
      params: OrganizationIdParams,
      body: CloseOrganizationBody,
      response: { 200: OrganizationSchema, ...writeErrors },
    },
    handler: async (req) => {
      requireActor(req);
      return service.closeOrganization(db(), req.ctx, req.params.id, req.body);
    },
  });

  app.post('/organizations/:id/reporting-lines', {
    schema: {
      tags: ['organizations'],
      summary: 'Add a line: this organization reports to another',
      params: OrganizationIdParams,
      body: CreateReportingLineBody,
      response: { 201: z.object({ id: z.number().int() }), ...writeErrors },
    },
    handler: async (req, reply) => {
      requireActor(req);
      return reply.status(201).send(await service.addReportingLine(db(), req.ctx, req.params.id, req.body));
    },
  });

  app.post('/reporting-lines/:id/end', {
    schema: {
      tags: ['organizations'],
      summary: 'End a reporting line on a day',
      params: OrganizationIdParams,
      body: z.object({ validTo: IsoDateSchema }),
      response: { 200: z.object({ ok: z.literal(true) }), ...writeErrors },
    },
    handler: async (req) => {
      requireActor(req);
      await service.endReportingLine(db(), req.ctx, req.params.id, req.body.validTo);
      return { ok: true as const };
    },
  });
};
