// Public sentiment through HTTP on the demo province: a commune's collaborator and specialist record what people say,
// the records are listed by month, attitude, topic and hot issue, other communes cannot see them, the province reads
// the monthly report over its communes; then the month's report goes with the commune's monthly submission as a
// snapshot that later edits of the records do not change, is printed in the DOCX and XLSX, and the province's
// roll-up sums what its communes sent.
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app';
import { signInDemo } from '../../../test/demo';
import { addDays, todayInVietnam } from '../../shared/dates';
import type { Organization } from '../organizations/organizations.schema';
import { MONTHLY_OUTLINE_TEXT } from '../reporting/test-outline';

const today = todayInVietnam();
const month = today.slice(0, 7);
const lastMonthDay = addDays(`${month}-01`, -1);

let t: TestApp;
let admin: Client;
let provinceLeader: Client;
let specialistA: Client;
let collaboratorA: Client;
let viewer: Client;
let specialistB: Client;
let province: Organization;
let frontA: Organization;
let frontB: Organization;
let hotId: number;
let ownId: number;

const records = (org: number, rest = '') => `/api/v1/organizations/${org}/sentiment-records${rest}`;
const record = (over: object = {}) => ({
  observedOn: today,
  place: 'Ấp Bàu Cạn',
  source: 'collaborator',
  strata: ['nong_dan'],
  topics: ['Đất đai', 'bồi thường'],
  attitude: 'buc_xuc',
  content: 'Nhiều hộ băn khoăn về giá bồi thường giải phóng mặt bằng.',
  quotes: 'Giá bồi thường thấp hơn giá thị trường nhiều quá.',
  peopleCount: 25,
  hotIssue: true,
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  const demo = await signInDemo(t, { username: 'chuyenvien.xab', fullName: 'Trần Thị Bình', password: 'mat-khau-xa-b-123' });
  ({ admin, provinceLeader, communeSpecialist: specialistA, collaborator: collaboratorA, viewer, otherCommune: specialistB } = demo);
  ({ provinceFront: province, communeFront: frontA, otherFront: frontB } = demo);
}, 300_000);
afterAll(() => t?.close());

