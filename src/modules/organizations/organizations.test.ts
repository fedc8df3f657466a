// Organizations and reporting lines through HTTP, on the demo province (Thành phố Đồng Nai and its 95 communes):
// who sees and changes what, templates, closing with a successor, cycles and validation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, SHARED_DATA, SYSTEM, type Client, type TestApp } from '../../../test/app';
import { bootstrap, DEMO_PROVINCE_CODE } from '../../server/bootstrap';
import { dayBefore, todayInVietnam } from '../../shared/dates';
import { importUnits } from '../units/units.service';
import type { OrgKind, Organization } from './organizations.schema';

const PASSWORD = 'admin-password-123';
/** A commune this file adds to the demo province, to set up from the template. */
const NEW_COMMUNE = '99901';

type Line = { id: number; kind: 'system' | 'same_level'; organization: Organization; validFrom: string | null; validTo: string | null };
type Detail = { organization: Organization; reportsTo: Line[]; reportedBy: Line[]; successor: Organization | null; predecessors: Organization[] };

let t: TestApp;
let admin: Client;
/** chuyenvien.xa: specialist on the first commune's Fatherland Front. */
let communeSpecialist: Client;
/** lanhdao.tinh: leader on the province's Fatherland Front. */
let provinceLeader: Client;
/** xem.tinhuy: viewer on the province's Party committee. */
let viewer: Client;
let firstCommune: string;
let secondCommune: string;

beforeAll(async () => {
  t = await createTestApp();
  await bootstrap(t.database.db, { adminPassword: PASSWORD, seedDemo: true, sharedDataDir: SHARED_DATA });
  [admin, communeSpecialist, provinceLeader, viewer] = await Promise.all(
    ['admin', 'chuyenvien.xa', 'lanhdao.tinh', 'xem.tinhuy'].map((u) => t.login(u, PASSWORD)),
  );
  const fronts = (await admin.get('/api/v1/organizations?unitLevel=commune&kind=fatherland_front&limit=2')).json().items as Organization[];
  [firstCommune, secondCommune] = fronts.map((o) => o.unitCode);
}, 600_000);
afterAll(() => t?.close());

/** The organization of a kind at a unit, as the administrator sees it (ended ones too). */
async function org(unitLevel: string, unitCode: string, kind: OrgKind): Promise<Organization> {
  const res = await admin.get(`/api/v1/organizations?unitLevel=${unitLevel}&unitCode=${unitCode}&kind=${kind}&includeEnded=true`);
  const found = (res.json().items as Organization[])[0];
  if (!found) throw new Error(`no ${kind} at ${unitLevel} ${unitCode}`);
  return found;
}

async function detail(client: Client, id: number): Promise<Detail> {
  const res = await client.get(`/api/v1/organizations/${id}`);
  expect(res.statusCode).toBe(200);
  return res.json();
}

async function listAll(client: Client, query = ''): Promise<{ items: Organization[]; total: number }> {
  const items: Organization[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = (await client.get(`/api/v1/organizations?limit=500&offset=${offset}${query}`)).json();
    items.push(...page.items);
    if (items.length >= page.total) return { items, total: page.total };
  }
}

const lineTo = (lines: Line[], kind: Line['kind']) => lines.filter((l) => l.kind === kind).map((l) => l.organization.id);

