// Vietnam's public holidays and working days, for moving deadlines. Pure.
//
// Labour Code 2019, art. 112 (in force since 2021; it applies to civil servants too): Tết Dương lịch 1/1; Tết Âm
// lịch 5 days; Ngày Chiến thắng 30/4; Ngày Quốc tế lao động 1/5; Quốc khánh 2/9 and one adjacent day (1/9 or 3/9);
// Giỗ Tổ Hùng Vương 10/3 of the lunar calendar. A holiday falling on a weekend is made up on the next working day
// (art. 112(3)). The Prime Minister fixes the five Tết days and the day next to 2/9 each year, and the government
// often swaps days to make a bridge; so the defaults below are a reasoned guess, and a configuration adds the days
// off it announces (`extraDaysOff`) and the days it declares working (`workingDays`, e.g. a make-up Saturday or a
// default guess that turned out wrong). Saturday and Sunday are days off for state bodies.
import { addDays, dateParts, dayOfWeek, isoDate, type IsoDate } from '../../shared/dates';
import { lunarToSolar } from './lunar';
import type { DeadlineAdjustment, HolidayConfig } from './reporting.schema';

export interface Holiday {
  date: IsoDate;
  /** Vietnamese name as the Labour Code writes it; "Nghỉ bù …" for a make-up day. */
  name: string;
  kind: 'statutory' | 'compensatory' | 'announced';
}

/**
 * Tết Nguyên đán (1/1 lunar) and Giỗ Tổ Hùng Vương (10/3 lunar) in the solar calendar, computed with the Vietnamese
 * calendar (UTC+7) of lunar.ts and checked against it in the tests. Note 2030: Tết falls a day before China's.
 */
export const LUNAR_HOLIDAY_TABLE: Readonly<Record<number, { tet: IsoDate; hungKings: IsoDate }>> = {
  2024: { tet: '2024-02-10', hungKings: '2024-04-18' },
  2025: { tet: '2025-01-29', hungKings: '2025-04-07' },
  2026: { tet: '2026-02-17', hungKings: '2026-04-26' },
  2027: { tet: '2027-02-06', hungKings: '2027-04-16' },
  2028: { tet: '2028-01-26', hungKings: '2028-04-04' },
  2029: { tet: '2029-02-13', hungKings: '2029-04-23' },
  2030: { tet: '2030-02-02', hungKings: '2030-04-12' },
  2031: { tet: '2031-01-23', hungKings: '2031-04-01' },
  2032: { tet: '2032-02-11', hungKings: '2032-04-19' },
  2033: { tet: '2033-01-31', hungKings: '2033-04-09' },
  2034: { tet: '2034-02-19', hungKings: '2034-04-28' },
  2035: { tet: '2035-02-08', hungKings: '2035-04-17' },
};

/** Tết and Giỗ Tổ of a year: from the table, else computed. */
export function lunarHolidays(year: number): { tet: IsoDate; hungKings: IsoDate } {
  return (
    LUNAR_HOLIDAY_TABLE[year] ?? {
      tet: lunarToSolar({ year, month: 1, day: 1, leap: false })!,
      hungKings: lunarToSolar({ year, month: 3, day: 10, leap: false })!,
    }
  );
}

const isWeekend = (date: IsoDate) => {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
};

/**
 * The five Tết days: the last two days of the old year and the first three of the new, except when mùng 1 is a
 * Tuesday, when it is the last day and the first four, so that the five run Monday to Friday. This reproduces the
 * days the Prime Minister fixed for 2022–2026.
 */
function tetDays(tet: IsoDate): IsoDate[] {
  const first = dayOfWeek(tet) === 2 ? -1 : -2;
  return [0, 1, 2, 3, 4].map((i) => addDays(tet, first + i));
}

/**
 * The day next to 2/9: the weekday neighbour that joins the holiday to a weekend (2021–2025: Thu→3/9, Fri→1/9,
 * Sat→1/9, Mon→3/9, Tue→1/9); on a Wednesday, 1/9; on a Sunday, 3/9 (and 2/9 is made up on the 4th).
 */
