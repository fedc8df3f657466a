import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authErrors } from '../../server/openapi';
import { requireActor } from '../../server/plugins/session';
import { todayInVietnam } from '../../shared/dates';
import * as q from './units.queries';
import { UnitDetailResponse, UnitListQuery, UnitListResponse, UnitParams, UnitStatsQuery, UnitStatsResponse } from './units.schema';
import { unitDetail } from './units.service';

// Administrative units are public reference data: any signed-in user may read them.
export const unitsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;

  app.get('/units', {
    schema: { tags: ['units'], summary: 'Units in force on a day; search ignores diacritics and case', querystring: UnitListQuery, response: { 200: UnitListResponse, ...authErrors } },
    handler: async (req) => {
      requireActor(req);
      return q.listUnits(db(), { ...req.query, at: req.query.at ?? todayInVietnam() });
    },
  });

  app.get('/units/stats', {
    schema: { tags: ['units'], summary: 'Counts of units in force on a day, by level', querystring: UnitStatsQuery, response: { 200: UnitStatsResponse, ...authErrors } },
    handler: async (req) => {
      requireActor(req);
      return q.countUnitsByLevel(db(), req.query.at ?? todayInVietnam());
    },
  });

  app.get('/units/:level/:code', {
    schema: {
      tags: ['units'],
      summary: 'A unit with its parents, versions, and the units it was formed from or went into',
      params: UnitParams,
      querystring: UnitStatsQuery,
      response: { 200: UnitDetailResponse, ...authErrors },
    },
    handler: async (req) => {
      requireActor(req);
      return unitDetail(db(), req.params.level, req.params.code, req.query.at ?? todayInVietnam());
    },
  });
};
