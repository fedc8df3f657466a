import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authErrors, ErrorResponse } from '../../server/openapi';
import { requireActor } from '../../server/plugins/session';
import { sendDownload, XLSX_TYPE } from '../../server/download';
import {
  CommentList,
  CommentListQuery,
  CommentSchema,
  ConsultationIdParams,
  ConsultationList,
  ConsultationListQuery,
  ConsultationSchema,
  CreateCommentBody,
  CreateConsultationBody,
  CreateDraftBody,
  CreateDraftVersionBody,
  CreateMeetingBody,
  DraftDetailSchema,
  DraftIdParams,
  DraftListQuery,
  DraftQuery,
  DraftSchema,
  MAX_DRAFT_FILE_BYTES,
  MeetingSchema,
  MeetingParams,
  MinutesBody,
  MAX_MINUTES_BYTES,
  ConsultationStats,
  StatsQuery,
  ImportBody,
  ImportReport,
} from './consultations.schema';
import * as service from './consultations.service';
import { largestGroups } from '../synthesis/synthesis.service';
import { z } from 'zod';

const writeErrors = { ...authErrors, 409: ErrorResponse, 413: ErrorResponse, 422: ErrorResponse };
/** Draft uploads come as base64 in JSON: a third larger than the file, plus the other fields. */
const DRAFT_BODY_LIMIT = Math.ceil((MAX_DRAFT_FILE_BYTES * 4) / 3) + 64 * 1024;

