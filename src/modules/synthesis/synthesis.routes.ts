import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authErrors, ErrorResponse } from '../../server/openapi';
import { requireActor } from '../../server/plugins/session';
import { DOCX_TYPE, sendDownload, XLSX_TYPE } from '../../server/download';
import { ChildParams, CurationBody, ReportQuery, GroupDetailSchema, GroupParams, ReturnBody, SynthesisGroupList, SynthesisGroupsQuery, SynthesisParams, SynthesisSchema } from './synthesis.schema';
import * as service from './synthesis.service';
import { renderSynthesisDocx } from './report/report.docx';
import { renderSynthesisXlsx } from './report/report.xlsx';
import { buildReportModel } from './synthesis.report';
import { z } from 'zod';

const FILE_TYPES = {
  docx: [DOCX_TYPE, renderSynthesisDocx, 'Báo cáo tổng hợp ý kiến (DOCX, thể thức văn bản hành chính)'],
  xlsx: [XLSX_TYPE, renderSynthesisXlsx, 'Phụ lục các nhóm ý kiến và số liệu (XLSX)'],
} as const;

const writeErrors = { ...authErrors, 409: ErrorResponse, 422: ErrorResponse };
const base = '/consultations/:id/syntheses/:organizationId';

export const synthesisRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;

  app.get(base, {
    schema: { tags: ['synthesis'], summary: 'An organization’s synthesis: status, totals, coverage and what waits to be merged (\'not_built\' before its first build)', params: SynthesisParams, response: { 200: SynthesisSchema, ...authErrors } },
    handler: async (req) => {
      requireActor(req);
      return service.getSynthesis(db(), req.ctx, req.params.id, req.params.organizationId);
    },
  });

  app.post(`${base}/build`, {
    schema: { tags: ['synthesis'], summary: 'Build, or bring up to date with new comments and received syntheses', params: SynthesisParams, response: { 200: SynthesisSchema, ...writeErrors } },
    handler: async (req) => {
      requireActor(req);
      return service.buildSynthesis(db(), req.ctx, req.params.id, req.params.organizationId);
    },
  });

  app.get(`${base}/groups`, {
    schema: { tags: ['synthesis'], summary: 'Groups by count, per draft and section', params: SynthesisParams, querystring: SynthesisGroupsQuery, response: { 200: SynthesisGroupList, ...authErrors } },
    handler: async (req) => {
      requireActor(req);
      return service.listGroups(db(), req.ctx, req.params.id, req.params.organizationId, req.query);
    },
  });

  app.get(`${base}/groups/:groupId`, {
    schema: { tags: ['synthesis'], summary: 'A group with every comment, its channel, unit, meeting and stratum', params: GroupParams, response: { 200: GroupDetailSchema, ...authErrors } },
    handler: async (req) => {
      requireActor(req);
      return service.getGroup(db(), req.ctx, req.params.id, req.params.organizationId, req.params.groupId);
    },
  });

  app.post(`${base}/steps`, {
    schema: { tags: ['synthesis'], summary: 'One curation step: merge, split, move, summary or undo', params: SynthesisParams, body: CurationBody, response: { 200: SynthesisSchema, ...writeErrors } },
    handler: async (req) => {
      requireActor(req);
      return service.curate(db(), req.ctx, req.params.id, req.params.organizationId, req.body);
    },
  });

  for (const action of ['approve', 'reopen', 'send'] as const) {
    app.post(`${base}/${action}`, {
      schema: { tags: ['synthesis'], summary: { approve: 'Approve the synthesis', reopen: 'Reopen an approved synthesis for editing', send: 'Send it to whom the organization reports' }[action], params: SynthesisParams, response: { 200: SynthesisSchema, ...writeErrors } },
      handler: async (req) => {
        requireActor(req);
        return service.transition(db(), req.ctx, req.params.id, req.params.organizationId, action);
      },
    });
  }

  app.post(`${base}/received/:childOrganizationId/return`, {
    schema: { tags: ['synthesis'], summary: 'Send a unit’s synthesis back for revision', params: ChildParams, body: ReturnBody, response: { 200: SynthesisSchema, ...writeErrors } },
    handler: async (req) => {
      requireActor(req);
      return service.returnSynthesis(db(), req.ctx, req.params.id, req.params.organizationId, req.params.childOrganizationId, req.body.note);
    },
  });

  for (const [ext, [mime, render, what]] of Object.entries(FILE_TYPES)) {
    app.get(`${base}/report.${ext}`, {
      schema: {
        tags: ['synthesis'],
        summary: what,
        params: SynthesisParams,
        querystring: ReportQuery,
        response: { 200: z.string().describe(`The file (${mime})`), ...authErrors, 409: ErrorResponse },
      },
      handler: async (req, reply) => {
        requireActor(req);
        const model = await buildReportModel(db(), req.ctx, req.params.id, req.params.organizationId, req.query);
        const file = await render(model);
        return sendDownload(reply, { fileName: `bao-cao-tong-hop-${req.params.id}-${req.params.organizationId}.${ext}`, mediaType: mime, data: file });
      },
    });
  }
};
