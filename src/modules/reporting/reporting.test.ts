// The reporting regime through HTTP on the demo province: an outline pasted as text, a monthly campaign for the
// province's commune Front committees with cascading deadlines, submissions (late and on time), return and
// resubmit, accept and unlock, versions, attachments, roll-up with coverage, completeness, and reminders sent over
// a real SMTP server — once, across a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, reopenableTestDatabase, SHARED_DATA, type Client, type TestApp } from '../../../test/app';
import { signInDemo } from '../../../test/demo';
import { startMailSink } from '../../../test/mail-sink';
import { bootstrap } from '../../server/bootstrap';
import { createMailer } from '../../server/mail';
import { addDays, todayInVietnam } from '../../shared/dates';
import type { Organization } from '../organizations/organizations.schema';
import { deliverReminders, planReminders } from './reporting.service';
import { reminderKey } from './reminders.plan';
import { CompletenessSchema } from './reporting.schema';
import { MONTHLY_OUTLINE_TEXT as OUTLINE_TEXT } from './test-outline';

const PASSWORD = 'admin-password-123';

let t: TestApp;
let admin: Client;
let provinceLeader: Client;
let communeA: Client;
let communeB: Client;
let province: Organization;
let frontA: Organization;
let frontB: Organization;
let outlineId: number;
let campaignId: number;
let pastPeriod: string;
let currentPeriod: string;
let secondPastPeriod: string;

const month = (d: string) => d.slice(0, 7);
const sub = (period: string, org: number, rest = '') => `/api/v1/campaigns/${campaignId}/periods/${period}/submissions/${org}${rest}`;
const content = (n: number, people: number, rate: number, text = 'Nhân dân phấn khởi.') => ({
  figures: { so_cuoc_hoi_nghi: n, so_nguoi_tham_du: people, ty_le_dong_tinh: rate, da_tong_hop_kien_nghi: true },
  sections: { I: text },
});

beforeAll(async () => {
  t = await createTestApp();
  const demo = await signInDemo(t, { username: 'chuyenvien.xab', fullName: 'Trần Thị Bình', email: 'binh@xa-b.example', password: 'mat-khau-xa-b-123' });
  ({ admin, provinceLeader, communeSpecialist: communeA, otherCommune: communeB } = demo);
  ({ provinceFront: province, communeFront: frontA, otherFront: frontB } = demo);
}, 300_000);
afterAll(() => t?.close());

describe('outlines', () => {
  it('reads an outline pasted as text, with its figures, and stores it', async () => {
    const parsed = await provinceLeader.post('/api/v1/outlines/parse', { text: OUTLINE_TEXT });
    expect(parsed.statusCode, parsed.body).toBe(200);
    const outline = parsed.json().outline;
    expect(outline.title).toBe('ĐỀ CƯƠNG BÁO CÁO CÔNG TÁC MẶT TRẬN HẰNG THÁNG');
    const meetings = outline.sections[1].children[0];
    expect(meetings.figures.map((f: { key: string }) => f.key)).toEqual(['so_cuoc_hoi_nghi', 'so_nguoi_tham_du', 'ty_le_dong_tinh']);
    expect(meetings.figures[2]).toMatchObject({ type: 'percentage', rollup: { kind: 'weighted_average', weightFigure: 'so_nguoi_tham_du' } });
    const r = await provinceLeader.post('/api/v1/outlines', { organizationId: province.id, outline });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ version: 1, latestVersion: 1, organizationName: province.name });
    outlineId = r.json().id;
  });

  it('refuses an outline whose roll-up points at a missing figure, naming it', async () => {
    const bad = {
      title: 'Sai',
      sections: [{ address: 'I', number: 'I', title: 'A', figures: [{ key: 'ty_le', label: 'Tỷ lệ', type: 'percentage', rollup: { kind: 'weighted_average', weightFigure: 'khong_co' } }] }],
    };
    const r = await provinceLeader.post('/api/v1/outlines', { organizationId: province.id, outline: bad });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('OUTLINE_INVALID');
    expect(r.json().error.details.issues[0].path).toContain('ty_le');
  });

  it('lets a commune neither create nor read the province’s outlines', async () => {
    const o = (await provinceLeader.get(`/api/v1/outlines/${outlineId}`)).json().content;
    expect((await communeA.post('/api/v1/outlines', { organizationId: province.id, outline: o })).statusCode).toBe(404);
    expect((await communeA.get(`/api/v1/outlines/${outlineId}`)).statusCode).toBe(404);
  });
});

