import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/dates';
import { UNIT_LEVELS, type UnitLevel } from '../units/units.schema';
import { createWorkingCalendar } from './holidays';
import { DeadlinePolicySchema, ScheduleSchema, type DeadlinePolicy, type Period } from './reporting.schema';
import { dueDateInMonth, generatePeriods, onTimeStatus, resolveDeadlines } from './schedule';

const periodsOf = (input: unknown) => generatePeriods(ScheduleSchema.parse(input));
const policy = (input: unknown): DeadlinePolicy => DeadlinePolicySchema.parse(input);

/** Seed 002: the five congress-season windows of the district's plan. */
const SEED_002_WINDOWS = [
  { key: 'dai-hoi-chi-bo', label: 'Báo cáo tình hình Nhân dân đối với Đại hội chi bộ', start: '2024-12-01', end: '2025-03-30' },
  { key: 'dai-hoi-xa', label: 'Báo cáo tình hình Nhân dân đối với Đại hội đảng bộ xã, thị trấn', start: '2025-03-01', end: '2025-06-30' },
  { key: 'dai-hoi-huyen', label: 'Báo cáo tình hình Nhân dân đối với Đại hội Đảng bộ huyện lần thứ XX', start: '2025-07-01', end: '2025-08-31' },
  { key: 'dai-hoi-tinh', label: 'Báo cáo tình hình Nhân dân đối với Đại hội Đảng bộ tỉnh lần thứ XVIII', start: '2025-09-01', end: '2025-10-31' },
  { key: 'dai-hoi-xiv', label: 'Báo cáo tình hình Nhân dân đối với Đại hội XIV của Đảng', start: '2025-12-01', end: '2026-03-31' },
];

describe('due dates in a month', () => {
  it('reads "vào ngày N" as day N and "trước ngày N" as day N−1, clamped to the month', () => {
    expect(dueDateInMonth(2026, 3, { day: 15, rule: 'on' })).toBe('2026-03-15');
    expect(dueDateInMonth(2026, 3, { day: 10, rule: 'before' })).toBe('2026-03-09');
    expect(dueDateInMonth(2026, 3, { day: 1, rule: 'before' })).toBe('2026-02-28');
    expect(dueDateInMonth(2026, 2, { day: 31, rule: 'on' })).toBe('2026-02-28');
    expect(dueDateInMonth(2028, 2, { day: 31, rule: 'before' })).toBe('2028-02-29');
  });
});

