import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authErrors, ErrorResponse, uncheckedSerializer } from '../../server/openapi';
import { requireActor } from '../../server/plugins/session';
import {
  AttachmentBody,
  AttachmentParams,
  CampaignDetailSchema,
  CampaignIdParams,
  CampaignListQuery,
  CampaignSchema,
  CompareQuery,
  CompletenessQuery,
  CompletenessSchema,
  CreateCampaignBody,
  CreateOutlineBody,
  ExtendDeadlinesBody,
  MAX_ATTACHMENT_BYTES,
  NewOutlineVersionBody,
  NotificationIdParams,
  NotificationSchema,
  OutlineDetailSchema,
  OutlineIdParams,
  OutlineListQuery,
  OutlineSummarySchema,
  OutlineVersionQuery,
  ParsedOutlineSchema,
  ParseOutlineBody,
  PeriodParams,
  ReasonBody,
  ReportContentSchema,
  RollupQuery,
  RollupResponseSchema,
  SaveSubmissionBody,
  SubmissionParams,
  SubmissionSchema,
  SubmitBody,
  VersionComparisonSchema,
  VersionParams,
} from './reporting.schema';
import * as service from './reporting.service';
import { completenessDocument, rollupDocument, submissionDocument } from './reporting.documents';
import { renderReportDocx } from './documents/report.docx';
import { renderReportXlsx } from './documents/report.xlsx';
import { renderCompletenessXlsx } from './documents/completeness.xlsx';
import { OfficialFrameQuery } from '../../shared/documents/official.model';
import { DOCX_TYPE, sendDownload, XLSX_TYPE } from '../../server/download';
import type { FastifyReply } from 'fastify';

const MIME = { docx: DOCX_TYPE, xlsx: XLSX_TYPE } as const;
const RENDER = { docx: renderReportDocx, xlsx: renderReportXlsx } as const;
const sendFile = (reply: FastifyReply, ext: keyof typeof MIME, name: string, data: Buffer) => sendDownload(reply, { fileName: `${name}.${ext}`, mediaType: MIME[ext], data });
const fileResponse = (what: string) => ({ 200: z.string().describe(what), ...authErrors });

const writeErrors = { ...authErrors, 409: ErrorResponse, 422: ErrorResponse };
const key = (p: { id: number; period: string; org: number }) => ({ campaignId: p.id, periodKey: p.period, organizationId: p.org });