describe('a commune specialist sees its own organization and what reports to it, nothing else', () => {
  it('reads its Front, which lists the commune’s socio-political organizations as reporting to it', async () => {
    const front = await org('commune', firstCommune, 'fatherland_front');
    const d = await detail(communeSpecialist, front.id);
    expect(d.organization.name).toBe(front.name);
    expect(d.reportedBy.map((l) => l.organization.kind).sort()).toEqual(['farmers_union', 'veterans_association', 'womens_union', 'youth_union']);
    expect(d.reportedBy.every((l) => l.kind === 'same_level' && l.organization.unitCode === firstCommune)).toBe(true);
  });

  it('reads the commune women’s union, which reports to its Front', async () => {
    const union = await org('commune', firstCommune, 'womens_union');
    expect((await detail(communeSpecialist, union.id)).organization.name).toBe(union.name);
  });

  it('lists exactly its Front and the four organizations under it', async () => {
    const { items, total } = await listAll(communeSpecialist);
    expect(total).toBe(5);
    expect(items.every((o) => o.unitLevel === 'commune' && o.unitCode === firstCommune)).toBe(true);
    expect(items.map((o) => o.kind).sort()).toEqual(['farmers_union', 'fatherland_front', 'veterans_association', 'womens_union', 'youth_union']);
  });

  it('never finds another commune’s organizations in a list, whatever the filter', async () => {
    const other = await org('commune', secondCommune, 'fatherland_front');
    for (const query of [`&unitCode=${secondCommune}`, `&q=${encodeURIComponent(other.name)}`, '&kind=fatherland_front&includeEnded=true', '&unitLevel=province']) {
      const res = await listAll(communeSpecialist, query);
      expect(res.items.every((o) => o.unitCode === firstCommune), query).toBe(true);
    }
  });

  it('gets 404 for another commune’s organization on every route, and nothing changes', async () => {
    const other = await org('commune', secondCommune, 'fatherland_front');
    const target = await org('commune', firstCommune, 'fatherland_front');
    const otherLine = (await detail(admin, other.id)).reportsTo[0];
    const attempts = [
      await communeSpecialist.get(`/api/v1/organizations/${other.id}`),
      await communeSpecialist.patch(`/api/v1/organizations/${other.id}`, { name: 'Tên bị đổi' }),
      await communeSpecialist.post(`/api/v1/organizations/${other.id}/close`, { validTo: '2026-01-01' }),
      await communeSpecialist.post(`/api/v1/organizations/${other.id}/reporting-lines`, { toOrganizationId: target.id, kind: 'system' }),
      await communeSpecialist.post(`/api/v1/reporting-lines/${otherLine.id}/end`, { validTo: '2026-01-01' }),
    ];
    for (const res of attempts) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toMatchObject({ code: 'NOT_FOUND', message: 'Không tìm thấy tổ chức.' });
    }
    const after = await detail(admin, other.id);
    expect(after.organization).toEqual(other);
    expect(after.reportsTo.find((l) => l.id === otherLine.id)?.validTo).toBeNull();
  });

  it('gets 404 for its own commune’s Party committee, which its Front reports to (not the other way round)', async () => {
    const committee = await org('commune', firstCommune, 'party_committee');
    expect((await communeSpecialist.get(`/api/v1/organizations/${committee.id}`)).statusCode).toBe(404);
  });

  it('cannot rename, close or re-wire even its own organization: 403', async () => {
    const front = await org('commune', firstCommune, 'fatherland_front');
    const union = await org('commune', firstCommune, 'womens_union');
    const ownLine = (await detail(admin, front.id)).reportsTo[0];
    const attempts = [
      await communeSpecialist.patch(`/api/v1/organizations/${front.id}`, { name: 'Tên bị đổi' }),
      await communeSpecialist.post(`/api/v1/organizations/${front.id}/close`, { validTo: '2026-01-01' }),
      await communeSpecialist.post(`/api/v1/organizations/${union.id}/reporting-lines`, { toOrganizationId: front.id, kind: 'system' }),
      await communeSpecialist.post(`/api/v1/reporting-lines/${ownLine.id}/end`, { validTo: '2026-01-01' }),
      await communeSpecialist.post('/api/v1/organizations', { unitLevel: 'commune', unitCode: firstCommune, kind: 'mass_association', name: 'Hội Người cao tuổi', reportsTo: [{ organizationId: front.id, kind: 'same_level' }] }),
      await communeSpecialist.post('/api/v1/organizations', { unitLevel: 'commune', unitCode: firstCommune, kind: 'mass_association', name: 'Hội Người cao tuổi' }),
      await communeSpecialist.post('/api/v1/organizations/from-template', { unitLevel: 'commune', unitCode: firstCommune }),
    ];
    for (const res of attempts) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    expect((await detail(admin, front.id)).organization.name).toBe(front.name);
  });
});

