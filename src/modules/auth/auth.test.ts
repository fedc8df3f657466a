// Signing in and out, throttling, sessions, CSRF and security headers, through HTTP.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app';
import { bootstrap } from '../../server/bootstrap';
import { one } from '../../server/db';
import { SESSION_COOKIE, THROTTLE } from './auth.service';

const PASSWORD = 'admin-password-123';
const USER_PASSWORD = 'mat-khau-thu-nghiem-1';

let t: TestApp;
let admin: Client;
/** The central Fatherland Front, where the users this file creates get their roles. */
let frontId: number;

beforeAll(async () => {
  t = await createTestApp();
  await bootstrap(t.database.db, { adminPassword: PASSWORD, seedDemo: false, sharedDataDir: '/nonexistent' });
  admin = await t.login('admin', PASSWORD);
  const template = await admin.post('/api/v1/organizations/from-template', { unitLevel: 'central', unitCode: 'VN' });
  expect(template.statusCode).toBe(200);
  frontId = template.json().created.find((o: { kind: string }) => o.kind === 'fatherland_front').id;
}, 300_000);
afterAll(() => t?.close());

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

async function createUser(username: string, role = 'specialist'): Promise<number> {
  const res = await admin.post('/api/v1/users', { username, fullName: username, password: USER_PASSWORD, grants: [{ organizationId: frontId, role }] });
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

const auditCount = async () => (await one<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM audit_log`))!.n;

describe('signing in', () => {
  it('the right password answers 200 and sets an HttpOnly, SameSite session cookie', async () => {
    const res = await login('admin', PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[\\w-]{20,};`));
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//);
    expect(res.json()).toMatchObject({ username: 'admin', isSystemAdmin: true, csrfToken: expect.any(String) });
  });

  it('/me returns the signed-in user with its grants and the session’s CSRF token', async () => {
    const me = await admin.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      username: 'admin',
      isSystemAdmin: true,
      grants: [{ organizationId: null, role: 'admin', organizationName: null }],
      csrfToken: admin.csrfToken,
    });
  });

  it('usernames are not case-sensitive', async () => {
    expect((await login('  ADMIN ', PASSWORD)).statusCode).toBe(200);
  });

  it('a wrong password answers 401 INVALID_CREDENTIALS with a Vietnamese message', async () => {
    const res = await login('admin', 'not-the-password');
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: 'INVALID_CREDENTIALS', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('an unknown user gets exactly the answer a wrong password gets', async () => {
    const unknown = await login('khong.ton.tai', 'not-the-password');
    const wrong = await login('admin', 'not-the-password');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe(wrong.json().error.code);
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
    // A success clears the account's failure count, so these do not add up to a lock for the tests below.
    expect((await login('admin', PASSWORD)).statusCode).toBe(200);
  });

  it('an empty field is refused with a Vietnamese validation message', async () => {
    const res = await login('admin', '');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.message).toContain('Vui lòng nhập mật khẩu');
  });

  it('an inactive user cannot sign in, even with the right password', async () => {
    const id = await createUser('da.nghi.viec');
    expect((await login('da.nghi.viec', USER_PASSWORD)).statusCode).toBe(200);
    expect((await admin.patch(`/api/v1/users/${id}`, { active: false })).statusCode).toBe(200);
    const res = await login('da.nghi.viec', USER_PASSWORD);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
  });
});

describe('throttling failed sign-ins', () => {
  it(`${THROTTLE.max} failures lock the account: then 429 TOO_MANY_ATTEMPTS with retry-after, even for the right password`, async () => {
    await createUser('bi.khoa');
    for (let i = 0; i < THROTTLE.max; i++) {
      const res = await login('bi.khoa', `wrong-password-${i}`);
      expect(res.statusCode).toBe(401);
    }
    const refused = await login('bi.khoa', USER_PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(refused.json().error.message).toMatch(/^Đăng nhập sai quá nhiều lần\. Vui lòng thử lại sau \d+ phút\.$/);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(THROTTLE.lockS);
    expect(refused.headers['set-cookie']).toBeUndefined();
  });

  it('the lock is on that account: other users still sign in', async () => {
    expect((await login('admin', PASSWORD)).statusCode).toBe(200);
  });

  it('once the lock ends, the right password works again', async () => {
    // Let the lock run out instead of waiting a quarter of an hour.
    await t.database.db.execute(sql`UPDATE login_throttle SET locked_until = now() - interval '1 second' WHERE key = 'user:bi.khoa'`);
    expect((await login('bi.khoa', USER_PASSWORD)).statusCode).toBe(200);
    // Success forgets the earlier failures: one more failure does not lock again.
    expect((await login('bi.khoa', 'wrong-again')).statusCode).toBe(401);
    expect((await login('bi.khoa', USER_PASSWORD)).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('logout ends the session: the old cookie then gets 401 on /me', async () => {
    await createUser('dang.xuat');
    const user = await t.login('dang.xuat', USER_PASSWORD);
    expect((await user.get('/api/v1/me')).statusCode).toBe(200);
    const out = await user.post('/api/v1/auth/logout');
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({ ok: true });
    expect(String(out.headers['set-cookie'])).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));
    const me = await user.get('/api/v1/me');
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('a cookie the server never issued is anonymous', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `${SESSION_COOKIE}=forged-token` } });
    expect(res.statusCode).toBe(401);
  });

  it('a write with the session cookie but without x-csrf-token is refused with 403 CSRF_TOKEN_INVALID and changes nothing', async () => {
    const id = await createUser('khong.doi.ten');
    const audited = await auditCount();
    const withoutToken = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: { cookie: admin.cookie! }, payload: { fullName: 'Đã bị đổi' } });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().error.code).toBe('CSRF_TOKEN_INVALID');
    expect(withoutToken.json().error.message).toMatch(/mã chống giả mạo/);
    const wrongToken = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      headers: { cookie: admin.cookie!, 'x-csrf-token': `${admin.csrfToken}x` },
      payload: { fullName: 'Đã bị đổi' },
    });
    expect(wrongToken.statusCode).toBe(403);
    expect((await admin.get(`/api/v1/users/${id}`)).json().fullName).toBe('khong.doi.ten');
    expect(await auditCount()).toBe(audited);
  });

  it('logout without the CSRF token is refused too, and the session stays open', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: admin.cookie! } });
    expect(res.statusCode).toBe(403);
    expect((await admin.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('reads need no CSRF token', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: admin.cookie! } });
    expect(res.statusCode).toBe(200);
  });
});

