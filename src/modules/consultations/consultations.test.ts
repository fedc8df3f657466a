// Consultations through HTTP on the demo province: importing a draft, opening a consultation, recording meetings
// and comments as a commune, the public portal (proof of work, idempotency, rate limit), periods, versions, scope.
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app';
import { signInDemo } from '../../../test/demo';
import { todayInVietnam } from '../../shared/dates';
import { foldVietnamese } from '../../shared/text';
import type { Organization } from '../organizations/organizations.schema';

const DRAFT_MD = `# DỰ THẢO BÁO CÁO CHÍNH TRỊ

Lời mở đầu của dự thảo.

**I. ĐÁNH GIÁ KẾT QUẢ NHIỆM KỲ 2020 - 2025**

1\\. Về kinh tế

a) Nông nghiệp

Sản xuất nông nghiệp phát triển ổn định.

b) Công nghiệp

**II. PHƯƠNG HƯỚNG, NHIỆM VỤ**

1. Mục tiêu tổng quát

- Xây dựng tỉnh phát triển nhanh, bền vững.
`;

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const addDays = (days: number) => new Date(Date.parse(`${todayInVietnam()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

let t: TestApp;
let admin: Client;
let provinceLeader: Client;
let communeSpecialist: Client;
let collaborator: Client;
let viewer: Client;
let otherCommune: Client;
let provinceFront: Organization;
let communeFront: Organization;
let otherFront: Organization;
let draftId: number;
let consultationId: number;

async function solved() {
  const challenge = (await t.anonymous.get('/api/v1/public/challenge')).json();
  const solution = await solveChallenge({ challenge, deriveKey });
  return { challenge, solution: solution! };
}

beforeAll(async () => {
  t = await createTestApp();
  ({ admin, provinceLeader, communeSpecialist, collaborator, viewer, otherCommune, provinceFront, communeFront, otherFront } = await signInDemo(t, {
    username: 'chuyenvien.xakhac',
    fullName: 'Chuyên viên xã khác',
    password: 'mat-khau-xa-khac-1',
  }));
}, 600_000);
afterAll(() => t?.close());

describe('drafts', () => {
  it('imports a Markdown draft into its section tree with stable addresses', async () => {
    const res = await provinceLeader.post('/api/v1/drafts', { organizationId: provinceFront.id, title: 'Dự thảo Báo cáo chính trị', fileName: 'bao-cao.md', contentBase64: b64(DRAFT_MD) });
    expect(res.statusCode, res.body).toBe(201);
    draftId = res.json().id;
    expect(res.json().versions).toMatchObject([{ versionNo: 1, sourceFormat: 'md', sourceName: 'bao-cao.md' }]);
    const detail = (await provinceLeader.get(`/api/v1/drafts/${draftId}`)).json();
    const byAddress = Object.fromEntries(detail.sections.map((s: { address: string }) => [s.address, s]));
    expect(byAddress['I']).toMatchObject({ number: 'I', title: 'ĐÁNH GIÁ KẾT QUẢ NHIỆM KỲ 2020 - 2025', depth: expect.any(Number) });
    expect(byAddress['I.1.a']).toMatchObject({ title: 'Nông nghiệp', body: 'Sản xuất nông nghiệp phát triển ổn định.', parentAddress: 'I.1' });
    expect(byAddress['II.1'].body).toContain('- Xây dựng tỉnh phát triển nhanh, bền vững.');
  });

  it('refuses a corrupt DOCX and a draft for an organization outside the caller’s scope', async () => {
    const corrupt = await provinceLeader.post('/api/v1/drafts', { organizationId: provinceFront.id, title: 'Hỏng', fileName: 'x.docx', contentBase64: b64('not a zip at all') });
    expect(corrupt.statusCode).toBe(422);
    expect(corrupt.json().error.code).toBe('DRAFT_FILE_INVALID');
    const foreign = await communeSpecialist.post('/api/v1/drafts', { organizationId: provinceFront.id, title: 'X', fileName: 'x.md', contentBase64: b64(DRAFT_MD) });
    expect(foreign.statusCode).toBe(404);
    const viewerTry = await collaborator.post('/api/v1/drafts', { organizationId: communeFront.id, title: 'X', fileName: 'x.md', contentBase64: b64(DRAFT_MD) });
    expect(viewerTry.statusCode).toBe(403);
  });
});

describe('consultation lifecycle and intake', () => {
  it('creates a consultation in preparation; the portal lists it not, and by its link shows no draft yet', async () => {
    const res = await provinceLeader.post('/api/v1/consultations', {
      organizationId: provinceFront.id,
      title: 'Lấy ý kiến Nhân dân vào dự thảo văn kiện',
      opensOn: addDays(-10),
      closesOn: addDays(20),
      draftIds: [draftId],
    });
    expect(res.statusCode, res.body).toBe(201);
    consultationId = res.json().id;
    expect(res.json()).toMatchObject({ status: 'preparing', drafts: [{ draftId, versionNo: 1 }] });
    expect((await t.anonymous.get('/api/v1/public/consultations')).json().items.map((c: { id: number }) => c.id)).not.toContain(consultationId);
    // Its link (on posters before the opening day) answers: not open yet, and no draft, whose text may still change.
    const byLink = await t.anonymous.get(`/api/v1/public/consultations/${consultationId}`);
    expect(byLink.statusCode).toBe(200);
    expect(byLink.json()).toMatchObject({ phase: 'upcoming', acceptingComments: false, drafts: [] });
    const citizen = await t.anonymous.post(`/api/v1/public/consultations/${consultationId}/comments`, { body: 'Sớm quá', idempotencyKey: 'key-public-early', altcha: await solved() });
    expect(citizen.statusCode).toBe(409);
    expect(citizen.json().error).toMatchObject({ code: 'CONSULTATION_CLOSED', message: 'Đợt lấy ý kiến chưa mở.' });
    const early = await communeSpecialist.post(`/api/v1/consultations/${consultationId}/comments`, { organizationId: communeFront.id, body: 'Sớm quá', channel: 'written' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('chưa mở');
  });

  it('opens it; communes that report to the province see it, other provinces’ staff would not', async () => {
    expect((await communeSpecialist.post(`/api/v1/consultations/${consultationId}/open`)).statusCode).toBe(404);
    const opened = await provinceLeader.post(`/api/v1/consultations/${consultationId}/open`);
    expect(opened.statusCode).toBe(200);
    expect(opened.json().status).toBe('open');
    expect((await provinceLeader.post(`/api/v1/consultations/${consultationId}/open`)).json().error.code).toBe('CONSULTATION_STATE');
    for (const c of [communeSpecialist, collaborator, otherCommune, viewer]) {
      expect((await c.get(`/api/v1/consultations/${consultationId}`)).statusCode).toBe(200);
      expect((await c.get('/api/v1/consultations')).json().items.map((x: { id: number }) => x.id)).toContain(consultationId);
    }
    expect((await communeSpecialist.get(`/api/v1/drafts/${draftId}`)).statusCode).toBe(200);
  });

  it('records a conference with its participants and the comments made there', async () => {
    const m = await collaborator.post(`/api/v1/consultations/${consultationId}/meetings`, {
      organizationId: communeFront.id,
      kind: 'conference',
      title: 'Hội nghị lấy ý kiến khu phố 3',
      heldOn: addDays(-2),
      place: 'Nhà văn hóa khu phố 3',
      participants: { nong_dan: 30, phu_nu: 25, cuu_chien_binh: 10 },
    });
    expect(m.statusCode, m.body).toBe(201);
    expect(m.json()).toMatchObject({ participantTotal: 65, kind: 'conference' });
    const meetingId = m.json().id;
    const c = await collaborator.post(`/api/v1/consultations/${consultationId}/comments`, {
      organizationId: communeFront.id,
      channel: 'conference',
      meetingId,
      draftId,
      sectionAddress: 'I.1.a',
      body: 'Đề nghị bổ sung đánh giá về chuyển đổi cây trồng.',
      stratum: 'nong_dan',
      weight: 12,
    });
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json()).toMatchObject({ madeOn: addDays(-2), weight: 12, meetingId, draftVersionId: expect.any(Number), organizationName: communeFront.name });
    const outside = await collaborator.post(`/api/v1/consultations/${consultationId}/meetings`, { organizationId: communeFront.id, kind: 'seminar', title: 'Quá sớm', heldOn: addDays(-30) });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.code).toBe('OUTSIDE_PERIOD');
    // The minutes: a scanned PDF, replaced by the typed DOCX; other files and other communes refused.
    const minutes = `/api/v1/consultations/${consultationId}/meetings/${meetingId}/minutes`;
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    const up = await collaborator.post(minutes, { fileName: 'bien-ban.pdf', contentBase64: pdf.toString('base64') });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json().minutesFileName).toBe('bien-ban.pdf');
    expect((await provinceLeader.get(minutes)).rawPayload.equals(pdf)).toBe(true);
    const { Document, Packer, Paragraph } = await import('docx');
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Biên bản hội nghị khu phố 3')] }] }));
    const replaced = await collaborator.post(minutes, { fileName: 'bien-ban.docx', contentBase64: docx.toString('base64') });
    expect(replaced.json().minutesFileName).toBe('bien-ban.docx');
    expect((await provinceLeader.get(minutes)).headers['content-type']).toContain('wordprocessingml');
    expect((await collaborator.post(minutes, { fileName: 'x.exe', contentBase64: Buffer.from('MZ....').toString('base64') })).statusCode).toBe(415);
    expect((await otherCommune.get(minutes)).statusCode).toBe(404);
    expect((await viewer.post(minutes, { fileName: 'b.pdf', contentBase64: pdf.toString('base64') })).statusCode).toBe(403);
  });

  it('validates the target and the text, storing HTML as text', async () => {
    const post = (body: Record<string, unknown>) => communeSpecialist.post(`/api/v1/consultations/${consultationId}/comments`, { organizationId: communeFront.id, channel: 'written', ...body });
    expect((await post({ draftId, sectionAddress: 'IX.9', body: 'Mục không có' })).json().error.code).toBe('SECTION_NOT_FOUND');
    expect((await post({ body: '   \u0000\u0007  ' })).json().error.code).toBe('VALIDATION_FAILED');
    const long = await post({ body: 'x'.repeat(5001) });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.message).toContain('dài quá 5.000 ký tự');
    const html = await post({ draftId, body: '<script>alert(1)</script> Đề nghị\u0000 làm rõ\u202E\u2066' });
    expect(html.statusCode).toBe(201);
    expect(html.json().body).toBe('<script>alert(1)</script> Đề nghị làm rõ');
    expect(html.json().sectionAddress).toBeNull();
  });

  it('keeps each commune to its own organization and its own comments', async () => {
    const foreign = await otherCommune.post(`/api/v1/consultations/${consultationId}/comments`, { organizationId: communeFront.id, channel: 'written', body: 'Ghi hộ xã khác' });
    expect(foreign.statusCode).toBe(404);
    const own = await otherCommune.post(`/api/v1/consultations/${consultationId}/comments`, { organizationId: otherFront.id, channel: 'letter', body: 'Thư góp ý của xã khác' });
    expect(own.statusCode).toBe(201);
    const mine = (await otherCommune.get(`/api/v1/consultations/${consultationId}/comments`)).json();
    expect(mine.items.every((c: { organizationId: number }) => c.organizationId === otherFront.id)).toBe(true);
    const theirs = (await communeSpecialist.get(`/api/v1/consultations/${consultationId}/comments`)).json();
    expect(theirs.items.some((c: { organizationId: number }) => c.organizationId === otherFront.id)).toBe(false);
    const province = (await provinceLeader.get(`/api/v1/consultations/${consultationId}/comments`)).json();
    expect(province.total).toBe(3);
    expect((await viewer.post(`/api/v1/consultations/${consultationId}/comments`, { organizationId: provinceFront.id, channel: 'written', body: 'Người xem' })).statusCode).toBe(403);
    const search = (await provinceLeader.get(`/api/v1/consultations/${consultationId}/comments?q=${encodeURIComponent('chuyen doi cay trong')}`)).json();
    expect(search.total).toBe(1);
  });
});

describe('dashboard', () => {
  it('counts people by channel, stratum, day, section and unit within the caller’s scope', async () => {
    const all = (await provinceLeader.get(`/api/v1/consultations/${consultationId}/stats`)).json();
    expect(all.totals).toMatchObject({ comments: 3, people: 14, meetings: 1, participants: 65 });
    expect(all.byChannel).toEqual(expect.arrayContaining([{ key: 'conference', count: 12 }, { key: 'written', count: 1 }, { key: 'letter', count: 1 }]));
    expect(all.bySection).toEqual(expect.arrayContaining([expect.objectContaining({ sectionAddress: 'I.1.a', title: 'Nông nghiệp', count: 12 })]));
    expect(all.byUnit.map((u: { organizationId: number }) => u.organizationId).sort()).toEqual([communeFront.id, otherFront.id].sort());
    const commune = (await otherCommune.get(`/api/v1/consultations/${consultationId}/stats`)).json();
    expect(commune.totals).toMatchObject({ comments: 1, people: 1, meetings: 0 });
    expect(commune.topGroups).toEqual([]);
  });
});

describe('public portal', () => {
  it('shows the open consultation with its drafts to anyone', async () => {
    const list = (await t.anonymous.get('/api/v1/public/consultations')).json();
    expect(list.items).toEqual([expect.objectContaining({ id: consultationId, acceptingComments: true })]);
    const one = (await t.anonymous.get(`/api/v1/public/consultations/${consultationId}`)).json();
    expect(one.drafts[0].sections.map((s: { address: string }) => s.address)).toContain('I.1.a');
  });

  it('stores a solved, idempotent submission once and counts it under the commune’s Front committee', async () => {
    const altcha = await solved();
    const body = { draftId, sectionAddress: 'II.1', body: 'Đề nghị ưu tiên phát triển giao thông nông thôn.', stratum: 'nong_dan', gender: 'nu', ageBand: '45_59', unitCode: communeFront.unitCode, idempotencyKey: 'key-public-0001', altcha };
    const first = await t.anonymous.post(`/api/v1/public/consultations/${consultationId}/comments`, body);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().duplicate).toBe(false);
    const retry = await t.anonymous.post(`/api/v1/public/consultations/${consultationId}/comments`, body);
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toMatchObject({ id: first.json().id, duplicate: true });
    const stored = (await communeSpecialist.get(`/api/v1/consultations/${consultationId}/comments?channel=portal`)).json();
    expect(stored.total).toBe(1);
    expect(stored.items[0]).toMatchObject({ organizationId: communeFront.id, unitCode: communeFront.unitCode, stratum: 'nong_dan', authorName: null });
    const reused = await t.anonymous.post(`/api/v1/public/consultations/${consultationId}/comments`, { ...body, idempotencyKey: 'key-public-0002' });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error.code).toBe('CHALLENGE_REUSED');
  });

  it('refuses a wrong proof of work, and a comment without a commune goes to the consultation’s organization', async () => {
    const altcha = await solved();
    const wrong = await t.anonymous.post(`/api/v1/public/consultations/${consultationId}/comments`, {
      body: 'Góp ý',
      idempotencyKey: 'key-public-0003',
      altcha: { ...altcha, solution: { ...altcha.solution, derivedKey: altcha.solution.derivedKey.replace(/^./, (c: string) => (c === '0' ? '1' : '0')) } },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('CHALLENGE_FAILED');
    const outside = await t.anonymous.post(`/api/v1/public/consultations/${consultationId}/comments`, { body: 'Góp ý', unitCode: '00004', idempotencyKey: 'key-public-0006', altcha });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.code).toBe('UNIT_NOT_IN_AREA');
    const ok = await t.anonymous.post(`/api/v1/public/consultations/${consultationId}/comments`, { body: 'Góp ý chung cho cả văn kiện.', idempotencyKey: 'key-public-0004', altcha });
    expect(ok.statusCode, ok.body).toBe(201);
    const all = (await provinceLeader.get(`/api/v1/consultations/${consultationId}/comments?channel=portal`)).json();
    expect(all.items.find((c: { body: string }) => c.body === 'Góp ý chung cho cả văn kiện.')).toMatchObject({ organizationId: provinceFront.id, draftId: null });
  });
});

describe('public commune search', () => {
  const search = (q: string, extra = '') => t.anonymous.get(`/api/v1/public/consultations/${consultationId}/communes?q=${encodeURIComponent(q)}${extra}`);
  const codes = async (q: string) => {
    const r = await search(q);
    expect(r.statusCode, r.body).toBe(200);
    return (r.json().items as Array<{ code: string }>).map((c) => c.code);
  };

  it('finds a commune of the area typed with or without diacritics, with its province to tell namesakes apart', async () => {
    const province = (await admin.get('/api/v1/units/province/75')).json().unit;
    for (const q of ['Đồng Xoài', 'dong xoai', 'phuong dong xoai', 'PHƯỜNG ĐỒNG XOÀI', 'P. Đồng Xoài', 'dong xoai dong nai', '25210']) {
      const r = await search(q);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().approximate, q).toBe(false);
      expect(r.json().items[0], q).toEqual({ code: '25210', name: 'Đồng Xoài', fullName: 'Phường Đồng Xoài', path: [province.fullName] });
    }
    // A word typed halfway is the start of a word: the picker asks as the citizen types.
    expect((await codes('dong xo'))[0]).toBe('25210');
  });

  it('puts the name itself first, and the spelling typed with its diacritics before its namesake without', async () => {
    // Lộc Thạnh (25280) and Lộc Thành (25294) fold alike.
    expect((await codes('loc thanh')).slice(0, 2)).toEqual(['25280', '25294']);
    expect((await codes('Lộc Thành')).slice(0, 2)).toEqual(['25294', '25280']);
    expect((await codes('Lộc Thạnh')).slice(0, 2)).toEqual(['25280', '25294']);
    // "Tân" is in many names: those that start with it come before those that merely contain it.
    const tan = (await search('tan')).json().items as Array<{ name: string }>;
    const starts = tan.map((c) => foldVietnamese(c.name).startsWith('tan'));
    expect(starts.filter(Boolean).length).toBeGreaterThan(1);
    expect(starts.filter((x) => !x).length).toBeGreaterThan(1);
    expect(starts.slice(starts.indexOf(false)).every((x) => !x)).toBe(true);
  });

  it('leaves out communes outside the consultation’s area, even namesakes', async () => {
    // Phường Ba Đình (Hà Nội), Xã Ba Đình (Thanh Hóa), Xã Ba Dinh (Quảng Ngãi) are not in Đồng Nai.
    for (const q of ['phuong ba dinh', 'Ba Đình', 'ba dinh ha noi']) {
      const found = await codes(q);
      expect(found, q).not.toEqual(expect.arrayContaining(['00004']));
      expect(found.filter((c) => ['00004', '16171', '21499'].includes(c)), q).toEqual([]);
    }
    // Xã Phú Nghĩa exists in Hà Nội (10030) and in Đồng Nai (25267); Xã Tân Tiến in eight provinces.
    expect(await codes('phu nghia')).toEqual(['25267']);
    expect((await codes('xa tan tien')).filter((c) => !c.startsWith('2'))).toEqual([]);
    expect(await codes('tan tien')).toContain('25318');
    expect(await codes('phu nghia ha noi')).not.toContain('10030');
  });

  it('offers the closest spellings, flagged approximate, when no name holds every word typed', async () => {
    const r = (await search('dong xoia')).json();
    expect(r.approximate).toBe(true);
    expect(r.items[0].code).toBe('25210');
    expect((await search('zzzz qqqq')).json()).toEqual({ items: [], approximate: false });
  });

  it('returns at most 20 (or the limit asked), and checks the query at the edge in Vietnamese', async () => {
    const many = (await search('xa')).json();
    expect(many.items).toHaveLength(20);
    expect((await search('xa', '&limit=5')).json().items).toHaveLength(5);
    for (const [q, extra, words] of [
      ['x', '', 'ít nhất 2'],
      ['  !! ', '', 'ít nhất 2'],
      ['a'.repeat(101), '', 'dài quá 100'],
      ['xa', '&limit=21', ''],
    ] as const) {
      const r = await search(q, extra);
      expect(r.statusCode, q).toBe(400);
      expect(r.json().error.code).toBe('VALIDATION_FAILED');
      expect(r.json().error.message).toContain(words);
    }
    expect((await t.anonymous.get(`/api/v1/public/consultations/${consultationId}/communes`)).statusCode).toBe(400);
    expect((await t.anonymous.get('/api/v1/public/consultations/999999/communes?q=xa')).statusCode).toBe(404);
  });
});

describe('spreadsheet import', () => {
  async function sheet(rows: unknown[][]): Promise<string> {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Ý kiến');
    ws.addRow(['Nội dung góp ý', 'Dự thảo (số thứ tự)', 'Mục (ví dụ II.3.b)', 'Thành phần', 'Số người', 'Ngày góp ý (dd/mm/yyyy)']);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  }
  const url = () => `/api/v1/consultations/${consultationId}/imports`;
  const today = () => todayInVietnam().split('-').reverse().join('/');

  it('offers a template and reports every bad row by row and column without storing anything in check mode', async () => {
    const template = await communeSpecialist.inject({ method: 'GET', url: `${url()}/template.xlsx` });
    expect(template.statusCode).toBe(200);
    expect(template.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const content = await sheet([
      ['Đề nghị kiên cố hóa kênh mương nội đồng.', 1, 'I.1.a', 'Nông dân', 3, today()],
      ['', 1, 'I.1', 'Nông dân', 1, ''],
      ['Mục sai', 1, 'IX.9', 'Thợ lặn', 'ba', '31/02/2026'],
      ['Góp ý chung, không ghi mục.', '', '', '', '', ''],
    ]);
    const before = (await provinceLeader.get(`/api/v1/consultations/${consultationId}/comments`)).json().total;
    const r = await communeSpecialist.post(url(), { organizationId: communeFront.id, fileName: 'xa.xlsx', contentBase64: content, mode: 'check' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ rows: 4, valid: 2, invalid: 2, imported: 0, importId: null, previousImport: null });
    expect(r.json().errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: 'Nội dung góp ý' }),
        expect.objectContaining({ row: 4, column: 'Mục (ví dụ II.3.b)' }),
        expect.objectContaining({ row: 4, column: 'Thành phần', reason: expect.stringContaining('Thợ lặn') }),
        expect.objectContaining({ row: 4, column: 'Số người' }),
        expect.objectContaining({ row: 4, column: 'Ngày góp ý (dd/mm/yyyy)' }),
      ]),
    );
    expect((await provinceLeader.get(`/api/v1/consultations/${consultationId}/comments`)).json().total).toBe(before);
    const all = await communeSpecialist.post(url(), { organizationId: communeFront.id, fileName: 'xa.xlsx', contentBase64: content, mode: 'all_or_nothing' });
    expect(all.statusCode).toBe(422);
    expect(all.json().error.code).toBe('IMPORT_HAS_ERRORS');
    expect((await provinceLeader.get(`/api/v1/consultations/${consultationId}/comments`)).json().total).toBe(before);
    const valid = await communeSpecialist.post(url(), { organizationId: communeFront.id, fileName: 'xa.xlsx', contentBase64: content, mode: 'valid_only' });
    expect(valid.statusCode, valid.body).toBe(200);
    expect(valid.json()).toMatchObject({ imported: 2, importId: expect.any(Number) });
    const stored = (await provinceLeader.get(`/api/v1/consultations/${consultationId}/comments?channel=sheet`)).json();
    expect(stored.total).toBe(2);
    expect(stored.items.find((c: { body: string }) => c.body.startsWith('Đề nghị kiên cố'))).toMatchObject({ weight: 3, stratum: 'nong_dan', sectionAddress: 'I.1.a', organizationId: communeFront.id });
    const again = await communeSpecialist.post(url(), { organizationId: communeFront.id, fileName: 'xa-copy.xlsx', contentBase64: content, mode: 'valid_only' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('IMPORT_DUPLICATE');
    const check = (await communeSpecialist.post(url(), { organizationId: communeFront.id, fileName: 'xa.xlsx', contentBase64: content, mode: 'check' })).json();
    expect(check.previousImport).toMatchObject({ fileName: 'xa.xlsx', imported: 2 });
  });

  it('reads CSV with semicolons, and refuses a corrupt or foreign file clearly', async () => {
    const csv = `Nội dung góp ý;Dự thảo;Mục\n"Đề nghị mở lớp dạy nghề; cho thanh niên";1;II.1\n`;
    const r = await communeSpecialist.post(url(), { organizationId: communeFront.id, fileName: 'xa.csv', contentBase64: b64(csv), mode: 'valid_only' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ rows: 1, imported: 1 });
    const corrupt = await communeSpecialist.post(url(), { organizationId: communeFront.id, fileName: 'x.xlsx', contentBase64: b64('not a zip'), mode: 'check' });
    expect(corrupt.statusCode).toBe(422);
    expect(corrupt.json().error.code).toBe('IMPORT_FILE_INVALID');
    const header = await communeSpecialist.post(url(), { organizationId: communeFront.id, fileName: 'x.csv', contentBase64: b64('a,b\n1,2\n'), mode: 'check' });
    expect(header.json().error.code).toBe('IMPORT_HEADER_INVALID');
    expect((await communeSpecialist.post(url(), { organizationId: communeFront.id, fileName: 'x.pdf', contentBase64: b64('x'), mode: 'check' })).statusCode).toBe(415);
    expect((await otherCommune.post(url(), { organizationId: communeFront.id, fileName: 'x.csv', contentBase64: b64(csv), mode: 'check' })).statusCode).toBe(404);
  });

  it('keeps nothing of a file that breaks after thousands of rows were already streamed to the database', async () => {
    const before = (await provinceLeader.get(`/api/v1/consultations/${consultationId}/comments`)).json().total;
    const csv = 'Nội dung góp ý\n' + 'Đề nghị nâng cấp đường liên thôn\n'.repeat(12_000) + '"Dòng hỏng không đóng ngoặc\n';
    const r = await communeSpecialist.post(url(), { organizationId: communeFront.id, fileName: 'hong.csv', contentBase64: b64(csv), mode: 'valid_only' });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('IMPORT_FILE_INVALID');
    expect((await provinceLeader.get(`/api/v1/consultations/${consultationId}/comments`)).json().total).toBe(before);
    const ok = await communeSpecialist.post(url(), { organizationId: communeFront.id, fileName: 'lanh.csv', contentBase64: b64('Nội dung góp ý\nĐề nghị sửa cầu treo\n'), mode: 'valid_only' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await provinceLeader.get(`/api/v1/consultations/${consultationId}/comments`)).json().total).toBe(before + 1);
  });
});

describe('versions and closing', () => {
  it('moves the consultation to a new version while earlier comments keep theirs', async () => {
    const before = (await provinceLeader.get(`/api/v1/consultations/${consultationId}/comments?sectionAddress=I.1.a`)).json().items[0];
    const v2 = await provinceLeader.post(`/api/v1/drafts/${draftId}/versions`, { fileName: 'bao-cao-v2.md', contentBase64: b64(DRAFT_MD.replace('Nông nghiệp', 'Nông nghiệp, nông thôn')), note: 'Sửa mục I.1.a' });
    expect(v2.statusCode, v2.body).toBe(201);
    expect(v2.json().versions.map((v: { versionNo: number }) => v.versionNo)).toEqual([1, 2]);
    const c = (await provinceLeader.get(`/api/v1/consultations/${consultationId}`)).json();
    expect(c.drafts[0].versionNo).toBe(2);
    const after = (await provinceLeader.get(`/api/v1/consultations/${consultationId}/comments?sectionAddress=I.1.a`)).json().items[0];
    expect(after.draftVersionId).toBe(before.draftVersionId);
    const v1 = (await provinceLeader.get(`/api/v1/drafts/${draftId}?version=1`)).json();
    expect(v1.sections.find((s: { address: string }) => s.address === 'I.1.a').title).toBe('Nông nghiệp');
  });

  it('after closing refuses new comments but takes minutes of a meeting held in the period', async () => {
    const meeting = (await collaborator.post(`/api/v1/consultations/${consultationId}/meetings`, { organizationId: communeFront.id, kind: 'branch_meeting', title: 'Sinh hoạt chi hội phụ nữ', heldOn: addDays(-1) })).json();
    expect((await provinceLeader.post(`/api/v1/consultations/${consultationId}/close`)).json().status).toBe('closed');
    const late = await communeSpecialist.post(`/api/v1/consultations/${consultationId}/comments`, { organizationId: communeFront.id, channel: 'written', body: 'Gửi muộn' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('đã kết thúc');
    const minutes = await communeSpecialist.post(`/api/v1/consultations/${consultationId}/comments`, { organizationId: communeFront.id, channel: 'conference', meetingId: meeting.id, body: 'Ý kiến ghi trong biên bản.' });
    expect(minutes.statusCode, minutes.body).toBe(201);
    expect(minutes.json().madeOn).toBe(addDays(-1));
    const altcha = await solved();
    const closed = await t.anonymous.post(`/api/v1/public/consultations/${consultationId}/comments`, { body: 'Muộn', idempotencyKey: 'key-public-0005', altcha });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('CONSULTATION_CLOSED');
    // Closed before its planned end: over, with no "ended on" a day still to come.
    expect(closed.json().error.message).toBe('Đợt lấy ý kiến đã kết thúc; không nhận thêm ý kiến.');
    expect((await t.anonymous.get(`/api/v1/public/consultations/${consultationId}`)).json().phase).toBe('ended');
  });

  it('audits every staff write', async () => {
    const log = (await admin.get('/api/v1/audit?entityType=consultation&limit=50')).json();
    expect(log.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['consultation.create', 'consultation.open', 'consultation.close']));
    const comments = (await admin.get('/api/v1/audit?action=comment.create&limit=50')).json();
    expect(comments.total).toBeGreaterThanOrEqual(4);
  });

  it('limits how often one address may search for its commune', async () => {
    // The searches above count too: at most 120 a minute are answered, whatever they ask.
    const answers = [];
    for (let i = 0; i < 121; i++) answers.push(await t.anonymous.get(`/api/v1/public/consultations/${consultationId}/communes?q=x`));
    expect(answers[0].statusCode).toBe(400);
    const limited = answers.at(-1)!;
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('Vui lòng thử lại sau') });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('limits how often one address may post', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 25; i++) {
      const r = await t.anonymous.post(`/api/v1/public/consultations/${consultationId}/comments`, { body: 'x', idempotencyKey: `flood-${i}-xxxxxx`, altcha: { challenge: { parameters: {} }, solution: { counter: 1, derivedKey: 'x' } } });
      codes.push(r.statusCode);
    }
    expect(codes).toContain(429);
  });
});