describe('the province Front’s leader sees the Front system of the province and renames within it', () => {
  it('lists every commune Front (they report to it) but no Party organization', async () => {
    const { items } = await listAll(provinceLeader);
    expect(items.filter((o) => o.unitLevel === 'commune' && o.kind === 'fatherland_front')).toHaveLength(95);
    expect(items.filter((o) => o.system === 'party')).toEqual([]);
    expect(items.every((o) => o.unitLevel !== 'central')).toBe(true);
  });

  it('renames its own organization and a commune Front under it', async () => {
    for (const target of [await org('province', DEMO_PROVINCE_CODE, 'fatherland_front'), await org('commune', secondCommune, 'fatherland_front')]) {
      const res = await provinceLeader.patch(`/api/v1/organizations/${target.id}`, { name: `${target.name} (tạm)` });
      expect(res.statusCode).toBe(200);
      expect(res.json().name).toBe(`${target.name} (tạm)`);
      expect((await provinceLeader.patch(`/api/v1/organizations/${target.id}`, { name: target.name })).json().name).toBe(target.name);
    }
  });

  it('gets 404 for the province Party committee, which is outside its scope', async () => {
    const committee = await org('province', DEMO_PROVINCE_CODE, 'party_committee');
    expect((await provinceLeader.get(`/api/v1/organizations/${committee.id}`)).statusCode).toBe(404);
    expect((await provinceLeader.patch(`/api/v1/organizations/${committee.id}`, { name: 'Tên bị đổi' })).statusCode).toBe(404);
  });

  it('cannot close organizations, add lines or apply templates: that is the administrator’s', async () => {
    const front = await org('commune', secondCommune, 'fatherland_front');
    const union = await org('commune', secondCommune, 'womens_union');
    expect((await provinceLeader.post(`/api/v1/organizations/${front.id}/close`, { validTo: '2026-01-01' })).statusCode).toBe(403);
    expect((await provinceLeader.post(`/api/v1/organizations/${union.id}/reporting-lines`, { toOrganizationId: front.id, kind: 'system' })).statusCode).toBe(403);
    expect((await provinceLeader.post('/api/v1/organizations/from-template', { unitLevel: 'commune', unitCode: secondCommune })).statusCode).toBe(403);
  });
});

describe('the viewer on the province Party committee reads the whole province and changes nothing', () => {
  it('lists every organization in the province, and none of the centre', async () => {
    const { items, total } = await listAll(viewer);
    const province = (await listAll(admin, `&unitLevel=province`)).items.filter((o) => o.unitCode === DEMO_PROVINCE_CODE);
    const communes = await listAll(admin, `&unitLevel=commune`);
    expect(total).toBe(province.length + communes.total);
    expect(total).toBe(8 + 95 * 6);
    expect(items.every((o) => o.unitLevel !== 'central')).toBe(true);
  });

  it('reads a commune’s organizations but gets 403 changing them or its own', async () => {
    const union = await org('commune', firstCommune, 'womens_union');
    const committee = await org('province', DEMO_PROVINCE_CODE, 'party_committee');
    expect((await viewer.get(`/api/v1/organizations/${union.id}`)).statusCode).toBe(200);
    expect((await viewer.patch(`/api/v1/organizations/${union.id}`, { name: 'Tên bị đổi' })).statusCode).toBe(403);
    expect((await viewer.patch(`/api/v1/organizations/${committee.id}`, { name: 'Tên bị đổi' })).statusCode).toBe(403);
    expect((await viewer.post(`/api/v1/organizations/${union.id}/close`, { validTo: '2026-01-01' })).statusCode).toBe(403);
  });
});

describe('a system administrator sees everything', () => {
  it('lists the centre’s and the whole province’s organizations', async () => {
    const { items, total } = await listAll(admin);
    expect(total).toBe(8 + 8 + 95 * 6);
    expect(items.filter((o) => o.unitLevel === 'central')).toHaveLength(8);
  });
});

