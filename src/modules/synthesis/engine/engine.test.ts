// The grouping engine on its own: the partition invariant, determinism, Vietnamese normalization, what must stay
// apart, sections, incremental assignment, and a quality floor on the labelled dev set when it is present.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GroupingIndex, embedComments, groupComments, normalizeComment, type CommentInput, type EmbeddingProvider, type Grouping } from './index';

const together = (g: Grouping, a: string, b: string) => g.groups.some((x) => x.members.includes(a) && x.members.includes(b));
const texts = (...list: string[]): CommentInput[] => list.map((text, i) => ({ id: `c${i + 1}`, text, section: 'III.3.b' }));

function checkPartition(input: CommentInput[], g: Grouping) {
  const seen = new Map<string, number>();
  for (const group of g.groups) {
    expect(group.members.length).toBeGreaterThan(0);
    for (const m of group.members) seen.set(m, (seen.get(m) ?? 0) + 1);
    const weights = group.members.map((m) => input.find((c) => c.id === m)?.weight ?? 1);
    expect(group.count).toBeCloseTo(weights.reduce((s, w) => s + w, 0), 9);
  }
  expect([...seen.keys()].sort()).toEqual(input.map((c) => c.id).sort());
  expect([...seen.values()].every((n) => n === 1)).toBe(true);
}

describe('normalization', () => {
  it('reads one word however its tone mark is placed, decomposed or typed without marks', () => {
    const a = normalizeComment('Đề nghị hòa giải ở cơ sở, chăm lo sức khỏe cho người dân.');
    const b = normalizeComment('De nghi hoà giải o co so, cham lo suc khoẻ cho nguoi dan.'.normalize('NFD'));
    expect(b.fold).toBe(a.fold);
  });

  it('reads what a comment asks for and against, and whom it names', () => {
    expect(normalizeComment('Đề nghị tỉnh không nên thu phí tham quan ở các điểm du lịch cộng đồng.').stances).toEqual([
      { against: true, objects: ['thu', 'phi', 'tham', 'quan', 'diem', 'du', 'lich', 'cong'] },
    ]);
    // "không để" prevents something; it does not ask against it.
    expect(normalizeComment('Đề nghị không để xảy ra tình trạng nợ lương giáo viên.').stances.every((s) => !s.against)).toBe(true);
    // "nên" in a description ("so") is no request.
    expect(normalizeComment('Đường trơn nên không ai dám đi ban đêm.').stances).toEqual([]);
    expect(normalizeComment('Đề nghị mở lớp dạy nghề cho thanh niên và phụ nữ ở xã.').targets.sort()).toEqual(['people#3', 'people#4']);
    // A member inside a longer name is not named: "khu công nghiệp" is a place, not the field of industry.
    expect(normalizeComment('Đề nghị xây nhà trọ cho công nhân khu công nghiệp.').targets).toEqual(['people#10']);
  });

  it('recognizes agreement without a proposal and courtesy-only comments', () => {
    expect(normalizeComment('Tôi nhất trí với dự thảo, không có ý kiến bổ sung.').kind).toBe('agreement');
    expect(normalizeComment('Xin chân thành cảm ơn!').kind).toBe('empty');
    expect(normalizeComment('Đề nghị tăng lương cho giáo viên mầm non.').kind).toBe('opinion');
  });
});

