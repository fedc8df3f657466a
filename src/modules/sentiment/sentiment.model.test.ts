// The monthly sentiment report as pure arithmetic: counts by attitude, topic, stratum, source and area; the opinions
// listed; a superior's sum of its units' reports; the month's days; topics as stored; the printed summary and tables.
import { describe, expect, it } from 'vitest';
import { sentimentSummary, sentimentTables } from './sentiment.document';
import { MAX_NOTABLE, mergeSentimentReports, monthLabel, monthRange, sentimentReport, type SentimentFact } from './sentiment.model';
import { normalizeTopic, SentimentRecordBody, TopicsSchema } from './sentiment.schema';

const SCOPE = { month: '2026-03', organizationId: 1, organizationName: 'Ủy ban MTTQ Việt Nam tỉnh Đồng Nai', computedAt: '2026-04-01T00:00:00.000Z' };

let seq = 0;
function fact(over: Partial<SentimentFact> = {}): SentimentFact {
  seq += 1;
  return {
    organizationId: 1,
    organizationName: SCOPE.organizationName,
    areaId: 1,
    areaName: SCOPE.organizationName,
    observedOn: `2026-03-${String((seq % 28) + 1).padStart(2, '0')}`,
    place: 'Ấp 1',
    source: 'collaborator',
    strata: [],
    topics: ['đất đai'],
    attitude: 'dong_tinh',
    content: `Ý kiến ${seq}`,
    quotes: '',
    peopleCount: 1,
    hotIssue: false,
    falseInformation: false,
    ...over,
  };
}

const communeA = { organizationId: 11, organizationName: 'Ủy ban MTTQ xã An Phước', areaId: 11, areaName: 'Ủy ban MTTQ xã An Phước' };
const hamletOfA = { organizationId: 111, organizationName: 'Ban Công tác Mặt trận ấp 3', areaId: 11, areaName: 'Ủy ban MTTQ xã An Phước' };
const communeB = { organizationId: 12, organizationName: 'Ủy ban MTTQ xã Bình An', areaId: 12, areaName: 'Ủy ban MTTQ xã Bình An' };

