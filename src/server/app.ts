import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import helmet from 'helmet';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { VERSION } from './config';
import type { Database } from './db';
import { errorsPlugin } from './plugins/errors';
import { sessionPlugin } from './plugins/session';
import { auditRoutes } from '../modules/audit/audit.routes';
import { authRoutes } from '../modules/auth/auth.routes';
import { organizationsRoutes } from '../modules/organizations/organizations.routes';
import { unitsRoutes } from '../modules/units/units.routes';
import { usersRoutes } from '../modules/users/users.routes';
import { consultationsRoutes } from '../modules/consultations/consultations.routes';
import { publicRoutes, type PublicPortalOptions } from '../modules/consultations/public.routes';
import { synthesisRoutes } from '../modules/synthesis/synthesis.routes';
import { reportingRoutes } from '../modules/reporting/reporting.routes';
import { sentimentRoutes } from '../modules/sentiment/sentiment.routes';

export interface AppOptions {
  database: Database;
  logger?: FastifyServerOptions['logger'];
  /** Built web app to serve at / (dist/web); omitted in API tests. */
  webDir?: string;
  /** Rate limit and proof-of-work cost of the public portal (tests and benchmarks set their own). */
  publicPortal?: PublicPortalOptions;
}

/** JSON bodies above this are refused with 413; file uploads set their own limits. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Builds the application: infrastructure plugins first, then each module's routes, listed explicitly. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: process.env.TRUST_PROXY === '1',
    requestIdHeader: false,
    genReqId: () => crypto.randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('database', opts.database);

  const webDir = opts.webDir && fs.existsSync(path.join(opts.webDir, 'index.html')) ? path.resolve(opts.webDir) : undefined;
  await app.register(errorsPlugin, { spaFallback: !!webDir });
  // Security headers from helmet, its middleware built once: the Fastify plugin rebuilds it (parsing the whole
  // policy) on every request, which was the largest single cost of a small API request after the socket writes.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design injects its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (req, reply, done) => securityHeaders(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined)));
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Dân Ý API', version: VERSION, description: 'API của Dân Ý. Mọi lỗi 4xx có mã ổn định và thông điệp tiếng Việt.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'dany_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    // Recursive schemas (an outline's sections) are written once under components and referenced.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(sessionPlugin);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/api/health', {
    schema: {
      tags: ['operations'],
      summary: 'Liveness and database check',
      security: [],
      response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string() }) },
    },
    handler: async () => {
      await opts.database.db.execute('SELECT 1');
      return { status: 'ok' as const, db: opts.database.kind, version: VERSION };
    },
  });

  await app.register(
    async (api) => {
      await api.register(authRoutes);
      await api.register(unitsRoutes);
      await api.register(organizationsRoutes);
      await api.register(usersRoutes);
      await api.register(auditRoutes);
      await api.register(consultationsRoutes);
      await api.register(synthesisRoutes);
      await api.register(publicRoutes, opts.publicPortal ?? {});
      await api.register(reportingRoutes);
      await api.register(sentimentRoutes);
    },
    { prefix: '/api/v1' },
  );

  if (webDir) await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: ['index.html'] });
  return app;
}