describe('grouping', () => {
  it('groups copies, format noise, missing diacritics, fillers and abbreviations of one opinion', () => {
    const input = texts(
      'Đề nghị tăng cường vai trò giám sát của Ủy ban Mặt trận Tổ quốc xã đối với các công trình xây dựng ở thôn.',
      'Đề nghị tăng cường vai trò giám sát của Ủy ban Mặt trận Tổ quốc xã đối với các công trình xây dựng ở thôn.',
      'de nghi tang cuong vai tro giam sat cua uy ban mat tran to quoc xa doi voi cac cong trinh xay dung o thon',
      'Tôi nhất trí cao với dự thảo. Đề nghị tăng cường vai trò giám sát của UBMTTQ xã đối với các công trình xây dựng ở thôn. Xin cảm ơn.',
      '  ĐỀ NGHỊ   tăng cường vai trò giám sát của Uỷ ban MTTQ xã đối với các công trình xây dựng ở thôn!!',
    );
    const g = groupComments(input);
    checkPartition(input, g);
    expect(g.groups).toHaveLength(1);
    expect(g.groups[0].count).toBe(5);
    expect(g.groups[0].representative).toBe(input[0].text);
  });

  it('keeps apart opinions that share words but pull the other way or name another figure, place or target', () => {
    const pairs: Array<[string, string]> = [
      ['Đề nghị tăng mức phụ cấp cho cán bộ không chuyên trách ở thôn, tổ dân phố.', 'Đề nghị giảm mức phụ cấp cho cán bộ không chuyên trách ở thôn, tổ dân phố.'],
      ['Đề nghị bổ sung chỉ tiêu tỷ lệ hộ nghèo đa chiều giảm bình quân 1% mỗi năm.', 'Đề nghị bổ sung chỉ tiêu tỷ lệ hộ nghèo đa chiều giảm bình quân 2% mỗi năm.'],
      ['Đề nghị sớm nâng cấp tuyến đường liên xã đi thôn 5, mùa mưa lầy lội rất khó đi lại.', 'Đề nghị sớm nâng cấp tuyến đường liên xã đi thôn 7, mùa mưa lầy lội rất khó đi lại.'],
    ];
    for (const [a, b] of pairs) {
      const g = groupComments(texts(a, b));
      expect(together(g, 'c1', 'c2'), `${a} / ${b}`).toBe(false);
    }
  });

  // Comments on other subjects, so that word rarity is that of a consultation rather than of two texts.
  const others = [
    'Đề nghị nâng cấp tuyến đường liên thôn bị xuống cấp, mùa mưa lầy lội.',
    'Đề nghị có chính sách thu hút bác sĩ về công tác tại trạm y tế xã.',
    'Đề nghị kiên cố hóa kênh mương nội đồng phục vụ tưới tiêu.',
    'Đề nghị tăng cường phòng chống ma túy trong thanh thiếu niên.',
    'Đề nghị bổ sung giải pháp phát triển du lịch cộng đồng gắn với bảo tồn văn hóa.',
    'Đề nghị hỗ trợ học phí cho học sinh vùng khó khăn.',
  ];
  const inContext = (a: string, b: string): CommentInput[] => [{ id: 'a', text: a }, { id: 'b', text: b }, ...others.map((text, i) => ({ id: `o${i}`, text }))];

  it('groups rewordings of one opinion in other words, with the synonyms of administrative language', () => {
    const pairs: Array<[string, string]> = [
      ['Đề nghị cho nông dân vay tín chấp để mua máy gặt lúa, máy sấy nông sản.', 'Nông dân muốn mua máy gặt, máy sấy mà không có tài sản; mong được vay vốn không cần thế chấp.'],
      ['Đề nghị xã niêm yết công khai lịch tiếp công dân của chủ tịch xã tại trụ sở.', 'Bà con không biết hôm nào lãnh đạo xã tiếp dân; cần công khai lịch tiếp dân ở trụ sở ủy ban.'],
      ['Đề nghị kiểm soát giá thức ăn chăn nuôi, tránh để đại lý đẩy giá lên cao.', 'Giá cám tăng liên tục, người chăn nuôi lỗ nặng; mong tỉnh có biện pháp bình ổn giá thức ăn chăn nuôi.'],
    ];
    for (const [a, b] of pairs) expect(together(groupComments(inContext(a, b)), 'a', 'b'), `${a} / ${b}`).toBe(true);
  });

  it('keeps apart one template put to another use: same opening, another member of a contrast set, a request against', () => {
    const pairs: Array<[string, string]> = [
      // Same opening, then another thing asked for.
      ['Đề nghị hỗ trợ kinh phí mua máy cày cho các hộ nông dân nghèo ở thôn.', 'Đề nghị hỗ trợ kinh phí mua bò giống cho các hộ nông dân nghèo ở thôn.'],
      // Same frame, for other people.
      ['Đề nghị mở lớp tập huấn kỹ năng số cho phụ nữ ở các thôn vùng cao.', 'Đề nghị mở lớp tập huấn kỹ năng số cho người cao tuổi ở các thôn vùng cao.'],
      ['Đề nghị đưa nội dung du lịch thành một mục riêng, không gộp chung với thương mại.', 'Đề nghị đưa nội dung nông nghiệp thành một mục riêng, không gộp chung với lâm nghiệp.'],
      // For and against.
      ['Đề nghị không xây dựng bãi rác tập trung gần khu dân cư phía đông của xã.', 'Đề nghị xây dựng bãi rác tập trung gần khu dân cư phía đông của xã để thu gom rác cho cả xã.'],
      ['Đề nghị cấp phép khai thác đá ở núi phía sau trường học.', 'Đề nghị xử lý dứt điểm việc khai thác đá trái phép ở núi phía sau trường học.'],
    ];
    for (const [a, b] of pairs) expect(together(groupComments(inContext(a, b)), 'a', 'b'), `${a} / ${b}`).toBe(false);
  });

  it('lets a deployment add sentence vectors: rewordings with little shared vocabulary join, contradictions still part', async () => {
    const a = 'Đề nghị có phương án chống ngập cho khu phố chợ mỗi khi mưa lớn.';
    const b = 'Mưa xuống là khu phố chợ thành sông, nhà nào cũng phải kê đồ lên cao.';
    const c = 'Đề nghị có phương án chống ngập cho khu phố 3 mỗi khi mưa lớn.';
    const d = 'Đề nghị có phương án chống ngập cho khu phố 5 mỗi khi mưa lớn.';
    const flooding = new Set([a, b, c, d]);
    const calls: number[] = [];
    // A stand-in model: the texts about flooding point one way, everything else another.
    const provider: EmbeddingProvider = {
      embed: async (batch) => {
        calls.push(batch.length);
        return batch.map((t) => Float32Array.from(flooding.has(t) ? [1, 0.1, 0] : [0, 1, 0]));
      },
    };
    const input = inContext(a, b);
    expect(together(groupComments(input), 'a', 'b')).toBe(false);
    const vectors = await embedComments([...input, input[0]], provider);
    expect(calls).toEqual([input.length]);
    expect(together(groupComments(input, { vectors, semanticThreshold: 0.95 }), 'a', 'b')).toBe(true);
    // Two numbered places stay two opinions whatever the vectors say.
    const numbered: CommentInput[] = [{ id: 'c', text: c }, { id: 'd', text: d }, ...others.map((text, i) => ({ id: `o${i}`, text }))];
    const withVectors = await embedComments(numbered, provider);
    expect(together(groupComments(numbered, { vectors: withVectors, semanticThreshold: 0.95 }), 'c', 'd')).toBe(false);
  });

  it('lets a short comment on unrelated sections stay apart, and a parent section share the group', () => {
    const input: CommentInput[] = [
      { id: 'a', text: 'Đề nghị bổ sung số liệu cụ thể.', section: 'I.1.a' },
      { id: 'b', text: 'Đề nghị bổ sung số liệu cụ thể.', section: 'III.4' },
      { id: 'c', text: 'Đề nghị bổ sung số liệu cụ thể.', section: 'I.1' },
    ];
    const g = groupComments(input);
    checkPartition(input, g);
    expect(together(g, 'a', 'b')).toBe(false);
    expect(together(g, 'a', 'c')).toBe(true);
    expect(g.groups.find((x) => x.members.includes('a'))?.section).toBe('I.1.a');
  });

  it('counts weights and breaks each group down by stratum, unit and channel', () => {
    const text = 'Đề nghị có chính sách hỗ trợ nông dân tái canh cà phê già cỗi.';
    const input: CommentInput[] = [
      { id: '1', text, unit: 'xa-1', stratum: 'nong_dan', channel: 'portal' },
      { id: '2', text, unit: 'xa-2', stratum: 'nong_dan', channel: 'conference', weight: 12 },
      { id: '3', text, unit: 'xa-2', stratum: 'phu_nu', channel: 'conference' },
    ];
    const [group] = groupComments(input).groups;
    expect(group.count).toBe(14);
    expect(group.strata).toEqual({ nong_dan: 13, phu_nu: 1 });
    expect(group.units).toEqual({ 'xa-1': 1, 'xa-2': 13 });
    expect(group.channels).toEqual({ conference: 13, portal: 1 });
  });

  it('refuses a duplicate id or a bad weight with a stable code, before changing anything', () => {
    const index = GroupingIndex.build([{ id: 'x', text: 'Đề nghị làm đường.' }]);
    expect(() => index.add([{ id: 'x', text: 'Khác' }])).toThrow(expect.objectContaining({ code: 'COMMENT_DUPLICATE' }));
    expect(() => index.add([{ id: 'y', text: 'Khác', weight: -1 }])).toThrow(expect.objectContaining({ code: 'COMMENT_INVALID' }));
    expect(index.size).toBe(1);
  });

  it('adds late comments to existing groups without moving earlier ones or changing their ids', () => {
    const first = texts(
      'Đề nghị xây dựng nhà văn hóa cho thôn Đông, hiện thôn chưa có nơi sinh hoạt cộng đồng.',
      'Đề nghị đầu tư hệ thống chiếu sáng công cộng trên tuyến đường liên thôn.',
      'Đề nghị xây dựng nhà văn hóa cho thôn Đông, hiện thôn chưa có nơi sinh hoạt cộng đồng.',
    );
    const index = GroupingIndex.build(first);
    const before = index.grouping();
    index.add([
      { id: 'late1', text: 'de nghi xay dung nha van hoa cho thon Dong, hien thon chua co noi sinh hoat cong dong', section: 'III.3.b' },
      { id: 'late2', text: 'Đề nghị quan tâm nạo vét kênh mương nội đồng trước mùa mưa.', section: 'III.3.b' },
    ]);
    const after = index.grouping();
    for (const g of before.groups) {
      const same = after.groups.find((x) => x.id === g.id);
      expect(same?.members).toEqual(expect.arrayContaining(g.members));
    }
    expect(together(after, 'c1', 'late1')).toBe(true);
    expect(together(after, 'late2', 'c2')).toBe(false);
  });

  it('is a partition, deterministic and independent of input order, on random comments (property)', () => {
    const words = ['đề nghị', 'tăng', 'giảm', 'hỗ trợ', 'nông dân', 'giáo viên', 'đường', 'thôn', 'xã', 'học sinh', 'y tế', 'nước sạch', '10%', 'không', 'cảm ơn', 'nhất trí'];
    const comment = fc.record({
      text: fc.array(fc.constantFrom(...words), { minLength: 0, maxLength: 14 }).map((w) => w.join(' ')),
      section: fc.constantFrom(undefined, '', 'I', 'I.1', 'I.2', 'III.3.b'),
      weight: fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(comment, { maxLength: 40 }), fc.integer(), (list, seed) => {
        const input = list.map((c, i) => ({ id: `p${i}`, ...c }));
        const g = groupComments(input);
        checkPartition(input, g);
        const shuffled = [...input].sort((a, b) => ((a.id.length * 31 + seed) % 7) - ((b.id.length * 17 + seed) % 7) || (a.id < b.id ? 1 : -1));
        expect(groupComments(shuffled)).toEqual(g);
      }),
      { numRuns: 200 },
    );
  });
});

