// Sample work on a fresh demo database (`npm start`): a draft political report open for the people's comments, with
// a few comments already recorded by a commune, and a monthly reporting campaign for the province's communes, so
// that the first look shows the product at work. Never run on a database that holds data, never in the tests.
import { one, sql, type Db } from './db';
import type { Ctx } from './context';
import { addDays, todayInVietnam } from '../shared/dates';
import { createComment, createConsultation, createDraft, transitionConsultation } from '../modules/consultations/consultations.service';
import type { Stratum } from '../modules/consultations/consultations.schema';
import { findOrganizationsAtUnit } from '../modules/organizations/organizations.queries';
import { outlineFromText } from '../modules/reporting/outlines.model';
import { createCampaign, createOutline } from '../modules/reporting/reporting.service';

const SEED: Ctx = { actor: null, system: 'seed' };

const DRAFT = `DỰ THẢO BÁO CÁO CHÍNH TRỊ CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH

I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT NHIỆM KỲ 2020 - 2025

1. Về phát triển kinh tế

Kinh tế của tỉnh tăng trưởng khá; cơ cấu kinh tế chuyển dịch đúng hướng.

2. Về văn hóa - xã hội

Giáo dục, y tế, an sinh xã hội có nhiều tiến bộ; đời sống Nhân dân được nâng lên.

3. Hạn chế, yếu kém

Hạ tầng giao thông nông thôn còn thiếu đồng bộ; cải cách hành chính có mặt còn chậm.

II. PHƯƠNG HƯỚNG, NHIỆM VỤ NHIỆM KỲ 2025 - 2030

1. Mục tiêu tổng quát

Xây dựng tỉnh phát triển nhanh, bền vững; Nhân dân có cuộc sống ấm no, hạnh phúc.

2. Nhiệm vụ, giải pháp đột phá

a) Hoàn thiện hạ tầng giao thông kết nối vùng.

b) Đẩy mạnh chuyển đổi số trong cơ quan nhà nước và phục vụ người dân.
`;

const COMMENTS: Array<{ section: string; body: string; stratum: Stratum; channel: 'written' | 'letter' | 'survey' }> = [
  { section: 'I.3', body: 'Đề nghị đánh giá rõ hơn nguyên nhân chậm nâng cấp đường giao thông nông thôn.', stratum: 'nong_dan', channel: 'written' },
  { section: 'I.3', body: 'De nghi danh gia ro hon nguyen nhan cham nang cap duong giao thong nong thon', stratum: 'nong_dan', channel: 'survey' },
  { section: 'II.2.b', body: 'Đề nghị bổ sung giải pháp hỗ trợ người cao tuổi sử dụng dịch vụ công trực tuyến.', stratum: 'huu_tri', channel: 'letter' },
  { section: 'II.2.b', body: 'Cần có giải pháp giúp người già làm thủ tục hành chính trên mạng.', stratum: 'huu_tri', channel: 'written' },
  { section: 'II.1', body: 'Nhất trí với mục tiêu tổng quát; đề nghị nêu cụ thể chỉ tiêu thu nhập bình quân đầu người.', stratum: 'tri_thuc', channel: 'written' },
];

const OUTLINE = `ĐỀ CƯƠNG BÁO CÁO CÔNG TÁC MẶT TRẬN HẰNG THÁNG

I. TÌNH HÌNH NHÂN DÂN

Nêu tâm trạng, dư luận nổi bật của Nhân dân trên địa bàn; kiến nghị của cử tri.

II. KẾT QUẢ CÔNG TÁC

1. Hội nghị, tiếp xúc

- [Số cuộc hội nghị: số nguyên, cuộc, tổng, bắt buộc, từ 0]
- [Số người tham dự: số nguyên, người, tổng, từ 0]
- [Tỷ lệ đồng tình: tỷ lệ, bình quân theo Số người tham dự, 1 chữ số thập phân]

2. Giám sát, phản biện

- [Số cuộc giám sát: số nguyên, cuộc, tổng, từ 0]

III. KIẾN NGHỊ, ĐỀ XUẤT
`;

/** Seeds the samples under the demo province; the comments are recorded by its first commune (the demo users' one). */
export async function seedSamples(db: Db, demoProvinceCode: string): Promise<void> {
  const front = (level: 'province' | 'commune', code: string) => findOrganizationsAtUnit(db, level, code).then((orgs) => orgs.find((o) => o.kind === 'fatherland_front')!);
  const first = await one<{ code: string }>(db, sql`SELECT code FROM unit WHERE level = 'commune' AND parent_code = ${demoProvinceCode} AND valid_to IS NULL ORDER BY code LIMIT 1`);
  const province = await front('province', demoProvinceCode);
  const commune = await front('commune', first!.code);
  const today = todayInVietnam();

  const draft = await createDraft(db, SEED, {
    organizationId: province.id,
    title: 'Dự thảo Báo cáo chính trị Đại hội Đảng bộ tỉnh nhiệm kỳ 2025 - 2030',
    fileName: 'du-thao-bao-cao-chinh-tri.txt',
    contentBase64: Buffer.from(DRAFT).toString('base64'),
  });
  const consultation = await createConsultation(db, SEED, {
    organizationId: province.id,
    title: 'Lấy ý kiến Nhân dân góp ý dự thảo Báo cáo chính trị',
    description: 'Mọi người dân có thể góp ý trực tiếp tại cổng góp ý hoặc qua Ủy ban MTTQ xã, phường.',
    opensOn: addDays(today, -7),
    closesOn: addDays(today, 23),
    draftIds: [draft.id],
    publicPortal: true,
  });
  await transitionConsultation(db, SEED, consultation.id, 'open');
  for (const c of COMMENTS) {
    await createComment(db, SEED, consultation.id, { organizationId: commune.id, channel: c.channel, draftId: draft.id, sectionAddress: c.section, body: c.body, stratum: c.stratum, weight: 1 });
  }

  const outline = await createOutline(db, SEED, { organizationId: province.id, outline: outlineFromText(OUTLINE).outline });
  const month = (d: string) => `${d.slice(0, 7)}-01`;
  await createCampaign(db, SEED, {
    organizationId: province.id,
    title: 'Báo cáo công tác Mặt trận hằng tháng',
    outlineId: outline.id,
    schedule: { kind: 'periodic', frequency: 'monthly', due: { day: 10, rule: 'on' }, dueMonth: 'next_month', cutoffDay: 1, from: month(addDays(today, -60)), to: month(addDays(today, 90)) },
    deadlines: {
      levels: [
        { level: 'province', rule: 'due' },
        { level: 'commune', rule: 'offset', days: 3, of: 'province' },
      ],
      adjust: 'previous_working_day',
      holidays: { extraDaysOff: [], workingDays: [] },
    },
    reminders: { daysBefore: [3, 1], at: '08:00', overdue: { firstAfterDays: 1, everyDays: 3, maxCount: 3 } },
    assignees: { levels: ['commune'], kinds: ['fatherland_front'], systems: [] },
  });
}