describe('a monthly campaign with cascading deadlines', () => {
  it('starts for the province’s commune Front committees, each reporting to the province', async () => {
    const today = todayInVietnam();
    const r = await provinceLeader.post('/api/v1/campaigns', {
      organizationId: province.id,
      title: 'Báo cáo công tác Mặt trận hằng tháng',
      outlineId,
      schedule: { kind: 'periodic', frequency: 'monthly', due: { day: 10, rule: 'on' }, dueMonth: 'next_month', from: `${month(addDays(today, -70))}-01`, to: `${month(addDays(today, 40))}-01` },
      deadlines: { levels: [{ level: 'province', rule: 'due' }, { level: 'commune', rule: 'offset', days: 3, of: 'province' }], adjust: 'previous_working_day' },
      assignees: { levels: ['commune'], kinds: ['fatherland_front'] },
    });
    expect(r.statusCode, r.body).toBe(201);
    const c = r.json();
    campaignId = c.id;
    expect(c.assigneeCount).toBeGreaterThan(10);
    expect(c.periods.length).toBeGreaterThanOrEqual(3);
    for (const p of c.periods) {
      const [provinceDue, communeDue] = ['province', 'commune'].map((l) => p.deadlines.find((d: { level: string }) => d.level === l).inForce);
      expect(communeDue < provinceDue).toBe(true);
    }
    pastPeriod = c.periods.find((p: { deadlines: Array<{ inForce: string }> }) => p.deadlines.every((d) => d.inForce < today)).id;
    secondPastPeriod = c.periods.filter((p: { id: string; deadlines: Array<{ inForce: string }> }) => p.id !== pastPeriod && p.deadlines.every((d) => d.inForce < today))[0].id;
    currentPeriod = c.periods.find((p: { deadlines: Array<{ inForce: string }> }) => p.deadlines.every((d) => d.inForce > addDays(today, 1))).id;
    const seen = (await communeA.get(`/api/v1/campaigns/${campaignId}`)).json();
    expect(seen.mine.reporting).toEqual([expect.objectContaining({ organizationId: frontA.id, recipientId: province.id })]);
    expect((await provinceLeader.get(`/api/v1/campaigns/${campaignId}`)).json().mine.receiving).toEqual([{ organizationId: province.id, organizationName: province.name }]);
  });

  it('warns when a commune deadline falls after the province’s', async () => {
    const r = await provinceLeader.post('/api/v1/campaigns', {
      organizationId: province.id,
      title: 'Sai hạn',
      outlineId,
      schedule: { kind: 'ad_hoc', key: 'dot-1', label: 'Đợt 1', due: '2026-12-20' },
      deadlines: { levels: [{ level: 'province', rule: 'due' }, { level: 'commune', rule: 'date', dates: { 'dot-1': '2026-12-30' } }] },
      assignees: { levels: ['commune'] },
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().warnings).toEqual([expect.objectContaining({ code: 'DEADLINE_AFTER_PARENT', severity: 'warning', message: expect.stringContaining('hạn của cấp xã (30/12/2026) sau hạn của cấp tỉnh') })]);
  });
});

describe('submissions', () => {
  it('checks figures as typed, naming the field in Vietnamese', async () => {
    const r = await communeA.put(sub(pastPeriod, frontA.id), { content: { figures: { so_cuoc_hoi_nghi: 2.5 }, sections: {} } });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.details.issues[0]).toMatchObject({ path: 'figures.so_cuoc_hoi_nghi' });
    expect(r.json().error.message).toMatch(/số nguyên/);
    const unknown = await communeA.put(sub(pastPeriod, frontA.id), { content: { figures: { khong_co: 1 }, sections: {} } });
    expect(unknown.statusCode).toBe(422);
  });

  it('marks a report sent after the deadline late, and one before it on time', async () => {
    const late = await communeA.post(sub(pastPeriod, frontA.id, '/submit'), { content: content(3, 120, 92.5) });
    expect(late.statusCode, late.body).toBe(200);
    expect(late.json()).toMatchObject({ status: 'submitted', version: 1, timeliness: 'late' });
    expect(late.json().daysLate).toBeGreaterThan(0);
    const onTime = await communeB.post(sub(pastPeriod, frontB.id, '/submit'), { content: content(5, 80, 80) });
    expect(onTime.json()).toMatchObject({ status: 'submitted', timeliness: 'late' });
    const early = await communeB.post(sub(currentPeriod, frontB.id, '/submit'), { content: content(1, 10, 50) });
    expect(early.json()).toMatchObject({ status: 'submitted', timeliness: 'on_time', daysLate: 0 });
  });

  it('judges a report against an extended deadline; one already sent keeps its own', async () => {
    const ext = await provinceLeader.put(`/api/v1/campaigns/${campaignId}/periods/${secondPastPeriod}/deadlines`, { deadlines: [{ level: 'commune', inForce: addDays(todayInVietnam(), 2) }], reason: 'Bão lũ, các xã xin lùi hạn.' });
    expect(ext.statusCode, ext.body).toBe(200);
    const d = ext.json().periods.find((p: { id: string }) => p.id === secondPastPeriod).deadlines.find((x: { level: string }) => x.level === 'commune');
    expect(d).toMatchObject({ inForce: addDays(todayInVietnam(), 2), moved: 'Đổi hạn: Bão lũ, các xã xin lùi hạn.' });
    const r = await communeA.post(sub(secondPastPeriod, frontA.id, '/submit'), { content: content(2, 40, 75) });
    expect(r.json()).toMatchObject({ timeliness: 'on_time', deadlineAtSubmission: addDays(todayInVietnam(), 2) });
    expect((await communeA.put(`/api/v1/campaigns/${campaignId}/periods/${secondPastPeriod}/deadlines`, { deadlines: [{ level: 'commune', inForce: '2030-01-01' }], reason: 'x' })).statusCode).toBe(404);
  });

  it('refuses an incomplete report at submission (a required figure)', async () => {
    const r = await communeA.post(sub(currentPeriod, frontA.id, '/submit'), { content: { figures: {}, sections: {} } });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.details.issues.map((i: { path: string }) => i.path)).toContain('figures.so_cuoc_hoi_nghi');
  });

  it('goes back with a reason, comes again as version 2, and the versions compare', async () => {
    expect((await communeA.post(sub(pastPeriod, frontA.id, '/return'), { reason: 'Tự trả' })).statusCode).toBe(403);
    const returned = await provinceLeader.post(sub(pastPeriod, frontA.id, '/return'), { reason: 'Số người tham dự chưa khớp biên bản.' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'returned', reason: 'Số người tham dự chưa khớp biên bản.' });
    expect((await provinceLeader.post(sub(pastPeriod, frontA.id, '/return'), { reason: '  ' })).statusCode).toBe(400);
    const again = await communeA.post(sub(pastPeriod, frontA.id, '/submit'), { content: content(3, 150, 90, 'Nhân dân phấn khởi, tin tưởng.') });
    expect(again.json()).toMatchObject({ status: 'submitted', version: 2, timeliness: 'late' });
    const diff = (await provinceLeader.get(sub(pastPeriod, frontA.id, '/compare?from=1&to=2'))).json();
    expect(diff.figures).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'so_nguoi_tham_du', before: 120, after: 150 })]));
    expect((await provinceLeader.get(sub(pastPeriod, frontA.id, '/versions/1'))).json().figures.so_nguoi_tham_du).toBe(120);
  });

  it('locks an accepted report until the province unlocks it with a reason', async () => {
    const accepted = await provinceLeader.post(sub(pastPeriod, frontA.id, '/accept'));
    expect(accepted.json()).toMatchObject({ status: 'accepted' });
    const edit = await communeA.put(sub(pastPeriod, frontA.id), { content: content(4, 150, 90) });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('SUBMISSION_LOCKED');
    const unlocked = await provinceLeader.post(sub(pastPeriod, frontA.id, '/unlock'), { reason: 'Bổ sung số liệu kiến nghị.' });
    expect(unlocked.json()).toMatchObject({ status: 'returned', reason: 'Bổ sung số liệu kiến nghị.' });
    await communeA.post(sub(pastPeriod, frontA.id, '/submit'), {});
    await provinceLeader.post(sub(pastPeriod, frontA.id, '/accept'));
    await provinceLeader.post(sub(pastPeriod, frontB.id, '/accept'));
    const events = (await communeA.get(sub(pastPeriod, frontA.id))).json().events.map((e: { action: string }) => e.action);
    expect(events).toEqual(['submit', 'return', 'submit', 'accept', 'unlock', 'submit', 'accept']);
  });

  it('keeps a stale edit from overwriting a newer one', async () => {
    const first = await communeA.put(sub(currentPeriod, frontA.id), { content: content(1, 1, 1) });
    const revision = first.json().revision;
    expect((await communeA.put(sub(currentPeriod, frontA.id), { content: content(2, 2, 2), expectedRevision: revision })).statusCode).toBe(200);
    const stale = await communeA.put(sub(currentPeriod, frontA.id), { content: content(3, 3, 3), expectedRevision: revision });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('SUBMISSION_STALE');
  });

  it('sends the commune’s synthesis of a consultation with its report', async () => {
    const draft = await provinceLeader.post('/api/v1/drafts', { organizationId: province.id, title: 'Dự thảo', fileName: 'd.txt', contentBase64: Buffer.from('I. KINH TẾ\n\nNội dung.\n').toString('base64') });
    const today = todayInVietnam();
    const c = await provinceLeader.post('/api/v1/consultations', { organizationId: province.id, title: 'Lấy ý kiến', opensOn: addDays(today, -1), closesOn: addDays(today, 5), draftIds: [draft.json().id] });
    expect(c.statusCode, c.body).toBe(201);
    const consultation = c.json().id;
    await provinceLeader.post(`/api/v1/consultations/${consultation}/open`);
    await communeA.post(`/api/v1/consultations/${consultation}/comments`, { organizationId: frontA.id, channel: 'written', body: 'Đề nghị làm đường liên xã.' });
    const notBuilt = await communeA.put(sub(currentPeriod, frontA.id), { content: content(1, 1, 1), synthesis: { consultationId: consultation } });
    expect([notBuilt.statusCode, notBuilt.json().error.code]).toEqual([409, 'SYNTHESIS_NOT_BUILT']);
    const built = await communeA.post(`/api/v1/consultations/${consultation}/syntheses/${frontA.id}/build`);
    expect(built.statusCode, built.body).toBe(200);
    const missing = await communeA.put(sub(currentPeriod, frontA.id), { content: content(1, 1, 1), synthesis: { consultationId: 999999 } });
    expect(missing.statusCode).toBe(404);
    const linked = await communeA.put(sub(currentPeriod, frontA.id), { content: content(1, 1, 1), synthesis: { consultationId: consultation } });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().synthesis).toMatchObject({ consultationId: consultation, comments: 1, groups: 1 });
    const mammoth = await import('mammoth');
    const text = (await mammoth.extractRawText({ buffer: (await provinceLeader.get(sub(currentPeriod, frontA.id, '/report.docx'))).rawPayload })).value;
    expect(text).toContain('Kèm theo báo cáo này là báo cáo tổng hợp ý kiến của Nhân dân (1 lượt ý kiến, 1 nhóm ý kiến');
    const unlinked = await communeA.put(sub(currentPeriod, frontA.id), { content: content(1, 1, 1), synthesis: null });
    expect(unlinked.json().synthesis).toBeNull();
  });

  it('takes a scanned PDF or image, refuses other types and oversize files', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const ok = await communeA.post(sub(currentPeriod, frontA.id, '/attachments'), { fileName: 'bao-cao-ky.pdf', contentBase64: pdf.toString('base64') });
    expect(ok.statusCode, ok.body).toBe(201);
    const a = ok.json().attachments[0];
    expect(a).toMatchObject({ fileName: 'bao-cao-ky.pdf', mediaType: 'application/pdf', sizeBytes: pdf.length });
    const back = await provinceLeader.get(sub(currentPeriod, frontA.id, `/attachments/${a.id}`));
    expect(back.rawPayload.equals(pdf)).toBe(true);
    const txt = await communeA.post(sub(currentPeriod, frontA.id, '/attachments'), { fileName: 'x.pdf', contentBase64: Buffer.from('not a pdf').toString('base64') });
    expect(txt.statusCode).toBe(415);
    const big = Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await communeA.post(sub(currentPeriod, frontA.id, '/attachments'), { fileName: 'lon.pdf', contentBase64: big.toString('base64') });
    expect(tooBig.statusCode).toBe(413);
    expect((await communeA.get(sub(currentPeriod, frontA.id))).json().attachments).toHaveLength(1);
  });

  it('refuses any change in a closed period', async () => {
    expect((await communeA.post(`/api/v1/campaigns/${campaignId}/periods/${pastPeriod}/close`)).statusCode).toBe(404);
    expect((await provinceLeader.post(`/api/v1/campaigns/${campaignId}/periods/${pastPeriod}/close`)).statusCode).toBe(200);
    const r = await provinceLeader.post(sub(pastPeriod, frontA.id, '/unlock'), { reason: 'Sửa' });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('PERIOD_CLOSED');
    expect((await provinceLeader.post(`/api/v1/campaigns/${campaignId}/periods/${pastPeriod}/reopen`)).statusCode).toBe(200);
  });

  it('hides a commune’s report from another commune', async () => {
    expect((await communeB.get(sub(pastPeriod, frontA.id))).statusCode).toBe(404);
  });
});