describe('recording what people say', () => {
  it('lets a collaborator record for its commune, topics stored in one spelling, and audits it', async () => {
    const r = await collaboratorA.post(records(frontA.id), record());
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ organizationId: frontA.id, topics: ['đất đai', 'bồi thường'], strata: ['nong_dan'], hotIssue: true, falseInformation: false, createdByName: 'Phạm Thị Dung' });
    hotId = r.json().id;
    const own = await collaboratorA.post(records(frontA.id), record({ attitude: 'dong_tinh', topics: ['nhân sự đại hội'], hotIssue: false, quotes: '', peopleCount: 40, source: 'meeting' }));
    expect(own.statusCode, own.body).toBe(201);
    ownId = own.json().id;
    const older = await specialistA.post(records(frontA.id), record({ observedOn: lastMonthDay, attitude: 'ban_khoan', hotIssue: false, topics: ['môi trường'] }));
    expect(older.statusCode, older.body).toBe(201);
    const log = (await admin.get('/api/v1/audit?action=sentiment_record.create&limit=50')).json();
    expect(log.items).toHaveLength(3);
    expect(log.items[0]).toMatchObject({ entityType: 'sentiment_record', organizationId: frontA.id });
  });

  it('refuses a record without content, with nobody, or with an unknown attitude, in Vietnamese', async () => {
    const empty = await specialistA.post(records(frontA.id), record({ content: '  ' }));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain('Cần ghi nội dung ý kiến, dư luận.');
    const nobody = await specialistA.post(records(frontA.id), record({ peopleCount: 0 }));
    expect(nobody.json().error.message).toContain('Số người ít nhất là 1.');
    const attitude = await specialistA.post(records(frontA.id), record({ attitude: 'vui_ve' }));
    expect(attitude.json().error.message).toContain('Thái độ phải là đồng tình, băn khoăn, bức xúc hoặc phản đối.');
    const noTopic = await specialistA.post(records(frontA.id), record({ topics: [' '] }));
    expect(noTopic.json().error.message).toContain('Cần ít nhất một chủ đề');
    const future = await specialistA.post(records(frontA.id), record({ observedOn: addDays(today, 2) }));
    expect(future.statusCode).toBe(422);
    expect(future.json().error).toMatchObject({ code: 'SENTIMENT_DATE_FUTURE', message: 'Ngày nắm tình hình không được sau hôm nay.' });
  });

  it('keeps other communes out: they neither read nor record (404); a viewer above reads but does not record (403)', async () => {
    expect((await specialistB.get(records(frontA.id))).statusCode).toBe(404);
    expect((await specialistB.post(records(frontA.id), record())).statusCode).toBe(404);
    expect((await specialistB.get(`/api/v1/organizations/${frontA.id}/sentiment-report?month=${month}`)).statusCode).toBe(404);
    expect((await viewer.get(records(frontA.id))).json().total).toBe(3);
    expect((await viewer.post(records(frontA.id), record())).statusCode).toBe(403);
  });

  it('lets a collaborator change only what it recorded; the staff change any', async () => {
    const older = (await specialistA.get(records(frontA.id, `?month=${lastMonthDay.slice(0, 7)}`))).json().items[0];
    expect((await collaboratorA.put(records(frontA.id, `/${older.id}`), record({ observedOn: lastMonthDay }))).statusCode).toBe(403);
    const mine = await collaboratorA.put(records(frontA.id, `/${ownId}`), record({ attitude: 'dong_tinh', topics: ['nhân sự đại hội'], hotIssue: false, quotes: 'Tin tưởng nhân sự mới.', peopleCount: 40, source: 'meeting' }));
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().quotes).toBe('Tin tưởng nhân sự mới.');
    expect((await collaboratorA.delete(records(frontA.id, `/${older.id}`))).statusCode).toBe(403);
  });

  it('lists by month, attitude, topic and hot issue, a page at a time', async () => {
    const q = async (query: string) => (await specialistA.get(records(frontA.id, `?${query}`))).json();
    expect((await q(`month=${month}`)).total).toBe(2);
    expect((await q(`month=${month}&attitude=buc_xuc`)).items.map((r: { id: number }) => r.id)).toEqual([hotId]);
    expect((await q('topic=%C4%90%E1%BA%A5t%20%C4%90ai')).items.map((r: { id: number }) => r.id)).toEqual([hotId]);
    expect((await q('hot=true')).items.map((r: { id: number }) => r.id)).toEqual([hotId]);
    const page = await q('limit=1&offset=1');
    expect(page).toMatchObject({ total: 3, items: [expect.any(Object)] });
    const bad = await specialistA.get(records(frontA.id, '?month=2026-13'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('Tháng phải có dạng YYYY-MM');
  });

  it('lets the province read its communes’ records and the month’s report over them, by commune', async () => {
    await specialistB.post(records(frontB.id), record({ attitude: 'phan_doi', topics: ['môi trường'], hotIssue: false, falseInformation: true, source: 'cyberspace', peopleCount: 7, quotes: '' }));
    expect((await provinceLeader.get(records(province.id, `?scope=subtree&month=${month}`))).json().total).toBe(3);
    const r = await provinceLeader.get(`/api/v1/organizations/${province.id}/sentiment-report?month=${month}`);
    expect(r.statusCode, r.body).toBe(200);
    const report = r.json();
    expect(report.totals).toEqual({ records: 3, people: 72, hotIssues: 1, falseInformation: 1, units: 2 });
    expect(report.byAttitude).toEqual([
      { key: 'dong_tinh', records: 1, people: 40 },
      { key: 'ban_khoan', records: 0, people: 0 },
      { key: 'buc_xuc', records: 1, people: 25 },
      { key: 'phan_doi', records: 1, people: 7 },
    ]);
    expect(report.byArea.map((a: { organizationName: string; records: number }) => [a.organizationName, a.records]).sort()).toEqual(
      [
        [frontA.name, 2],
        [frontB.name, 1],
      ].sort(),
    );
    expect(report.hotIssues).toEqual([expect.objectContaining({ organizationName: frontA.name, peopleCount: 25 })]);
    expect(report.falseInformation).toEqual([expect.objectContaining({ organizationName: frontB.name })]);
  });
});

