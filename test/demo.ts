// The demo province (bootstrap's seed) signed in, as the module tests use it: a client for each demo user, the
// province's Front committee, the Front committee of the commune the demo users work at and of another commune, and a
// specialist of that other commune (who must not see the first commune's data).
import { expect } from 'vitest';
import { bootstrap } from '../src/server/bootstrap';
import type { Organization } from '../src/modules/organizations/organizations.schema';
import { SHARED_DATA, type Client, type TestApp } from './app';

export const DEMO_PASSWORD = 'admin-password-123';

export interface DemoProvince {
  admin: Client;
  /** lanhdao.tinh: leader of the province's Front committee. */
  provinceLeader: Client;
  /** chuyenvien.xa, congtacvien.xa: specialist and collaborator of the first commune's Front committee. */
  communeSpecialist: Client;
  collaborator: Client;
  /** xem.tinhuy: viewer at the province's Party committee. */
  viewer: Client;
  /** The specialist created here for the other commune. */
  otherCommune: Client;
  provinceFront: Organization;
  communeFront: Organization;
  otherFront: Organization;
}

/** Seeds the demo province and signs its users in, with a specialist for a second commune described by `other`. */
export async function signInDemo(t: TestApp, other: { username: string; fullName: string; password: string; email?: string }): Promise<DemoProvince> {
  await bootstrap(t.database.db, { adminPassword: DEMO_PASSWORD, seedDemo: true, sharedDataDir: SHARED_DATA });
  const [admin, provinceLeader, communeSpecialist, collaborator, viewer] = await Promise.all(
    ['admin', 'lanhdao.tinh', 'chuyenvien.xa', 'congtacvien.xa', 'xem.tinhuy'].map((u) => t.login(u, DEMO_PASSWORD)),
  );
  const me = (await communeSpecialist.get('/api/v1/me')).json();
  const communeFront: Organization = (await admin.get(`/api/v1/organizations/${me.grants[0].organizationId}`)).json().organization;
  const provinceFront: Organization = (await admin.get('/api/v1/organizations?unitCode=75&kind=fatherland_front')).json().items[0];
  const fronts = (await admin.get('/api/v1/organizations?unitLevel=commune&kind=fatherland_front&limit=5')).json().items as Organization[];
  const otherFront = fronts.find((o) => o.id !== communeFront.id)!;
  const created = await admin.post('/api/v1/users', { ...other, locale: 'vi', grants: [{ organizationId: otherFront.id, role: 'specialist' }] });
  expect(created.statusCode, created.body).toBe(201);
  const otherCommune = await t.login(other.username, other.password);
  return { admin, provinceLeader, communeSpecialist, collaborator, viewer, otherCommune, provinceFront, communeFront, otherFront };
}
