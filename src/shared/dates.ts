/** Calendar days as 'YYYY-MM-DD' strings: validity periods are days, not instants. */
export type IsoDate = string;

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Vietnam's offset from UTC: UTC+7 all year, no daylight saving. */
export const VIETNAM_UTC_OFFSET_HOURS = 7;
const VIETNAM_OFFSET_MS = VIETNAM_UTC_OFFSET_HOURS * 3600_000;
const DAY_MS = 86_400_000;

/** Today in Vietnam (UTC+7), as 'YYYY-MM-DD'. */
export function todayInVietnam(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whether a string is a real calendar date in 'YYYY-MM-DD' form. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** 'YYYY-MM-DD' from a year, a month (1–12) and a day. */
export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A date's year, month (1–12) and day. */
export function dateParts(date: IsoDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** The date `days` days after (before, when negative) a date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The day before a date. */
export function dayBefore(date: IsoDate): IsoDate {
  return addDays(date, -1);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Day of the week: 0 Sunday … 6 Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Number of days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The instant a wall-clock time ('HH:MM') of a day in Vietnam begins. */
export function vietnamInstant(date: IsoDate, time = '00:00'): Date {
  return new Date(Date.parse(`${date}T${time}:00Z`) - VIETNAM_OFFSET_MS);
}

/** The first instant after a day in Vietnam: a deadline "ngày D" holds until this instant, exclusive. */
export function endOfDayInVietnam(date: IsoDate): Date {
  return vietnamInstant(addDays(date, 1));
}

/** A day as Vietnamese documents write it: 'dd/mm/yyyy'. */
export function formatDayVi(date: IsoDate): string {
  return date.split('-').reverse().join('/');
}
