import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type ErrorBody } from '../../shared/errors';

// Fields whose schema gives no message of its own are refused in Vietnamese too ("Quá nhỏ: …"), not in zod's English.
z.config(z.locales.vi());

/** Vietnamese messages for Fastify's own client errors, by its error code. */
const FASTIFY_MESSAGES: Record<string, [number, string, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'BODY_TOO_LARGE', 'Dữ liệu gửi lên quá lớn.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE', 'Kiểu dữ liệu gửi lên không được hỗ trợ.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'EMPTY_BODY', 'Thiếu dữ liệu gửi lên.'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'INVALID_JSON', 'Dữ liệu gửi lên không phải JSON hợp lệ.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'INVALID_CONTENT_LENGTH', 'Độ dài dữ liệu không hợp lệ.'],
};

/**
 * One error shape for every response: `{error: {code, message, details?, requestId}}`, a stable code and a
 * Vietnamese message. Stack traces stay in the log.
 */
export const errorsPlugin = fp(async (app: FastifyInstance, opts: { spaFallback?: boolean }) => {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const send = (status: number, code: string, message: string, details?: unknown) => {
      const body: ErrorBody = { error: { code, message, ...(details === undefined ? {} : { details }), requestId: req.id } };
      if (status === 429 && details && typeof details === 'object' && 'retryAfterS' in details) {
        reply.header('retry-after', String((details as { retryAfterS: number }).retryAfterS));
      }
      return reply.status(status).send(body);
    };
    if (err instanceof AppError) {
      if (err.statusCode >= 500) req.log.error({ err }, 'application error');
      return send(err.statusCode, err.code, err.message, err.details);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        path: [err.validationContext, ...String(v.instancePath || '').split('/').filter(Boolean)].join('.'),
        message: v.message,
      }));
      return send(400, 'VALIDATION_FAILED', `Dữ liệu không hợp lệ: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err }, 'response did not match its schema');
      return send(500, 'INTERNAL', 'Đã có lỗi hệ thống. Vui lòng thử lại sau.');
    }
    const known = err.code ? FASTIFY_MESSAGES[err.code] : undefined;
    if (known) return send(known[0], known[1], known[2]);
    if (err.statusCode === 429) return send(429, 'RATE_LIMITED', 'Quá nhiều yêu cầu. Vui lòng thử lại sau.');
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return send(err.statusCode, 'BAD_REQUEST', 'Yêu cầu không hợp lệ.');
    }
    req.log.error({ err }, 'unhandled error');
    return send(500, 'INTERNAL', 'Đã có lỗi hệ thống. Vui lòng thử lại sau.');
  });

  app.setNotFoundHandler((req, reply) => {
    // The web app routes in the browser: any other GET for a page gets its index.html.
    if (opts.spaFallback && req.method === 'GET' && !req.url.startsWith('/api/')) return reply.type('text/html').sendFile('index.html');
    const body: ErrorBody = { error: { code: 'ROUTE_NOT_FOUND', message: `Không có đường dẫn ${req.method} ${req.url.split('?')[0]}.`, requestId: req.id } };
    return reply.status(404).send(body);
  });
});
