// The audit log through HTTP and SQL: every write leaves an entry, only administrators read it, it cannot be
// changed, and a command that fails leaves neither rows nor an entry behind.
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, SHARED_DATA, type Client, type TestApp } from '../../../test/app';
import { bootstrap } from '../../server/bootstrap';
import { one } from '../../server/db';
import { dayBefore, todayInVietnam } from '../../shared/dates';
import type { Organization } from '../organizations/organizations.schema';
import type { AuditEntry } from './audit.schema';

const PASSWORD = 'admin-password-123';
const USER_PASSWORD = 'mat-khau-nhat-ky-2025';

let t: TestApp;
let admin: Client;
let provinceLeader: Client;
let communeSpecialist: Client;
let viewer: Client;
let adminId: number;
let leaderId: number;
let communeFront: Organization;
let communeCommittee: Organization;

beforeAll(async () => {
  t = await createTestApp();
  await bootstrap(t.database.db, { adminPassword: PASSWORD, seedDemo: true, sharedDataDir: SHARED_DATA });
  [admin, provinceLeader, communeSpecialist, viewer] = await Promise.all(
    ['admin', 'lanhdao.tinh', 'chuyenvien.xa', 'xem.tinhuy'].map((u) => t.login(u, PASSWORD)),
  );
  adminId = (await admin.get('/api/v1/me')).json().id;
  leaderId = (await provinceLeader.get('/api/v1/me')).json().id;
  [communeFront] = (await admin.get('/api/v1/organizations?unitLevel=commune&kind=fatherland_front&limit=1')).json().items;
  [communeCommittee] = (await admin.get(`/api/v1/organizations?unitLevel=commune&unitCode=${communeFront.unitCode}&kind=party_committee`)).json().items;
}, 600_000);
afterAll(() => t?.close());