describe('sentimentReport', () => {
  const facts = [
    fact({ attitude: 'dong_tinh', peopleCount: 30, topics: ['nhân sự đại hội'], strata: ['nong_dan', 'phu_nu'], source: 'meeting' }),
    fact({ ...communeA, attitude: 'buc_xuc', peopleCount: 12, topics: ['đất đai', 'bồi thường'], strata: ['nong_dan'], hotIssue: true, quotes: 'Giá bồi thường thấp quá' }),
    fact({ ...hamletOfA, attitude: 'ban_khoan', peopleCount: 5, topics: ['đất đai'], quotes: 'Bao giờ có sổ đỏ?' }),
    fact({ ...communeB, attitude: 'buc_xuc', peopleCount: 40, topics: ['môi trường'], source: 'cyberspace', falseInformation: true, quotes: 'Nghe nói nhà máy xả thải' }),
  ];
  const r = sentimentReport(SCOPE, facts);

  it('counts records and people, hot issues, false information and the units that recorded', () => {
    expect(r.totals).toEqual({ records: 4, people: 87, hotIssues: 1, falseInformation: 1, units: 4 });
  });

  it('gives every attitude in its fixed order, zeros kept', () => {
    expect(r.byAttitude).toEqual([
      { key: 'dong_tinh', records: 1, people: 30 },
      { key: 'ban_khoan', records: 1, people: 5 },
      { key: 'buc_xuc', records: 2, people: 52 },
      { key: 'phan_doi', records: 0, people: 0 },
    ]);
  });

  it('counts a record under each of its topics and strata, most records first', () => {
    expect(r.byTopic.map((c) => [c.key, c.records, c.people])).toEqual([
      ['đất đai', 2, 17],
      ['môi trường', 1, 40],
      ['nhân sự đại hội', 1, 30],
      ['bồi thường', 1, 12],
    ]);
    expect(r.byStratum).toEqual([
      { key: 'nong_dan', records: 2, people: 42 },
      { key: 'phu_nu', records: 1, people: 30 },
    ]);
    expect(r.bySource.map((c) => c.key)).toEqual(['collaborator', 'cyberspace', 'meeting']);
  });

  it('puts a hamlet’s records under the commune it reports through, the organization’s own first', () => {
    expect(r.byArea).toEqual([
      { organizationId: 1, organizationName: SCOPE.organizationName, records: 1, people: 30 },
      { organizationId: 11, organizationName: 'Ủy ban MTTQ xã An Phước', records: 2, people: 17 },
      { organizationId: 12, organizationName: 'Ủy ban MTTQ xã Bình An', records: 1, people: 40 },
    ]);
  });

  it('lists quotes, hot issues and false information with their unit, most people first', () => {
    expect(r.notable.map((n) => [n.organizationName, n.quotes])).toEqual([
      ['Ủy ban MTTQ xã Bình An', 'Nghe nói nhà máy xả thải'],
      ['Ủy ban MTTQ xã An Phước', 'Giá bồi thường thấp quá'],
      ['Ban Công tác Mặt trận ấp 3', 'Bao giờ có sổ đỏ?'],
    ]);
    expect(r.hotIssues).toEqual([expect.objectContaining({ organizationName: 'Ủy ban MTTQ xã An Phước', peopleCount: 12, attitude: 'buc_xuc' })]);
    expect(r.falseInformation).toEqual([expect.objectContaining({ organizationName: 'Ủy ban MTTQ xã Bình An', topics: ['môi trường'] })]);
  });

  it('keeps at most a few quotes', () => {
    const many = Array.from({ length: MAX_NOTABLE + 5 }, (_, i) => fact({ quotes: `Câu ${i}`, peopleCount: i + 1 }));
    const notable = sentimentReport(SCOPE, many).notable;
    expect(notable).toHaveLength(MAX_NOTABLE);
    expect(notable[0]!.quotes).toBe(`Câu ${MAX_NOTABLE + 4}`);
  });

  it('reports an empty month as zeros, every attitude still listed', () => {
    const empty = sentimentReport(SCOPE, []);
    expect(empty.totals).toEqual({ records: 0, people: 0, hotIssues: 0, falseInformation: 0, units: 0 });
    expect(empty.byAttitude.map((a) => a.records)).toEqual([0, 0, 0, 0]);
    expect(sentimentSummary(empty)).toContain('chưa ghi nhận ý kiến, dư luận nào');
    expect(sentimentTables(empty).map((t) => t.title)).toEqual(['Theo thái độ']);
  });
});

describe('mergeSentimentReports', () => {
  it('adds up its units’ reports, each unit one area, the opinions of all listed', () => {
    const a = sentimentReport({ ...SCOPE, organizationId: 11, organizationName: communeA.organizationName }, [
      fact({ ...communeA, attitude: 'buc_xuc', peopleCount: 10, hotIssue: true, topics: ['đất đai'] }),
      fact({ ...communeA, attitude: 'dong_tinh', peopleCount: 3, topics: ['nhân sự đại hội'] }),
    ]);
    const b = sentimentReport({ ...SCOPE, organizationId: 12, organizationName: communeB.organizationName }, [
      fact({ ...communeB, attitude: 'buc_xuc', peopleCount: 20, hotIssue: true, topics: ['đất đai', 'môi trường'] }),
    ]);
    const m = mergeSentimentReports(SCOPE, [
      { unitId: 11, unitName: communeA.organizationName, report: a },
      { unitId: 12, unitName: communeB.organizationName, report: b },
    ]);
    expect(m.totals).toEqual({ records: 3, people: 33, hotIssues: 2, falseInformation: 0, units: 2 });
    expect(m.byAttitude.find((x) => x.key === 'buc_xuc')).toEqual({ key: 'buc_xuc', records: 2, people: 30 });
    expect(m.byTopic[0]).toEqual({ key: 'đất đai', records: 2, people: 30 });
    expect(m.byArea.map((x) => [x.organizationName, x.records])).toEqual([
      [communeA.organizationName, 2],
      [communeB.organizationName, 1],
    ]);
    expect(m.hotIssues.map((h) => h.organizationName)).toEqual([communeB.organizationName, communeA.organizationName]);
    expect(m).toMatchObject({ month: SCOPE.month, organizationName: SCOPE.organizationName });
  });
});

