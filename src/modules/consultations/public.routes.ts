// The public portal's API: no account. Reading is open; commenting needs a solved proof-of-work challenge
// (ALTCHA, no outside service) and is rate-limited per address.
import rateLimit from '@fastify/rate-limit';
import { createChallenge, randomInt, verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse, uncheckedSerializer } from '../../server/openapi';
import { AppError } from '../../shared/errors';
import { CommuneSearchResult } from '../units/units.schema';
import { AltchaChallenge, ConsultationIdParams, PublicCommentBody, PublicCommentReceipt, PublicCommuneQuery, PublicConsultationList, PublicConsultationSchema } from './consultations.schema';
import * as service from './consultations.service';
import { verifyAltcha } from './altcha';

export interface PublicPortalOptions {
  /** Comments accepted per address per minute. */
  commentsPerMinute?: number;
  /** Commune searches answered per address per minute (the picker asks as the citizen types). */
  searchesPerMinute?: number;
  /** SHA-256 rounds per proof-of-work attempt: the work a browser does before it may post (≈ cost × 7,500 hashes). */
  challengeCost?: number;
  /** Range of the secret counter a solver must reach (the work is proportional to it); benchmarks make it tiny. */
  challengeCounter?: [number, number];
}

const CHALLENGE_TTL_MS = 10 * 60 * 1000;
const publicErrors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse, 429: ErrorResponse };

export const publicRoutes: FastifyPluginAsyncZod<PublicPortalOptions> = async (app, opts) => {
  const db = () => app.database.db;
  const cost = opts.challengeCost ?? Number(process.env.ALTCHA_COST ?? 10);
  const counterRange = opts.challengeCounter ?? [5_000, 10_000];
  let secrets: Promise<[string, string]> | null = null;
  const keys = () => (secrets ??= Promise.all([service.appSecret(db(), 'altcha_signature_secret'), service.appSecret(db(), 'altcha_key_secret')]));

  // Spent challenges are only needed until they expire.
  const sweeper = setInterval(() => void service.sweepSpentChallenges(db()).catch((err) => app.log.warn({ err }, 'sweeping spent challenges failed')), 10 * 60 * 1000);
  sweeper.unref();
  app.addHook('onClose', async () => clearInterval(sweeper));

  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) =>
      new AppError(429, 'RATE_LIMITED', `Bạn thao tác quá nhanh. Vui lòng thử lại sau ${Math.max(1, Math.ceil(context.ttl / 1000))} giây.`, { retryAfterS: Math.max(1, Math.ceil(context.ttl / 1000)) }),
  });
  const perMinute = opts.commentsPerMinute ?? Number(process.env.PUBLIC_COMMENTS_PER_MINUTE ?? 20);
  const searchesPerMinute = opts.searchesPerMinute ?? Number(process.env.PUBLIC_SEARCHES_PER_MINUTE ?? 120);

  app.get('/public/consultations', {
    schema: { tags: ['public'], summary: 'Consultations open on the public portal', security: [], response: { 200: PublicConsultationList } },
    handler: async () => service.listPublicConsultations(db()),
  });

  app.get('/public/consultations/:id', {
    schema: { tags: ['public'], summary: 'A consultation’s drafts with their sections, to read and comment on', security: [], params: ConsultationIdParams, response: { 200: PublicConsultationSchema, ...publicErrors } },
    handler: async (req) => service.getPublicConsultation(db(), req.params.id),
  });

  app.get('/public/consultations/:id/communes', {
    config: { rateLimit: { max: searchesPerMinute, timeWindow: '1 minute' } },
    schema: {
      tags: ['public'],
      summary: 'Communes of the consultation’s area matching a name typed with or without diacritics, best first, to say where one lives',
      security: [],
      params: ConsultationIdParams,
      querystring: PublicCommuneQuery,
      response: { 200: CommuneSearchResult, ...publicErrors },
    },
    handler: async (req) => service.searchPublicCommunes(db(), req.params.id, req.query),
  });

  app.get('/public/challenge', {
    config: { rateLimit: { max: perMinute * 3, timeWindow: '1 minute' } },
    schema: { tags: ['public'], summary: 'A proof-of-work challenge to solve before posting a comment', security: [], response: { 200: AltchaChallenge, 429: ErrorResponse } },
    handler: async (_req, reply) => {
      const [hmacSignatureSecret, hmacKeySignatureSecret] = await keys();
      reply.header('cache-control', 'no-store');
      const challenge = await createChallenge({ algorithm: 'SHA-256', cost, counter: randomInt(...counterRange), deriveKey, expiresAt: new Date(Date.now() + CHALLENGE_TTL_MS), hmacSignatureSecret, hmacKeySignatureSecret });
      return { parameters: { ...challenge.parameters }, signature: challenge.signature };
    },
  });

  app.post('/public/consultations/:id/comments', {
    config: { rateLimit: { max: perMinute, timeWindow: '1 minute' } },
    // The portal's hot write: the receipt is built here from typed fields, so checking it against its schema again
    // on every answer only costs CPU; the schema still documents it (OpenAPI) and the tests hold answers to it.
    serializerCompiler: uncheckedSerializer,
    schema: {
      tags: ['public'],
      summary: 'Post a comment as a citizen (no account); stored once per idempotency key, acknowledged after commit',
      security: [],
      params: ConsultationIdParams,
      body: PublicCommentBody,
      response: { 201: PublicCommentReceipt, ...publicErrors },
    },
    handler: async (req, reply) => {
      const { altcha, ...body } = req.body;
      const [hmacSignatureSecret, hmacKeySignatureSecret] = await keys();
      let verified = verifyAltcha(altcha.challenge, altcha.solution, { signature: hmacSignatureSecret, key: hmacKeySignatureSecret });
      if (verified === null) {
        try {
          verified = (await verifySolution({ challenge: altcha.challenge as never, solution: altcha.solution, deriveKey, hmacSignatureSecret, hmacKeySignatureSecret })).verified;
        } catch {
          verified = false;
        }
      }
      if (!verified) throw new AppError(400, 'CHALLENGE_FAILED', 'Không xác minh được mã chống gửi tự động (có thể đã hết hạn). Vui lòng gửi lại.');
      const expiresAt = Number(altcha.challenge.parameters.expiresAt ?? 0);
      const receipt = await service.createPublicComment(db(), req.params.id, body, { signature: String(altcha.challenge.signature), expiresAt: new Date(expiresAt * 1000 || Date.now() + CHALLENGE_TTL_MS) });
      // A retry gets the original receipt (same id, `duplicate: true`): the client sees one outcome either way.
      return reply.status(201).send(receipt);
    },
  });
};
