// The API describes itself: every registered route is in the OpenAPI document with its schemas, the document is
// browsable, and the health check reports the database this pass runs on.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION } from '../src/server/config';
import { createTestApp, testDbKind, type TestApp } from './app';

interface Operation {
  tags?: string[];
  summary?: string;
  parameters?: { in: string; name: string; schema?: unknown }[];
  requestBody?: { content: Record<string, { schema?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, unknown> };
}

/** Every (method, URL) the router holds, read from Fastify's own route tree. */
function registeredRoutes(app: FastifyInstance): { method: string; url: string }[] {
  const routes: { method: string; url: string }[] = [];
  const prefixes: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:[│ ] {3})*)[├└]── (.+?)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1].length / 4;
    prefixes.length = depth;
    const url = (prefixes[depth - 1] ?? '') + m[2];
    prefixes[depth] = url;
    for (const method of (m[3] ?? '').split(', ').filter(Boolean)) routes.push({ method, url });
  }
  return routes;
}

/** Commands that take no body. */
const BODYLESS = new Set(['POST /api/v1/auth/logout', 'DELETE /api/v1/users/:id/grants/:grantId']);
/** State changes named by their URL (open, close, build, approve …) take no body either. */
const isBodyless = (key: string) => BODYLESS.has(key) || /\/(open|close|build|approve|reopen|send|accept|read)$/.test(key);

let t: TestApp;
let doc: OpenApiDocument;
let apiRoutes: { method: string; url: string }[];

beforeAll(async () => {
  t = await createTestApp();
  const res = await t.anonymous.get('/api/openapi.json');
  expect(res.statusCode).toBe(200);
  doc = res.json();
  apiRoutes = registeredRoutes(t.app).filter((r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD');
}, 300_000);
afterAll(() => t?.close());

const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

describe('the OpenAPI document', () => {
  it('is OpenAPI 3 for this version, with the session cookie as its security scheme', () => {
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info).toMatchObject({ title: 'Dân Ý API', version: VERSION });
    expect(doc.components.securitySchemes.session).toEqual({ type: 'apiKey', in: 'cookie', name: 'dany_session' });
  });

  it('the route tree was read (sanity check of the test itself)', () => {
    expect(apiRoutes.length).toBeGreaterThanOrEqual(20);
    expect(apiRoutes).toContainEqual({ method: 'DELETE', url: '/api/v1/users/:id/grants/:grantId' });
    expect(apiRoutes).toContainEqual({ method: 'POST', url: '/api/v1/reporting-lines/:id/end' });
  });

  it('lists every /api/v1 route the app registers, and no other', () => {
    const documented = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    expect(documented).toEqual(apiRoutes.map((r) => `${r.method} ${openApiPath(r.url)}`).sort());
  });

  it('gives every route a tag, a summary and a JSON schema for its success response', () => {
    for (const r of apiRoutes) {
      const op = doc.paths[openApiPath(r.url)][r.method.toLowerCase()];
      expect(op.tags?.length, `${r.method} ${r.url}`).toBeGreaterThan(0);
      expect(op.summary, `${r.method} ${r.url}`).toBeTruthy();
      const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
      expect(success.length, `${r.method} ${r.url}`).toBe(1);
      expect(success[0][1].content?.['application/json']?.schema, `${r.method} ${r.url}`).toBeTruthy();
    }
  });

  it('documents each route’s path parameters and every command’s body', () => {
    for (const r of apiRoutes) {
      const op = doc.paths[openApiPath(r.url)][r.method.toLowerCase()];
      const declared = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name).sort();
      expect(declared, `${r.method} ${r.url}`).toEqual([...r.url.matchAll(/:(\w+)/g)].map((m) => m[1]).sort());
      expect((op.parameters ?? []).every((p) => p.schema), `${r.method} ${r.url}`).toBe(true);
      if ((r.method === 'POST' || r.method === 'PATCH') && !isBodyless(`${r.method} ${r.url}`)) {
        expect(op.requestBody?.content['application/json']?.schema, `${r.method} ${r.url}`).toBeTruthy();
      }
    }
  });

  it('documents the query parameters of the lists', () => {
    const query = (path: string) => (doc.paths[path].get.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    expect(query('/api/v1/organizations')).toEqual(expect.arrayContaining(['q', 'unitCode', 'includeEnded', 'limit', 'offset']));
    expect(query('/api/v1/users')).toEqual(expect.arrayContaining(['q', 'organizationId', 'limit']));
    expect(query('/api/v1/audit')).toEqual(expect.arrayContaining(['actor', 'action', 'from', 'to']));
    expect(query('/api/v1/units')).toEqual(expect.arrayContaining(['q', 'at', 'limit']));
  });

  it('documents the error shape for every route that can refuse', () => {
    for (const r of apiRoutes) {
      if (r.url === '/api/v1/auth/logout') continue; // signing out never refuses
      if (r.url.startsWith('/api/v1/public/')) continue; // the public portal needs no account
      const op = doc.paths[openApiPath(r.url)][r.method.toLowerCase()];
      expect(op.responses['401']?.content?.['application/json']?.schema, `${r.method} ${r.url}`).toBeTruthy();
    }
  });

  it('includes the health check, and hides itself', () => {
    expect(doc.paths['/api/health']?.get).toBeDefined();
    expect(doc.paths['/api/openapi.json']).toBeUndefined();
  });
});

describe('the API documentation page', () => {
  it('/api/docs serves the interactive documentation as HTML', async () => {
    const res = await t.anonymous.get('/api/docs');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toMatch(/<html/i);
    expect(res.body).toContain('Swagger UI');
  });
});

describe('the health check', () => {
  it(`answers {status: 'ok', db: '${testDbKind()}', version} without signing in`, async () => {
    const res = await t.anonymous.get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: testDbKind(), version: VERSION });
  });
});