describe('months and topics', () => {
  it('gives a month’s first day, the day after its last, and its last', () => {
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', until: '2026-03-01', last: '2026-02-28' });
    expect(monthRange('2024-12')).toEqual({ from: '2024-12-01', until: '2025-01-01', last: '2024-12-31' });
    expect(monthLabel('2026-03')).toBe('tháng 3/2026');
  });

  it('stores one spelling of a topic, whatever was typed', () => {
    expect(normalizeTopic('  #Đất   Đai ')).toBe('đất đai');
    // Decomposed diacritics (typed on some phones) become the composed form.
    expect(normalizeTopic('Đất đai'.normalize('NFD'))).toBe('đất đai');
    expect(TopicsSchema.parse(['Đất đai', 'đất  đai', ' ', 'Môi trường'])).toEqual(['đất đai', 'môi trường']);
    expect(TopicsSchema.safeParse(['  ']).error?.issues[0]?.message).toContain('Cần ít nhất một chủ đề');
  });

  it('refuses a record without content, with no one, or with an unknown attitude, in Vietnamese', () => {
    const base = { observedOn: '2026-03-02', source: 'meeting', topics: ['đất đai'], attitude: 'dong_tinh', content: 'Nhân dân phấn khởi' };
    expect(SentimentRecordBody.parse(base)).toMatchObject({ peopleCount: 1, strata: [], quotes: '', hotIssue: false, falseInformation: false });
    const message = (over: object) => SentimentRecordBody.safeParse({ ...base, ...over }).error?.issues[0]?.message;
    expect(message({ content: '   ' })).toBe('Cần ghi nội dung ý kiến, dư luận.');
    expect(message({ peopleCount: 0 })).toBe('Số người ít nhất là 1.');
    expect(message({ attitude: 'vui' })).toContain('Thái độ phải là');
    expect(message({ source: 'tin_don' })).toBe('Nguồn nắm tình hình không hợp lệ.');
  });
});

describe('the printed part', () => {
  it('sums up the month in one sentence and gives the tables that have rows', () => {
    const r = sentimentReport(SCOPE, [
      fact({ attitude: 'dong_tinh', peopleCount: 3, strata: ['cong_nhan'] }),
      fact({ attitude: 'phan_doi', peopleCount: 1, hotIssue: true, quotes: 'Không đồng ý' }),
    ]);
    expect(sentimentSummary(r)).toBe(
      'Trong tháng 3/2026, Ủy ban MTTQ Việt Nam tỉnh Đồng Nai nắm được 2 ý kiến, dư luận của khoảng 4 người, ghi nhận tại 1 đơn vị; ' +
        'trong đó đồng tình 1 ý kiến (50,0%), phản đối 1 ý kiến (50,0%). Có 1 vấn đề nổi cộm, bức xúc và 0 thông tin sai trái cần theo dõi, xử lý.',
    );
    const tables = sentimentTables(r);
    expect(tables.map((t) => t.title)).toEqual(['Theo thái độ', 'Theo chủ đề', 'Theo tầng lớp Nhân dân', 'Theo nguồn nắm tình hình', 'Theo địa bàn, đơn vị', 'Vấn đề nổi cộm, bức xúc', 'Ý kiến tiêu biểu']);
    expect(tables[1]!.rows).toEqual([[1, 'Đất đai', 2, 4]]);
    expect(tables[2]!.rows).toEqual([[1, 'Công nhân', 1, 3]]);
    for (const t of tables) expect(t.sheet.length).toBeLessThanOrEqual(31);
  });
});
