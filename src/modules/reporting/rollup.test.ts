import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasAtMostDecimals } from './decimals';
import { validateContent } from './figures';
import { joinGatheredTexts, rollFigure, rollUp, splitGatheredText, type ExpectedUnit, type RollupSource } from './rollup';
import { OutlineSchema, type Figure, type ReportContent, type SubmissionStatus } from './reporting.schema';
import { SAMPLE_OUTLINE } from './test-outline';

const units: ExpectedUnit[] = ['Xã An Bình', 'Phường Tân Mai', 'Xã Phú Hữu', 'Đặc khu Côn Đảo'].map((unitName, i) => ({ unitId: `u${i + 1}`, unitName }));
const source = (i: number, status: SubmissionStatus, figures: ReportContent['figures'], sections: ReportContent['sections'] = {}): RollupSource => ({
  ...units[i],
  status,
  content: { figures, sections },
});
const figure = (f: Partial<Figure>): Figure => ({ key: 'x', label: 'X', type: 'integer', unit: '', required: false, rollup: { kind: 'sum' }, ...f });

describe('rollUp', () => {
  const sources = [
    source(0, 'accepted', { so_hoi_nghi: 3, so_nguoi: 100, ty_le_dong_tinh: 90, da_ban_hanh: true, kinh_phi: 0.1, diem_cao_nhat: 8.5, ghi_chu: 'a' }, { 'I.2': 'Phấn khởi.', II: '  ' }),
    source(1, 'submitted', { so_hoi_nghi: 5, so_nguoi: 300, ty_le_dong_tinh: 80, da_ban_hanh: false, kinh_phi: 0.2, diem_cao_nhat: 9 }, { 'I.2': 'Băn khoăn về giá điện.' }),
    source(2, 'accepted', { so_hoi_nghi: 2, kinh_phi: 0.2, da_ban_hanh: true }, { 'I.2': 'Đồng tình.', II: 'Sửa đường.' }),
  ];

  it('rolls up accepted reports only, saying which units gave no value', () => {
    const r = rollUp(SAMPLE_OUTLINE, sources, { mode: 'accepted_only', expected: units });
    const byKey = Object.fromEntries(r.figures.map((f) => [f.key, f]));
    expect(byKey.so_hoi_nghi).toEqual({ key: 'so_hoi_nghi', value: 5, contributed: 2, missing: [] });
    expect(byKey.so_nguoi).toEqual({ key: 'so_nguoi', value: 100, contributed: 1, missing: ['Xã Phú Hữu'] });
    expect(byKey.ty_le_dong_tinh).toEqual({ key: 'ty_le_dong_tinh', value: 90, contributed: 1, missing: ['Xã Phú Hữu'] });
    expect(byKey.da_ban_hanh.value).toBe(true);
    expect(byKey.kinh_phi.value).toBe(0.3);
    expect(byKey.ghi_chu).toEqual({ key: 'ghi_chu', value: null, contributed: 0, missing: [] });
    expect(r.coverage).toMatchObject({ mode: 'accepted_only', expected: 4, reported: 2, missing: ['Đặc khu Côn Đảo'], pending: ['Phường Tân Mai'] });
    expect(r.coverage.statement).toBe('2/4 đơn vị đã báo cáo (chỉ tính báo cáo đã tiếp nhận); chưa báo cáo: Đặc khu Côn Đảo; đã gửi, chưa tiếp nhận: Phường Tân Mai.');
  });

  it('rolls up every report received in all_received mode, by each rule', () => {
    const r = rollUp(SAMPLE_OUTLINE, sources, { mode: 'all_received', expected: units });
    expect(r.content.figures).toEqual({ so_hoi_nghi: 10, so_nguoi: 400, ty_le_dong_tinh: 82.5, da_ban_hanh: false, kinh_phi: 0.5, diem_cao_nhat: 9 });
    expect(r.coverage.statement).toBe('3/4 đơn vị đã báo cáo (tính mọi báo cáo đã gửi); chưa báo cáo: Đặc khu Côn Đảo.');
    expect(validateContent(SAMPLE_OUTLINE, r.content, { complete: false })).toEqual([]);
  });

  it('gathers section texts under each unit name, in the expected order, skipping blanks', () => {
    const r = rollUp(SAMPLE_OUTLINE, [...sources].reverse(), { mode: 'all_received', expected: units });
    expect(r.sections.map((s) => [s.address, s.texts.map((t) => t.unitName)])).toEqual([
      ['I.2', ['Xã An Bình', 'Phường Tân Mai', 'Xã Phú Hữu']],
      ['II', ['Xã Phú Hữu']],
    ]);
    expect(r.content.sections['I.2']).toBe('Xã An Bình:\nPhấn khởi.\n\nPhường Tân Mai:\nBăn khoăn về giá điện.\n\nXã Phú Hữu:\nĐồng tình.');
  });

  it('states returned reports, drafts and units outside the list', () => {
    const outsider: RollupSource = { unitId: 'u9', unitName: 'Xã Ngoài', status: 'accepted', content: { figures: { so_hoi_nghi: 1 }, sections: {} } };
    const r = rollUp(SAMPLE_OUTLINE, [source(0, 'returned', { so_hoi_nghi: 50 }), source(1, 'draft', { so_hoi_nghi: 50 }), outsider], { mode: 'all_received', expected: units.slice(0, 3) });
    expect(r.content.figures.so_hoi_nghi).toBe(1);
    expect(r.coverage.statement).toBe('0/3 đơn vị đã báo cáo (tính mọi báo cáo đã gửi); chưa báo cáo: Phường Tân Mai, Xã Phú Hữu; đang trả lại để sửa: Xã An Bình; ngoài danh sách: Xã Ngoài.');
  });

  it("splits a section's text back into each unit's part, after the superior's edits", () => {
    const r = rollUp(SAMPLE_OUTLINE, sources, { mode: 'all_received', expected: units });
    const names = new Set(units.map((u) => u.unitName));
    expect(splitGatheredText(r.content.sections['I.2']!, names)).toEqual(r.sections[0]!.texts.map(({ unitName, text }) => ({ unitName, text })));
    const edited = `Nhìn chung ổn định.\n\n${joinGatheredTexts([{ unitName: 'Xã An Bình', text: 'Phấn khởi.\nĐồng tình: cao.' }])}\n\nGhi chú: thêm.\nXã Ngoài:\nkhông phải đơn vị.\nĐặc khu Côn Đảo:\n  \n`;
    expect(splitGatheredText(edited, names)).toEqual([
      { unitName: null, text: 'Nhìn chung ổn định.' },
      { unitName: 'Xã An Bình', text: 'Phấn khởi.\nĐồng tình: cao.\n\nGhi chú: thêm.\nXã Ngoài:\nkhông phải đơn vị.' },
    ]);
    expect(splitGatheredText('Chỉ có lời của cấp trên.', names)).toEqual([{ unitName: null, text: 'Chỉ có lời của cấp trên.' }]);
  });

  it('takes the most advanced submission when a unit has several', () => {
    const r = rollUp(SAMPLE_OUTLINE, [source(0, 'accepted', { so_hoi_nghi: 3 }), source(0, 'returned', { so_hoi_nghi: 30 })], { mode: 'accepted_only', expected: units.slice(0, 1) });
    expect(r.content.figures.so_hoi_nghi).toBe(3);
    expect(r.coverage.statement).toBe('1/1 đơn vị đã báo cáo (chỉ tính báo cáo đã tiếp nhận).');
  });

  it('leaves a figure empty when nobody contributed', () => {
    const r = rollUp(SAMPLE_OUTLINE, [], { mode: 'accepted_only', expected: units });
    expect(r.content).toEqual({ figures: {}, sections: {} });
    expect(r.figures.find((f) => f.key === 'so_hoi_nghi')).toEqual({ key: 'so_hoi_nghi', value: null, contributed: 0, missing: [] });
    expect(r.coverage.statement).toBe('0/4 đơn vị đã báo cáo (chỉ tính báo cáo đã tiếp nhận); chưa báo cáo: Xã An Bình, Phường Tân Mai, Xã Phú Hữu, Đặc khu Côn Đảo.');
  });

  it('gives a weighted average nothing from a zero weight, and null when every weight is zero', () => {
    const f = figure({ key: 'ty_le', type: 'percentage', decimals: 1, rollup: { kind: 'weighted_average', weightFigure: 'w' } });
    const s = (v: number, w: number, i: number) => source(i, 'accepted', { ty_le: v, w });
    expect(rollFigure(f, [s(50, 0, 0), s(80, 2, 1), s(20, 1, 2)])).toEqual({ key: 'ty_le', value: 60, contributed: 2, missing: [] });
    expect(rollFigure(f, [s(50, 0, 0)]).value).toBeNull();
    expect(rollFigure(f, [s(33.3, 1, 0), s(33.4, 2, 1)]).value).toBe(33.4); // 33.3666… rounded to one digit
  });
});

