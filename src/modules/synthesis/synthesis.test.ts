// Syntheses through HTTP: two communes build and curate their syntheses, approve and send them; the province
// merges them with coverage stated, sends one back; curation keeps its invariant under random step sequences and
// two editors at once.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, SHARED_DATA, type Client, type TestApp } from '../../../test/app';
import { bootstrap } from '../../server/bootstrap';
import { one, sql } from '../../server/db';
import { todayInVietnam } from '../../shared/dates';
import type { Organization } from '../organizations/organizations.schema';

const PASSWORD = 'admin-password-123';
const DRAFT = `I. KINH TẾ\n\n1. Nông nghiệp\n\n2. Giao thông\n\nII. XÃ HỘI\n\n1. Y tế\n`;
const ROAD = 'Đề nghị sớm nâng cấp tuyến đường liên xã đi thôn 5, mùa mưa lầy lội, học sinh đi lại rất khó khăn.';
const WATER = 'Đề nghị đầu tư hệ thống cấp nước sạch tập trung cho các thôn ven biển bị nhiễm mặn.';
const HEALTH = 'Đề nghị tổ chức khám sức khỏe định kỳ miễn phí cho người cao tuổi tại trạm y tế xã.';
const addDays = (days: number) => new Date(Date.parse(`${todayInVietnam()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

let t: TestApp;
let admin: Client;
let provinceLeader: Client;
let specialistA: Client;
let collaboratorA: Client;
let leaderA: Client;
let leaderB: Client;
let frontA: Organization;
let frontB: Organization;
let provinceFront: Organization;
let consultationId: number;
let draftId: number;

const path = (org: Organization, rest = '') => `/api/v1/consultations/${consultationId}/syntheses/${org.id}${rest}`;

async function leaderOn(org: Organization, username: string): Promise<Client> {
  const r = await admin.post('/api/v1/users', { username, fullName: username, password: 'mat-khau-lanh-dao-1', locale: 'vi', grants: [{ organizationId: org.id, role: 'leader' }] });
  expect(r.statusCode, r.body).toBe(201);
  return t.login(username, 'mat-khau-lanh-dao-1');
}

async function comment(client: Client, org: Organization, body: string, section: string, extra: Record<string, unknown> = {}) {
  const r = await client.post(`/api/v1/consultations/${consultationId}/comments`, { organizationId: org.id, channel: 'written', draftId, sectionAddress: section, body, ...extra });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as number;
}

async function groups(client: Client, org: Organization) {
  const r = await client.get(path(org, '/groups?limit=1000'));
  expect(r.statusCode, r.body).toBe(200);
  return r.json().items as Array<{ id: number; count: number; comments: number; representative: string; summary: string | null; sectionAddress: string | null; units: number }>;
}

beforeAll(async () => {
  t = await createTestApp();
  await bootstrap(t.database.db, { adminPassword: PASSWORD, seedDemo: true, sharedDataDir: SHARED_DATA });
  [admin, provinceLeader, specialistA, collaboratorA] = await Promise.all(['admin', 'lanhdao.tinh', 'chuyenvien.xa', 'congtacvien.xa'].map((u) => t.login(u, PASSWORD)));
  const me = (await specialistA.get('/api/v1/me')).json();
  frontA = (await admin.get(`/api/v1/organizations/${me.grants[0].organizationId}`)).json().organization;
  const fronts = (await admin.get('/api/v1/organizations?unitLevel=commune&kind=fatherland_front&limit=5')).json().items as Organization[];
  frontB = fronts.find((o) => o.id !== frontA.id)!;
  provinceFront = (await admin.get('/api/v1/organizations?unitCode=75&kind=fatherland_front')).json().items[0];
  leaderA = await leaderOn(frontA, 'lanhdao.xaa');
  leaderB = await leaderOn(frontB, 'lanhdao.xab');
  draftId = (await provinceLeader.post('/api/v1/drafts', { organizationId: provinceFront.id, title: 'Dự thảo', fileName: 'd.txt', contentBase64: Buffer.from(DRAFT).toString('base64') })).json().id;
  consultationId = (await provinceLeader.post('/api/v1/consultations', { organizationId: provinceFront.id, title: 'Lấy ý kiến', opensOn: addDays(-5), closesOn: addDays(5), draftIds: [draftId] })).json().id;
  expect((await provinceLeader.post(`/api/v1/consultations/${consultationId}/open`)).statusCode).toBe(200);

  // Commune A: the road three times (one without diacritics, one with a greeting), water twice, health once.
  await comment(collaboratorA, frontA, ROAD, 'I.2', { stratum: 'nong_dan' });
  await comment(collaboratorA, frontA, 'de nghi som nang cap tuyen duong lien xa di thon 5, mua mua lay loi, hoc sinh di lai rat kho khan', 'I.2', { stratum: 'phu_nu' });
  await comment(collaboratorA, frontA, `Tôi nhất trí với dự thảo. ${ROAD}`, 'I', { stratum: 'nong_dan', weight: 10 });
  await comment(collaboratorA, frontA, WATER, 'I.1');
  await comment(collaboratorA, frontA, WATER, 'I.1');
  await comment(collaboratorA, frontA, HEALTH, 'II.1');
  // Commune B: the road twice, health once.
  await comment(leaderB, frontB, ROAD, 'I.2');
  await comment(leaderB, frontB, ROAD, 'I.2');
  await comment(leaderB, frontB, HEALTH, 'II.1');
}, 600_000);
afterAll(() => t?.close());

describe('a commune’s synthesis', () => {
  it('reads as not built before the first build: no groups, what is waiting, commands refused', async () => {
    const r = await specialistA.get(path(frontA));
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      id: null,
      organizationId: frontA.id,
      organizationName: frontA.name,
      status: 'not_built',
      revision: 0,
      builtAt: null,
      totals: { comments: 0, people: 0, groups: 0 },
      coverage: { expected: 0, received: 0, missing: [], included: [], text: `Chưa lập bản tổng hợp: 6 ý kiến do ${frontA.name} trực tiếp ghi nhận đang chờ.` },
      pending: { comments: 6, syntheses: [] },
      canUndo: false,
    });
    // A collaborator reads it too; a unit outside the caller's scope stays not found.
    expect((await collaboratorA.get(path(frontA))).json().status).toBe('not_built');
    expect((await leaderB.get(path(frontA))).statusCode).toBe(404);
    const groupsBefore = await specialistA.get(path(frontA, '/groups'));
    expect([groupsBefore.statusCode, groupsBefore.json().error.code]).toEqual([404, 'SYNTHESIS_NOT_BUILT']);
    for (const [client, rest, body] of [
      [leaderA, '/approve', undefined],
      [specialistA, '/steps', { kind: 'undo', expectedRevision: 0 }],
    ] as const) {
      const refused = await client.post(path(frontA, rest), body);
      expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'SYNTHESIS_NOT_BUILT']);
    }
    const report = await specialistA.get(path(frontA, '/report.docx'));
    expect([report.statusCode, report.json().error.code]).toEqual([409, 'SYNTHESIS_NOT_BUILT']);
  });

  it('answers 404 for an organization that does not take part in the consultation', async () => {
    const central = (await admin.get('/api/v1/organizations?unitCode=VN&kind=fatherland_front')).json().items[0] as Organization;
    expect(central).toBeDefined();
    const r = await admin.get(path(central));
    expect(r.statusCode, r.body).toBe(404);
    expect((await provinceLeader.get(`/api/v1/consultations/999999/syntheses/${provinceFront.id}`)).statusCode).toBe(404);
  });

  it('is built by a specialist, grouping the same opinion across spellings and sections', async () => {
    expect((await collaboratorA.post(path(frontA, '/build'))).statusCode).toBe(403);
    const built = await specialistA.post(path(frontA, '/build'));
    expect(built.statusCode, built.body).toBe(200);
    expect(built.json()).toMatchObject({ status: 'draft', revision: 1, totals: { comments: 6, people: 15, groups: 3 }, coverage: { expected: 0 }, pending: { comments: 0, syntheses: [] } });
    expect(built.json().id).toEqual(expect.any(Number));
    expect(built.json().coverage.text).toContain(frontA.name);
    const list = await groups(specialistA, frontA);
    expect(list.map((g) => g.count)).toEqual([12, 2, 1]);
    // Reported under the section chosen by most people: the comment on I stands for ten.
    expect(list[0]).toMatchObject({ representative: ROAD, sectionAddress: 'I', comments: 3 });
    const detail = (await specialistA.get(path(frontA, `/groups/${list[0].id}`))).json();
    expect(detail.strata).toEqual({ nong_dan: 11, phu_nu: 1 });
    expect(detail.members.every((m: { organizationName: string; channel: string }) => m.organizationName === frontA.name && m.channel === 'written')).toBe(true);
  });

  it('is hidden from another commune and read-only to a collaborator', async () => {
    expect((await leaderB.get(path(frontA))).statusCode).toBe(404);
    expect((await collaboratorA.get(path(frontA))).statusCode).toBe(200);
    const s = (await collaboratorA.get(path(frontA))).json();
    expect((await collaboratorA.post(path(frontA, '/steps'), { kind: 'undo', expectedRevision: s.revision })).statusCode).toBe(403);
  });

  it('is curated step by step, each step undoable, and refuses a step made on a stale revision', async () => {
    let s = (await specialistA.get(path(frontA))).json();
    const [road, water, health] = await groups(specialistA, frontA);
    const step = async (body: Record<string, unknown>, client = specialistA) => {
      const r = await client.post(path(frontA, '/steps'), { expectedRevision: s.revision, ...body });
      expect(r.statusCode, r.body).toBe(200);
      s = r.json();
      return s;
    };
    await step({ kind: 'summary', groupId: road.id, summary: 'Có 12 ý kiến đề nghị sớm nâng cấp tuyến đường liên xã đi thôn 5.' });
    await step({ kind: 'merge', into: water.id, groupIds: [health.id] });
    expect((await groups(specialistA, frontA)).map((g) => g.count)).toEqual([12, 3]);
    expect(s.canUndo).toBe(true);
    await step({ kind: 'undo' });
    expect((await groups(specialistA, frontA)).map((g) => g.count)).toEqual([12, 2, 1]);
    const members = (await specialistA.get(path(frontA, `/groups/${water.id}`))).json().members as Array<{ commentId: number }>;
    await step({ kind: 'split', groupId: water.id, commentIds: [members[1].commentId] });
    expect((await groups(specialistA, frontA)).map((g) => g.count)).toEqual([12, 1, 1, 1]);
    await step({ kind: 'move', commentId: members[1].commentId, toGroupId: water.id });
    expect((await groups(specialistA, frontA)).map((g) => g.count)).toEqual([12, 2, 1]);
    const stale = await specialistA.post(path(frontA, '/steps'), { kind: 'summary', groupId: water.id, summary: 'x', expectedRevision: s.revision - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('REVISION_CONFLICT');
    expect((await groups(specialistA, frontA))[0].summary).toContain('Có 12 ý kiến');
  });

  it('lets only one of two editors working at once apply a step (no lost update)', async () => {
    const s = (await specialistA.get(path(frontA))).json();
    const [road, water] = await groups(specialistA, frontA);
    const results = await Promise.all([
      specialistA.post(path(frontA, '/steps'), { kind: 'summary', groupId: water.id, summary: 'Biên tập viên 1', expectedRevision: s.revision }),
      leaderA.post(path(frontA, '/steps'), { kind: 'summary', groupId: road.id, summary: 'Biên tập viên 2', expectedRevision: s.revision }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });
});

describe('bottom-up', () => {
  it('approves and sends both communes; only leaders approve', async () => {
    expect((await specialistA.post(path(frontA, '/approve'))).statusCode).toBe(403);
    expect((await leaderA.post(path(frontA, '/send'))).json().error.code).toBe('SYNTHESIS_STATE');
    expect((await leaderA.post(path(frontA, '/approve'))).json().status).toBe('approved');
    expect((await leaderA.post(path(frontA, '/send'))).json().status).toBe('sent');
    expect((await leaderB.post(path(frontB, '/build'))).json().totals).toMatchObject({ comments: 3, groups: 2 });
    await leaderB.post(path(frontB, '/approve'));
    expect((await leaderB.post(path(frontB, '/send'))).json().status).toBe('sent');
    const locked = await leaderA.post(path(frontA, '/steps'), { kind: 'undo', expectedRevision: 0 });
    expect(locked.json().error.code).toBe('SYNTHESIS_LOCKED');
  });

  it('merges at the province: groups matched across units, counts summed, provenance and coverage kept', async () => {
    const before = (await provinceLeader.get(path(provinceFront))).json();
    expect(before).toMatchObject({ status: 'not_built', totals: { comments: 0, groups: 0 }, coverage: { received: 0, included: [] }, pending: { comments: 0 } });
    expect(before.pending.syntheses.map((p: { organizationId: number }) => p.organizationId).sort()).toEqual([frontA.id, frontB.id].sort());
    expect(before.coverage.missing).toHaveLength(before.coverage.expected);
    expect(before.coverage.text).toBe(`Chưa lập bản tổng hợp: 2/${before.coverage.expected} đơn vị đã gửi lên.`);
    const province = await provinceLeader.post(path(provinceFront, '/build'));
    expect(province.statusCode, province.body).toBe(200);
    const p = province.json();
    expect(p.totals).toEqual({ comments: 9, people: 18, groups: 3 });
    expect(p.coverage).toMatchObject({ received: 2, text: `Tổng hợp từ 2/${p.coverage.expected} đơn vị` });
    expect(p.coverage.expected).toBeGreaterThan(2);
    expect(p.coverage.missing).toHaveLength(p.coverage.expected - 2);
    expect(p.pending).toEqual({ comments: 0, syntheses: [] });
    const list = await groups(provinceLeader, provinceFront);
    expect(list.map((g) => g.count)).toEqual([14, 2, 2]);
    expect(list[0]).toMatchObject({ units: 2 });
    const detail = (await provinceLeader.get(path(provinceFront, `/groups/${list[0].id}`))).json();
    expect(new Set(detail.members.map((m: { viaOrganizationName: string }) => m.viaOrganizationName))).toEqual(new Set([frontA.name, frontB.name]));
    expect(detail.byUnit).toEqual({ [frontA.name]: 12, [frontB.name]: 2 });
    // Building again finds nothing new: the same counts.
    expect((await provinceLeader.post(path(provinceFront, '/build'))).json().totals).toEqual({ comments: 9, people: 18, groups: 3 });
  });

  it('sends a commune’s synthesis back; it leaves the province’s until sent again', async () => {
    const back = await provinceLeader.post(path(provinceFront, `/received/${frontB.id}/return`), { note: 'Đề nghị bổ sung ý kiến hội nghị.' });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ status: 'returned', returnNote: 'Đề nghị bổ sung ý kiến hội nghị.' });
    expect((await provinceLeader.get(path(provinceFront))).json()).toMatchObject({ totals: { comments: 6 }, coverage: { received: 1 } });
    await comment(leaderB, frontB, WATER, 'I.1');
    expect((await leaderB.get(path(frontB))).json()).toMatchObject({ status: 'returned', totals: { comments: 3 }, pending: { comments: 1 } });
    expect((await leaderB.post(path(frontB, '/build'))).json().totals.comments).toBe(4);
    await leaderB.post(path(frontB, '/approve'));
    await leaderB.post(path(frontB, '/send'));
    // Sent again: waiting at the province until it builds, and not counted as missing.
    const waiting = (await provinceLeader.get(path(provinceFront))).json();
    expect(waiting.pending.syntheses).toEqual([{ organizationId: frontB.id, name: frontB.name, synthesisId: expect.any(Number) }]);
    expect(waiting.coverage.received).toBe(1);
    const again = (await provinceLeader.post(path(provinceFront, '/build'))).json();
    expect(again.totals).toEqual({ comments: 10, people: 19, groups: 3 });
    expect((await groups(provinceLeader, provinceFront)).map((g) => g.count)).toEqual([14, 3, 2]);
  });
});

describe('the synthesis report', () => {
  it('downloads the DOCX in the official layout and the XLSX annex, with the true counts and coverage', async () => {
    const mammoth = await import('mammoth');
    const ExcelJS = (await import('exceljs')).default;
    // A comment of the province's own on the consultation as a whole, with no stratum, that joins a group reported
    // under a section of the draft: the figures by draft and by stratum and each draft's total must still add up.
    const own = await provinceLeader.post(`/api/v1/consultations/${consultationId}/comments`, { organizationId: provinceFront.id, channel: 'written', body: ROAD });
    expect(own.statusCode, own.body).toBe(201);
    expect((await provinceLeader.post(path(provinceFront, '/build'))).statusCode).toBe(200);
    const docx = await provinceLeader.inject({ method: 'GET', url: path(provinceFront, '/report.docx?number=15&signerName=Nguy%E1%BB%85n%20V%C4%83n%20A') });
    expect(docx.statusCode, docx.body).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const text = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value;
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Số: 15/BC-MTTQ-BTT');
    expect(text).toMatch(/Tổng hợp từ 2\/\d+ đơn vị/);
    expect(text).toContain('Có 15 ý kiến');
    expect(text).toContain('Nơi nhận');
    // Part II: each draft's "Tổng số" is the sum of the opinions printed under it.
    const num = (v: string) => Number(v.replace(/\./g, ''));
    const parts = text.slice(text.indexOf('TỔNG HỢP Ý KIẾN GÓP Ý ĐỐI VỚI CÁC DỰ THẢO')).split(/Tổng số: ([\d.]+) ý kiến góp ý\./);
    expect(parts.length).toBeGreaterThan(1);
    for (let i = 1; i < parts.length; i += 2) {
      const listed = [...parts[i + 1].matchAll(/Có ([\d.]+) ý kiến/g)].reduce((a, m) => a + num(m[1]), 0);
      expect(listed).toBe(num(parts[i]));
    }
    expect(text).toContain('Nguyễn Văn A');
    const xlsx = await provinceLeader.inject({ method: 'GET', url: path(provinceFront, '/report.xlsx') });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as never);
    const sheet = wb.worksheets[0];
    const counts: number[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) for (const v of row.values as unknown[]) if (v === 15) counts.push(v);
    });
    expect(counts).toContain(15);
    // The figures sheet: comments by draft and by stratum add up to the total.
    const figures = wb.getWorksheet('Số liệu')!;
    const sums = new Map<string, number>();
    let total = 0;
    figures.eachRow((row, n) => {
      const [, group, label, value] = row.values as [unknown, string, string, number];
      if (n === 1) return;
      if (group === 'Ý kiến góp ý' && label === 'Tổng số') total = value;
      sums.set(group, (sums.get(group) ?? 0) + value);
    });
    expect(total).toBe(20);
    expect(sums.get('Ý kiến theo dự thảo')).toBe(total);
    expect(sums.get('Ý kiến theo tầng lớp') ?? total).toBe(total);
    // By unit: the communes' syntheses and the province's own comment add up to the same total, on the sheet's last row.
    const units = wb.getWorksheet('Theo đơn vị')!;
    const byUnit: Array<[string, number | null]> = [];
    units.eachRow((row, n) => n > 1 && byUnit.push([String(row.getCell(2).value), row.getCell(3).value as number | null]));
    expect(byUnit.at(-1)).toEqual(['Tổng số', total]);
    expect(byUnit.at(-2)).toEqual([`Ý kiến do ${provinceFront.name} trực tiếp tiếp nhận`, 1]);
    expect(byUnit.slice(0, -1).reduce((a, [, n]) => a + (n ?? 0), 0)).toBe(total);
    expect((await leaderB.get(path(provinceFront, '/report.docx'))).statusCode).toBe(404);
  });
});

describe('curation invariant', () => {
  it('keeps each comment in exactly one non-empty group under random step sequences', async () => {
    const db = t.database.db;
    const synthesisId = (await one<{ id: number }>(db, sql`SELECT id::int AS id FROM synthesis WHERE consultation_id = ${consultationId} AND organization_id = ${provinceFront.id}`))!.id;
    const check = async () => {
      const r = await one<{ members: number; comments: number; empty: number; people: number; counted: number }>(
        db,
        sql`SELECT (SELECT count(*)::int FROM synthesis_member WHERE consultation_id = ${consultationId} AND synthesis_id = ${synthesisId}) AS members,
                   (SELECT count(DISTINCT comment_id)::int FROM synthesis_member WHERE consultation_id = ${consultationId} AND synthesis_id = ${synthesisId}) AS comments,
                   (SELECT count(*)::int FROM synthesis_group g WHERE g.consultation_id = ${consultationId} AND g.synthesis_id = ${synthesisId}
                      AND NOT EXISTS (SELECT 1 FROM synthesis_member m WHERE m.consultation_id = g.consultation_id AND m.group_id = g.id)) AS empty,
                   (SELECT coalesce(sum(weight), 0)::int FROM synthesis_member WHERE consultation_id = ${consultationId} AND synthesis_id = ${synthesisId}) AS people,
                   (SELECT coalesce(sum(n), 0)::int FROM (SELECT sum(m.weight) AS n FROM synthesis_group g JOIN synthesis_member m ON m.consultation_id = g.consultation_id AND m.group_id = g.id
                      WHERE g.consultation_id = ${consultationId} AND g.synthesis_id = ${synthesisId} GROUP BY g.id) x) AS counted`,
      );
      expect(r).toEqual({ members: 11, comments: 11, empty: 0, people: 20, counted: 20 });
    };
    const op = fc.oneof(
      fc.record({ kind: fc.constant('merge' as const), a: fc.nat(), b: fc.nat() }),
      fc.record({ kind: fc.constant('split' as const), a: fc.nat(), b: fc.nat() }),
      fc.record({ kind: fc.constant('move' as const), a: fc.nat(), b: fc.nat() }),
      fc.record({ kind: fc.constant('undo' as const), a: fc.nat(), b: fc.nat() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        for (const o of ops) {
          const s = (await provinceLeader.get(path(provinceFront))).json();
          const list = await groups(provinceLeader, provinceFront);
          const g1 = list[o.a % list.length];
          const g2 = list[o.b % list.length];
          const members = (await provinceLeader.get(path(provinceFront, `/groups/${g1.id}`))).json().members as Array<{ commentId: number }>;
          const body =
            o.kind === 'merge'
              ? { kind: 'merge', into: g1.id, groupIds: [g2.id] }
              : o.kind === 'split'
                ? { kind: 'split', groupId: g1.id, commentIds: [members[o.b % members.length].commentId] }
                : o.kind === 'move'
                  ? { kind: 'move', commentId: members[o.b % members.length].commentId, toGroupId: g2.id }
                  : { kind: 'undo' };
          const r = await provinceLeader.post(path(provinceFront, '/steps'), { ...body, expectedRevision: s.revision });
          // Refusals (merging a group into itself, splitting everything, nothing to undo) are fine; breaking the invariant is not.
          expect([200, 409, 422]).toContain(r.statusCode);
          await check();
        }
      }),
      { numRuns: 12 },
    );
  });
});

describe('a unit’s curation at its superior', () => {
  it('keeps apart at the province what a commune split, and starts a group with the commune’s wording', async () => {
    const c = (await provinceLeader.post('/api/v1/consultations', { organizationId: provinceFront.id, title: 'Lấy ý kiến lần hai', opensOn: addDays(-5), closesOn: addDays(5), draftIds: [draftId] })).json().id as number;
    expect((await provinceLeader.post(`/api/v1/consultations/${c}/open`)).statusCode).toBe(200);
    const at = (org: Organization, rest = '') => `/api/v1/consultations/${c}/syntheses/${org.id}${rest}`;
    const say = async (client: Client, org: Organization, body: string) =>
      expect((await client.post(`/api/v1/consultations/${c}/comments`, { organizationId: org.id, channel: 'written', draftId, sectionAddress: 'I.2', body })).statusCode).toBe(201);
    const listOf = async (client: Client, org: Organization) => (await client.get(at(org, '/groups?limit=100'))).json().items as Array<{ id: number; count: number; summary: string | null; representative: string }>;
    // Commune A: the road three times; its specialist decides one of them is another matter and splits it off.
    await say(collaboratorA, frontA, ROAD);
    await say(collaboratorA, frontA, ROAD);
    await say(collaboratorA, frontA, `${ROAD} Xin cảm ơn.`);
    let s = (await specialistA.post(at(frontA, '/build'))).json();
    const [road] = await listOf(specialistA, frontA);
    expect(road.count).toBe(3);
    const members = (await specialistA.get(at(frontA, `/groups/${road.id}`))).json().members as Array<{ commentId: number }>;
    s = (await specialistA.post(at(frontA, '/steps'), { kind: 'split', groupId: road.id, commentIds: [members[2].commentId], expectedRevision: s.revision })).json();
    s = (await specialistA.post(at(frontA, '/steps'), { kind: 'summary', groupId: road.id, summary: 'Có 2 ý kiến đề nghị sớm nâng cấp đường liên xã đi thôn 5.', expectedRevision: s.revision })).json();
    expect((await listOf(specialistA, frontA)).map((g) => g.count)).toEqual([2, 1]);
    expect((await leaderA.post(at(frontA, '/approve'))).statusCode).toBe(200);
    expect((await leaderA.post(at(frontA, '/send'))).statusCode).toBe(200);
    // Commune B: the same road once.
    await say(leaderB, frontB, ROAD);
    await leaderB.post(at(frontB, '/build'));
    await leaderB.post(at(frontB, '/approve'));
    expect((await leaderB.post(at(frontB, '/send'))).statusCode).toBe(200);

    expect((await provinceLeader.post(at(provinceFront, '/build'))).statusCode).toBe(200);
    const province = await listOf(provinceLeader, provinceFront);
    // B's road joins A's larger road group; A's split-off comment stays a group of its own.
    expect(province.map((g) => g.count)).toEqual([3, 1]);
    expect(province[0]!.summary).toBe('Có 2 ý kiến đề nghị sớm nâng cấp đường liên xã đi thôn 5.');
    const { n } = (await one<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM (
            SELECT m.group_id FROM synthesis_member m JOIN synthesis s ON s.consultation_id = m.consultation_id AND s.id = m.synthesis_id
            WHERE m.consultation_id = ${c} AND s.organization_id = ${provinceFront.id}
            GROUP BY m.group_id, m.via_synthesis_id HAVING count(DISTINCT m.via_group_id) > 1) twice`,
    ))!;
    expect(n).toBe(0);
  });
});