describe('roll-up and completeness', () => {
  it('pre-fills the province’s report from the accepted reports, with its coverage', async () => {
    const r = await provinceLeader.get(`/api/v1/campaigns/${campaignId}/periods/${pastPeriod}/rollup?organizationId=${province.id}`);
    expect(r.statusCode, r.body).toBe(200);
    const roll = r.json();
    expect(roll.coverage.reported).toBe(2);
    expect(roll.coverage.statement).toMatch(new RegExp(`^2/${roll.coverage.expected} đơn vị đã báo cáo`));
    const fig = (k: string) => roll.figures.find((f: { key: string }) => f.key === k);
    expect(fig('so_cuoc_hoi_nghi').value).toBe(8);
    expect(fig('so_nguoi_tham_du').value).toBe(230);
    expect(fig('ty_le_dong_tinh').value).toBeCloseTo((150 * 90 + 80 * 80) / 230, 1);
    const gathered = roll.sections.find((s: { address: string }) => s.address === 'I').texts;
    expect(gathered.map((x: { unitName: string }) => x.unitName).sort()).toEqual([frontA.name, frontB.name].sort());
    expect(roll.content.sections.I).toContain('Nhân dân phấn khởi, tin tưởng.');
  });

  it('counts expected, received, late and missing per period, and fills the matrix', async () => {
    const r = await provinceLeader.get(`/api/v1/campaigns/${campaignId}/completeness?period=${pastPeriod}&limit=5000`);
    expect(r.statusCode, r.body).toBe(200);
    const c = r.json();
    // The route sends the view without checking it again (it is hot): its shape is held to the schema here.
    expect(CompletenessSchema.strict().safeParse(c).error).toBeUndefined();
    const past = c.periods.find((p: { periodKey: string }) => p.periodKey === pastPeriod);
    expect(past).toMatchObject({ submitted: 2, accepted: 2, late: 2, onTime: 0 });
    expect(past.missing).toBe(past.expected - 2);
    const current = c.periods.find((p: { periodKey: string }) => p.periodKey === currentPeriod);
    expect(current).toMatchObject({ submitted: 1, onTime: 1, missing: 0 });
    expect(c.matrix.total).toBe(past.expected);
    const rowA = c.matrix.rows.find((row: { organizationId: number }) => row.organizationId === frontA.id);
    const i = c.periods.findIndex((p: { periodKey: string }) => p.periodKey === pastPeriod);
    expect(rowA.cells[i]).toMatchObject({ status: 'accepted', timeliness: 'late' });
    expect(c.children.find((x: { organizationId: number }) => x.organizationId === frontA.id)).toMatchObject({ reportsItself: true, counts: { expected: 1, accepted: 1, late: 1 } });
    expect(c.children.reduce((n: number, x: { counts: { expected: number } }) => n + x.counts.expected, 0)).toBe(past.expected);
    // Drill-down to one commune: its own row only.
    const one = (await provinceLeader.get(`/api/v1/campaigns/${campaignId}/completeness?organizationId=${frontA.id}&period=${pastPeriod}`)).json();
    expect(one.matrix.total).toBe(1);
    expect(one.periods.find((p: { periodKey: string }) => p.periodKey === pastPeriod)).toMatchObject({ expected: 1, accepted: 1 });
    expect((await communeA.get(`/api/v1/campaigns/${campaignId}/completeness`)).statusCode).toBe(404);
  });
});

