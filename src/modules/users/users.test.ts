// Accounts and roles through HTTP, on the demo province: who sees and manages whom, creating accounts, passwords,
// granting and revoking roles, deactivating.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, SHARED_DATA, type Client, type TestApp } from '../../../test/app';
import { bootstrap, DEMO_PROVINCE_CODE } from '../../server/bootstrap';
import { one } from '../../server/db';
import type { Organization } from '../organizations/organizations.schema';
import type { User } from './users.schema';

const PASSWORD = 'admin-password-123';
const NEW_PASSWORD = 'mot-mat-khau-moi-2025';

let t: TestApp;
let admin: Client;
let communeSpecialist: Client;
let provinceLeader: Client;
let viewer: Client;
/** The first commune's Fatherland Front (chuyenvien.xa and congtacvien.xa work there). */
let communeFront: Organization;
let communeWomen: Organization;
let otherCommuneFront: Organization;
let provinceFront: Organization;
let provinceCommittee: Organization;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp();
  await bootstrap(t.database.db, { adminPassword: PASSWORD, seedDemo: true, sharedDataDir: SHARED_DATA });
  [admin, communeSpecialist, provinceLeader, viewer] = await Promise.all(
    ['admin', 'chuyenvien.xa', 'lanhdao.tinh', 'xem.tinhuy'].map((u) => t.login(u, PASSWORD)),
  );
  const orgs = async (query: string) => (await admin.get(`/api/v1/organizations?${query}`)).json().items as Organization[];
  [communeFront, otherCommuneFront] = await orgs('unitLevel=commune&kind=fatherland_front&limit=2');
  [communeWomen] = await orgs(`unitLevel=commune&unitCode=${communeFront.unitCode}&kind=womens_union`);
  [provinceFront] = await orgs(`unitLevel=province&unitCode=${DEMO_PROVINCE_CODE}&kind=fatherland_front`);
  [provinceCommittee] = await orgs(`unitLevel=province&unitCode=${DEMO_PROVINCE_CODE}&kind=party_committee`);
  for (const u of (await admin.get('/api/v1/users')).json().items as User[]) ids[u.username] = u.id;
}, 600_000);
afterAll(() => t?.close());

const count = async (table: 'app_user' | 'role_grant' | 'audit_log') =>
  (await one<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))!.n;

const usernames = (res: { json(): { items: User[] } }) => res.json().items.map((u) => u.username).sort();

const newUser = (username: string, organizationId: number | null, role = 'specialist', password = NEW_PASSWORD) => ({
  username,
  fullName: `Người dùng ${username}`,
  password,
  grants: [{ organizationId, role }],
});

describe('a commune specialist manages no accounts and sees none but its own', () => {
  it('lists no users at all', async () => {
    const res = await communeSpecialist.get('/api/v1/users');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [], total: 0 });
    expect((await communeSpecialist.get(`/api/v1/users?organizationId=${communeFront.id}`)).json().total).toBe(0);
  });

  it('reads its own account, but gets 404 for its colleague’s and everyone else’s', async () => {
    expect((await communeSpecialist.get(`/api/v1/users/${ids['chuyenvien.xa']}`)).statusCode).toBe(200);
    for (const username of ['congtacvien.xa', 'lanhdao.tinh', 'admin']) {
      const res = await communeSpecialist.get(`/api/v1/users/${ids[username]}`);
      expect(res.statusCode, username).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
  });

  it('cannot create, change, grant or revoke: 403 in its organization, 404/422 outside it', async () => {
    const users = await count('app_user');
    const inOwn = await communeSpecialist.post('/api/v1/users', newUser('ban.cua.xa', communeFront.id, 'collaborator'));
    expect(inOwn.statusCode).toBe(403);
    const elsewhere = await communeSpecialist.post('/api/v1/users', newUser('ban.cua.xa', otherCommuneFront.id, 'collaborator'));
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.json().error.code).toBe('ORGANIZATION_NOT_FOUND');
    const colleague = ids['congtacvien.xa'];
    expect((await communeSpecialist.patch(`/api/v1/users/${colleague}`, { active: false })).statusCode).toBe(404);
    expect((await communeSpecialist.post(`/api/v1/users/${colleague}/grants`, { organizationId: communeFront.id, role: 'leader' })).statusCode).toBe(404);
    const grantId = (await admin.get(`/api/v1/users/${colleague}`)).json().grants[0].id;
    expect((await communeSpecialist.delete(`/api/v1/users/${colleague}/grants/${grantId}`)).statusCode).toBe(404);
    const self = ids['chuyenvien.xa'];
    expect((await communeSpecialist.post(`/api/v1/users/${self}/grants`, { organizationId: communeFront.id, role: 'leader' })).statusCode).toBe(403);
    // Its own account it can read, so changing it is forbidden rather than not found.
    expect((await communeSpecialist.patch(`/api/v1/users/${self}`, { fullName: 'Tự đổi' })).statusCode).toBe(403);
    expect(await count('app_user')).toBe(users);
    expect((await admin.get(`/api/v1/users/${colleague}`)).json()).toMatchObject({ active: true, grants: [{ role: 'collaborator' }] });
  });
});