export const reportingRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const tags = ['reporting'];

  // ---- Outlines
  app.get('/outlines', {
    schema: { tags, summary: 'Outlines owned by organizations in the caller’s scope', querystring: OutlineListQuery, response: { 200: z.object({ items: z.array(OutlineSummarySchema) }), ...authErrors } },
    handler: async (req) => (requireActor(req), service.listOutlines(db(), req.ctx, req.query.organizationId)),
  });
  app.post('/outlines/parse', {
    schema: { tags, summary: 'Read an outline pasted as text (nothing stored): sections, guidance and figures, with issues', body: ParseOutlineBody, response: { 200: ParsedOutlineSchema, ...authErrors } },
    handler: async (req) => (requireActor(req), service.parseOutline(req.body)),
  });
  app.post('/outlines', {
    schema: { tags, summary: 'Create an outline (version 1)', body: CreateOutlineBody, response: { 201: OutlineDetailSchema, ...writeErrors } },
    handler: async (req, reply) => (requireActor(req), reply.status(201).send(await service.createOutline(db(), req.ctx, req.body))),
  });
  app.get('/outlines/:id', {
    schema: { tags, summary: 'An outline, at its latest or a given version', params: OutlineIdParams, querystring: OutlineVersionQuery, response: { 200: OutlineDetailSchema, ...authErrors } },
    handler: async (req) => (requireActor(req), service.getOutline(db(), req.ctx, req.params.id, req.query.version)),
  });
  app.post('/outlines/:id/versions', {
    schema: { tags, summary: 'Save a new version of an outline (campaigns keep theirs)', params: OutlineIdParams, body: NewOutlineVersionBody, response: { 201: OutlineDetailSchema, ...writeErrors } },
    handler: async (req, reply) => (requireActor(req), reply.status(201).send(await service.addOutlineVersion(db(), req.ctx, req.params.id, req.body.outline))),
  });

  // ---- Campaigns
  app.get('/campaigns', {
    schema: { tags, summary: 'Campaigns the caller’s organizations ask for, report to or receive', querystring: CampaignListQuery, response: { 200: z.object({ items: z.array(CampaignSchema) }), ...authErrors } },
    handler: async (req) => (requireActor(req), service.listCampaigns(db(), req.ctx, req.query.organizationId)),
  });
  app.post('/campaigns', {
    schema: { tags, summary: 'Start a campaign: periods, per-level deadlines, assignees and whom they report to', body: CreateCampaignBody, response: { 201: CampaignDetailSchema, ...writeErrors } },
    handler: async (req, reply) => (requireActor(req), reply.status(201).send(await service.createCampaign(db(), req.ctx, req.body))),
  });
  app.get('/campaigns/:id', {
    schema: { tags, summary: 'A campaign with its periods and deadlines, and the caller’s place in it', params: CampaignIdParams, response: { 200: CampaignDetailSchema, ...authErrors } },
    handler: async (req) => (requireActor(req), service.getCampaign(db(), req.ctx, req.params.id)),
  });
  for (const [path, closed] of [['close', true], ['reopen', false]] as const) {
    app.post(`/campaigns/:id/periods/:period/${path}`, {
      schema: { tags, summary: closed ? 'Close a period: no more changes to its reports' : 'Reopen a closed period', params: PeriodParams, response: { 200: CampaignDetailSchema, ...writeErrors } },
      handler: async (req) => (requireActor(req), service.setPeriodClosed(db(), req.ctx, req.params.id, req.params.period, closed)),
    });
  }
  app.put('/campaigns/:id/periods/:period/deadlines', {
    schema: { tags, summary: 'Move deadlines of a period (with the reason); reports already sent keep theirs', params: PeriodParams, body: ExtendDeadlinesBody, response: { 200: CampaignDetailSchema, ...writeErrors } },
    handler: async (req) => (requireActor(req), service.extendDeadlines(db(), req.ctx, req.params.id, req.params.period, req.body)),
  });
  app.get('/campaigns/:id/periods/:period/rollup', {
    schema: { tags, summary: 'A consolidating unit’s report pre-filled from its subordinates’ reports, with coverage', params: PeriodParams, querystring: RollupQuery, response: { 200: RollupResponseSchema, ...authErrors } },
    handler: async (req) => (requireActor(req), service.rollupFor(db(), req.ctx, req.params.id, req.params.period, req.query.organizationId, req.query.mode)),
  });
  app.get('/campaigns/:id/completeness', {
    // The dashboard's hot read: the view is assembled field by field from typed rows, and checking its tens of
    // kilobytes against the schema again on every request was a measurable share of its CPU. The schema still
    // documents the answer (OpenAPI) and the tests hold the view to it.
    serializerCompiler: uncheckedSerializer,
    schema: { tags, summary: 'Who reported, on time or late, per period; drill-down by unit; the units × periods matrix', params: CampaignIdParams, querystring: CompletenessQuery, response: { 200: CompletenessSchema, ...authErrors } },
    handler: async (req) => (requireActor(req), service.completeness(db(), req.ctx, req.params.id, req.query)),
  });

  // ---- Submissions
  const base = '/campaigns/:id/periods/:period/submissions/:org';
  app.get(base, {
    schema: { tags, summary: 'A unit’s report for a period: content, state, versions, history, attachments, what the caller may do', params: SubmissionParams, response: { 200: SubmissionSchema, ...authErrors } },
    handler: async (req) => (requireActor(req), service.getSubmission(db(), req.ctx, req.params.id, req.params.period, req.params.org)),
  });
  app.put(base, {
    schema: { tags, summary: 'Save the report being written (figures checked as typed)', params: SubmissionParams, body: SaveSubmissionBody, response: { 200: SubmissionSchema, ...writeErrors } },
    handler: async (req) => (requireActor(req), service.saveSubmission(db(), req.ctx, key(req.params), req.body)),
  });
  app.post(`${base}/submit`, {
    schema: { tags, summary: 'Submit (or resubmit) the report: a new version; on time or late is recorded at the first', params: SubmissionParams, body: SubmitBody, response: { 200: SubmissionSchema, ...writeErrors } },
    handler: async (req) => (requireActor(req), service.submitSubmission(db(), req.ctx, key(req.params), req.body)),
  });
  app.post(`${base}/return`, {
    schema: { tags, summary: 'Return the report for revision, with the reason', params: SubmissionParams, body: ReasonBody, response: { 200: SubmissionSchema, ...writeErrors } },
    handler: async (req) => (requireActor(req), service.returnSubmission(db(), req.ctx, key(req.params), req.body.reason)),
  });
  app.post(`${base}/accept`, {
    schema: { tags, summary: 'Accept the report (it is locked)', params: SubmissionParams, response: { 200: SubmissionSchema, ...writeErrors } },
    handler: async (req) => (requireActor(req), service.acceptSubmission(db(), req.ctx, key(req.params))),
  });
  app.post(`${base}/unlock`, {
    schema: { tags, summary: 'Unlock an accepted report, with the reason (it goes back to the unit)', params: SubmissionParams, body: ReasonBody, response: { 200: SubmissionSchema, ...writeErrors } },
    handler: async (req) => (requireActor(req), service.unlockSubmission(db(), req.ctx, key(req.params), req.body.reason)),
  });
  app.get(`${base}/versions/:version`, {
    schema: { tags, summary: 'A submitted version as it was sent', params: VersionParams, response: { 200: ReportContentSchema, ...authErrors } },
    handler: async (req) => (requireActor(req), service.getSubmissionVersion(db(), req.ctx, key(req.params), req.params.version)),
  });
  app.get(`${base}/compare`, {
    schema: { tags, summary: 'What changed between two submitted versions', params: SubmissionParams, querystring: CompareQuery, response: { 200: VersionComparisonSchema, ...authErrors } },
    handler: async (req) => (requireActor(req), service.compareSubmissionVersions(db(), req.ctx, key(req.params), req.query.from, req.query.to)),
  });
  app.post(`${base}/attachments`, {
    bodyLimit: Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 64 * 1024,
    schema: { tags, summary: 'Attach the scanned signed copy (PDF, PNG or JPEG; at most 10 MB)', params: SubmissionParams, body: AttachmentBody, response: { 201: SubmissionSchema, ...writeErrors, 413: ErrorResponse, 415: ErrorResponse } },
    handler: async (req, reply) => (requireActor(req), reply.status(201).send(await service.addAttachment(db(), req.ctx, key(req.params), req.body))),
  });
  app.get(`${base}/attachments/:attachmentId`, {
    schema: { tags, summary: 'Download an attachment', params: AttachmentParams, response: { 200: z.string().describe('The file (PDF, PNG or JPEG)'), ...authErrors } },
    handler: async (req, reply) => {
      requireActor(req);
      return sendDownload(reply, await service.getAttachment(db(), req.ctx, key(req.params), req.params.attachmentId));
    },
  });

  // ---- Documents
  for (const ext of ['docx', 'xlsx'] as const) {
    const what = ext === 'docx' ? 'in the official layout (DOCX), figures as tables' : 'as a workbook (XLSX): figures and texts';
    app.get(`${base}/report.${ext}`, {
      schema: { tags, summary: `A unit's report ${what}`, params: SubmissionParams, querystring: OfficialFrameQuery, response: fileResponse(`The file (${MIME[ext]})`) },
      handler: async (req, reply) => {
        requireActor(req);
        const model = await submissionDocument(db(), req.ctx, key(req.params), req.query);
        return sendFile(reply, ext, `bao-cao-${req.params.id}-${req.params.period}-${req.params.org}`, await RENDER[ext](model));
      },
    });
    app.get(`/campaigns/:id/periods/:period/rollup.${ext}`, {
      schema: { tags, summary: `A consolidating unit's report pre-filled from its subordinates', with coverage, ${what}`, params: PeriodParams, querystring: RollupQuery.extend(OfficialFrameQuery.shape), response: fileResponse(`The file (${MIME[ext]})`) },
      handler: async (req, reply) => {
        requireActor(req);
        const { organizationId, mode, ...options } = req.query;
        const model = await rollupDocument(db(), req.ctx, req.params.id, req.params.period, organizationId, mode, options);
        return sendFile(reply, ext, `bao-cao-tong-hop-${req.params.id}-${req.params.period}-${organizationId}`, await RENDER[ext](model));
      },
    });
  }
  app.get('/campaigns/:id/completeness.xlsx', {
    schema: { tags, summary: 'The completeness matrix (units × periods, coloured by status) and per-period counts as XLSX', params: CampaignIdParams, querystring: CompletenessQuery.pick({ organizationId: true }), response: fileResponse(`The file (${MIME.xlsx})`) },
    handler: async (req, reply) => {
      requireActor(req);
      const model = await completenessDocument(db(), req.ctx, req.params.id, req.query);
      return sendFile(reply, 'xlsx', `tinh-hinh-bao-cao-${req.params.id}`, await renderCompletenessXlsx(model));
    },
  });

  // ---- Notifications
  app.get('/notifications', {
    schema: { tags, summary: 'The caller’s notices (reminders, returns), newest first', response: { 200: z.object({ items: z.array(NotificationSchema) }), ...authErrors } },
    handler: async (req) => (requireActor(req), service.listNotifications(db(), req.ctx)),
  });
  app.post('/notifications/:id/read', {
    schema: { tags, summary: 'Mark a notice read', params: NotificationIdParams, response: { 200: NotificationSchema, ...authErrors } },
    handler: async (req) => (requireActor(req), service.markNotificationRead(db(), req.ctx, req.params.id)),
  });
};