describe('documents', () => {
  it('prints a commune’s report in the official layout with its figures, and as a workbook', async () => {
    const mammoth = await import('mammoth');
    const ExcelJS = (await import('exceljs')).default;
    const docx = await communeA.get(sub(pastPeriod, frontA.id, '/report.docx?number=12&signerName=L%C3%AA%20V%C4%83n%20C%C6%B0%E1%BB%9Dng'));
    expect(docx.statusCode, docx.body).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const text = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value;
    expect(text).toContain('Số: 12/BC-MTTQ-BTT');
    expect(text).toContain('Báo cáo công tác Mặt trận hằng tháng');
    expect(text).toContain('Số người tham dự');
    expect(text).toContain('150');
    expect(text).toContain('Nhân dân phấn khởi, tin tưởng.');
    expect(text).toContain('Lê Văn Cường');
    const xlsx = await communeA.get(sub(pastPeriod, frontA.id, '/report.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as never);
    const cells = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String));
    expect(cells).toContain('Số người tham dự');
    expect(cells).toContain('150');
  });

  it('prints the province’s roll-up with its coverage, and the completeness matrix as a workbook', async () => {
    const mammoth = await import('mammoth');
    const ExcelJS = (await import('exceljs')).default;
    const docx = await provinceLeader.get(`/api/v1/campaigns/${campaignId}/periods/${pastPeriod}/rollup.docx?organizationId=${province.id}`);
    expect(docx.statusCode, docx.body).toBe(200);
    const text = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value;
    expect(text).toMatch(/2\/\d+ đơn vị đã báo cáo/);
    expect(text).toContain(frontA.name);
    expect(text).toContain('230');
    const xlsx = await provinceLeader.get(`/api/v1/campaigns/${campaignId}/completeness.xlsx`);
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as never);
    const expected = (await provinceLeader.get(`/api/v1/campaigns/${campaignId}/completeness`)).json().matrix.total;
    const names = wb.worksheets[0]!.getSheetValues().flat().map(String);
    expect(names).toContain(frontA.name);
    expect(names.filter((n) => n.startsWith('Ủy ban MTTQ') || n.startsWith('Ủy ban Mặt trận')).length).toBeGreaterThanOrEqual(1);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tình hình báo cáo', 'Tổng hợp']);
    expect(expected).toBeGreaterThan(10);
    expect((await communeB.get(`/api/v1/campaigns/${campaignId}/completeness.xlsx`)).statusCode).toBe(404);
  });
});

