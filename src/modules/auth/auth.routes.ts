import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse } from '../../server/openapi';
import { requireActor } from '../../server/plugins/session';
import { LoginBody, MeResponse } from './auth.schema';
import * as service from './auth.service';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;

  app.post('/auth/login', {
    schema: {
      tags: ['auth'],
      summary: 'Sign in; sets an HttpOnly session cookie',
      body: LoginBody,
      response: { 200: MeResponse, 401: ErrorResponse, 429: ErrorResponse },
    },
    handler: async (req, reply) => {
      const { token } = await service.login(db(), { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] });
      reply.setCookie(service.SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: req.protocol === 'https',
        maxAge: service.SESSION_TTL_S,
      });
      const session = (await service.resolveSession(db(), token))!;
      return service.me(db(), session.actor, session.csrfToken);
    },
  });

  app.post('/auth/logout', {
    schema: { tags: ['auth'], summary: 'Sign out and end the session', response: { 200: z.object({ ok: z.literal(true) }) } },
    handler: async (req, reply) => {
      await service.logout(db(), req.ctx, req.cookies[service.SESSION_COOKIE]);
      reply.clearCookie(service.SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  app.get('/me', {
    schema: { tags: ['auth'], summary: 'The signed-in user, its roles and its CSRF token', response: { 200: MeResponse, 401: ErrorResponse } },
    handler: async (req) => service.me(db(), requireActor(req), req.csrfToken!),
  });
};