describe('the province Front’s leader manages the accounts of the Front system under it', () => {
  it('lists exactly the users with roles in its scope', async () => {
    expect(usernames(await provinceLeader.get('/api/v1/users'))).toEqual(['chuyenvien.xa', 'congtacvien.xa', 'lanhdao.tinh']);
  });

  it('gets 404 for users outside its scope, on every route', async () => {
    for (const username of ['xem.tinhuy', 'chuyenvien.tinh', 'admin']) {
      const id = ids[username];
      const grantId = (await admin.get(`/api/v1/users/${id}`)).json().grants[0].id;
      for (const res of [
        await provinceLeader.get(`/api/v1/users/${id}`),
        await provinceLeader.patch(`/api/v1/users/${id}`, { active: false }),
        await provinceLeader.post(`/api/v1/users/${id}/grants`, { organizationId: provinceFront.id, role: 'viewer' }),
        await provinceLeader.delete(`/api/v1/users/${id}/grants/${grantId}`),
      ]) {
        expect(res.statusCode, username).toBe(404);
      }
      expect((await admin.get(`/api/v1/users/${id}`)).json()).toMatchObject({ active: true, grants: [{ id: grantId }] });
    }
  });

  it('creates an account in a commune under it, and changes it', async () => {
    const res = await provinceLeader.post('/api/v1/users', newUser('hoi.phu.nu.xa', communeWomen.id));
    expect(res.statusCode).toBe(201);
    ids['hoi.phu.nu.xa'] = res.json().id;
    const renamed = await provinceLeader.patch(`/api/v1/users/${res.json().id}`, { fullName: 'Đỗ Thị Hoa' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().fullName).toBe('Đỗ Thị Hoa');
  });

  it('cannot make an administrator, on its organization or system-wide: 403', async () => {
    const user = ids['hoi.phu.nu.xa'];
    for (const res of [
      await provinceLeader.post(`/api/v1/users/${user}/grants`, { organizationId: provinceFront.id, role: 'admin' }),
      await provinceLeader.post(`/api/v1/users/${user}/grants`, { organizationId: null, role: 'admin' }),
      await provinceLeader.post('/api/v1/users', newUser('quan.tri.moi', provinceFront.id, 'admin')),
      await provinceLeader.post('/api/v1/users', newUser('quan.tri.moi', null, 'admin')),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    expect((await admin.get(`/api/v1/users/${user}`)).json().grants.map((g: { role: string }) => g.role)).toEqual(['specialist']);
    expect((await admin.get('/api/v1/users?q=quan.tri.moi')).json().total).toBe(0);
  });

  it('cannot give a role on an organization outside its scope', async () => {
    const res = await provinceLeader.post(`/api/v1/users/${ids['hoi.phu.nu.xa']}/grants`, { organizationId: provinceCommittee.id, role: 'viewer' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('ORGANIZATION_NOT_FOUND');
  });

  it('reads but cannot change a user who also holds a role outside its scope (403)', async () => {
    const created = await admin.post('/api/v1/users', {
      ...newUser('hai.noi', communeFront.id),
      grants: [
        { organizationId: communeFront.id, role: 'specialist' },
        { organizationId: provinceCommittee.id, role: 'viewer' },
      ],
    });
    expect(created.statusCode).toBe(201);
    expect((await provinceLeader.get(`/api/v1/users/${created.json().id}`)).statusCode).toBe(200);
    const res = await provinceLeader.patch(`/api/v1/users/${created.json().id}`, { active: false });
    expect(res.statusCode).toBe(403);
    expect((await admin.get(`/api/v1/users/${created.json().id}`)).json().active).toBe(true);
  });
});

describe('the viewer on the province Party committee manages no accounts', () => {
  it('lists no users and cannot create one', async () => {
    expect((await viewer.get('/api/v1/users')).json()).toEqual({ items: [], total: 0 });
    expect((await viewer.post('/api/v1/users', newUser('nguoi.xem.2', provinceCommittee.id, 'viewer'))).statusCode).toBe(403);
  });
});

describe('a system administrator sees every account', () => {
  it('lists all of them, and searches ignoring diacritics', async () => {
    const all = usernames(await admin.get('/api/v1/users?limit=500'));
    expect(all).toEqual(expect.arrayContaining(['admin', 'chuyenvien.tinh', 'chuyenvien.xa', 'congtacvien.xa', 'lanhdao.tinh', 'xem.tinhuy']));
    expect(usernames(await admin.get(`/api/v1/users?q=${encodeURIComponent('hoang van')}`))).toEqual(['xem.tinhuy']);
  });
});

describe('creating an account', () => {
  it('answers 201 with the user and its roles; the new user can sign in', async () => {
    const res = await admin.post('/api/v1/users', { ...newUser('Nguoi.Moi', communeWomen.id), email: 'nguoi.moi@example.vn' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      username: 'nguoi.moi',
      email: 'nguoi.moi@example.vn',
      active: true,
      locale: 'vi',
      grants: [{ organizationId: communeWomen.id, organizationName: communeWomen.name, role: 'specialist' }],
    });
    expect(res.json()).not.toHaveProperty('passwordHash');
    ids['nguoi.moi'] = res.json().id;
    const user = await t.login('nguoi.moi', NEW_PASSWORD);
    expect((await user.get('/api/v1/me')).json()).toMatchObject({ username: 'nguoi.moi', isSystemAdmin: false, grants: [{ role: 'specialist' }] });
    expect((await user.get(`/api/v1/organizations/${communeWomen.id}`)).statusCode).toBe(200);
  });

  it('a username already taken answers 409 USERNAME_TAKEN and writes nothing', async () => {
    const before = { users: await count('app_user'), grants: await count('role_grant'), audit: await count('audit_log') };
    const res = await admin.post('/api/v1/users', newUser('NGUOI.MOI', provinceFront.id, 'leader'));
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'USERNAME_TAKEN', message: 'Tên đăng nhập "nguoi.moi" đã được dùng.' });
    expect({ users: await count('app_user'), grants: await count('role_grant'), audit: await count('audit_log') }).toEqual(before);
  });

  it('a weak password answers 422 WEAK_PASSWORD with the reason', async () => {
    const short = await admin.post('/api/v1/users', newUser('mat.khau.ngan', communeFront.id, 'specialist', 'abc123'));
    expect(short.statusCode).toBe(422);
    expect(short.json().error).toMatchObject({ code: 'WEAK_PASSWORD', message: 'Mật khẩu phải có ít nhất 10 ký tự.' });
    const simple = await admin.post('/api/v1/users', newUser('mat.khau.don', communeFront.id, 'specialist', 'aaaaaaaaaaaa'));
    expect(simple.statusCode).toBe(422);
    expect(simple.json().error).toMatchObject({ code: 'WEAK_PASSWORD', message: 'Mật khẩu quá đơn giản.' });
    expect((await admin.get('/api/v1/users?q=mat.khau')).json().total).toBe(0);
  });

  it('a username with diacritics or spaces answers 400 with a Vietnamese message', async () => {
    const res = await admin.post('/api/v1/users', newUser('người dùng', communeFront.id));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.message).toContain('Tên đăng nhập chỉ gồm chữ không dấu');
  });

  it('a system-wide role other than admin answers 422 INVALID_GRANT; a missing organization 422 ORGANIZATION_NOT_FOUND', async () => {
    const systemWide = await admin.post('/api/v1/users', newUser('vai.tro.sai', null, 'viewer'));
    expect(systemWide.statusCode).toBe(422);
    expect(systemWide.json().error.code).toBe('INVALID_GRANT');
    const missing = await admin.post('/api/v1/users', newUser('vai.tro.sai', 999999, 'viewer'));
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.code).toBe('ORGANIZATION_NOT_FOUND');
  });
});

describe('granting and revoking roles', () => {
  it('a granted role takes effect on the user’s next request; a duplicate answers 409 GRANT_EXISTS', async () => {
    const id = ids['congtacvien.xa'];
    const collaborator = await t.login('congtacvien.xa', PASSWORD);
    expect((await collaborator.get(`/api/v1/organizations/${otherCommuneFront.id}`)).statusCode).toBe(404);
    const res = await admin.post(`/api/v1/users/${id}/grants`, { organizationId: otherCommuneFront.id, role: 'viewer' });
    expect(res.statusCode).toBe(201);
    expect(res.json().grants.map((g: { organizationId: number; role: string }) => [g.organizationId, g.role])).toEqual([
      [communeFront.id, 'collaborator'],
      [otherCommuneFront.id, 'viewer'],
    ]);
    expect((await collaborator.get(`/api/v1/organizations/${otherCommuneFront.id}`)).statusCode).toBe(200);
    const again = await admin.post(`/api/v1/users/${id}/grants`, { organizationId: otherCommuneFront.id, role: 'viewer' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('GRANT_EXISTS');
  });

  it('a revoked role stops working at once', async () => {
    const id = ids['congtacvien.xa'];
    const collaborator = await t.login('congtacvien.xa', PASSWORD);
    const grant = (await admin.get(`/api/v1/users/${id}`)).json().grants.find((g: { organizationId: number }) => g.organizationId === otherCommuneFront.id);
    const res = await admin.delete(`/api/v1/users/${id}/grants/${grant.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().grants.map((g: { role: string }) => g.role)).toEqual(['collaborator']);
    expect((await collaborator.get(`/api/v1/organizations/${otherCommuneFront.id}`)).statusCode).toBe(404);
    expect((await admin.delete(`/api/v1/users/${id}/grants/${grant.id}`)).statusCode).toBe(404);
  });

  it('the leader grants and revokes roles within its scope', async () => {
    const id = ids['hoi.phu.nu.xa'];
    const granted = await provinceLeader.post(`/api/v1/users/${id}/grants`, { organizationId: communeFront.id, role: 'viewer' });
    expect(granted.statusCode).toBe(201);
    const grant = granted.json().grants.find((g: { role: string }) => g.role === 'viewer');
    const revoked = await provinceLeader.delete(`/api/v1/users/${id}/grants/${grant.id}`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().grants.map((g: { role: string }) => g.role)).toEqual(['specialist']);
  });

  it('an administrator cannot take away its own system administration', async () => {
    const me = (await admin.get('/api/v1/me')).json();
    const res = await admin.delete(`/api/v1/users/${me.id}/grants/${me.grants[0].id}`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('CANNOT_REVOKE_OWN_ADMIN');
  });
});

describe('deactivating an account and changing its password', () => {
  it('deactivating ends the user’s sessions and stops it signing in; reactivating lets it back', async () => {
    const id = ids['hoi.phu.nu.xa'];
    const [first, second] = [await t.login('hoi.phu.nu.xa', NEW_PASSWORD), await t.login('hoi.phu.nu.xa', NEW_PASSWORD)];
    const res = await provinceLeader.patch(`/api/v1/users/${id}`, { active: false });
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    expect((await first.get('/api/v1/me')).statusCode).toBe(401);
    expect((await second.get('/api/v1/me')).statusCode).toBe(401);
    await expect(t.login('hoi.phu.nu.xa', NEW_PASSWORD)).rejects.toThrow(/401/);
    expect((await admin.patch(`/api/v1/users/${id}`, { active: true })).json().active).toBe(true);
    expect((await (await t.login('hoi.phu.nu.xa', NEW_PASSWORD)).get('/api/v1/me')).statusCode).toBe(200);
  });

  it('a new password ends the user’s sessions; only the new password signs in', async () => {
    const id = ids['nguoi.moi'];
    const session = await t.login('nguoi.moi', NEW_PASSWORD);
    const weak = await admin.patch(`/api/v1/users/${id}`, { password: 'short' });
    expect(weak.statusCode).toBe(422);
    expect((await session.get('/api/v1/me')).statusCode).toBe(200);
    expect((await admin.patch(`/api/v1/users/${id}`, { password: 'mat-khau-thu-hai-2026' })).statusCode).toBe(200);
    expect((await session.get('/api/v1/me')).statusCode).toBe(401);
    await expect(t.login('nguoi.moi', NEW_PASSWORD)).rejects.toThrow(/401/);
    expect((await t.login('nguoi.moi', 'mat-khau-thu-hai-2026')).csrfToken).toBeTruthy();
  });

  it('an administrator cannot deactivate itself', async () => {
    const me = (await admin.get('/api/v1/me')).json();
    const res = await admin.patch(`/api/v1/users/${me.id}`, { active: false });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('CANNOT_DEACTIVATE_SELF');
    expect((await admin.get('/api/v1/me')).statusCode).toBe(200);
  });
});
