// First-run set-up: the first administrator, and demo data on an empty database.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { one, type Db } from './db';
import type { Ctx } from './context';
import { applyTemplate } from '../modules/organizations/organizations.service';
import { findOrganizationsAtUnit } from '../modules/organizations/organizations.queries';
import { importUnits } from '../modules/units/units.service';
import { TWO_LEVEL_REFORM_DATE } from '../modules/units/units.import';
import { createUser } from '../modules/users/users.service';
import type { Role } from '../modules/auth/auth.access';
import { insertAudit } from '../modules/audit/audit.queries';
import { seedSamples } from './samples';
import { insertOrganization, closeOrganization } from '../modules/organizations/organizations.queries';

const SEED: Ctx = { actor: null, system: 'seed' };

/** The demo province: Đồng Nai (code 75) as formed on 1 July 2025. */
export const DEMO_PROVINCE_CODE = '75';

// Used when ../shared/data is not beside the checkout: the province and a handful of its real communes.
const BUILT_IN_SAMPLE = [
  {
    Type: 'province',
    Code: '75',
    Name: 'Đồng Nai',
    FullName: 'Thành phố Đồng Nai',
    AdministrativeUnitShortName: 'Thành phố',
    Wards: [
      ['25195', 'Bình Phước', 'Phường'],
      ['25210', 'Đồng Xoài', 'Phường'],
      ['25222', 'Bù Gia Mập', 'Xã'],
      ['25225', 'Đăk Ơ', 'Xã'],
      ['26068', 'Trấn Biên', 'Phường'],
      ['26380', 'Long Thành', 'Xã'],
    ].map(([Code, Name, type]) => ({ Type: 'ward', Code, Name, FullName: `${type} ${Name}`, AdministrativeUnitShortName: type, ProvinceCode: '75' })),
  },
];

