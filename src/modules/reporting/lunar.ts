// The Vietnamese lunisolar calendar (âm lịch), after Hồ Ngọc Đức's algorithm ("Âm lịch Việt Nam", 2004): new moons
// and solar terms from Jean Meeus' "Astronomical Algorithms", reckoned in Vietnam's time zone (UTC+7). The zone
// matters: Vietnam and China, one hour apart, sometimes start a month on different days (Tết 1985, 2007). Pure.
import { dateParts, isoDate, type IsoDate } from '../../shared/dates';

/** A day of the lunar calendar; `leap` marks a day of the leap (nhuận) month of the year. */
export interface LunarDate {
  year: number;
  month: number;
  day: number;
  leap: boolean;
}

const TIME_ZONE = 7;
const int = Math.floor;
const DR = Math.PI / 180;
const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1 January 1900, the origin of the new-moon count k. */
const EPOCH = 2415021.076998695;

/** Julian day number of a day of the proleptic Gregorian calendar (Julian before 15 October 1582). */
export function julianDay(year: number, month: number, day: number): number {
  const a = int((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  const jd = day + int((153 * m + 2) / 5) + 365 * y + int(y / 4) - int(y / 100) + int(y / 400) - 32045;
  return jd < 2299161 ? day + int((153 * m + 2) / 5) + 365 * y + int(y / 4) - 32083 : jd;
}

/** The calendar day of a Julian day number. */
export function fromJulianDay(jd: number): IsoDate {
  let b = 0;
  let c = jd + 32082;
  if (jd > 2299160) {
    const a = jd + 32044;
    b = int((4 * a + 3) / 146097);
    c = a - int((b * 146097) / 4);
  }
  const d = int((4 * c + 3) / 1461);
  const e = c - int((1461 * d) / 4);
  const m = int((5 * e + 2) / 153);
  return isoDate(b * 100 + d - 4800 + int(m / 10), m + 3 - 12 * int(m / 10), e - int((153 * m + 2) / 5) + 1);
}

/** The instant (Julian day, UT) of the k-th new moon after 1 January 1900. */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DR);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * DR) + 0.0021 * Math.sin(2 * DR * M);
  c1 += -0.4068 * Math.sin(Mpr * DR) + 0.0161 * Math.sin(DR * 2 * Mpr) - 0.0004 * Math.sin(DR * 3 * Mpr);
  c1 += 0.0104 * Math.sin(DR * 2 * F) - 0.0051 * Math.sin(DR * (M + Mpr)) - 0.0074 * Math.sin(DR * (M - Mpr));
  c1 += 0.0004 * Math.sin(DR * (2 * F + M)) - 0.0004 * Math.sin(DR * (2 * F - M)) - 0.0006 * Math.sin(DR * (2 * F + Mpr));
  c1 += 0.001 * Math.sin(DR * (2 * F - Mpr)) + 0.0005 * Math.sin(DR * (2 * Mpr + M));
  const deltaT = T < -11 ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3 : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** The sun's apparent longitude (radians, 0–2π) at a Julian day (UT). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DR * M);
  DL += (0.019993 - 0.000101 * T) * Math.sin(DR * 2 * M) + 0.00029 * Math.sin(DR * 3 * M);
  const L = (L0 + DL) * DR;
  return L - Math.PI * 2 * int(L / (Math.PI * 2));
}

/** Which of the 12 major solar terms (0–11, by 30° of longitude) the sun is in at the start of a local day. */
const solarTerm = (dayNumber: number) => int((sunLongitude(dayNumber - 0.5 - TIME_ZONE / 24) / Math.PI) * 6);

/** The local day on which the k-th new moon falls. */
const newMoonDay = (k: number) => int(newMoon(k) + 0.5 + TIME_ZONE / 24);

/** The first day of the 11th lunar month (the one holding the winter solstice) of a solar year. */
function lunarMonth11(year: number): number {
  const k = int((julianDay(year, 12, 31) - 2415021) / SYNODIC_MONTH);
  const nm = newMoonDay(k);
  return solarTerm(nm) >= 9 ? newMoonDay(k - 1) : nm;
}

/** In a 13-month year starting at month 11 on day a11, the offset of the leap month (the first without a major term). */
function leapMonthOffset(a11: number): number {
  const k = int((a11 - EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = solarTerm(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i++;
    arc = solarTerm(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

/** The lunar date of a solar day, in Vietnam's time zone. */
export function solarToLunar(date: IsoDate): LunarDate {
  const { year, month, day } = dateParts(date);
  const dayNumber = julianDay(year, month, day);
  // The month holding the day starts at the last new moon on or before it. The estimate of its index can be off by
  // one either way (Hồ Ngọc Đức's original tries only k and k + 1, and gives "day 0" on 9 April 2062): step to it.
  let k = int((dayNumber - EPOCH) / SYNODIC_MONTH);
  while (newMoonDay(k + 1) <= dayNumber) k++;
  while (newMoonDay(k) > dayNumber) k--;
  const monthStart = newMoonDay(k);
  let a11 = lunarMonth11(year);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = year;
    a11 = lunarMonth11(year - 1);
  } else {
    lunarYear = year + 1;
    b11 = lunarMonth11(year + 1);
  }
  const diff = int((monthStart - a11) / 29);
  let lunarMonth = diff + 11;
  let leap = false;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11);
    if (diff >= leapDiff) {
      lunarMonth = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (lunarMonth > 12) lunarMonth -= 12;
  if (lunarMonth >= 11 && diff < 4) lunarYear -= 1;
  return { year: lunarYear, month: lunarMonth, day: dayNumber - monthStart + 1, leap };
}

/** The solar day of a lunar date; null when the year has no such leap month. */
export function lunarToSolar({ year, month, day, leap }: LunarDate): IsoDate | null {
  const [a11, b11] = month < 11 ? [lunarMonth11(year - 1), lunarMonth11(year)] : [lunarMonth11(year), lunarMonth11(year + 1)];
  const k = int(0.5 + (a11 - EPOCH) / SYNODIC_MONTH);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) return null;
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    return null;
  }
  return fromJulianDay(newMoonDay(k + off) + day - 1);
}