export const consultationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;

  app.get('/drafts', {
    schema: { tags: ['consultations'], summary: 'Drafts owned by organizations in the caller’s scope', querystring: DraftListQuery, response: { 200: z.object({ items: z.array(DraftSchema) }), ...authErrors } },
    handler: async (req) => {
      requireActor(req);
      return service.listDrafts(db(), req.ctx, req.query.organizationId);
    },
  });

  app.post('/drafts', {
    bodyLimit: DRAFT_BODY_LIMIT,
    schema: { tags: ['consultations'], summary: 'Import a draft document (DOCX, Markdown or text) into its section tree', body: CreateDraftBody, response: { 201: DraftSchema, ...writeErrors } },
    handler: async (req, reply) => {
      requireActor(req);
      return reply.status(201).send(await service.createDraft(db(), req.ctx, req.body));
    },
  });

  app.get('/drafts/:id', {
    schema: { tags: ['consultations'], summary: 'A draft with one version’s sections', params: DraftIdParams, querystring: DraftQuery, response: { 200: DraftDetailSchema, ...authErrors } },
    handler: async (req) => {
      requireActor(req);
      return service.getDraft(db(), req.ctx, req.params.id, req.query.version);
    },
  });

  app.post('/drafts/:id/versions', {
    bodyLimit: DRAFT_BODY_LIMIT,
    schema: { tags: ['consultations'], summary: 'Import a new version of a draft; comments keep the version they were made on', params: DraftIdParams, body: CreateDraftVersionBody, response: { 201: DraftSchema, ...writeErrors } },
    handler: async (req, reply) => {
      requireActor(req);
      return reply.status(201).send(await service.addDraftVersion(db(), req.ctx, req.params.id, req.body));
    },
  });

  app.get('/consultations', {
    schema: { tags: ['consultations'], summary: 'Consultations the caller’s organizations run or take part in', querystring: ConsultationListQuery, response: { 200: ConsultationList, ...authErrors } },
    handler: async (req) => {
      requireActor(req);
      return service.listConsultations(db(), req.ctx, req.query);
    },
  });

  app.post('/consultations', {
    schema: { tags: ['consultations'], summary: 'Open a consultation (in preparation) on one or more drafts', body: CreateConsultationBody, response: { 201: ConsultationSchema, ...writeErrors } },
    handler: async (req, reply) => {
      requireActor(req);
      return reply.status(201).send(await service.createConsultation(db(), req.ctx, req.body));
    },
  });

  app.get('/consultations/:id', {
    schema: { tags: ['consultations'], summary: 'A consultation with its drafts and the caller’s comment count', params: ConsultationIdParams, response: { 200: ConsultationSchema, ...authErrors } },
    handler: async (req) => {
      requireActor(req);
      return service.getConsultation(db(), req.ctx, req.params.id);
    },
  });

  for (const action of ['open', 'close'] as const) {
    app.post(`/consultations/:id/${action}`, {
      schema: {
        tags: ['consultations'],
        summary: action === 'open' ? 'Start taking comments (or reopen to extend)' : 'Stop taking comments',
        params: ConsultationIdParams,
        response: { 200: ConsultationSchema, ...writeErrors },
      },
      handler: async (req) => {
        requireActor(req);
        return service.transitionConsultation(db(), req.ctx, req.params.id, action);
      },
    });
  }

  app.get('/consultations/:id/meetings', {
    schema: { tags: ['consultations'], summary: 'Meetings (conferences) recorded by organizations in the caller’s scope', params: ConsultationIdParams, response: { 200: z.object({ items: z.array(MeetingSchema) }), ...authErrors } },
    handler: async (req) => {
      requireActor(req);
      return service.listMeetings(db(), req.ctx, req.params.id);
    },
  });

  app.post('/consultations/:id/meetings/:meetingId/minutes', {
    bodyLimit: Math.ceil((MAX_MINUTES_BYTES * 4) / 3) + 64 * 1024,
    schema: { tags: ['consultations'], summary: 'Attach the minutes of a meeting (PDF, PNG, JPEG or DOCX; replaces an earlier file)', params: MeetingParams, body: MinutesBody, response: { 201: MeetingSchema, ...writeErrors, 415: ErrorResponse } },
    handler: async (req, reply) => {
      requireActor(req);
      return reply.status(201).send(await service.uploadMinutes(db(), req.ctx, req.params.id, req.params.meetingId, req.body));
    },
  });

  app.get('/consultations/:id/meetings/:meetingId/minutes', {
    schema: { tags: ['consultations'], summary: 'Download the minutes of a meeting', params: MeetingParams, response: { 200: z.string().describe('The file'), ...authErrors } },
    handler: async (req, reply) => {
      requireActor(req);
      return sendDownload(reply, await service.getMinutes(db(), req.ctx, req.params.id, req.params.meetingId));
    },
  });

  app.post('/consultations/:id/meetings', {
    schema: { tags: ['consultations'], summary: 'Record a conference, seminar or branch meeting held for the consultation', params: ConsultationIdParams, body: CreateMeetingBody, response: { 201: MeetingSchema, ...writeErrors } },
    handler: async (req, reply) => {
      requireActor(req);
      return reply.status(201).send(await service.createMeeting(db(), req.ctx, req.params.id, req.body));
    },
  });

  app.get('/consultations/:id/comments', {
    schema: { tags: ['consultations'], summary: 'Comments recorded under organizations in the caller’s scope', params: ConsultationIdParams, querystring: CommentListQuery, response: { 200: CommentList, ...authErrors } },
    handler: async (req) => {
      requireActor(req);
      return service.listComments(db(), req.ctx, req.params.id, req.query);
    },
  });

  app.post('/consultations/:id/comments', {
    schema: { tags: ['consultations'], summary: 'Record a comment from a meeting, letter, written submission or survey', params: ConsultationIdParams, body: CreateCommentBody, response: { 201: CommentSchema, ...writeErrors } },
    handler: async (req, reply) => {
      requireActor(req);
      return reply.status(201).send(await service.createComment(db(), req.ctx, req.params.id, req.body));
    },
  });

  app.get('/consultations/:id/stats', {
    schema: { tags: ['consultations'], summary: 'Dashboard figures: by channel, stratum, day, section and unit, and the largest groups', params: ConsultationIdParams, querystring: StatsQuery, response: { 200: ConsultationStats, ...authErrors } },
    handler: async (req) => {
      requireActor(req);
      const { stats, owner } = await service.consultationStats(db(), req.ctx, req.params.id, req.query.organizationId);
      return { ...stats, topGroups: await largestGroups(db(), req.ctx, req.params.id, owner) };
    },
  });

  app.get('/consultations/:id/imports/template.xlsx', {
    schema: { tags: ['consultations'], summary: 'The spreadsheet template for comments collected on paper, with the codes and sections', params: ConsultationIdParams, response: { 200: z.string().describe('XLSX file'), ...authErrors } },
    handler: async (req, reply) => {
      requireActor(req);
      const file = await service.importTemplateFile(db(), req.ctx, req.params.id);
      return sendDownload(reply, { fileName: `mau-nhap-y-kien-${req.params.id}.xlsx`, mediaType: XLSX_TYPE, data: file });
    },
  });

  app.post('/consultations/:id/imports', {
    bodyLimit: DRAFT_BODY_LIMIT,
    schema: { tags: ['consultations'], summary: 'Check or import a sheet (XLSX/CSV) of comments: a row-by-row report', params: ConsultationIdParams, body: ImportBody, response: { 200: ImportReport, ...writeErrors, 415: ErrorResponse } },
    handler: async (req) => {
      requireActor(req);
      return service.importComments(db(), req.ctx, req.params.id, req.body);
    },
  });
};
