// Errors are values a user can act on: one JSON shape, a stable code, a Vietnamese message, never a stack trace.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, BODY_LIMIT_BYTES } from '../src/server/app';
import { bootstrap } from '../src/server/bootstrap';
import { createTestApp, type Client, type TestApp } from './app';

const PASSWORD = 'admin-password-123';

let t: TestApp;
let admin: Client;
/** Every error response this file has seen, checked at the end for leaks. */
const seen: LightMyRequestResponse[] = [];

beforeAll(async () => {
  t = await createTestApp();
  await bootstrap(t.database.db, { adminPassword: PASSWORD, seedDemo: false, sharedDataDir: '/nonexistent' });
  admin = await t.login('admin', PASSWORD);
}, 300_000);
afterAll(() => t?.close());

/** Checks the common error shape and returns the error. */
function errorOf(res: LightMyRequestResponse, status: number, code: string) {
  seen.push(res);
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const { error } = res.json();
  expect(error).toMatchObject({ code, message: expect.any(String), requestId: expect.any(String) });
  expect(Object.keys(error).every((k) => ['code', 'message', 'details', 'requestId'].includes(k))).toBe(true);
  return error as { code: string; message: string; details?: unknown };
}

const login = (payload: string, contentType = 'application/json') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, headers: { 'content-type': contentType } });

describe('unknown routes', () => {
  it('an unknown /api path answers JSON 404 ROUTE_NOT_FOUND naming it, without its query string', async () => {
    const error = errorOf(await admin.get('/api/v1/khong-co?token=secret'), 404, 'ROUTE_NOT_FOUND');
    expect(error.message).toBe('Không có đường dẫn GET /api/v1/khong-co.');
  });

  it('a known path with a method it does not have answers 404 ROUTE_NOT_FOUND too', async () => {
    errorOf(await admin.delete('/api/v1/organizations'), 404, 'ROUTE_NOT_FOUND');
    errorOf(await t.anonymous.post('/api/nothing', {}), 404, 'ROUTE_NOT_FOUND');
  });
});

describe('malformed requests', () => {
  it(`a body over ${BODY_LIMIT_BYTES} bytes answers 413 BODY_TOO_LARGE`, async () => {
    const big = JSON.stringify({ username: 'admin', password: 'x'.repeat(BODY_LIMIT_BYTES) });
    const error = errorOf(await login(big), 413, 'BODY_TOO_LARGE');
    expect(error.message).toBe('Dữ liệu gửi lên quá lớn.');
  });

  it('malformed JSON answers 400 INVALID_JSON', async () => {
    const error = errorOf(await login('{"username": "admin", '), 400, 'INVALID_JSON');
    expect(error.message).toBe('Dữ liệu gửi lên không phải JSON hợp lệ.');
  });

  it('an empty JSON body answers 400 EMPTY_BODY', async () => {
    errorOf(await login(''), 400, 'EMPTY_BODY');
  });

  it('a content type the API does not read answers 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const error = errorOf(await login('<login><username>admin</username></login>', 'application/xml'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(error.message).toBe('Kiểu dữ liệu gửi lên không được hỗ trợ.');
  });

  it('a body of the wrong shape answers 400 VALIDATION_FAILED listing each field', async () => {
    const error = errorOf(await admin.post('/api/v1/users', { username: 'x', grants: [] }), 400, 'VALIDATION_FAILED');
    expect(error.message).toMatch(/^Dữ liệu không hợp lệ: /);
    expect(error.message).toContain('Tên đăng nhập phải có ít nhất 3 ký tự');
    expect(error.details).toEqual(expect.arrayContaining([{ path: 'body.username', message: 'Tên đăng nhập phải có ít nhất 3 ký tự' }]));
  });

  it('a field without a message of its own is refused in Vietnamese too, not in the validator’s English', async () => {
    const error = errorOf(await admin.post('/api/v1/users', { username: 'nguyenvanb', fullName: 'Nguyễn Văn B', password: 'mat-khau-du-dai', locale: 'vi', grants: 'none' }), 400, 'VALIDATION_FAILED');
    expect(error.message).toMatch(/^Dữ liệu không hợp lệ: /);
    expect(error.message).not.toMatch(/Invalid input|expected|received/);
  });
});

describe('unexpected failures', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    // The same application with two faulty routes, on the same database.
    app = await buildApp({ database: t.database });
    app.get('/api/test/throws', async () => {
      throw new Error('secret internals: connection string postgres://u:p@db');
    });
    app.get('/api/test/bad-response', { schema: { response: { 200: z.object({ count: z.number() }) } } }, async () => ({ count: 'many' }) as never);
    await app.ready();
  });
  afterAll(() => app.close());

  it('an unexpected exception answers 500 INTERNAL with a generic Vietnamese message and nothing of the exception', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/test/throws' });
    const error = errorOf(res, 500, 'INTERNAL');
    expect(error.message).toBe('Đã có lỗi hệ thống. Vui lòng thử lại sau.');
    expect(res.body).not.toContain('secret internals');
    expect(res.body).not.toContain('postgres://');
  });

  it('a response that does not match its schema answers 500 INTERNAL, not the data', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/test/bad-response' });
    errorOf(res, 500, 'INTERNAL');
    expect(res.body).not.toContain('many');
  });
});

describe('no error body leaks a stack trace', () => {
  const hasStackKey = (v: unknown): boolean =>
    !!v && typeof v === 'object' && Object.entries(v).some(([k, x]) => k === 'stack' || hasStackKey(x));

  it('none of the errors above has a "stack" key or "at …" lines', () => {
    expect(seen.length).toBeGreaterThanOrEqual(10);
    for (const res of seen) {
      expect(hasStackKey(res.json()), res.body).toBe(false);
      expect(res.body, res.body).not.toMatch(/\bat [\w.<>]+ \(|\n\s+at |\.ts:\d+|node_modules/);
    }
  });
});
