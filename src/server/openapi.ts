import { z } from 'zod';

/** The body of every 4xx/5xx response. */
export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string().describe('Stable machine-readable code, e.g. NOT_FOUND'),
      message: z.string().describe('Vietnamese message for the user'),
      details: z.unknown().optional().describe('Field errors or other specifics'),
      requestId: z.string().optional(),
    }),
  })
  .describe('An error');

/** Standard error responses for an authenticated route. */
export const authErrors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse } as const;

/**
 * For a hot route whose answer the service builds from typed fields: serializes it without checking it against its
 * response schema again on every request. The schema still documents the answer (OpenAPI); the route's tests must
 * hold answers to it (`Schema.strict().safeParse`).
 */
export const uncheckedSerializer = () => (data: unknown) => JSON.stringify(data);