const devSet = path.resolve(import.meta.dirname, '../../../../../shared/data/comments-dev/comments.jsonl');

describe.skipIf(!fs.existsSync(devSet))('quality on the labelled dev set', () => {
  it('keeps B-cubed F1 and pairwise precision above the floor recorded by the synthesis-quality benchmark', () => {
    const rows = fs.readFileSync(devSet, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as CommentInput & { cluster: string });
    const g = groupComments(rows.map(({ id, text, section, unit, stratum }) => ({ id, text, section, unit, stratum })));
    checkPartition(rows, g);
    const gold = new Map(rows.map((r) => [r.id, r.cluster]));
    const goldSize = new Map<string, number>();
    for (const r of rows) goldSize.set(r.cluster, (goldSize.get(r.cluster) ?? 0) + 1);
    let precision = 0;
    let recall = 0;
    let predictedPairs = 0;
    let truePairs = 0;
    for (const group of g.groups) {
      const byGold = new Map<string, number>();
      for (const m of group.members) byGold.set(gold.get(m)!, (byGold.get(gold.get(m)!) ?? 0) + 1);
      predictedPairs += (group.members.length * (group.members.length - 1)) / 2;
      for (const [cluster, n] of byGold) {
        precision += (n * n) / group.members.length;
        recall += (n * n) / goldSize.get(cluster)!;
        truePairs += (n * (n - 1)) / 2;
      }
    }
    precision /= rows.length;
    recall /= rows.length;
    const f1 = (2 * precision * recall) / (precision + recall);
    expect(f1).toBeGreaterThanOrEqual(0.94);
    expect(truePairs / predictedPairs).toBeGreaterThanOrEqual(0.99);
  });
});

describe('regressions found by the property test', () => {
  it('reads a comment that is only a formula with a negation ("không nhất trí")', () => {
    const g = groupComments([{ id: 'x', text: 'không nhất trí' }]);
    expect(g.groups).toHaveLength(1);
  });
});
