// The reporting regime in the browser, as the done criterion describes it: the province Front leader pastes
// an outline and starts a monthly campaign for the province's commune Front committees, communes reporting three
// days before the province; two communes (the demo one and a second set up through the API) report — one for a
// period whose deadline has passed (late), one before its deadline (on time) — meeting a figure refused at its field,
// a stale draft and a refused scan on the way; the province returns one report with a reason, the commune sends it
// again (the versions compare), the province accepts both and sees its pre-filled report with its coverage and the
// completeness matrix; the province Front, itself reporting to the Party committee in another campaign, starts its own
// report from the roll-up and sends it up; the documents are offered for download. Last, on a server of the test's
// own whose SMTP_URL points at a mail server run here, a campaign due in two days sends its reminder mails, once each,
// and the notice shows under the bell. Screenshots at each step, axe on every new page, phone layouts checked.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MONTHLY_OUTLINE_TEXT as OUTLINE_TEXT } from '../../src/modules/reporting/test-outline';
import { startMailSink } from '../mail-sink';
import {
  ADMIN_PASSWORD,
  apiAs,
  BASE_URL,
  confirm,
  launch,
  login,
  logout,
  popupsSettled,
  screenshotFromTop as screenshot,
  seriousA11yViolations,
  settled,
  startAppServer,
  toast,
  viewShot,
  type ApiClient,
  type Browser,
} from './support';

const CAMPAIGN_TITLE = 'Báo cáo công tác Mặt trận hằng tháng (thử nghiệm)';
const RETURN_REASON = 'Số người tham dự chưa khớp biên bản hội nghị; đề nghị kiểm tra lại.';
const COMMUNE_B_PASSWORD = 'mat-khau-xa-b-12345';

/** Today in Vietnam, and days from it, as YYYY-MM-DD. */
const dayOffset = (days: number) => new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
/** "MM/YYYY" of a day, as the month pickers take it. */
const monthOf = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

interface Period {
  id: string;
  label: string;
  deadlines: { level: string; inForce: string }[];
}

let desk: Browser;
let phone: Browser | undefined;
let admin: ApiClient;
const clients: ApiClient[] = [];
let frontA: { id: number; name: string };
let frontB: { id: number; name: string };
let campaignId = 0;
let outlineId = 0;
let pastPeriod: Period;
let currentPeriod: Period;

const submissionUrl = (period: string, org: number) => `${BASE_URL}/reporting/campaigns/${campaignId}/periods/${encodeURIComponent(period)}/submissions/${org}`;
const apiSubmission = (period: string, org: number) => `/campaigns/${campaignId}/periods/${encodeURIComponent(period)}/submissions/${org}`;
const figure = (key: string) => desk.page.locator(`[data-figure="${key}"]`);
const noSidewaysScroll = (b: Browser) => b.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

/** Signs the desk browser out and in as another user. */
async function signInAs(page: Page, username: string, password: string) {
  await logout(page);
  await login(page, username, password);
}