describe('roll-up properties', () => {
  const decimalsArb = fc.integer({ min: 0, max: 4 });
  const valueArb = (d: number) => fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map((k) => k / 10 ** d);

  it('a sum equals the exact sum of the inputs, whatever the order, and never drifts', () => {
    fc.assert(
      fc.property(
        decimalsArb.chain((d) => fc.tuple(fc.constant(d), fc.array(fc.option(valueArb(d), { nil: null }), { maxLength: 120 }))),
        ([d, values]) => {
          const f = figure({ type: 'decimal', decimals: d });
          const sources = values.map((v, i): RollupSource => ({ unitId: `u${i}`, unitName: `Xã ${i}`, status: 'accepted', content: { figures: { x: v }, sections: {} } }));
          const r = rollFigure(f, sources);
          const given = values.filter((v): v is number => v !== null);
          const exact = given.reduce((s, v) => s + BigInt(Math.round(v * 10 ** d)), 0n);
          expect(r.contributed).toBe(given.length);
          expect(r.missing).toHaveLength(values.length - given.length);
          const value = r.value as number | null;
          expect(value === null ? null : BigInt(Math.round(value * 10 ** d))).toBe(given.length ? exact : null);
          if (value !== null) expect(hasAtMostDecimals(value, d)).toBe(true);
          expect(rollFigure(f, [...sources].reverse()).value).toBe(r.value);
        },
      ),
    );
  });

  it('a weighted average lies between the smallest and largest contributing values', () => {
    const row = fc.record({ v: fc.integer({ min: 0, max: 1000 }).map((k) => k / 10), w: fc.integer({ min: 0, max: 1_000_000 }) });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 100 }), (rows) => {
        const f = figure({ key: 'p', type: 'percentage', decimals: 1, rollup: { kind: 'weighted_average', weightFigure: 'w' } });
        const r = rollFigure(f, rows.map((x, i) => ({ unitId: `u${i}`, unitName: `Xã ${i}`, status: 'accepted', content: { figures: { p: x.v, w: x.w }, sections: {} } })));
        const used = rows.filter((x) => x.w > 0).map((x) => x.v);
        if (!used.length) {
          expect(r.value).toBeNull();
          return;
        }
        expect(r.value).toBeGreaterThanOrEqual(Math.min(...used));
        expect(r.value).toBeLessThanOrEqual(Math.max(...used));
        expect(hasAtMostDecimals(r.value as number, 1)).toBe(true);
      }),
    );
  });

  it('max and min are the largest and smallest values given', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 50 }), (values) => {
        const sources = values.map((v, i): RollupSource => ({ unitId: `u${i}`, unitName: `Xã ${i}`, status: 'accepted', content: { figures: { x: v }, sections: {} } }));
        expect(rollFigure(figure({ rollup: { kind: 'max' } }), sources).value).toBe(Math.max(...values));
        expect(rollFigure(figure({ rollup: { kind: 'min' } }), sources).value).toBe(Math.min(...values));
      }),
    );
  });
});