export async function countUsers(db: Db): Promise<number> {
  return (await one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM app_user`))?.n ?? 0;
}

/** Whether the database holds anything a person entered: then demo data must never be added. */
async function hasData(db: Db): Promise<boolean> {
  const r = await one<{ n: number }>(
    db,
    sql`SELECT ((SELECT count(*) FROM app_user) + (SELECT count(*) FROM organization) + (SELECT count(*) FROM unit WHERE level <> 'central'))::int AS n`,
  );
  return (r?.n ?? 0) > 0;
}

export interface BootstrapResult {
  adminCreated: boolean;
  /** Set only when generated here: shown once, never stored in clear. */
  generatedPassword?: string;
  demoSeeded: boolean;
  demoUsers: { username: string; role: Role; organization: string }[];
}

/**
 * On an empty database: imports the demo province, its organizations, the administrator and a user per role.
 * On a database with data: creates nothing, except an administrator when there is no user at all.
 */
/** `samples`: also a consultation and a reporting campaign to look at (`npm start`; not the tests). */
export async function bootstrap(db: Db, opts: { adminPassword?: string; seedDemo: boolean; sharedDataDir: string; samples?: boolean }): Promise<BootstrapResult> {
  const result: BootstrapResult = { adminCreated: false, demoSeeded: false, demoUsers: [] };
  const empty = !(await hasData(db));
  if ((await countUsers(db)) > 0) return result;
  const password = opts.adminPassword ?? crypto.randomBytes(12).toString('base64url');
  if (!opts.adminPassword) result.generatedPassword = password;
  await db.transaction(async (tx) => {
    await createUser(tx, SEED, { username: 'admin', fullName: 'Quản trị hệ thống', password, locale: 'vi', grants: [{ organizationId: null, role: 'admin' }] });
    result.adminCreated = true;
    if (empty && opts.seedDemo) {
      result.demoUsers = await seedDemo(tx, opts.sharedDataDir, password);
      result.demoSeeded = true;
    }
  });
  if (result.demoSeeded && opts.samples) await seedSamples(db, DEMO_PROVINCE_CODE);
  return result;
}

function demoUnitsFile(sharedDataDir: string): unknown {
  const file = path.join(sharedDataDir, 'vn-units', 'units-2025-two-level.json');
  if (!fs.existsSync(file)) return BUILT_IN_SAMPLE;
  const all = JSON.parse(fs.readFileSync(file, 'utf8')) as { Code: string }[];
  return all.filter((p) => p.Code === DEMO_PROVINCE_CODE);
}

async function seedDemo(db: Db, sharedDataDir: string, password: string) {
  await importUnits(db, SEED, demoUnitsFile(sharedDataDir), { validFrom: TWO_LEVEL_REFORM_DATE, partial: true });
  const from = TWO_LEVEL_REFORM_DATE;
  await applyTemplate(db, SEED, { unitLevel: 'central', unitCode: 'VN', validFrom: null });
  await applyTemplate(db, SEED, { unitLevel: 'province', unitCode: DEMO_PROVINCE_CODE, validFrom: from });
  const communes = await db.execute(
    sql`SELECT code FROM unit WHERE level = 'commune' AND parent_code = ${DEMO_PROVINCE_CODE} AND valid_to IS NULL ORDER BY code`,
  );
  const codes = (communes as unknown as { rows: { code: string }[] }).rows.map((r) => r.code);
  for (const code of codes) await applyTemplate(db, SEED, { unitLevel: 'commune', unitCode: code, validFrom: from });

  // History stays readable: the province's mass-mobilization commission merged into the propaganda and
  // mass-mobilization commission in 2025.
  const provinceOrgs = await findOrganizationsAtUnit(db, 'province', DEMO_PROVINCE_CODE);
  const merged = provinceOrgs.find((o) => o.kind === 'propaganda_mass_mobilization_board');
  const committee = provinceOrgs.find((o) => o.kind === 'party_committee')!;
  if (merged) {
    const oldId = await insertOrganization(db, {
      unitLevel: 'province',
      unitCode: DEMO_PROVINCE_CODE,
      kind: 'mass_mobilization_board',
      system: 'party',
      name: 'Ban Dân vận Tỉnh ủy Đồng Nai',
      validFrom: null,
    });
    await db.execute(sql`INSERT INTO reporting_line (from_org_id, to_org_id, kind) VALUES (${oldId}, ${committee.id}, 'same_level')`);
    await closeOrganization(db, oldId, '2025-02-28', merged.id);
  }

  const front = provinceOrgs.find((o) => o.kind === 'fatherland_front')!;
  const firstCommune = codes[0];
  const communeOrgs = await findOrganizationsAtUnit(db, 'commune', firstCommune);
  const communeFront = communeOrgs.find((o) => o.kind === 'fatherland_front')!;
  const demo: { username: string; fullName: string; role: Role; org: { id: number; name: string } }[] = [
    { username: 'lanhdao.tinh', fullName: 'Nguyễn Văn An', role: 'leader', org: front },
    { username: 'chuyenvien.tinh', fullName: 'Trần Thị Bình', role: 'specialist', org: merged ?? front },
    { username: 'chuyenvien.xa', fullName: 'Lê Văn Cường', role: 'specialist', org: communeFront },
    { username: 'congtacvien.xa', fullName: 'Phạm Thị Dung', role: 'collaborator', org: communeFront },
    { username: 'xem.tinhuy', fullName: 'Hoàng Văn Em', role: 'viewer', org: committee },
  ];
  for (const u of demo) {
    await createUser(db, SEED, { username: u.username, fullName: u.fullName, password, locale: 'vi', grants: [{ organizationId: u.org.id, role: u.role }] });
  }
  await insertAudit(db, SEED, { action: 'demo.seed', entityType: 'system', after: { province: DEMO_PROVINCE_CODE, communes: codes.length } });
  return demo.map((u) => ({ username: u.username, role: u.role, organization: u.org.name }));
}