describe('generatePeriods', () => {
  it('makes seed 002\'s monthly reports "vào ngày 15 hàng tháng", December 2024 to March 2026', () => {
    const { periods, issues } = periodsOf({ kind: 'periodic', frequency: 'monthly', due: { day: 15 }, from: '2024-12-01', to: '2026-03-31' });
    expect(periods).toHaveLength(16);
    expect(periods[0]).toEqual({ id: '2024-12', label: 'Tháng 12/2024', start: '2024-12-01', end: '2024-12-31', due: '2024-12-15' });
    expect(periods.at(-1)).toMatchObject({ id: '2026-03', label: 'Tháng 3/2026', due: '2026-03-15' });
    expect(issues).toEqual([
      {
        path: 'schedule.due',
        code: 'SCHEDULE_DUE_BEFORE_END',
        severity: 'warning',
        message: 'Hạn nộp kỳ Tháng 12/2024 (15/12/2024) đến trước khi kỳ kết thúc (31/12/2024): số liệu chỉ tính đến ngày nộp. Có thể tính kỳ từ ngày 15 tháng trước (ngày bắt đầu kỳ).',
      },
    ]);
  });

  it('cuts periods off on day 15 as Nghị định 09/2019 does: 15th of last month to the 14th', () => {
    const { periods, issues } = periodsOf({ kind: 'periodic', frequency: 'monthly', due: { day: 15 }, cutoffDay: 15, from: '2025-01-01', to: '2025-03-31' });
    expect(periods.map((p) => [p.id, p.start, p.end, p.due])).toEqual([
      ['2025-01', '2024-12-15', '2025-01-14', '2025-01-15'],
      ['2025-02', '2025-01-15', '2025-02-14', '2025-02-15'],
      ['2025-03', '2025-02-15', '2025-03-14', '2025-03-15'],
    ]);
    expect(issues).toEqual([]);
  });

  it('makes seed 003\'s reports "trước ngày 10 hàng tháng" on the month before', () => {
    const { periods } = periodsOf({ kind: 'periodic', frequency: 'monthly', due: { day: 10, rule: 'before' }, dueMonth: 'next_month', from: '2020-01-01', to: '2020-12-31' });
    expect(periods[0]).toEqual({ id: '2020-01', label: 'Tháng 1/2020', start: '2020-01-01', end: '2020-01-31', due: '2020-02-09' });
    expect(periods.at(-1)).toMatchObject({ id: '2020-12', due: '2021-01-09' });
  });

  it('makes quarters and years, aligned to their first month', () => {
    const quarters = periodsOf({ kind: 'periodic', frequency: 'quarterly', due: { day: 5 }, dueMonth: 'next_month', from: '2026-02-10', to: '2026-12-31' }).periods;
    expect(quarters.map((p) => [p.id, p.label, p.start, p.end, p.due])).toEqual([
      ['2026-Q1', 'Quý I/2026', '2026-01-01', '2026-03-31', '2026-04-05'],
      ['2026-Q2', 'Quý II/2026', '2026-04-01', '2026-06-30', '2026-07-05'],
      ['2026-Q3', 'Quý III/2026', '2026-07-01', '2026-09-30', '2026-10-05'],
      ['2026-Q4', 'Quý IV/2026', '2026-10-01', '2026-12-31', '2027-01-05'],
    ]);
    const years = periodsOf({ kind: 'periodic', frequency: 'yearly', due: { day: 15 }, cutoffDay: 15, from: '2025-06-01', to: '2026-01-01' }).periods;
    expect(years).toEqual([
      { id: '2025', label: 'Năm 2025', start: '2024-12-15', end: '2025-12-14', due: '2025-12-15' },
      { id: '2026', label: 'Năm 2026', start: '2025-12-15', end: '2026-12-14', due: '2026-12-15' },
    ]);
  });

  it('makes seed 002\'s five milestone windows, due on their last day unless told', () => {
    const { periods, issues } = periodsOf({ kind: 'milestone', windows: SEED_002_WINDOWS.map((w, i) => (i === 4 ? { ...w, due: '2026-03-25' } : w)) });
    expect(issues).toEqual([]);
    expect(periods.map((p) => [p.id, p.due])).toEqual([
      ['dai-hoi-chi-bo', '2025-03-30'],
      ['dai-hoi-xa', '2025-06-30'],
      ['dai-hoi-huyen', '2025-08-31'],
      ['dai-hoi-tinh', '2025-10-31'],
      ['dai-hoi-xiv', '2026-03-25'],
    ]);
  });

  it('makes one ad hoc period', () => {
    expect(periodsOf({ kind: 'ad_hoc', label: 'Tổng kết 10 năm Quyết định 217', due: '2023-11-10' }).periods).toEqual([
      { id: 'dot', label: 'Tổng kết 10 năm Quyết định 217', start: '2023-11-10', end: '2023-11-10', due: '2023-11-10' },
    ]);
  });

  it('refuses reversed ranges, duplicate milestone keys, and absurd lengths', () => {
    expect(periodsOf({ kind: 'periodic', frequency: 'monthly', due: { day: 15 }, from: '2026-03-01', to: '2026-01-01' })).toMatchObject({ periods: [], issues: [{ code: 'SCHEDULE_RANGE', severity: 'error' }] });
    expect(periodsOf({ kind: 'periodic', frequency: 'monthly', due: { day: 15 }, cutoffDay: 15, from: '2000-01-01', to: '2030-01-01' })).toMatchObject({ periods: [], issues: [{ code: 'SCHEDULE_TOO_LONG' }] });
    const bad = periodsOf({ kind: 'milestone', windows: [SEED_002_WINDOWS[0], { ...SEED_002_WINDOWS[1], key: 'dai-hoi-chi-bo', end: '2025-01-01', due: '2025-02-01' }] });
    expect(bad.periods).toEqual([]);
    expect(bad.issues.map((i) => `${i.path} ${i.code}`)).toEqual([
      'schedule.windows.1.key SCHEDULE_DUPLICATE_KEY',
      'schedule.windows.1.end SCHEDULE_RANGE',
      'schedule.windows.1.due SCHEDULE_DUE_BEFORE_START',
    ]);
    expect(bad.issues[1].message).toBe('Báo cáo tình hình Nhân dân đối với Đại hội đảng bộ xã, thị trấn: ngày kết thúc (01/01/2025) trước ngày bắt đầu (01/03/2025).');
  });
});