/** Picks an option of an antd Select opened by clicking `testId`, again if the click went beside it. */
async function choose(testId: string, option: string) {
  const { page } = desk;
  const select = page.getByTestId(testId);
  const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first();
  for (let attempt = 1; ; attempt++) {
    if (!(await item.isVisible())) await select.click();
    await item.waitFor();
    await popupsSettled(page);
    await item.click();
    try {
      await expect.poll(() => select.textContent(), { timeout: 5_000 }).toContain(option);
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

/** Types a date into an antd picker found by its label and confirms it. */
async function pickDate(label: string, value: string) {
  const { page } = desk;
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await page.keyboard.press('Enter');
}

beforeAll(async () => {
  desk = await launch();
  admin = await apiAs('admin', ADMIN_PASSWORD);
  clients.push(admin);
  // Commune A: the demo commune specialist's Front committee; commune B: another commune's, with a user of its own.
  const specialist = await apiAs('chuyenvien.xa', ADMIN_PASSWORD);
  clients.push(specialist);
  const g = specialist.me.grants[0]!;
  frontA = { id: g.organizationId!, name: g.organizationName! };
  const fronts = await admin.get<{ items: { id: number; name: string }[] }>('/organizations?unitLevel=commune&kind=fatherland_front&limit=5');
  frontB = fronts.items.find((o) => o.id !== frontA.id)!;
  const created = await admin.post('/users', {
    username: 'chuyenvien.xab',
    fullName: 'Trần Thị Bình',
    email: 'binh@xa-b.example',
    password: COMMUNE_B_PASSWORD,
    locale: 'vi',
    grants: [{ organizationId: frontB.id, role: 'specialist' }],
  });
  expect([201, 409], JSON.stringify(created.body)).toContain(created.status);
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.ctx.dispose()));
  await phone?.close();
  await desk?.close();
});

describe('reporting regime: outline, campaign, submissions, review, roll-up, completeness', () => {
  it('lets the province Front leader paste an outline, check what was read and save it', async () => {
    const { page } = desk;
    await login(page, 'lanhdao.tinh', ADMIN_PASSWORD);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('menuitem', { name: 'Báo cáo' }).click();
    await page.waitForURL(/\/reporting$/);
    await settled(page);
    await page.getByTestId('nav-outlines').click();
    await page.waitForURL(/\/reporting\/outlines$/);
    await page.getByTestId('outline-create').click();
    await page.waitForURL(/\/reporting\/outlines\/new$/);
    await page.getByTestId('outline-text').fill(OUTLINE_TEXT);
    await page.getByTestId('outline-preview').click();
    const preview = page.getByTestId('outline-preview-card');
    await expect.poll(() => preview.getByTestId('preview-title').textContent()).toBe('ĐỀ CƯƠNG BÁO CÁO CÔNG TÁC MẶT TRẬN HẰNG THÁNG');
    await expect.poll(() => preview.textContent()).toContain('Hội nghị, tiếp xúc');
    // Each figure with its rules as read: type, unit, bounds, roll-up, required.
    const meetings = preview.locator('[data-figure="so_cuoc_hoi_nghi"]');
    await expect.poll(() => meetings.textContent()).toContain('Bắt buộc');
    await expect.poll(() => meetings.textContent()).toContain('từ 0 đến 500');
    await expect.poll(() => preview.locator('[data-figure="ty_le_dong_tinh"]').textContent()).toContain('bình quân theo Số người tham dự');
    expect(await preview.getByTestId('outline-issues').count()).toBe(0);
    await screenshot(page, 'report-01-outline-paste');
    expect(await seriousA11yViolations(page, 'outline-editor')).toEqual([]);
    // The builder holds the same outline, ready to change.
    await page.getByTestId('mode-builder').click();
    await expect.poll(() => page.getByTestId('builder-title').inputValue()).toBe('ĐỀ CƯƠNG BÁO CÁO CÔNG TÁC MẶT TRẬN HẰNG THÁNG');
    await page.getByTestId('builder-section-II.1').waitFor();
    // One more figure, added in the builder: its key is made from its label.
    await page.getByTestId('builder-section-I').getByTestId('builder-add-figure').first().click();
    const dialog = page.getByRole('dialog', { name: 'Thêm chỉ tiêu' });
    await dialog.getByTestId('figure-label').fill('Số vụ việc nổi cộm');
    await expect.poll(() => dialog.getByTestId('figure-key').inputValue()).toBe('so_vu_viec_noi_com');
    await dialog.getByTestId('figure-unit').fill('vụ');
    await viewShot(page, 'report-02-figure-dialog');
    await dialog.getByTestId('figure-save').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('outline-preview-card').locator('[data-figure="so_vu_viec_noi_com"]').textContent()).toContain('Số nguyên · vụ');
    await screenshot(page, 'report-02-outline-builder');
    await page.getByTestId('outline-save').first().click();
    await page.waitForURL(/\/reporting\/outlines\/\d+$/);
    outlineId = Number(/\/outlines\/(\d+)/.exec(page.url())![1]);
    await settled(page);
    await expect.poll(() => page.getByTestId('outline-title').textContent()).toBe('ĐỀ CƯƠNG BÁO CÁO CÔNG TÁC MẶT TRẬN HẰNG THÁNG');
    await page.mouse.move(0, 0);
    expect(await seriousA11yViolations(page, 'outline')).toEqual([]);
  });

  it('starts a monthly campaign for the commune Front committees, communes due three days before the province', async () => {
    const { page } = desk;
    await page.getByTestId('outline-start-campaign').click();
    await page.waitForURL(/\/reporting\/campaigns\/new\?outline=\d+$/);
    await settled(page);
    await page.getByTestId('campaign-title').fill(CAMPAIGN_TITLE);
    // "Vào ngày 10 tháng sau": the report on a month is due on the 10th of the next one.
    await page.getByTestId('campaign-due-day').fill('10');
    await choose('campaign-due-month', 'Tháng liền sau kỳ');
    await pickDate('Từ tháng', monthOf(dayOffset(-70)));
    await pickDate('Đến tháng', monthOf(dayOffset(40)));
    // The default deadlines are the cascade asked for: the province on the due date, communes 3 days before it.
    await expect.poll(() => page.getByTestId('deadline-level-1').textContent()).toContain('Trước hạn của cấp trên N ngày');
    expect(await page.getByTestId('deadline-level-1').getByTestId('deadline-days').inputValue()).toBe('3');
    await choose('assignee-kinds', 'Ủy ban MTTQ');
    await page.keyboard.press('Escape');
    const preview = page.getByTestId('campaign-preview');
    await expect.poll(() => preview.textContent()).toMatch(/\d+ kỳ báo cáo/);
    await screenshot(page, 'report-03-campaign-form');
    expect(await seriousA11yViolations(page, 'campaign-form')).toEqual([]);
    await page.getByTestId('campaign-submit').click();
    await page.waitForURL(/\/reporting\/campaigns\/\d+$/);
    campaignId = Number(/\/campaigns\/(\d+)/.exec(page.url())![1]);
    await settled(page);
    await expect.poll(() => page.getByTestId('campaign-heading').textContent()).toBe(CAMPAIGN_TITLE);

    const c = await admin.get<{ assigneeCount: number; periods: Period[] }>(`/campaigns/${campaignId}`);
    expect(c.assigneeCount).toBeGreaterThan(10);
    const today = dayOffset(0);
    for (const p of c.periods) {
      const [province, commune] = ['province', 'commune'].map((l) => p.deadlines.find((d) => d.level === l)!.inForce);
      expect(commune < province).toBe(true);
    }
    pastPeriod = c.periods.find((p) => p.deadlines.every((d) => d.inForce < today))!;
    currentPeriod = c.periods.find((p) => p.deadlines.every((d) => d.inForce > dayOffset(1)))!;
    expect(pastPeriod && currentPeriod).toBeTruthy();
    await page.getByTestId('tab-periods').click();
    await expect.poll(() => page.getByTestId('periods-table').textContent()).toContain(pastPeriod.label);
    await screenshot(page, 'report-04-campaign-periods');
    expect(await seriousA11yViolations(page, 'campaign')).toEqual([]);
  });

  it('has commune A report late for a past period: a refused figure shown at its field, a draft, then sent', async () => {
    const { page } = desk;
    await signInAs(page, 'chuyenvien.xa', ADMIN_PASSWORD);
    await page.goto(`${BASE_URL}/reporting/campaigns/${campaignId}`);
    await settled(page);
    const mine = page.getByTestId(`my-reports-${frontA.id}`);
    await expect.poll(() => mine.textContent()).toContain('Chưa nộp');
    await screenshot(page, 'report-05-my-reports');
    await mine.getByTestId(`open-${pastPeriod.id}`).click();
    await page.waitForURL(/\/submissions\/\d+$/);
    await settled(page);
    await expect.poll(() => page.getByTestId('submission-status').textContent()).toBe('Chưa lập');
    await expect.poll(() => page.getByTestId('submission-deadline').textContent()).toContain('quá hạn');

    await page.getByTestId('section-I').fill('Nhân dân phấn khởi trước thềm Đại hội.');
    // A fraction where a whole number is asked: the page says so at the field.
    await figure('so_cuoc_hoi_nghi').locator('input').fill('2,5');
    await figure('so_nguoi_tham_du').locator('input').click();
    await expect.poll(() => figure('so_cuoc_hoi_nghi').locator('.ant-form-item-explain-error').textContent()).toContain('phải là số nguyên');
    await figure('so_cuoc_hoi_nghi').locator('input').fill('');
    // Numbers are read and shown the Vietnamese way.
    await figure('so_nguoi_tham_du').locator('input').fill('1200');
    await figure('ty_le_dong_tinh').locator('input').fill('92,5');
    await expect.poll(() => figure('so_nguoi_tham_du').locator('input').inputValue()).toBe('1.200');
    await figure('da_tong_hop_kien_nghi').getByRole('switch').click();
    await page.getByTestId('save').click();
    await toast(page, 'Đã lưu bản nháp').waitFor();
    await expect.poll(() => page.getByTestId('submission-status').textContent()).toBe('Đang soạn');
    // Sent without the required figure: the server's 422 lands at that field.
    await page.getByTestId('submit').click();
    await confirm(page);
    await expect.poll(() => figure('so_cuoc_hoi_nghi').locator('.ant-form-item-explain-error').textContent()).toContain('Chưa nhập Số cuộc hội nghị');
    await expect.poll(() => page.getByTestId('submission-issues').textContent()).toContain('Số cuộc hội nghị');
    await screenshot(page, 'report-06-submission-422');
    expect(await seriousA11yViolations(page, 'submission-form')).toEqual([]);
    await figure('so_cuoc_hoi_nghi').locator('input').fill('3');
    await page.getByTestId('submit').click();
    await confirm(page);
    await expect.poll(() => page.getByTestId('submission-status').textContent()).toBe('Đã gửi');
    await expect.poll(() => page.getByTestId('timeliness').textContent()).toMatch(/^Trễ \d+ ngày$/);
    // The downloads of the report are offered (their content is the server tests' business).
    expect(await page.getByTestId('report-docx').getAttribute('href')).toBe(`/api/v1${apiSubmission(pastPeriod.id, frontA.id)}/report.docx`);
    expect(await page.getByTestId('report-xlsx').getAttribute('href')).toBe(`/api/v1${apiSubmission(pastPeriod.id, frontA.id)}/report.xlsx`);

    // The scanned signed copy: a text file named .pdf is refused with the server's reason, a PDF is kept.
    const upload = page.getByTestId('attachments').locator('input[type=file]');
    await upload.setInputFiles({ name: 'ban-ky.pdf', mimeType: 'application/pdf', buffer: Buffer.from('không phải PDF') });
    await expect.poll(() => page.getByTestId('attach-error').textContent()).toContain('Chỉ nhận bản quét dạng PDF, PNG hoặc JPEG');
    await upload.setInputFiles({ name: 'bao-cao-da-ky.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') });
    await expect.poll(() => page.getByTestId('attachments').textContent()).toContain('bao-cao-da-ky.pdf');
    await settled(page);
    await screenshot(page, 'report-07-submitted-late');
  });

  it('tells commune A to reload when its draft was changed meanwhile', async () => {
    const { page } = desk;
    await page.goto(submissionUrl(currentPeriod.id, frontA.id));
    await settled(page);
    await figure('so_cuoc_hoi_nghi').locator('input').fill('1');
    await page.getByTestId('save').click();
    await toast(page, 'Đã lưu bản nháp').waitFor();
    // Someone else saves the same report in another session.
    const other = await apiAs('chuyenvien.xa', ADMIN_PASSWORD);
    clients.push(other);
    const stored = await other.get<{ revision: number }>(apiSubmission(currentPeriod.id, frontA.id));
    const r = await other.put(apiSubmission(currentPeriod.id, frontA.id), { content: { figures: { so_cuoc_hoi_nghi: 2 }, sections: {} }, expectedRevision: stored.revision });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    await figure('so_cuoc_hoi_nghi').locator('input').fill('4');
    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId('stale').textContent()).toContain('Tải lại');
    await viewShot(page, 'report-08-stale');
    await page.getByTestId('reload').click();
    await expect.poll(() => figure('so_cuoc_hoi_nghi').locator('input').inputValue()).toBe('2');
    expect(await page.getByTestId('stale').count()).toBe(0);
  });

  it('has commune B report on time for the current period (and, through the API, late for the past one)', async () => {
    const communeB = await apiAs('chuyenvien.xab', COMMUNE_B_PASSWORD);
    clients.push(communeB);
    const late = await communeB.post(`${apiSubmission(pastPeriod.id, frontB.id)}/submit`, {
      content: { figures: { so_cuoc_hoi_nghi: 5, so_nguoi_tham_du: 80, ty_le_dong_tinh: 80, da_tong_hop_kien_nghi: true }, sections: { I: 'Bà con tin tưởng vào Đại hội.' } },
    });
    expect(late.status, JSON.stringify(late.body)).toBe(200);

    const { page } = desk;
    await signInAs(page, 'chuyenvien.xab', COMMUNE_B_PASSWORD);
    // First what people say, recorded on the sentiment page: the report will carry the month's summary.
    await page.goto(`${BASE_URL}/sentiment`);
    await settled(page);
    await page.getByTestId('sentiment-new').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Bức xúc', { exact: true }).click();
    await page.getByTestId('sentiment-content').fill('Bà con băn khoăn về tiến độ làm đường liên ấp.');
    await dialog.getByLabel('Chủ đề', { exact: true }).fill('giao thông');
    await page.keyboard.press('Enter');
    await dialog.getByLabel('Số người', { exact: true }).fill('12');
    await dialog.getByLabel('Vấn đề nổi cộm, bức xúc').check();
    await page.getByTestId('sentiment-save').click();
    await toast(page, 'Đã ghi nhận').waitFor();
    await expect.poll(() => page.getByTestId('sentiment-list').textContent()).toContain('tiến độ làm đường liên ấp');
    await expect.poll(() => page.getByTestId('sentiment-summary').textContent()).toContain('1 ý kiến, dư luận');
    await settled(page);
    await screenshot(page, 'report-09a-sentiment');
    expect(await seriousA11yViolations(page, 'sentiment')).toEqual([]);

    await page.goto(submissionUrl(currentPeriod.id, frontB.id));
    await settled(page);
    await figure('so_cuoc_hoi_nghi').locator('input').fill('1');
    await figure('so_nguoi_tham_du').locator('input').fill('10');
    await figure('ty_le_dong_tinh').locator('input').fill('50');
    await page.getByTestId('section-I').fill('Tình hình ổn định.');
    await page.getByLabel('Kèm báo cáo tình hình Nhân dân tháng').check();
    // The month is picked from the calendar's month panel, as a person would.
    await page.getByTestId('sentiment-attachment').getByLabel('Tháng', { exact: true }).click();
    await page.locator(`.ant-picker-dropdown:not(.ant-picker-dropdown-hidden) td[title="${dayOffset(0).slice(0, 7)}"]`).click();
    await expect.poll(() => page.getByTestId('sentiment-attachment').textContent()).toContain('Vấn đề nổi cộm, bức xúc (1)');
    await page.getByTestId('submit').click();
    await confirm(page);
    await expect.poll(() => page.getByTestId('submission-status').textContent()).toBe('Đã gửi');
    await expect.poll(() => page.getByTestId('timeliness').textContent()).toBe('Đúng hạn');
    // The month's summary went with it, fixed as it was when sent.
    await expect.poll(() => page.getByTestId('sentiment-attachment').textContent()).toContain('Số liệu chốt lúc');
    await expect.poll(() => page.getByTestId('sentiment-attachment').textContent()).toContain('tiến độ làm đường liên ấp');
    await settled(page);
    await screenshot(page, 'report-09-submitted-on-time');
  });

  it('lets the province return commune A’s report with a reason', async () => {
    const { page } = desk;
    await signInAs(page, 'lanhdao.tinh', ADMIN_PASSWORD);
    await page.goto(`${BASE_URL}/reporting/campaigns/${campaignId}?tab=received&period=${encodeURIComponent(pastPeriod.id)}`);
    await settled(page);
    const received = page.getByTestId('received-table');
    await expect.poll(() => page.getByTestId('received-counts').textContent()).toMatch(/^Đã nhận 2\/\d+ báo cáo/);
    await received.getByRole('link', { name: `Xem, tiếp nhận báo cáo của ${frontA.name}` }).click();
    await page.waitForURL(/\/submissions\/\d+$/);
    await settled(page);
    await expect.poll(() => page.getByTestId('report-view').locator('[data-figure="so_nguoi_tham_du"]').textContent()).toContain('1.200 người');
    await page.getByTestId('return').click();
    const dialog = page.getByRole('dialog', { name: 'Trả lại báo cáo để sửa' });
    await dialog.getByTestId('reason').fill(RETURN_REASON);
    await viewShot(page, 'report-10-return-dialog');
    await dialog.getByTestId('reason-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('submission-status').textContent()).toBe('Trả lại để sửa');
    await expect.poll(() => page.getByTestId('submission-events').textContent()).toContain(RETURN_REASON);
    await settled(page);
    await screenshot(page, 'report-11-returned');
    expect(await seriousA11yViolations(page, 'submission-review')).toEqual([]);
  });

  it('has commune A correct and send again; the two versions compare', async () => {
    const { page } = desk;
    await signInAs(page, 'chuyenvien.xa', ADMIN_PASSWORD);
    await page.goto(submissionUrl(pastPeriod.id, frontA.id));
    await settled(page);
    await expect.poll(() => page.getByTestId('return-reason').textContent()).toContain(RETURN_REASON);
    await figure('so_nguoi_tham_du').locator('input').fill('1.500');
    await page.getByTestId('section-I').fill('Nhân dân phấn khởi, tin tưởng trước thềm Đại hội.');
    await page.getByTestId('submit').click();
    await confirm(page);
    await expect.poll(() => page.getByTestId('submission-status').textContent()).toBe('Đã gửi');
    await expect.poll(() => page.getByTestId('submission-summary').textContent()).toContain('Lần gửi 2');
    await page.getByTestId('compare').click();
    const comparison = page.getByRole('dialog').getByTestId('comparison');
    await expect.poll(() => comparison.getByTestId('comparison-figures').textContent()).toContain('1.200 người');
    await expect.poll(() => comparison.getByTestId('comparison-figures').textContent()).toContain('1.500 người');
    await expect.poll(() => comparison.locator('ins').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('tin tưởng')]));
    await viewShot(page, 'report-12-compare');
    await page.keyboard.press('Escape');

    // The same page on a phone: one column, nothing scrolls sideways.
    phone = await launch({ width: 390, height: 844 });
    await login(phone.page, 'chuyenvien.xa', ADMIN_PASSWORD);
    await phone.page.goto(submissionUrl(currentPeriod.id, frontA.id));
    await settled(phone.page);
    await phone.page.getByTestId('report-form').waitFor();
    expect(await noSidewaysScroll(phone)).toBe(true);
    await screenshot(phone.page, 'report-13-submission-phone');
    expect(await seriousA11yViolations(phone.page, 'submission-phone')).toEqual([]);
  });

  it('lets the province accept both reports and see its pre-filled report with its coverage', async () => {
    const { page } = desk;
    await signInAs(page, 'lanhdao.tinh', ADMIN_PASSWORD);
    // The campaigns list, by the part the user's units play.
    await page.goto(`${BASE_URL}/reporting`);
    await settled(page);
    await expect.poll(() => page.getByTestId('campaigns-table').locator('tr', { hasText: CAMPAIGN_TITLE }).textContent()).toContain('Đơn vị tôi giao');
    await screenshot(page, 'report-14-campaigns');
    expect(await seriousA11yViolations(page, 'campaigns')).toEqual([]);
    for (const org of [frontA, frontB]) {
      await page.goto(submissionUrl(pastPeriod.id, org.id));
      await settled(page);
      await page.getByTestId('accept').click();
      await confirm(page);
      await expect.poll(() => page.getByTestId('submission-status').textContent()).toBe('Đã tiếp nhận');
    }
    await expect.poll(() => page.getByTestId('submission-events').textContent()).toContain('Tiếp nhận');

    await page.goto(`${BASE_URL}/reporting/campaigns/${campaignId}?tab=received&period=${encodeURIComponent(pastPeriod.id)}`);
    await settled(page);
    await page.getByTestId('open-rollup').click();
    await page.waitForURL(/\/rollup\?org=\d+$/);
    await settled(page);
    await expect.poll(() => page.getByTestId('rollup-coverage').textContent()).toMatch(/^2\/\d+ đơn vị đã báo cáo \(chỉ tính báo cáo đã tiếp nhận\)/);
    const figures = page.getByTestId('rollup-figures');
    await expect.poll(() => figures.locator('tr[data-row-key="so_cuoc_hoi_nghi"]').textContent()).toContain('8 cuộc');
    await expect.poll(() => figures.locator('tr[data-row-key="so_nguoi_tham_du"]').textContent()).toContain('1.580 người');
    const texts = page.getByTestId('rollup-texts');
    await expect.poll(() => texts.textContent()).toContain(frontA.name);
    await expect.poll(() => texts.textContent()).toContain('Bà con tin tưởng vào Đại hội.');
    expect(await page.getByTestId('rollup-docx').getAttribute('href')).toMatch(new RegExp(`^/api/v1/campaigns/${campaignId}/periods/${pastPeriod.id}/rollup\\.docx\\?organizationId=\\d+&mode=accepted_only$`));
    expect(await page.getByTestId('rollup-xlsx').getAttribute('href')).toMatch(/\/rollup\.xlsx\?organizationId=\d+&mode=accepted_only$/);
    await screenshot(page, 'report-15-rollup');
    expect(await seriousA11yViolations(page, 'rollup')).toEqual([]);
    // Counting every report received instead is said in the statement.
    await page.getByTestId('mode-all_received').click();
    await expect.poll(() => page.getByTestId('rollup-coverage').textContent()).toContain('tính mọi báo cáo đã gửi');
    // This month's reports received so far: commune B sent the month's sentiment report with its own, summed here.
    const org = new URL(page.url()).searchParams.get('org');
    await page.goto(`${BASE_URL}/reporting/campaigns/${campaignId}/periods/${encodeURIComponent(currentPeriod.id)}/rollup?org=${org}&mode=all_received`);
    await settled(page);
    await expect.poll(() => page.getByTestId('rollup-sentiment').textContent()).toContain('1 ý kiến, dư luận');
    await expect.poll(() => page.getByTestId('rollup-sentiment').textContent()).toContain('tiến độ làm đường liên ấp');
    await screenshot(page, 'report-15b-rollup-sentiment');
  });

  it('shows the completeness of the communes per period, drill-down and the units × periods matrix', async () => {
    const { page } = desk;
    await page.goto(`${BASE_URL}/reporting/campaigns/${campaignId}?tab=received&period=${encodeURIComponent(pastPeriod.id)}`);
    await settled(page);
    await page.getByTestId('open-completeness').click();
    await page.waitForURL(/\/completeness\?org=\d+$/);
    await settled(page);
    await page.getByTestId('completeness-chart').locator('svg').first().waitFor();
    const counts = page.getByTestId('completeness-counts');
    await expect.poll(() => counts.locator(`tr[data-row-key="${pastPeriod.id}"]`).locator('td').allTextContents()).toEqual(expect.arrayContaining(['2']));
    const matrix = page.getByTestId('matrix-table');
    await expect.poll(() => matrix.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(10);
    const rowA = matrix.locator('tbody tr.ant-table-row', { hasText: frontA.name });
    await expect.poll(() => rowA.locator('[data-status="accepted"]').first().textContent()).toMatch(/^Đã tiếp nhận · trễ \d+ ngày$/);
    await expect.poll(() => page.getByTestId('completeness-matrix').textContent()).toMatch(/Bảng đơn vị × kỳ \(\d+ đơn vị\)/);
    expect(await page.getByTestId('completeness-xlsx').getAttribute('href')).toMatch(new RegExp(`^/api/v1/campaigns/${campaignId}/completeness\\.xlsx\\?organizationId=\\d+$`));
    await screenshot(page, 'report-16-completeness');
    expect(await seriousA11yViolations(page, 'completeness')).toEqual([]);
    // A province with more than a page of communes pages the matrix on the server.
    const total = Number(/\((\d+) đơn vị\)/.exec((await page.getByTestId('completeness-matrix').textContent()) ?? '')![1]);
    if (total > 50) {
      const first = await matrix.locator('tbody tr.ant-table-row').first().textContent();
      await page.getByTestId('completeness-matrix').locator('.ant-pagination-next').click();
      await page.waitForURL(/page=2/);
      await settled(page);
      await expect.poll(() => matrix.locator('tbody tr.ant-table-row').first().textContent()).not.toBe(first);
      expect(await matrix.locator('tbody tr.ant-table-row').count()).toBe(Math.min(50, total - 50));
    }
    // The same page on a phone, for the province.
    await logout(phone!.page);
    await login(phone!.page, 'lanhdao.tinh', ADMIN_PASSWORD);
    await phone!.page.goto(page.url());
    await settled(phone!.page);
    expect(await noSidewaysScroll(phone!)).toBe(true);
    await screenshot(phone!.page, 'report-17-completeness-phone');
  });

  it('lets the province Front, which itself reports to the Party committee, start its report from the roll-up and send it up', async () => {
    // A campaign of the province Party committee: the province Front reports to it and receives from the communes.
    const fronts = await admin.get<{ items: { id: number }[] }>('/organizations?unitCode=75&kind=fatherland_front');
    const province = fronts.items[0]!.id;
    const lines = await admin.get<{ reportsTo: { organization: { id: number; kind: string } }[] }>(`/organizations/${province}`);
    const committee = lines.reportsTo.find((l) => l.organization.kind === 'party_committee')!.organization.id;
    const created = await admin.post<{ id: number }>('/campaigns', {
      organizationId: committee,
      title: 'Báo cáo chuyên đề gửi Thành ủy (thử nghiệm)',
      outlineId,
      schedule: { kind: 'ad_hoc', key: 'chuyen-de', label: 'Đợt chuyên đề', due: dayOffset(20) },
      deadlines: { levels: [{ level: 'province', rule: 'due' }, { level: 'commune', rule: 'offset', days: 5, of: 'province' }] },
      assignees: { levels: ['province', 'commune'], kinds: ['fatherland_front'], systems: ['front'] },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id;
    const leader = await apiAs('lanhdao.tinh', ADMIN_PASSWORD);
    const communeA = await apiAs('chuyenvien.xa', ADMIN_PASSWORD);
    const communeB = await apiAs('chuyenvien.xab', COMMUNE_B_PASSWORD);
    clients.push(leader, communeA, communeB);
    const path = (org: number, rest = '') => `/campaigns/${id}/periods/chuyen-de/submissions/${org}${rest}`;
    for (const [client, org, n, text] of [
      [communeA, frontA.id, 4, 'Xã A: Nhân dân đồng tình cao.'],
      [communeB, frontB.id, 6, 'Xã B: Có ý kiến về đất đai.'],
    ] as const) {
      const r = await client.post(path(org, '/submit'), { content: { figures: { so_cuoc_hoi_nghi: n, so_nguoi_tham_du: n * 10 }, sections: { I: text } } });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect((await leader.post(path(org, '/accept'))).status).toBe(200);
    }

    const { page } = desk;
    await page.goto(`${BASE_URL}/reporting/campaigns/${id}/periods/chuyen-de/rollup`);
    await settled(page);
    await expect.poll(() => page.getByTestId('rollup-coverage').textContent()).toMatch(/^2\/\d+ đơn vị đã báo cáo/);
    await page.getByTestId('use-as-report').click();
    await page.waitForURL(new RegExp(`/campaigns/${id}/periods/chuyen-de/submissions/${province}$`));
    await settled(page);
    await expect.poll(() => page.getByTestId('prefilled').textContent()).toMatch(/2\/\d+ đơn vị đã báo cáo/);
    await expect.poll(() => figure('so_cuoc_hoi_nghi').locator('input').inputValue()).toBe('10');
    await expect.poll(() => figure('so_nguoi_tham_du').locator('input').inputValue()).toBe('100');
    const text = page.getByTestId('section-I');
    await expect.poll(() => text.inputValue()).toContain('Xã B: Có ý kiến về đất đai.');
    await text.fill(`${await text.inputValue()}\nTổng hợp chung: tình hình ổn định.`);
    await screenshot(page, 'report-18-own-report-prefilled');
    await page.getByTestId('submit').click();
    await confirm(page);
    await expect.poll(() => page.getByTestId('submission-status').textContent()).toBe('Đã gửi');
    await expect.poll(() => page.getByTestId('timeliness').textContent()).toBe('Đúng hạn');
    const sent = await leader.get<{ recipientName: string; content: { figures: Record<string, number>; sections: Record<string, string> } }>(path(province));
    expect(sent.content.figures.so_cuoc_hoi_nghi).toBe(10);
    expect(sent.content.sections.I).toContain('Tổng hợp chung: tình hình ổn định.');
    expect(sent.recipientName).toContain('ủy');
  });

  it('raised no uncaught errors in the pages', () => {
    // Answers the pages expect and handle: 409 SUBMISSION_STALE and 415 provoked above, 422 at the field.
    expect(desk.errors.filter((e) => !/status of (409|415|422)/.test(e))).toEqual([]);
    expect(phone?.errors ?? []).toEqual([]);
  });
});

describe('reminders by mail and in the application', () => {
  it('mails each unit that owes a report due in two days once, and shows the notice under the bell', async () => {
    const sink = await startMailSink();
    const mails = sink.mails;
    // No sample campaign: its overdue reminders would add notices of their own.
    const server = await startAppServer('reminders', { SMTP_URL: `smtp://127.0.0.1:${sink.port}`, MAIL_FROM: 'Dân Ý <no-reply@dany.test>', REMINDER_INTERVAL_MS: '1500', SEED_SAMPLES: '0' });
    const browser = await launch();
    try {
      const admin2 = await apiAs('admin', ADMIN_PASSWORD, server.baseUrl);
      const leader = await apiAs('lanhdao.tinh', ADMIN_PASSWORD, server.baseUrl);
      const specialist = await apiAs('chuyenvien.xa', ADMIN_PASSWORD, server.baseUrl);
      clients.push(admin2, leader, specialist);
      // Addresses for the two communes' responsible users: the demo specialist, and a second commune's.
      expect((await admin2.patch(`/users/${specialist.me.id}`, { email: 'cuong@xa-a.example' })).status).toBe(200);
      const a = specialist.me.grants[0]!.organizationId!;
      const fronts = await admin2.get<{ items: { id: number }[] }>('/organizations?unitLevel=commune&kind=fatherland_front&limit=5');
      const b = fronts.items.find((o) => o.id !== a)!.id;
      const user = await admin2.post('/users', { username: 'chuyenvien.xab', fullName: 'Trần Thị Bình', email: 'binh@xa-b.example', password: COMMUNE_B_PASSWORD, locale: 'vi', grants: [{ organizationId: b, role: 'specialist' }] });
      expect(user.status, JSON.stringify(user.body)).toBe(201);
      const province = leader.me.grants[0]!.organizationId!;
      const outline = await leader.post<{ id: number }>('/outlines', {
        organizationId: province,
        outline: { title: 'Báo cáo nhanh', sections: [{ address: 'I', number: 'I', title: 'Tình hình', requiresText: true }] },
      });
      expect(outline.status, JSON.stringify(outline.body)).toBe(201);
      // Due in two days: the "3 days before" reminder is already due, the "1 day before" one is not yet.
      const campaign = await leader.post<{ id: number }>('/campaigns', {
        organizationId: province,
        title: 'Báo cáo nhanh tình hình',
        outlineId: outline.body.id,
        schedule: { kind: 'ad_hoc', key: 'nhanh', label: 'Đợt báo cáo nhanh', due: dayOffset(2) },
        deadlines: { levels: [{ level: 'commune', rule: 'due' }], adjust: 'none' },
        reminders: { daysBefore: [3, 1], at: '08:00', overdue: null },
        assignees: { levels: ['commune'], kinds: ['fatherland_front'] },
      });
      expect(campaign.status, JSON.stringify(campaign.body)).toBe(201);

      const wanted = ['binh@xa-b.example', 'cuong@xa-a.example'];
      await expect.poll(() => mails.map((m) => m.to).sort(), { timeout: 60_000, interval: 500 }).toEqual(wanted);
      // Several more rounds of the loop send nothing again.
      await new Promise((r) => setTimeout(r, 6_000));
      expect(mails.map((m) => m.to).sort()).toEqual(wanted);
      expect(new Set(mails.map((m) => m.messageId)).size).toBe(2);
      for (const m of mails) {
        expect(m.subject).toBe('Nhắc hạn báo cáo: Báo cáo nhanh tình hình – Đợt báo cáo nhanh');
        expect(m.messageId).toContain(`reminder:${campaign.body.id}:nhanh:`);
      }

      // The same reminder in the application: the bell counts it, opening it marks it read and opens the report.
      const { page } = browser;
      await page.goto(`${server.baseUrl}/login`);
      await login(page, 'chuyenvien.xa', ADMIN_PASSWORD);
      const bell = page.getByTestId('notification-bell');
      await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 30_000 }).toBe('Thông báo: 1 chưa đọc');
      await bell.click();
      await page.getByTestId('notification-list').waitFor();
      await viewShot(page, 'report-19-notifications');
      expect(await seriousA11yViolations(page, 'notifications-popover')).toEqual([]);
      await page.getByTestId('notification-open').first().click();
      await page.waitForURL(new RegExp(`/reporting/campaigns/${campaign.body.id}/periods/nhanh/submissions/${a}$`));
      await settled(page);
      await expect.poll(() => page.getByTestId('submission-heading').textContent()).toBeTruthy();
      await expect.poll(() => bell.getAttribute('aria-label')).toBe('Thông báo');
      await page.goto(`${server.baseUrl}/notifications`);
      await settled(page);
      await expect.poll(() => page.getByTestId('notification-list').textContent()).toContain('Nhắc hạn báo cáo');
      await screenshot(page, 'report-20-notifications-page');
      expect(await seriousA11yViolations(page, 'notifications')).toEqual([]);
      expect(browser.errors).toEqual([]);
    } finally {
      await browser.close();
      await server.stop();
      await sink.close();
    }
  });
});