/** The audit entries an administrator finds with a query string, newest first. */
async function audit(query: string, client = admin): Promise<{ items: AuditEntry[]; total: number }> {
  const res = await client.get(`/api/v1/audit?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json();
}

/** The newest entry for an action on an entity. */
async function latest(action: string, entityId: number | string): Promise<AuditEntry> {
  const { items } = await audit(`action=${action}&entityId=${entityId}&limit=1`);
  expect(items, `${action} ${entityId}`).toHaveLength(1);
  expect(items[0].action).toBe(action);
  return items[0];
}

const count = async (table: string) => (await one<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))!.n;

describe('every write leaves an entry naming its actor, with the state before and after', () => {
  let agencyId: number;
  let userId: number;

  it('the seed’s own writes are recorded, by "seed"', async () => {
    const { items, total } = await audit('actor=seed&action=organization.apply_template&limit=500');
    expect(total).toBe(1 + 1 + 95);
    expect(items.every((e) => e.actorId === null && e.actorUsername === 'seed')).toBe(true);
    expect((await audit('actor=seed&action=demo.seed')).items[0].after).toEqual({ province: '75', communes: 95 });
  });

  it('renaming an organization: before and after names, by the leader who did it, from its address', async () => {
    const res = await provinceLeader.patch(`/api/v1/organizations/${communeFront.id}`, { name: `${communeFront.name} (mới)` });
    expect(res.statusCode).toBe(200);
    const entry = await latest('organization.update', communeFront.id);
    expect(entry).toMatchObject({
      actorId: leaderId,
      actorUsername: 'lanhdao.tinh',
      entityType: 'organization',
      organizationId: communeFront.id,
      before: { name: communeFront.name },
      after: { name: `${communeFront.name} (mới)` },
      ip: '127.0.0.1',
    });
    expect(entry.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('creating an organization with its line, ending the line, closing the organization', async () => {
    const created = await admin.post('/api/v1/organizations', {
      unitLevel: 'commune',
      unitCode: communeFront.unitCode,
      kind: 'agency',
      name: 'Văn phòng Đảng ủy',
      reportsTo: [{ organizationId: communeCommittee.id, kind: 'same_level' }],
    });
    expect(created.statusCode).toBe(201);
    agencyId = created.json().id;
    expect(await latest('organization.create', agencyId)).toMatchObject({
      actorUsername: 'admin',
      actorId: adminId,
      before: null,
      after: { name: 'Văn phòng Đảng ủy', kind: 'agency', reportsTo: [{ organizationId: communeCommittee.id, kind: 'same_level' }] },
    });

    const line = await admin.post(`/api/v1/organizations/${agencyId}/reporting-lines`, { toOrganizationId: communeFront.id, kind: 'same_level', validFrom: '2026-01-01' });
    expect(line.statusCode).toBe(201);
    const lineId = line.json().id;
    expect(await latest('reporting_line.create', lineId)).toMatchObject({ actorUsername: 'admin', organizationId: agencyId, after: { fromId: agencyId, toOrganizationId: communeFront.id, kind: 'same_level' } });

    expect((await admin.post(`/api/v1/reporting-lines/${lineId}/end`, { validTo: '2026-03-31' })).statusCode).toBe(200);
    expect(await latest('reporting_line.end', lineId)).toMatchObject({ actorUsername: 'admin', before: { validTo: null }, after: { validTo: '2026-03-31' } });

    expect((await admin.post(`/api/v1/organizations/${agencyId}/close`, { validTo: '2026-04-30', successorId: communeCommittee.id })).statusCode).toBe(200);
    expect(await latest('organization.close', agencyId)).toMatchObject({
      actorUsername: 'admin',
      before: { validTo: null, successorId: null },
      after: { validTo: '2026-04-30', successorId: communeCommittee.id },
    });
  });

  it('creating a user, changing it, granting and revoking a role', async () => {
    const created = await provinceLeader.post('/api/v1/users', { username: 'nhat.ky', fullName: 'Người Nhật Ký', password: USER_PASSWORD, grants: [{ organizationId: communeFront.id, role: 'specialist' }] });
    expect(created.statusCode).toBe(201);
    userId = created.json().id;
    expect(await latest('user.create', userId)).toMatchObject({
      actorUsername: 'lanhdao.tinh',
      organizationId: communeFront.id,
      before: null,
      after: { username: 'nhat.ky', active: true, grants: [{ organizationId: communeFront.id, role: 'specialist' }] },
    });

    expect((await provinceLeader.patch(`/api/v1/users/${userId}`, { active: false })).statusCode).toBe(200);
    expect(await latest('user.update', userId)).toMatchObject({ actorUsername: 'lanhdao.tinh', before: { active: true }, after: { active: false } });

    expect((await admin.patch(`/api/v1/users/${userId}`, { active: true, password: `${USER_PASSWORD}-2` })).statusCode).toBe(200);
    expect(await latest('user.update', userId)).toMatchObject({ actorUsername: 'admin', before: { active: false }, after: { active: true, passwordChanged: true } });

    const granted = await admin.post(`/api/v1/users/${userId}/grants`, { organizationId: communeFront.id, role: 'viewer' });
    expect(granted.statusCode).toBe(201);
    const grantEntry = await latest('user.grant', userId);
    expect((grantEntry.before as { role: string }[]).map((g) => g.role)).toEqual(['specialist']);
    expect((grantEntry.after as { role: string }[]).map((g) => g.role)).toEqual(['specialist', 'viewer']);

    const viewerGrant = granted.json().grants.find((g: { role: string }) => g.role === 'viewer');
    expect((await admin.delete(`/api/v1/users/${userId}/grants/${viewerGrant.id}`)).statusCode).toBe(200);
    const revokeEntry = await latest('user.revoke', userId);
    expect((revokeEntry.before as { role: string }[]).map((g) => g.role)).toEqual(['specialist', 'viewer']);
    expect((revokeEntry.after as { role: string }[]).map((g) => g.role)).toEqual(['specialist']);
  });

  it('signing in, failing to sign in and signing out', async () => {
    const user = await t.login('nhat.ky', `${USER_PASSWORD}-2`);
    expect(await latest('auth.login', userId)).toMatchObject({ actorId: userId, actorUsername: 'nhat.ky', entityType: 'user' });
    expect((await user.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect(await latest('auth.logout', userId)).toMatchObject({ actorId: userId, actorUsername: 'nhat.ky' });
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nhat.ky', password: 'wrong-password' } });
    // Nobody is signed in on a failed attempt: the entry names the account that was tried.
    expect(await latest('auth.login_failed', userId)).toMatchObject({ actorId: null, actorUsername: 'nhat.ky' });
  });

  it('no entry holds a password or a password hash', async () => {
    const { items, total } = await audit('limit=500');
    expect(total).toBeLessThanOrEqual(500);
    const text = JSON.stringify(items);
    expect(text).not.toContain('$argon2');
    expect(text).not.toContain(USER_PASSWORD);
    expect(text).not.toMatch(/passwordHash|password_hash/);
  });
});

describe('who reads the audit log', () => {
  it('leaders, specialists and viewers get 403; anonymous callers 401', async () => {
    for (const client of [provinceLeader, communeSpecialist, viewer]) {
      const res = await client.get('/api/v1/audit');
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'FORBIDDEN', message: 'Chỉ quản trị viên mới được xem nhật ký.' });
    }
    expect((await t.anonymous.get('/api/v1/audit')).statusCode).toBe(401);
  });

  it('an administrator of one organization sees only the entries about its organization and what reports to it', async () => {
    const created = await admin.post('/api/v1/users', { username: 'quantri.xa', fullName: 'Quản trị xã', password: USER_PASSWORD, grants: [{ organizationId: communeFront.id, role: 'admin' }] });
    expect(created.statusCode).toBe(201);
    const orgAdmin = await t.login('quantri.xa', USER_PASSWORD);
    const scope = (await orgAdmin.get('/api/v1/organizations?limit=500&includeEnded=true')).json().items.map((o: Organization) => o.id);
    expect(scope).toContain(communeFront.id);
    const { items } = await audit('limit=500', orgAdmin);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((e) => e.organizationId !== null && scope.includes(e.organizationId))).toBe(true);
    expect(items.some((e) => e.action === 'organization.update' && e.entityId === String(communeFront.id))).toBe(true);
    expect(items.some((e) => e.action === 'organization.apply_template')).toBe(false);
  });
});

describe('filtering the audit log', () => {
  it('by actor: only that user’s entries, newest first', async () => {
    const { items } = await audit('actor=LANHDAO.TINH');
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.every((e) => e.actorUsername === 'lanhdao.tinh')).toBe(true);
    expect(items.map((e) => e.id)).toEqual([...items.map((e) => e.id)].sort((a, b) => b - a));
  });

  it('by action prefix: "user." finds creations, changes, grants and revocations', async () => {
    const { items } = await audit('action=user.&limit=500');
    expect(new Set(items.map((e) => e.action))).toEqual(new Set(['user.create', 'user.update', 'user.grant', 'user.revoke']));
    expect((await audit('action=user.create&actor=lanhdao.tinh')).items.map((e) => e.after)).toEqual([expect.objectContaining({ username: 'nhat.ky' })]);
  });

  it('by an action prefix containing LIKE wildcards, taken literally', async () => {
    expect((await audit('action=%25')).total).toBe(0);
    expect((await audit('action=user_')).total).toBe(0);
  });

  it('by entity', async () => {
    const { items } = await audit(`entityType=organization&entityId=${communeFront.id}`);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((e) => e.entityType === 'organization' && e.entityId === String(communeFront.id))).toBe(true);
  });

  it('by date: this file’s writes are found from yesterday to today, none from tomorrow', async () => {
    // From yesterday, in case the Vietnamese day turned while this file ran.
    const today = todayInVietnam();
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect((await audit(`actor=lanhdao.tinh&from=${dayBefore(today)}&to=${today}`)).total).toBeGreaterThan(0);
    expect((await audit(`from=${tomorrow}`)).total).toBe(0);
    expect((await audit(`to=2020-01-01`)).total).toBe(0);
  });

  it('by date: days are Vietnamese calendar days (UTC+7), inclusive at both ends', async () => {
    // 16:59:59 UTC is still 1 March in Việt Nam; 17:00 UTC is already 2 March.
    await t.database.db.execute(sql`INSERT INTO audit_log (at, actor_username, action, entity_type)
      VALUES ('2025-03-01T16:59:59Z', 'dong.ho', 'probe.late_evening', 'system'), ('2025-03-01T17:00:00Z', 'dong.ho', 'probe.after_midnight', 'system')`);
    const day = async (d: string) => (await audit(`actor=dong.ho&from=${d}&to=${d}`)).items.map((e) => e.action);
    expect(await day('2025-03-01')).toEqual(['probe.late_evening']);
    expect(await day('2025-03-02')).toEqual(['probe.after_midnight']);
    expect((await audit('actor=dong.ho&from=2025-03-01&to=2025-03-02')).total).toBe(2);
  });

  it('pages with limit and offset', async () => {
    const all = await audit('limit=10');
    const second = await audit('limit=5&offset=5');
    expect(second.total).toBe(all.total);
    expect(second.items.map((e) => e.id)).toEqual(all.items.slice(5, 10).map((e) => e.id));
  });

  it('refuses a malformed day with 400 VALIDATION_FAILED', async () => {
    const res = await admin.get('/api/v1/audit?from=01/03/2025');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('Ngày phải có dạng YYYY-MM-DD') });
  });
});

describe('the audit log is append-only, even for raw SQL', () => {
  /** The database's message when it refuses a statement (drizzle wraps it as the cause). */
  async function refusal(statement: SQL): Promise<string> {
    try {
      await t.database.db.execute(statement);
    } catch (err) {
      const e = err as Error & { cause?: Error };
      return e.cause?.message ?? e.message;
    }
    throw new Error('the statement was not refused');
  }

  it('refuses UPDATE, DELETE and TRUNCATE, and its entries stay as written', async () => {
    const before = await count('audit_log');
    const first = await one<{ action: string }>(t.database.db, sql`SELECT action FROM audit_log ORDER BY id LIMIT 1`);
    expect(await refusal(sql`UPDATE audit_log SET action = 'tampered'`)).toMatch(/append-only/);
    expect(await refusal(sql`UPDATE audit_log SET actor_username = 'someone' WHERE id = (SELECT max(id) FROM audit_log)`)).toMatch(/append-only/);
    expect(await refusal(sql`DELETE FROM audit_log`)).toMatch(/append-only/);
    expect(await refusal(sql`TRUNCATE audit_log`)).toMatch(/append-only/);
    expect(await count('audit_log')).toBe(before);
    expect(await one<{ action: string }>(t.database.db, sql`SELECT action FROM audit_log ORDER BY id LIMIT 1`)).toEqual(first);
    expect((await audit('action=tampered')).total).toBe(0);
  });
});

describe('a command that fails leaves no partial rows and no audit entry (one transaction per command)', () => {
  const snapshot = async () => ({
    users: await count('app_user'),
    grants: await count('role_grant'),
    organizations: await count('organization'),
    lines: await count('reporting_line'),
    audit: await count('audit_log'),
  });

  it('refused commands (409, 422, 403) change nothing', async () => {
    const before = await snapshot();
    const taken = await admin.post('/api/v1/users', { username: 'nhat.ky', fullName: 'Trùng tên', password: USER_PASSWORD, grants: [{ organizationId: communeFront.id, role: 'viewer' }] });
    expect(taken.statusCode).toBe(409);
    const cycle = await admin.post(`/api/v1/organizations/${communeCommittee.id}/reporting-lines`, { toOrganizationId: communeFront.id, kind: 'same_level' });
    expect(cycle.json().error.code).toBe('LINE_CYCLE');
    const exists = await admin.post(`/api/v1/organizations/${communeFront.id}/reporting-lines`, { toOrganizationId: communeCommittee.id, kind: 'same_level', validFrom: '2025-07-01' });
    expect(exists.statusCode).toBe(409);
    expect((await communeSpecialist.patch(`/api/v1/organizations/${communeFront.id}`, { name: 'Không được đổi' })).statusCode).toBe(403);
    expect((await provinceLeader.post('/api/v1/users', { username: 'quan.tri.2', fullName: 'Q', password: USER_PASSWORD, grants: [{ organizationId: null, role: 'admin' }] })).statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  describe('when a command fails after it has written', () => {
    // A test-only trigger makes the audit insert, the last step of a command, fail for marked names.
    beforeAll(async () => {
      await t.database.db.execute(sql`CREATE FUNCTION fail_marked_audit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.after::text LIKE '%LỖI GIỮA CHỪNG%' THEN RAISE EXCEPTION 'injected failure'; END IF;
          RETURN NEW;
        END $$`);
      await t.database.db.execute(sql`CREATE TRIGGER fail_marked_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION fail_marked_audit()`);
    });
    afterAll(async () => {
      await t.database.db.execute(sql`DROP TRIGGER fail_marked_audit ON audit_log`);
      await t.database.db.execute(sql`DROP FUNCTION fail_marked_audit()`);
    });

    it('a rename is rolled back with its audit entry, and the error body is generic', async () => {
      const before = await snapshot();
      const current = (await admin.get(`/api/v1/organizations/${communeFront.id}`)).json().organization.name;
      const res = await admin.patch(`/api/v1/organizations/${communeFront.id}`, { name: 'LỖI GIỮA CHỪNG' });
      expect(res.statusCode).toBe(500);
      expect(res.json().error).toMatchObject({ code: 'INTERNAL', message: 'Đã có lỗi hệ thống. Vui lòng thử lại sau.' });
      expect(res.body).not.toContain('injected failure');
      expect((await admin.get(`/api/v1/organizations/${communeFront.id}`)).json().organization.name).toBe(current);
      expect(await snapshot()).toEqual(before);
    });

    it('a new user is rolled back with its roles, and the name stays free', async () => {
      const before = await snapshot();
      const body = { username: 'giua.chung', fullName: 'LỖI GIỮA CHỪNG', password: USER_PASSWORD, grants: [{ organizationId: communeFront.id, role: 'viewer' }] };
      expect((await admin.post('/api/v1/users', body)).statusCode).toBe(500);
      expect(await snapshot()).toEqual(before);
      expect((await admin.get('/api/v1/users?q=giua.chung')).json().total).toBe(0);
      expect((await admin.post('/api/v1/users', { ...body, fullName: 'Giữa Chừng' })).statusCode).toBe(201);
    });

    it('a new organization is rolled back with its reporting line', async () => {
      const before = await snapshot();
      const res = await admin.post('/api/v1/organizations', {
        unitLevel: 'commune',
        unitCode: communeFront.unitCode,
        kind: 'mass_association',
        name: 'Hội LỖI GIỮA CHỪNG',
        reportsTo: [{ organizationId: communeFront.id, kind: 'same_level' }],
      });
      expect(res.statusCode).toBe(500);
      expect(await snapshot()).toEqual(before);
    });
  });
});