describe('reminders', () => {
  it('mails the units that still owe a report, once, across a restart between planning and sending', async () => {
    const sink = await startMailSink();
    const mails = sink.mails;
    const mailer = createMailer({ SMTP_URL: `smtp://127.0.0.1:${sink.port}`, MAIL_FROM: 'Dân Ý <no-reply@dany.test>' })!;
    // A fresh campaign on its own database, so that the restart is a real close and open of the storage.
    const storage = await reopenableTestDatabase();
    try {
      let database = await storage.open();
      await bootstrap(database.db, { adminPassword: PASSWORD, seedDemo: true, sharedDataDir: SHARED_DATA });
      const ctx = { actor: null, system: 'test' } as const;
      const { createOutline, createCampaign } = await import('./reporting.service');
      const prov = (await (await import('../organizations/organizations.service')).listOrganizations(database.db, ctx, { unitCode: '75', kind: 'fatherland_front', limit: 1, offset: 0, includeEnded: false } as never)).items[0]!;
      const outline = await createOutline(database.db, ctx, { organizationId: prov.id, outline: { title: 'Báo cáo nhanh', guidance: '', sections: [{ address: 'I', number: 'I', title: 'Tình hình', guidance: '', requiresText: false, figures: [], children: [] }] } });
      const today = todayInVietnam();
      const due = addDays(today, 2);
      const c = await createCampaign(database.db, ctx, {
        organizationId: prov.id,
        title: 'Báo cáo nhanh tình hình',
        outlineId: outline.id,
        schedule: { kind: 'ad_hoc', key: 'nhanh', label: 'Đợt báo cáo nhanh', due },
        deadlines: { levels: [{ level: 'commune', rule: 'due' }], adjust: 'none', holidays: { extraDaysOff: [], workingDays: [] } },
        reminders: { daysBefore: [3, 1], at: '08:00', overdue: null },
        assignees: { levels: ['commune'], kinds: ['fatherland_front'], systems: [] },
      });
      const { rows: users } = (await database.db.execute(
        `SELECT DISTINCT g.organization_id::int AS org FROM role_grant g JOIN campaign_assignee a ON a.organization_id = g.organization_id AND a.campaign_id = ${c.id} WHERE g.role IN ('leader','specialist')`,
      )) as unknown as { rows: Array<{ org: number }> };
      // Give every responsible user of those units an address.
      await database.db.execute(`UPDATE app_user SET email = username || '@dany.test' WHERE id IN (SELECT user_id FROM role_grant WHERE organization_id IN (SELECT organization_id FROM campaign_assignee WHERE campaign_id = ${c.id}))`);
      const now = new Date(); // 2 days before the deadline: the "3 days before" reminder is due, the "1 day" is not yet
      const queued = await planReminders(database.db, now);
      expect(queued).toBe(c.assigneeCount);
      expect(await planReminders(database.db, now)).toBe(0);
      // Restart between planning and sending.
      await database.close();
      database = await storage.open();
      const first = await deliverReminders(database.db, mailer, now);
      expect(first).toMatchObject({ sent: c.assigneeCount, failed: 0 });
      const again = await deliverReminders(database.db, mailer, now);
      expect(again.sent).toBe(0);
      // One mail per unit that has responsible users, each address once.
      expect(new Set(mails.map((m) => m.messageId)).size).toBe(users.length);
      const pairs = mails.map((m) => `${m.messageId} ${m.to}`);
      expect(new Set(pairs).size).toBe(pairs.length);
      expect(mails[0]!.subject).toBe('Nhắc hạn báo cáo: Báo cáo nhanh tình hình – Đợt báo cáo nhanh');
      expect(mails[0]!.messageId).toContain(`reminder:${c.id}:nhanh:`);
      const key = reminderKey({ campaignId: c.id, periodId: 'nhanh', organizationId: users[0]!.org, deadline: due }, 'before', 3);
      const { rows: stored } = (await database.db.execute(`SELECT status FROM reminder WHERE key = '${key}'`)) as unknown as { rows: Array<{ status: string }> };
      expect(stored).toEqual([{ status: 'sent' }]);
      const { rows: notes } = (await database.db.execute(`SELECT count(*)::int AS n FROM notification WHERE source_key = '${key}'`)) as unknown as { rows: Array<{ n: number }> };
      expect(notes[0]!.n).toBeGreaterThan(0);
      await database.close();
    } finally {
      mailer.close();
      await sink.close();
      await storage.dispose();
    }
  }, 300_000);
});