describe('creating a commune’s organizations from the template', () => {
  let created: Organization[];
  const byKind = (kind: OrgKind) => created.find((o) => o.kind === kind)!;

  beforeAll(async () => {
    await importUnits(
      t.database.db,
      SYSTEM,
      [
        {
          Type: 'province',
          Code: DEMO_PROVINCE_CODE,
          Name: 'Đồng Nai',
          FullName: 'Thành phố Đồng Nai',
          AdministrativeUnitShortName: 'Thành phố',
          Wards: [{ Type: 'ward', Code: NEW_COMMUNE, Name: 'Thử Nghiệm', FullName: 'Xã Thử Nghiệm', AdministrativeUnitShortName: 'Xã', ProvinceCode: DEMO_PROVINCE_CODE }],
        },
      ],
      { validFrom: '2025-07-01', partial: true },
    );
  });

  it('creates the six organizations of a commune, named for it', async () => {
    const res = await admin.post('/api/v1/organizations/from-template', { unitLevel: 'commune', unitCode: NEW_COMMUNE, validFrom: '2025-07-01' });
    expect(res.statusCode).toBe(200);
    created = res.json().created;
    expect(res.json().existing).toBe(0);
    expect(created.map((o) => o.name).sort()).toEqual(
      [
        'Đảng ủy xã Thử Nghiệm',
        'Ủy ban MTTQ Việt Nam xã Thử Nghiệm',
        'Hội Liên hiệp Phụ nữ xã Thử Nghiệm',
        'Đoàn TNCS Hồ Chí Minh xã Thử Nghiệm',
        'Hội Nông dân xã Thử Nghiệm',
        'Hội Cựu chiến binh xã Thử Nghiệm',
      ].sort(),
    );
    expect(created.every((o) => o.unitCode === NEW_COMMUNE && o.unitName === 'Xã Thử Nghiệm' && o.validFrom === '2025-07-01')).toBe(true);
  });

  it('the new Front reports to the province Front (its system) and to the commune Party committee (same level)', async () => {
    const front = await detail(admin, byKind('fatherland_front').id);
    expect(lineTo(front.reportsTo, 'system')).toEqual([(await org('province', DEMO_PROVINCE_CODE, 'fatherland_front')).id]);
    expect(lineTo(front.reportsTo, 'same_level')).toEqual([byKind('party_committee').id]);
  });

  it('the new women’s union reports to the province women’s union and to the commune Front', async () => {
    const union = await detail(admin, byKind('womens_union').id);
    expect(lineTo(union.reportsTo, 'system')).toEqual([(await org('province', DEMO_PROVINCE_CODE, 'womens_union')).id]);
    expect(lineTo(union.reportsTo, 'same_level')).toEqual([byKind('fatherland_front').id]);
  });

  it('the new commune Party committee reports to the province’s', async () => {
    const committee = await detail(admin, byKind('party_committee').id);
    expect(lineTo(committee.reportsTo, 'system')).toEqual([(await org('province', DEMO_PROVINCE_CODE, 'party_committee')).id]);
    expect(lineTo(committee.reportedBy, 'same_level')).toEqual([byKind('fatherland_front').id]);
  });

  it('“who reports to me”: the Front lists its four organizations; the province Front lists the new Front', async () => {
    const front = await detail(admin, byKind('fatherland_front').id);
    expect(lineTo(front.reportedBy, 'same_level').sort()).toEqual(
      ['womens_union', 'youth_union', 'farmers_union', 'veterans_association'].map((k) => byKind(k as OrgKind).id).sort(),
    );
    const provinceFront = await detail(admin, (await org('province', DEMO_PROVINCE_CODE, 'fatherland_front')).id);
    expect(lineTo(provinceFront.reportedBy, 'system')).toContain(byKind('fatherland_front').id);
  });

  it('the province Front’s leader now sees the new commune’s Front system, but not its Party committee', async () => {
    const { items } = await listAll(provinceLeader, `&unitCode=${NEW_COMMUNE}`);
    expect(items.map((o) => o.kind).sort()).toEqual(['farmers_union', 'fatherland_front', 'veterans_association', 'womens_union', 'youth_union']);
  });

  it('applying the template again creates nothing', async () => {
    const res = await admin.post('/api/v1/organizations/from-template', { unitLevel: 'commune', unitCode: NEW_COMMUNE, validFrom: '2025-07-01' });
    expect(res.json()).toEqual({ created: [], existing: 6 });
  });

  it('an unknown unit answers 422 UNIT_NOT_FOUND', async () => {
    const res = await admin.post('/api/v1/organizations/from-template', { unitLevel: 'commune', unitCode: '00000' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('UNIT_NOT_FOUND');
  });

  it('an administrator creates an organization by hand with its reporting line', async () => {
    const res = await admin.post('/api/v1/organizations', {
      unitLevel: 'commune',
      unitCode: NEW_COMMUNE,
      kind: 'residential_board',
      name: 'Ban Công tác Mặt trận ấp 1',
      validFrom: '2025-09-01',
      reportsTo: [{ organizationId: byKind('fatherland_front').id, kind: 'system' }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'residential_board', system: 'front', validFrom: '2025-09-01', validTo: null });
    const front = await detail(admin, byKind('fatherland_front').id);
    expect(lineTo(front.reportedBy, 'system')).toEqual([res.json().id]);
  });
});

describe('closing an organization keeps its history readable', () => {
  it('the seeded Ban Dân vận Tỉnh ủy Đồng Nai ended on 2025-02-28, succeeded by the Ban Tuyên giáo và Dân vận', async () => {
    const successor = await org('province', DEMO_PROVINCE_CODE, 'propaganda_mass_mobilization_board');
    const old = await org('province', DEMO_PROVINCE_CODE, 'mass_mobilization_board');
    expect(old).toMatchObject({ name: 'Ban Dân vận Tỉnh ủy Đồng Nai', validTo: '2025-02-28', successorId: successor.id });
    const d = await detail(admin, old.id);
    expect(d.successor).toMatchObject({ id: successor.id, name: 'Ban Tuyên giáo và Dân vận Thành ủy Đồng Nai' });
    expect(d.reportsTo).toEqual([expect.objectContaining({ kind: 'same_level', validTo: '2025-02-28' })]);
    expect((await detail(admin, successor.id)).predecessors.map((o) => o.id)).toEqual([old.id]);
  });

  it('lists hide it today, show it with includeEnded, and show it on a day it existed', async () => {
    const q = `&q=${encodeURIComponent('Ban Dân vận Tỉnh ủy')}`;
    expect((await listAll(admin, q)).items).toEqual([]);
    expect((await listAll(admin, `${q}&includeEnded=true`)).items.map((o) => o.name)).toEqual(['Ban Dân vận Tỉnh ủy Đồng Nai']);
    expect((await listAll(admin, `${q}&at=2025-01-15`)).items.map((o) => o.name)).toEqual(['Ban Dân vận Tỉnh ủy Đồng Nai']);
  });

  it('the Party committee it reported to still reads it', async () => {
    const old = await org('province', DEMO_PROVINCE_CODE, 'mass_mobilization_board');
    expect((await viewer.get(`/api/v1/organizations/${old.id}`)).statusCode).toBe(200);
    expect((await listAll(viewer, '&includeEnded=true&kind=mass_mobilization_board')).items.map((o) => o.id)).toEqual([old.id]);
  });

  it('closing names the successor and ends the organization’s lines on the same day', async () => {
    const veterans = await org('commune', NEW_COMMUNE, 'veterans_association');
    const front = await org('commune', NEW_COMMUNE, 'fatherland_front');
    const lastDay = dayBefore(todayInVietnam());
    const res = await admin.post(`/api/v1/organizations/${veterans.id}/close`, { validTo: lastDay, successorId: front.id });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ validTo: lastDay, successorId: front.id });
    const d = await detail(admin, veterans.id);
    expect(d.successor?.id).toBe(front.id);
    expect(d.reportsTo).toHaveLength(2);
    expect(d.reportsTo.every((l) => l.validTo === lastDay)).toBe(true);
    expect((await detail(admin, front.id)).predecessors.map((o) => o.id)).toEqual([veterans.id]);
    expect((await listAll(admin, `&unitCode=${NEW_COMMUNE}`)).items.map((o) => o.id)).not.toContain(veterans.id);
    expect((await listAll(admin, `&unitCode=${NEW_COMMUNE}&includeEnded=true`)).items.map((o) => o.id)).toContain(veterans.id);
    expect((await listAll(admin, `&unitCode=${NEW_COMMUNE}&at=${lastDay}`)).items.map((o) => o.id)).toContain(veterans.id);
  });

  it('refuses an end before the start (422 INVALID_PERIOD) and the organization as its own successor (422 INVALID_SUCCESSOR)', async () => {
    const youth = await org('commune', NEW_COMMUNE, 'youth_union');
    const early = await admin.post(`/api/v1/organizations/${youth.id}/close`, { validTo: '2025-06-30' });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe('INVALID_PERIOD');
    const self = await admin.post(`/api/v1/organizations/${youth.id}/close`, { validTo: '2026-01-01', successorId: youth.id });
    expect(self.statusCode).toBe(422);
    expect(self.json().error.code).toBe('INVALID_SUCCESSOR');
    expect((await org('commune', NEW_COMMUNE, 'youth_union')).validTo).toBeNull();
  });
});

describe('reporting lines form a graph without cycles', () => {
  it('refuses a line that would close a cycle, directly or through others: 422 LINE_CYCLE', async () => {
    const provinceFront = await org('province', DEMO_PROVINCE_CODE, 'fatherland_front');
    const provinceCommittee = await org('province', DEMO_PROVINCE_CODE, 'party_committee');
    const communeFront = await org('commune', firstCommune, 'fatherland_front');
    const communeUnion = await org('commune', firstCommune, 'womens_union');
    const direct = await admin.post(`/api/v1/organizations/${provinceFront.id}/reporting-lines`, { toOrganizationId: communeFront.id, kind: 'system' });
    expect(direct.statusCode).toBe(422);
    expect(direct.json().error.code).toBe('LINE_CYCLE');
    expect(direct.json().error.message).toMatch(/vòng tròn/);
    // union → commune Front → commune Party committee → province Party committee
    const indirect = await admin.post(`/api/v1/organizations/${provinceCommittee.id}/reporting-lines`, { toOrganizationId: communeUnion.id, kind: 'same_level' });
    expect(indirect.statusCode).toBe(422);
    expect(indirect.json().error.code).toBe('LINE_CYCLE');
    expect(lineTo((await detail(admin, provinceFront.id)).reportsTo, 'system')).not.toContain(communeFront.id);
  });

  it('refuses a line to itself (422 LINE_TO_SELF) and a line that exists (409 LINE_EXISTS)', async () => {
    const front = await org('commune', firstCommune, 'fatherland_front');
    const committee = await org('commune', firstCommune, 'party_committee');
    const self = await admin.post(`/api/v1/organizations/${front.id}/reporting-lines`, { toOrganizationId: front.id, kind: 'system' });
    expect(self.statusCode).toBe(422);
    expect(self.json().error.code).toBe('LINE_TO_SELF');
    const again = await admin.post(`/api/v1/organizations/${front.id}/reporting-lines`, { toOrganizationId: committee.id, kind: 'same_level', validFrom: '2025-07-01' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('LINE_EXISTS');
  });

  it('adds a line and ends it: the superior sees it in “who reports to me”, with its end day', async () => {
    const union = await org('commune', firstCommune, 'youth_union');
    const committee = await org('commune', firstCommune, 'party_committee');
    const added = await admin.post(`/api/v1/organizations/${union.id}/reporting-lines`, { toOrganizationId: committee.id, kind: 'same_level', validFrom: '2026-01-01' });
    expect(added.statusCode).toBe(201);
    const lineId = added.json().id;
    expect((await detail(admin, committee.id)).reportedBy.find((l) => l.id === lineId)).toMatchObject({ organization: { id: union.id }, validFrom: '2026-01-01', validTo: null });
    const ended = await admin.post(`/api/v1/reporting-lines/${lineId}/end`, { validTo: '2026-03-31' });
    expect(ended.statusCode).toBe(200);
    expect((await detail(admin, union.id)).reportsTo.find((l) => l.id === lineId)?.validTo).toBe('2026-03-31');
    expect((await admin.post('/api/v1/reporting-lines/999999/end', { validTo: '2026-03-31' })).statusCode).toBe(404);
  });
});

describe('invalid input answers 400 VALIDATION_FAILED with a Vietnamese message', () => {
  it('a name too short', async () => {
    const res = await admin.post('/api/v1/organizations', { unitLevel: 'commune', unitCode: firstCommune, kind: 'agency', name: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.message).toMatch(/^Dữ liệu không hợp lệ: .*Tên tổ chức quá ngắn/);
    expect(res.json().error.details).toEqual([{ path: 'body.name', message: 'Tên tổ chức quá ngắn' }]);
  });

  it('a day that does not exist', async () => {
    const front = await org('commune', firstCommune, 'fatherland_front');
    const res = await admin.post(`/api/v1/organizations/${front.id}/close`, { validTo: '2026-02-30' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('Ngày không tồn tại');
    expect((await org('commune', firstCommune, 'fatherland_front')).validTo).toBeNull();
  });

  it('an unknown kind, a non-numeric id, a limit out of range', async () => {
    for (const res of [
      await admin.post('/api/v1/organizations', { unitLevel: 'commune', unitCode: firstCommune, kind: 'club', name: 'Câu lạc bộ' }),
      await admin.get('/api/v1/organizations/abc'),
      await admin.get('/api/v1/organizations?limit=100000'),
    ]) {
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/^Dữ liệu không hợp lệ: /) });
    }
  });

  it('an organization id that does not exist answers 404', async () => {
    expect((await admin.get('/api/v1/organizations/999999')).statusCode).toBe(404);
  });
});
