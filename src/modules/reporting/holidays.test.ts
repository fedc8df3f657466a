import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek } from '../../shared/dates';
import { createWorkingCalendar, LUNAR_HOLIDAY_TABLE, lunarHolidays, moveToWorkingDay, statutoryHolidays } from './holidays';
import { lunarToSolar } from './lunar';

const daysOff = (year: number, from: string, to: string) => statutoryHolidays(year).map((h) => h.date).filter((d) => d >= from && d <= to);

describe('public holidays', () => {
  it('tabulates Tết and Giỗ Tổ 2024–2035 exactly as the lunar calendar computes them', () => {
    expect(Object.keys(LUNAR_HOLIDAY_TABLE).map(Number)).toEqual([2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035]);
    for (const [year, row] of Object.entries(LUNAR_HOLIDAY_TABLE)) {
      expect(row.tet).toBe(lunarToSolar({ year: Number(year), month: 1, day: 1, leap: false }));
      expect(row.hungKings).toBe(lunarToSolar({ year: Number(year), month: 3, day: 10, leap: false }));
    }
    expect(lunarHolidays(2040)).toEqual({ tet: lunarToSolar({ year: 2040, month: 1, day: 1, leap: false }), hungKings: lunarToSolar({ year: 2040, month: 3, day: 10, leap: false }) });
  });

  it('gives the five Tết days the Prime Minister fixed for 2023–2026, with make-up days for weekends', () => {
    expect(daysOff(2023, '2023-01-15', '2023-02-05')).toEqual(['2023-01-20', '2023-01-21', '2023-01-22', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26']);
    expect(daysOff(2024, '2024-02-01', '2024-02-20')).toEqual(['2024-02-08', '2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13', '2024-02-14']);
    expect(daysOff(2025, '2025-01-20', '2025-02-10')).toEqual(['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']);
    expect(daysOff(2026, '2026-02-10', '2026-02-28')).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
  });

  it('gives Quốc khánh and its neighbour as announced in 2021–2025', () => {
    expect(daysOff(2021, '2021-08-30', '2021-09-06')).toEqual(['2021-09-02', '2021-09-03']);
    expect(daysOff(2022, '2022-08-30', '2022-09-06')).toEqual(['2022-09-01', '2022-09-02']);
    expect(daysOff(2023, '2023-08-30', '2023-09-06')).toEqual(['2023-09-01', '2023-09-02', '2023-09-04']);
    expect(daysOff(2024, '2024-08-30', '2024-09-06')).toEqual(['2024-09-02', '2024-09-03']);
    expect(daysOff(2025, '2025-08-30', '2025-09-06')).toEqual(['2025-09-01', '2025-09-02']);
  });

  it('makes up Giỗ Tổ, 30/4 and 1/5 that fall on a weekend (2023: 29/4 to 3/5; 2026: Monday 27/4)', () => {
    expect(daysOff(2023, '2023-04-25', '2023-05-07')).toEqual(['2023-04-29', '2023-04-30', '2023-05-01', '2023-05-02', '2023-05-03']);
    expect(statutoryHolidays(2026).filter((h) => h.date === '2026-04-27')).toEqual([{ date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương', kind: 'compensatory' }]);
  });

  it('makes up every weekend holiday on a distinct working day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2021, max: 2060 }), (year) => {
        const list = statutoryHolidays(year);
        expect(new Set(list.map((h) => h.date)).size).toBe(list.length);
        const weekend = list.filter((h) => h.kind === 'statutory' && [0, 6].includes(dayOfWeek(h.date)));
        const makeUp = list.filter((h) => h.kind === 'compensatory');
        expect(makeUp).toHaveLength(weekend.length);
        for (const h of makeUp) expect([0, 6]).not.toContain(dayOfWeek(h.date));
      }),
    );
  });
});

describe('working calendar', () => {
  const calendar = createWorkingCalendar();

  it('knows weekends and holidays', () => {
    expect(calendar.isWorkingDay('2026-03-16')).toBe(true);
    expect(calendar.isWorkingDay('2026-03-15')).toBe(false);
    expect(calendar.holidayOn('2026-04-30')?.name).toBe('Ngày Chiến thắng');
    expect(calendar.holidayOn('2026-03-16')).toBeNull();
  });

  it('adds announced days off and honours declared working days', () => {
    const c = createWorkingCalendar({ extraDaysOff: [{ date: '2026-02-13', name: 'Nghỉ Tết (hoán đổi)' }], workingDays: ['2026-02-28', '2026-09-01'] });
    expect(c.isWorkingDay('2026-02-13')).toBe(false);
    expect(c.holidayOn('2026-02-13')).toMatchObject({ name: 'Nghỉ Tết (hoán đổi)', kind: 'announced' });
    expect(c.isWorkingDay('2026-02-28')).toBe(true); // a make-up Saturday
    expect(c.isWorkingDay('2026-09-01')).toBe(true); // the default neighbour of 2/9 corrected
  });

  it('moves a deadline off a day off, either way, and says why', () => {
    expect(moveToWorkingDay('2026-04-30', 'previous_working_day', calendar)).toEqual({ date: '2026-04-29', reason: 'trùng ngày nghỉ (Ngày Chiến thắng)' });
    expect(moveToWorkingDay('2026-04-30', 'next_working_day', calendar).date).toBe('2026-05-04');
    expect(moveToWorkingDay('2026-02-15', 'previous_working_day', calendar)).toEqual({ date: '2026-02-13', reason: 'trùng ngày nghỉ (Chủ nhật)' });
    expect(moveToWorkingDay('2026-02-15', 'next_working_day', calendar).date).toBe('2026-02-23');
    expect(moveToWorkingDay('2026-02-15', 'none', calendar)).toEqual({ date: '2026-02-15', reason: null });
    expect(moveToWorkingDay('2026-03-16', 'next_working_day', calendar)).toEqual({ date: '2026-03-16', reason: null });
  });

  it('always lands on a working day, never past the first one in its direction', () => {
    const day = fc.integer({ min: 0, max: 365 * 12 }).map((n) => addDays('2024-01-01', n));
    fc.assert(
      fc.property(day, fc.constantFrom('previous_working_day' as const, 'next_working_day' as const), (date, rule) => {
        const { date: moved } = moveToWorkingDay(date, rule, calendar);
        expect(calendar.isWorkingDay(moved)).toBe(true);
        const step = rule === 'next_working_day' ? 1 : -1;
        for (let d = date; d !== moved; d = addDays(d, step)) expect(calendar.isWorkingDay(d)).toBe(false);
      }),
    );
  });
});