function nationalDayNeighbour(year: number): IsoDate {
  const after = [0, 1, 4].includes(dayOfWeek(isoDate(year, 9, 2)));
  return isoDate(year, 9, after ? 3 : 1);
}

/** The statutory holidays of a solar year, make-up days included, in date order. */
export function statutoryHolidays(year: number): Holiday[] {
  const { tet, hungKings } = lunarHolidays(year);
  const statutory = (date: IsoDate, name: string): Holiday => ({ date, name, kind: 'statutory' });
  const days: Holiday[] = [
    statutory(isoDate(year, 1, 1), 'Tết Dương lịch'),
    ...tetDays(tet).map((d) => statutory(d, 'Tết Âm lịch')),
    statutory(hungKings, 'Giỗ Tổ Hùng Vương'),
    statutory(isoDate(year, 4, 30), 'Ngày Chiến thắng'),
    statutory(isoDate(year, 5, 1), 'Ngày Quốc tế lao động'),
    statutory(isoDate(year, 9, 2), 'Quốc khánh'),
    statutory(nationalDayNeighbour(year), 'Quốc khánh'),
  ].sort((a, b) => a.date.localeCompare(b.date));
  const taken = new Set(days.map((h) => h.date));
  const makeUp: Holiday[] = [];
  for (const h of days) {
    if (!isWeekend(h.date)) continue;
    let d = addDays(h.date, 1);
    while (isWeekend(d) || taken.has(d)) d = addDays(d, 1);
    taken.add(d);
    makeUp.push({ date: d, name: `Nghỉ bù ${h.name}`, kind: 'compensatory' });
  }
  return [...days, ...makeUp].sort((a, b) => a.date.localeCompare(b.date));
}

/** Answers "is this a working day?" for a configuration; years are computed once and kept. */
export interface WorkingCalendar {
  /** The holiday on a day, if any (a declared working day has none). */
  holidayOn(date: IsoDate): Holiday | null;
  isWorkingDay(date: IsoDate): boolean;
}

/** A working calendar: weekends and statutory holidays, plus announced days off, minus declared working days. */
export function createWorkingCalendar(config: HolidayConfig = {}): WorkingCalendar {
  const working = new Set(config.workingDays ?? []);
  const announced = new Map((config.extraDaysOff ?? []).map((d): [IsoDate, Holiday] => [d.date, { date: d.date, name: d.name ?? 'Ngày nghỉ theo thông báo', kind: 'announced' }]));
  const years = new Map<number, Map<IsoDate, Holiday>>();
  const ofYear = (year: number) => {
    let map = years.get(year);
    if (!map) {
      map = new Map(statutoryHolidays(year).map((h) => [h.date, h]));
      years.set(year, map);
    }
    return map;
  };
  const holidayOn = (date: IsoDate): Holiday | null => {
    if (working.has(date)) return null;
    return announced.get(date) ?? ofYear(dateParts(date).year).get(date) ?? null;
  };
  return {
    holidayOn,
    isWorkingDay: (date) => working.has(date) || (!isWeekend(date) && !holidayOn(date)),
  };
}

/** A deadline moved off a weekend or holiday, with the reason in Vietnamese when it moved. */
export function moveToWorkingDay(date: IsoDate, rule: DeadlineAdjustment, calendar: WorkingCalendar): { date: IsoDate; reason: string | null } {
  if (rule === 'none' || calendar.isWorkingDay(date)) return { date, reason: null };
  const step = rule === 'previous_working_day' ? -1 : 1;
  let d = date;
  // A month of consecutive days off does not exist; the bound only guards against a broken configuration.
  for (let i = 0; i < 31 && !calendar.isWorkingDay(d); i++) d = addDays(d, step);
  const holiday = calendar.holidayOn(date);
  const why = holiday ? holiday.name : dayOfWeek(date) === 0 ? 'Chủ nhật' : 'thứ Bảy';
  return { date: d, reason: `trùng ngày nghỉ (${why})` };
}
