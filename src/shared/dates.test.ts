import { describe, expect, it } from 'vitest';
import { addDays, dateParts, dayBefore, dayOfWeek, daysBetween, daysInMonth, endOfDayInVietnam, formatDayVi, isoDate, todayInVietnam, vietnamInstant } from './dates';

describe('calendar days', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
    expect(daysBetween('2026-03-13', '2026-03-15')).toBe(2);
    expect(daysBetween('2026-03-15', '2026-03-13')).toBe(-2);
  });

  it('builds, splits and formats dates', () => {
    expect(isoDate(2026, 3, 5)).toBe('2026-03-05');
    expect(dateParts('2026-03-05')).toEqual({ year: 2026, month: 3, day: 5 });
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(dayOfWeek('2026-03-15')).toBe(0);
    expect(formatDayVi('2026-03-05')).toBe('05/03/2026');
  });

  it('reads days and times in Vietnam (UTC+7)', () => {
    expect(vietnamInstant('2026-03-13', '08:00').toISOString()).toBe('2026-03-13T01:00:00.000Z');
    expect(endOfDayInVietnam('2026-03-13').toISOString()).toBe('2026-03-13T17:00:00.000Z');
    expect(todayInVietnam(new Date('2026-03-13T16:59:59Z'))).toBe('2026-03-13');
    expect(todayInVietnam(new Date('2026-03-13T17:00:00Z'))).toBe('2026-03-14');
  });
});