describe('who may call the API', () => {
  it('anonymous callers get 401 UNAUTHENTICATED from every /api/v1 route except sign-in and sign-out', async () => {
    const routes: [string, string][] = [
      ['GET', '/api/v1/me'],
      ['GET', '/api/v1/units'],
      ['GET', '/api/v1/units/stats'],
      ['GET', '/api/v1/units/central/VN'],
      ['GET', '/api/v1/organizations'],
      ['POST', '/api/v1/organizations'],
      ['POST', '/api/v1/organizations/from-template'],
      ['GET', `/api/v1/organizations/${frontId}`],
      ['PATCH', `/api/v1/organizations/${frontId}`],
      ['POST', `/api/v1/organizations/${frontId}/close`],
      ['POST', `/api/v1/organizations/${frontId}/reporting-lines`],
      ['POST', '/api/v1/reporting-lines/1/end'],
      ['GET', '/api/v1/users'],
      ['POST', '/api/v1/users'],
      ['GET', '/api/v1/users/1'],
      ['PATCH', '/api/v1/users/1'],
      ['POST', '/api/v1/users/1/grants'],
      ['DELETE', '/api/v1/users/1/grants/1'],
      ['GET', '/api/v1/audit'],
    ];
    const bodies: Record<string, unknown> = {
      'POST /api/v1/organizations': { unitLevel: 'central', unitCode: 'VN', kind: 'agency', name: 'Cơ quan thử' },
      'POST /api/v1/organizations/from-template': { unitLevel: 'central', unitCode: 'VN' },
      [`PATCH /api/v1/organizations/${frontId}`]: { name: 'Tên mới' },
      [`POST /api/v1/organizations/${frontId}/close`]: { validTo: '2026-01-01' },
      [`POST /api/v1/organizations/${frontId}/reporting-lines`]: { toOrganizationId: 1, kind: 'system' },
      'POST /api/v1/reporting-lines/1/end': { validTo: '2026-01-01' },
      'POST /api/v1/users': { username: 'ke.la', fullName: 'Kẻ lạ', password: USER_PASSWORD, grants: [{ organizationId: null, role: 'admin' }] },
      'PATCH /api/v1/users/1': { active: false },
      'POST /api/v1/users/1/grants': { organizationId: null, role: 'admin' },
    };
    for (const [method, url] of routes) {
      const payload = bodies[`${method} ${url}`];
      const res = await t.anonymous.inject({ method: method as 'GET', url, ...(payload ? { payload: payload as object } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json().error.code, `${method} ${url}`).toBe('UNAUTHENTICATED');
    }
    expect((await login('ke.la', USER_PASSWORD)).statusCode).toBe(401);
  });

  it('any signed-in user reads the administrative units, whatever its role', async () => {
    await createUser('cong.tac.vien', 'collaborator');
    const user = await t.login('cong.tac.vien', USER_PASSWORD);
    expect((await user.get('/api/v1/units')).statusCode).toBe(200);
    expect((await user.get('/api/v1/units/stats')).statusCode).toBe(200);
    const centre = await user.get('/api/v1/units/central/VN');
    expect(centre.statusCode).toBe(200);
    expect(centre.json().unit.fullName).toBe('Trung ương');
  });

  it('signing out without a session is harmless', async () => {
    const res = await t.anonymous.post('/api/v1/auth/logout');
    expect(res.statusCode).toBe(200);
  });
});

describe('security headers', () => {
  it('every response carries helmet’s headers: a strict CSP, nosniff, no framing', async () => {
    for (const res of [await t.anonymous.get('/api/health'), await admin.get('/api/v1/me'), await t.anonymous.get('/api/v1/nothing-here')]) {
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });
});