describe('roll-up speed', () => {
  it('pre-fills a province report from 100 communes × 50 figures well under 10 ms', () => {
    const outline = OutlineSchema.parse({
      title: 'T',
      sections: Array.from({ length: 10 }, (_, s) => ({
        address: `${s + 1}`,
        figures: Array.from({ length: 5 }, (_, k) => {
          const n = s * 5 + k;
          if (n % 5 === 4) return { key: `f${n}`, label: `Tỷ lệ ${n}`, type: 'percentage', rollup: { kind: 'weighted_average', weightFigure: `f${n - 1}` } };
          return { key: `f${n}`, label: `Chỉ tiêu ${n}`, type: n % 2 ? 'decimal' : 'integer', rollup: { kind: n % 7 === 0 ? 'max' : 'sum' } };
        }),
      })),
    });
    const expected = Array.from({ length: 100 }, (_, i) => ({ unitId: `x${i}`, unitName: `Xã ${i}` }));
    const sources: RollupSource[] = expected.map((u, i) => ({
      ...u,
      status: 'accepted',
      content: {
        figures: Object.fromEntries(Array.from({ length: 50 }, (_, n) => [`f${n}`, n % 5 === 4 ? (i % 100) + 0.5 : n % 2 ? i + 0.25 : i])),
        sections: Object.fromEntries(Array.from({ length: 10 }, (_, s) => [`${s + 1}`, `Nội dung của xã ${i}, mục ${s + 1}.`])),
      },
    }));
    rollUp(outline, sources, { mode: 'accepted_only', expected }); // warm up
    const runs = 20;
    const start = performance.now();
    for (let i = 0; i < runs; i++) rollUp(outline, sources, { mode: 'accepted_only', expected });
    const perRun = (performance.now() - start) / runs;
    expect(perRun).toBeLessThan(10);
    const r = rollUp(outline, sources, { mode: 'accepted_only', expected });
    expect(r.content.figures.f0).toBe(99); // max
    expect(r.content.figures.f2).toBe((99 * 100) / 2);
    expect(r.content.figures.f1).toBe(4950 + 25);
  });
});
