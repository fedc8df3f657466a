import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Database } from '../db';
import type { Actor, Ctx } from '../context';
import { AppError, unauthenticated } from '../../shared/errors';
import { resolveSession, SESSION_COOKIE } from '../../modules/auth/auth.service';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who asks: the signed-in user (or null) with the request's address and id. */
    ctx: Ctx;
    csrfToken: string | null;
  }
  interface FastifyInstance {
    database: Database;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/**
 * Resolves the session cookie on every API request. Cookie-authenticated writes must carry the session's CSRF
 * token in `x-csrf-token` (the SameSite cookie alone does not stop same-site attackers).
 */
export const sessionPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (req) => {
    req.ctx = { actor: null, ip: req.ip, requestId: req.id };
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies?.[SESSION_COOKIE];
    if (!token) return;
    const session = await resolveSession(app.database.db, token);
    if (!session) return;
    // Login does not act on the existing session, so it needs no token (a stale cookie must not block it).
    if (!SAFE_METHODS.has(req.method) && req.url.split('?')[0] !== '/api/v1/auth/login') {
      const header = req.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, session.csrfToken)) {
        throw new AppError(403, 'CSRF_TOKEN_INVALID', 'Phiên làm việc không hợp lệ cho thao tác này (thiếu mã chống giả mạo). Vui lòng tải lại trang.');
      }
    }
    req.ctx.actor = session.actor;
    req.csrfToken = session.csrfToken;
  });
});

/** The signed-in actor, or 401. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.ctx.actor) throw unauthenticated();
  return req.ctx.actor;
}