describe('the monthly sentiment report as the content of a submission', () => {
  let campaignId: number;
  let period: string;
  const sub = (org: number, rest = '') => `/api/v1/campaigns/${campaignId}/periods/${period}/submissions/${org}${rest}`;
  const content = { figures: { so_cuoc_hoi_nghi: 2, so_nguoi_tham_du: 80, ty_le_dong_tinh: 90, da_tong_hop_kien_nghi: true }, sections: { I: 'Nhân dân phấn khởi.' } };

  beforeAll(async () => {
    const parsed = (await provinceLeader.post('/api/v1/outlines/parse', { text: MONTHLY_OUTLINE_TEXT })).json().outline;
    const outline = (await provinceLeader.post('/api/v1/outlines', { organizationId: province.id, outline: parsed })).json();
    const c = await provinceLeader.post('/api/v1/campaigns', {
      organizationId: province.id,
      title: 'Báo cáo tình hình Nhân dân hằng tháng',
      outlineId: outline.id,
      schedule: { kind: 'periodic', frequency: 'monthly', due: { day: 10, rule: 'on' }, dueMonth: 'next_month', from: `${month}-01`, to: `${month}-01` },
      deadlines: { levels: [{ level: 'province', rule: 'due' }, { level: 'commune', rule: 'offset', days: 3, of: 'province' }] },
      assignees: { levels: ['commune'], kinds: ['fatherland_front'] },
    });
    expect(c.statusCode, c.body).toBe(201);
    campaignId = c.json().id;
    period = c.json().periods[0].id;
  });

  it('snapshots the month’s report when saved and submitted; later edits of the records do not change what was sent', async () => {
    const badMonth = await specialistA.put(sub(frontA.id), { content, sentiment: { month: '2026-3' } });
    expect(badMonth.statusCode).toBe(400);
    const saved = await specialistA.put(sub(frontA.id), { content, sentiment: { month } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().sentiment).toMatchObject({ month, organizationId: frontA.id, totals: { records: 2, people: 65, hotIssues: 1 } });
    const sent = await specialistA.post(sub(frontA.id, '/submit'), { content });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().sentiment.totals.records).toBe(2);

    // The hot issue is downgraded and a new record arrives after sending.
    expect((await specialistA.put(records(frontA.id, `/${hotId}`), record({ attitude: 'ban_khoan', hotIssue: false }))).statusCode).toBe(200);
    expect((await collaboratorA.post(records(frontA.id), record({ attitude: 'dong_tinh', hotIssue: false }))).statusCode).toBe(201);
    const live = (await specialistA.get(`/api/v1/organizations/${frontA.id}/sentiment-report?month=${month}`)).json();
    expect(live.totals).toMatchObject({ records: 3, hotIssues: 0 });

    const seen = (await provinceLeader.get(sub(frontA.id))).json();
    expect(seen.sentiment.totals).toMatchObject({ records: 2, people: 65, hotIssues: 1 });
    expect(seen.sentiment.byAttitude.find((a: { key: string }) => a.key === 'buc_xuc').records).toBe(1);
    expect(seen.sentiment.hotIssues[0].content).toBe(record().content);
  });

  it('prints the snapshot in the report DOCX and XLSX: by attitude, by topic, hot issues', async () => {
    const docx = await provinceLeader.get(sub(frontA.id, '/report.docx'));
    expect(docx.statusCode).toBe(200);
    const text = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value;
    const heading = `TÌNH HÌNH TƯ TƯỞNG, DƯ LUẬN XÃ HỘI TRONG THÁNG ${Number(month.slice(5))}/${month.slice(0, 4)}`;
    expect(text).toContain(heading);
    for (const s of ['Theo thái độ', 'Theo chủ đề', 'Vấn đề nổi cộm, bức xúc', 'Bức xúc', 'Đất đai', 'Giá bồi thường thấp hơn giá thị trường']) expect(text).toContain(s);
    // The section comes after the outline's own sections and before the closing.
    expect(text.indexOf(heading)).toBeGreaterThan(text.indexOf('Nhân dân phấn khởi.'));
    const xlsx = await provinceLeader.get(sub(frontA.id, '/report.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Dư luận xã hội', 'DLXH - Thái độ', 'DLXH - Chủ đề', 'Vấn đề nổi cộm']));
    const attitudes = wb.getWorksheet('DLXH - Thái độ')!;
    expect(attitudes.getRow(4).values).toEqual([undefined, 'Bức xúc', 1, 25, '50,0']);
  });

  it('stops carrying it when asked (null), and the province’s roll-up sums what its communes sent', async () => {
    await specialistB.put(sub(frontB.id), { content, sentiment: { month } });
    expect((await specialistB.post(sub(frontB.id, '/submit'), {})).statusCode).toBe(200);
    const rollup = (await provinceLeader.get(`/api/v1/campaigns/${campaignId}/periods/${period}/rollup?organizationId=${province.id}&mode=all_received`)).json();
    expect(rollup.sentiment.totals).toMatchObject({ records: 3, hotIssues: 1, falseInformation: 1 });
    expect(rollup.sentiment.byArea.map((a: { organizationName: string }) => a.organizationName).sort()).toEqual([frontA.name, frontB.name].sort());
    expect(rollup.sentiment.hotIssues).toEqual([expect.objectContaining({ organizationName: frontA.name })]);
    const onlyAccepted = (await provinceLeader.get(`/api/v1/campaigns/${campaignId}/periods/${period}/rollup?organizationId=${province.id}`)).json();
    expect(onlyAccepted.sentiment).toBeNull();
    const docx = await provinceLeader.get(`/api/v1/campaigns/${campaignId}/periods/${period}/rollup.docx?organizationId=${province.id}&mode=all_received`);
    const text = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value;
    expect(text).toContain('TÌNH HÌNH TƯ TƯỞNG, DƯ LUẬN XÃ HỘI');
    expect(text).toContain(frontB.name);

    const returned = await provinceLeader.post(sub(frontB.id, '/return'), { reason: 'Bổ sung số liệu.' });
    expect(returned.statusCode, returned.body).toBe(200);
    const dropped = await specialistB.put(sub(frontB.id), { content, sentiment: null });
    expect(dropped.json().sentiment).toBeNull();
  });
});
