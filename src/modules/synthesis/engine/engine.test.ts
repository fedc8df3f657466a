// The grouping engine on its own: the partition invariant, determinism, Vietnamese normalization, what must stay
// apart, sections, incremental assignment, and a quality floor on the labelled dev set when it is present.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GroupingIndex, groupComments, normalizeComment, type CommentInput, type Grouping } from './index';

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
    expect(f1).toBeGreaterThanOrEqual(0.9);
    expect(truePairs / predictedPairs).toBeGreaterThanOrEqual(0.99);
  });
});

describe('regressions found by the property test', () => {
  it('reads a comment that is only a formula with a negation ("không nhất trí")', () => {
    const g = groupComments([{ id: 'x', text: 'không nhất trí' }]);
    expect(g.groups).toHaveLength(1);
  });
});
