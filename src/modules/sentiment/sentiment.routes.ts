import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authErrors, ErrorResponse } from '../../server/openapi';
import { requireActor } from '../../server/plugins/session';
import {
  OrganizationParams,
  RecordParams,
  SentimentRecordBody,
  SentimentRecordList,
  SentimentRecordListQuery,
  SentimentRecordSchema,
  SentimentReportQuery,
  SentimentReportSchema,
} from './sentiment.schema';
import * as service from './sentiment.service';

const writeErrors = { ...authErrors, 422: ErrorResponse };

export const sentimentRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const tags = ['sentiment'];
  const base = '/organizations/:id/sentiment-records';

  app.get(base, {
    schema: { tags, summary: 'Sentiment records of an organization (or of it and what reports to it), by month, attitude, topic, hot issue', params: OrganizationParams, querystring: SentimentRecordListQuery, response: { 200: SentimentRecordList, ...authErrors } },
    handler: async (req) => (requireActor(req), service.listRecords(db(), req.ctx, req.params.id, req.query)),
  });
  app.post(base, {
    schema: { tags, summary: 'Record what people think and say, under an organization', params: OrganizationParams, body: SentimentRecordBody, response: { 201: SentimentRecordSchema, ...writeErrors } },
    handler: async (req, reply) => (requireActor(req), reply.status(201).send(await service.createRecord(db(), req.ctx, req.params.id, req.body))),
  });
  app.put(`${base}/:recordId`, {
    schema: { tags, summary: 'Change a sentiment record (reports already sent keep what they said)', params: RecordParams, body: SentimentRecordBody, response: { 200: SentimentRecordSchema, ...writeErrors } },
    handler: async (req) => (requireActor(req), service.updateRecord(db(), req.ctx, req.params.id, req.params.recordId, req.body)),
  });
  app.delete(`${base}/:recordId`, {
    schema: { tags, summary: 'Delete a sentiment record', params: RecordParams, response: { 200: z.object({ ok: z.literal(true) }), ...writeErrors } },
    handler: async (req) => (requireActor(req), service.deleteRecord(db(), req.ctx, req.params.id, req.params.recordId)),
  });
  app.get('/organizations/:id/sentiment-report', {
    schema: {
      tags,
      summary: "The monthly sentiment report over an organization's records and its subordinates': counts by attitude, topic, stratum, source and area; notable opinions; hot issues; false information",
      params: OrganizationParams,
      querystring: SentimentReportQuery,
      response: { 200: SentimentReportSchema, ...authErrors },
    },
    handler: async (req) => (requireActor(req), service.getSentimentReport(db(), req.ctx, req.params.id, req.query.month)),
  });
};