describe('resolveDeadlines', () => {
  const monthly = (from: string, to: string) => periodsOf({ kind: 'periodic', frequency: 'monthly', due: { day: 15 }, cutoffDay: 15, from, to }).periods;

  it('cascades: communes five days before the province, both moved off weekends and Tết', () => {
    const { periods, issues } = resolveDeadlines(
      monthly('2026-02-01', '2026-03-31'),
      policy({ levels: [{ level: 'commune', rule: 'offset', days: 5, of: 'province' }, { level: 'province', rule: 'due' }], adjust: 'previous_working_day' }),
    );
    expect(issues).toEqual([]);
    expect(periods[0].deadlines).toEqual([
      { level: 'province', nominal: '2026-02-15', inForce: '2026-02-13', moved: 'Hạn 15/02/2026 trùng ngày nghỉ (Chủ nhật); chuyển sang 13/02/2026.' },
      { level: 'commune', nominal: '2026-02-08', inForce: '2026-02-06', moved: 'Hạn 08/02/2026 trùng ngày nghỉ (Chủ nhật); chuyển sang 06/02/2026.' },
    ]);
    expect(periods[1].deadlines.map((d) => d.inForce)).toEqual(['2026-03-13', '2026-03-06']);
  });

  it('cascades over three levels with absolute dates, as the 2023 plans did (districts 25/10, province 10/11)', () => {
    const periods = periodsOf({ kind: 'ad_hoc', label: 'Tổng kết', due: '2023-11-10' }).periods;
    const { periods: out, issues } = resolveDeadlines(
      periods,
      policy({
        levels: [
          { level: 'province', rule: 'due' },
          { level: 'district', rule: 'date', dates: { dot: '2023-10-25' } },
          { level: 'commune', rule: 'offset', days: 5, of: 'district' },
        ],
        adjust: 'none',
      }),
    );
    expect(issues).toEqual([]);
    expect(out[0].deadlines.map((d) => [d.level, d.inForce])).toEqual([
      ['province', '2023-11-10'],
      ['district', '2023-10-25'],
      ['commune', '2023-10-20'],
    ]);
  });

  it('warns when a level falls due after its parent', () => {
    const periods = periodsOf({ kind: 'ad_hoc', label: 'Đợt A', due: '2026-03-10' }).periods;
    const { periods: out, issues } = resolveDeadlines(periods, policy({ levels: [{ level: 'province', rule: 'due' }, { level: 'commune', rule: 'date', dates: { dot: '2026-03-12' } }], adjust: 'none' }));
    expect(out).toHaveLength(1);
    expect(issues).toEqual([
      { path: 'deadlines.dot.commune', code: 'DEADLINE_AFTER_PARENT', severity: 'warning', message: 'Đợt A: hạn của cấp xã (12/03/2026) sau hạn của cấp tỉnh (10/03/2026).' },
    ]);
  });

  it('refuses a level set twice, an offset from a lower or unset level, and a missing date', () => {
    const periods = monthly('2026-01-01', '2026-02-28');
    const { periods: out, issues } = resolveDeadlines(
      periods,
      policy({
        levels: [
          { level: 'province', rule: 'offset', days: 2, of: 'commune' },
          { level: 'commune', rule: 'offset', days: 2, of: 'district' },
          { level: 'commune', rule: 'due' },
          { level: 'central', rule: 'date', dates: { '2026-01': '2026-01-20', '2025-12': '2025-12-20' } },
        ],
      }),
    );
    expect(out).toEqual([]);
    expect(issues.map((i) => `${i.path} ${i.code} ${i.severity}`)).toEqual([
      'deadlines.levels.0.of DEADLINE_OFFSET_NOT_HIGHER error',
      'deadlines.levels.2.level DEADLINE_DUPLICATE_LEVEL error',
      'deadlines.levels.3.dates.2026-02 DEADLINE_DATE_MISSING error',
      'deadlines.levels.3.dates.2025-12 DEADLINE_DATE_UNKNOWN_PERIOD warning',
      'deadlines.levels.1.of DEADLINE_OFFSET_UNKNOWN error',
    ]);
    expect(issues[0].message).toBe('Hạn của cấp tỉnh chỉ có thể tính lùi từ hạn của cấp trên, không từ cấp xã.');
  });

  it('honours announced days off', () => {
    const periods = periodsOf({ kind: 'ad_hoc', label: 'Đợt B', due: '2026-03-16' }).periods;
    const p = policy({ levels: [{ level: 'province', rule: 'due' }], adjust: 'next_working_day', holidays: { extraDaysOff: [{ date: '2026-03-16', name: 'Nghỉ theo thông báo' }] } });
    expect(resolveDeadlines(periods, p).periods[0].deadlines[0]).toMatchObject({ inForce: '2026-03-17', moved: 'Hạn 16/03/2026 trùng ngày nghỉ (Nghỉ theo thông báo); chuyển sang 17/03/2026.' });
  });

  it('never puts a cascaded deadline after its parent once moved, whatever the rule', () => {
    const calendar = createWorkingCalendar();
    const levelsArb = fc.uniqueArray(fc.constantFrom<UnitLevel>(...UNIT_LEVELS), { minLength: 2, maxLength: 5 }).map((ls) => [...ls].sort((a, b) => UNIT_LEVELS.indexOf(a) - UNIT_LEVELS.indexOf(b)));
    fc.assert(
      fc.property(
        levelsArb,
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 4, maxLength: 4 }),
        fc.constantFrom('none' as const, 'previous_working_day' as const, 'next_working_day' as const),
        fc.integer({ min: 0, max: 365 * 10 }),
        (levels, days, adjust, offset) => {
          const due = addDays('2024-01-01', offset);
          const periods: Period[] = [{ id: 'p', label: 'Kỳ', start: due, end: due, due }];
          const rules = levels.map((level, i) => (i === 0 ? { level, rule: 'due' as const } : { level, rule: 'offset' as const, days: days[i - 1], of: levels[i - 1] }));
          const { periods: out, issues } = resolveDeadlines(periods, { levels: rules, adjust, holidays: { extraDaysOff: [], workingDays: [] } }, calendar);
          expect(issues).toEqual([]);
          const d = out[0].deadlines;
          for (let i = 1; i < d.length; i++) expect(d[i].inForce <= d[i - 1].inForce).toBe(true);
          if (adjust !== 'none') for (const x of d) expect(calendar.isWorkingDay(x.inForce)).toBe(true);
        },
      ),
    );
  });
});

describe('onTimeStatus', () => {
  it('holds a deadline until the end of its day in Vietnam (UTC+7)', () => {
    expect(onTimeStatus(new Date('2026-03-13T16:59:59.999Z'), '2026-03-13')).toEqual({ status: 'on_time', daysLate: 0 });
    expect(onTimeStatus(new Date('2026-03-12T20:00:00Z'), '2026-03-13')).toEqual({ status: 'on_time', daysLate: 0 });
    expect(onTimeStatus(new Date('2026-03-13T17:00:00Z'), '2026-03-13')).toEqual({ status: 'late', daysLate: 1 });
    expect(onTimeStatus(new Date('2026-03-15T03:00:00Z'), '2026-03-13')).toEqual({ status: 'late', daysLate: 2 });
  });
});
