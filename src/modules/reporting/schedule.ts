// Reporting schedules: the periods a campaign asks reports for, each level's deadline in each period (absolute, or
// cascading N days before the consolidating level's), moved off weekends and holidays, and whether a submission
// was on time. Pure: dates come in, nothing reads the clock.
import { addDays, dateParts, daysBetween, daysInMonth, endOfDayInVietnam, formatDayVi, isoDate, todayInVietnam, type IsoDate } from '../../shared/dates';
import { UNIT_LEVELS, type UnitLevel } from '../units/units.schema';
import { createWorkingCalendar, moveToWorkingDay, type WorkingCalendar } from './holidays';
import type { DeadlinePolicy, LevelDeadline, LevelDeadlineInForce, Period, PeriodDeadlines, PeriodicSchedule, Schedule, ScheduleIssue } from './reporting.schema';

/** How levels are named in messages. */
export const LEVEL_NAMES: Record<UnitLevel, string> = {
  central: 'cấp trung ương',
  province: 'cấp tỉnh',
  district: 'cấp huyện',
  commune: 'cấp xã',
  residential_area: 'khu dân cư',
};

/** More periods than this is a mistake in the dates (twenty years of months). */
export const MAX_PERIODS = 240;

const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'];
const error = (path: string, code: string, message: string): ScheduleIssue => ({ path, code, message, severity: 'error' });
const warning = (path: string, code: string, message: string): ScheduleIssue => ({ path, code, message, severity: 'warning' });

/** Month arithmetic on (year, month 1–12). */
function shiftMonth(year: number, month: number, by: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** A day of a month, clamped to its last day ("ngày 31" in February is its last day). */
function dayOfMonth(year: number, month: number, day: number): IsoDate {
  return isoDate(year, month, Math.min(day, daysInMonth(year, month)));
}

/** The due date in a month: "vào ngày N" is day N; "trước ngày N" is day N−1 (day 1: the previous month's last day). */
export function dueDateInMonth(year: number, month: number, due: { day: number; rule: 'on' | 'before' }): IsoDate {
  if (due.rule === 'on') return dayOfMonth(year, month, due.day);
  return due.day === 1 ? addDays(isoDate(year, month, 1), -1) : dayOfMonth(year, month, due.day - 1);
}

const MONTHS_PER: Record<PeriodicSchedule['frequency'], number> = { monthly: 1, quarterly: 3, yearly: 12 };

/** The id and label of the period whose first calendar month is (year, month). */
function naming(frequency: PeriodicSchedule['frequency'], year: number, month: number): { id: string; label: string } {
  if (frequency === 'monthly') return { id: `${year}-${String(month).padStart(2, '0')}`, label: `Tháng ${month}/${year}` };
  if (frequency === 'quarterly') {
    const q = (month - 1) / 3 + 1;
    return { id: `${year}-Q${q}`, label: `Quý ${ROMAN_QUARTERS[q - 1]}/${year}` };
  }
  return { id: String(year), label: `Năm ${year}` };
}

/**
 * The periods of a periodic schedule whose month, quarter or year touches [from, to]. With cutoffDay 1 a period
 * is its calendar month, quarter or year; with cutoffDay c it runs from day c of the month before to day c−1 of
 * its last month.
 */
function periodicPeriods(s: PeriodicSchedule): Period[] {
  const step = MONTHS_PER[s.frequency];
  const first = dateParts(s.from);
  const last = dateParts(s.to);
  // Align to the first month of the period holding `from` (January, April … for quarters).
  let year = first.year;
  let month = first.month - ((first.month - 1) % step);
  const periods: Period[] = [];
  while (year * 12 + month <= last.year * 12 + last.month && periods.length <= MAX_PERIODS) {
    const lastMonth = shiftMonth(year, month, step - 1);
    const before = shiftMonth(year, month, -1);
    const start = s.cutoffDay === 1 ? isoDate(year, month, 1) : isoDate(before.year, before.month, s.cutoffDay);
    const end = s.cutoffDay === 1 ? isoDate(lastMonth.year, lastMonth.month, daysInMonth(lastMonth.year, lastMonth.month)) : isoDate(lastMonth.year, lastMonth.month, s.cutoffDay - 1);
    const dueMonth = s.dueMonth === 'next_month' ? shiftMonth(lastMonth.year, lastMonth.month, 1) : lastMonth;
    periods.push({ ...naming(s.frequency, year, month), start, end, due: dueDateInMonth(dueMonth.year, dueMonth.month, s.due) });
    ({ year, month } = shiftMonth(year, month, step));
  }
  return periods;
}

/** Checks a periodic schedule's range and warns when reports fall due before their period ends. */
function periodicIssues(s: PeriodicSchedule, periods: Period[]): ScheduleIssue[] {
  if (s.from > s.to) return [error('schedule.to', 'SCHEDULE_RANGE', `Ngày kết thúc (${formatDayVi(s.to)}) trước ngày bắt đầu (${formatDayVi(s.from)}).`)];
  if (periods.length > MAX_PERIODS) return [error('schedule.to', 'SCHEDULE_TOO_LONG', `Quá nhiều kỳ báo cáo (tối đa ${MAX_PERIODS}); kiểm tra lại khoảng thời gian.`)];
  const early = periods.find((p) => p.due < p.end);
  if (!early) return [];
  const hint = s.cutoffDay === 1 ? ` Có thể tính kỳ từ ngày ${early.due.slice(8).replace(/^0/, '')} tháng trước (ngày bắt đầu kỳ).` : '';
  return [
    warning(
      'schedule.due',
      'SCHEDULE_DUE_BEFORE_END',
      `Hạn nộp kỳ ${early.label} (${formatDayVi(early.due)}) đến trước khi kỳ kết thúc (${formatDayVi(early.end)}): số liệu chỉ tính đến ngày nộp.${hint}`,
    ),
  ];
}

/** Checks milestone windows: unique keys, start ≤ end, due not before the start. */
function milestoneIssues(s: Extract<Schedule, { kind: 'milestone' }>): ScheduleIssue[] {
  const out: ScheduleIssue[] = [];
  const keys = new Set<string>();
  s.windows.forEach((w, i) => {
    const at = `schedule.windows.${i}`;
    if (keys.has(w.key)) out.push(error(`${at}.key`, 'SCHEDULE_DUPLICATE_KEY', `Mã mốc "${w.key}" bị trùng.`));
    keys.add(w.key);
    if (w.start > w.end) out.push(error(`${at}.end`, 'SCHEDULE_RANGE', `${w.label}: ngày kết thúc (${formatDayVi(w.end)}) trước ngày bắt đầu (${formatDayVi(w.start)}).`));
    if (w.due && w.due < w.start) out.push(error(`${at}.due`, 'SCHEDULE_DUE_BEFORE_START', `${w.label}: hạn nộp (${formatDayVi(w.due)}) trước ngày bắt đầu (${formatDayVi(w.start)}).`));
  });
  return out;
}

/** The periods of a schedule, in order, and what is wrong with it (no periods when there is an error). */
export function generatePeriods(schedule: Schedule): { periods: Period[]; issues: ScheduleIssue[] } {
  let periods: Period[];
  let issues: ScheduleIssue[];
  switch (schedule.kind) {
    case 'periodic':
      periods = schedule.from > schedule.to ? [] : periodicPeriods(schedule);
      issues = periodicIssues(schedule, periods);
      break;
    case 'milestone':
      periods = schedule.windows.map((w) => ({ id: w.key, label: w.label, start: w.start, end: w.end, due: w.due ?? w.end }));
      issues = milestoneIssues(schedule);
      break;
    case 'ad_hoc': {
      const start = schedule.start ?? schedule.end ?? schedule.due;
      const end = schedule.end ?? schedule.due;
      periods = [{ id: schedule.key, label: schedule.label, start, end, due: schedule.due }];
      issues = start > end ? [error('schedule.end', 'SCHEDULE_RANGE', `Ngày kết thúc (${formatDayVi(end)}) trước ngày bắt đầu (${formatDayVi(start)}).`)] : [];
      break;
    }
  }
  return { periods: issues.some((i) => i.severity === 'error') ? [] : periods, issues };
}

// ---- Deadlines per level ---------------------------------------------------------------------------------------

const rank = (level: UnitLevel) => UNIT_LEVELS.indexOf(level);

/** Checks the rules themselves: one per level, offsets of a configured higher level, dates for every period. */
function policyIssues(levels: LevelDeadline[], periods: Period[]): ScheduleIssue[] {
  const out: ScheduleIssue[] = [];
  const configured = new Set<UnitLevel>();
  levels.forEach((rule, i) => {
    const at = `deadlines.levels.${i}`;
    if (configured.has(rule.level)) out.push(error(`${at}.level`, 'DEADLINE_DUPLICATE_LEVEL', `Hạn của ${LEVEL_NAMES[rule.level]} được đặt hai lần.`));
    configured.add(rule.level);
    if (rule.rule === 'offset' && rank(rule.of) >= rank(rule.level)) {
      out.push(error(`${at}.of`, 'DEADLINE_OFFSET_NOT_HIGHER', `Hạn của ${LEVEL_NAMES[rule.level]} chỉ có thể tính lùi từ hạn của cấp trên, không từ ${LEVEL_NAMES[rule.of]}.`));
    }
    if (rule.rule === 'date') {
      for (const p of periods) {
        if (!rule.dates[p.id]) out.push(error(`${at}.dates.${p.id}`, 'DEADLINE_DATE_MISSING', `Chưa đặt hạn của ${LEVEL_NAMES[rule.level]} cho kỳ “${p.label}”.`));
      }
      const ids = new Set(periods.map((p) => p.id));
      for (const id of Object.keys(rule.dates)) {
        if (!ids.has(id)) out.push(warning(`${at}.dates.${id}`, 'DEADLINE_DATE_UNKNOWN_PERIOD', `Không có kỳ báo cáo "${id}"; hạn này không được dùng.`));
      }
    }
  });
  for (const [i, rule] of levels.entries()) {
    if (rule.rule === 'offset' && rank(rule.of) < rank(rule.level) && !configured.has(rule.of)) {
      out.push(error(`deadlines.levels.${i}.of`, 'DEADLINE_OFFSET_UNKNOWN', `Hạn của ${LEVEL_NAMES[rule.level]} tính theo ${LEVEL_NAMES[rule.of]}, nhưng chưa đặt hạn cho ${LEVEL_NAMES[rule.of]}.`));
    }
  }
  return out;
}

/** The deadlines of every level in one period, top level first; each offset counts from its parent's deadline in force. */
function deadlinesOf(period: Period, ordered: LevelDeadline[], policy: DeadlinePolicy, calendar: WorkingCalendar): LevelDeadlineInForce[] {
  const byLevel = new Map<UnitLevel, LevelDeadlineInForce>();
  for (const rule of ordered) {
    const nominal = rule.rule === 'due' ? period.due : rule.rule === 'date' ? rule.dates[period.id] : addDays(byLevel.get(rule.of)!.inForce, -rule.days);
    const { date, reason } = moveToWorkingDay(nominal, policy.adjust, calendar);
    byLevel.set(rule.level, { level: rule.level, nominal, inForce: date, moved: reason && `Hạn ${formatDayVi(nominal)} ${reason}; chuyển sang ${formatDayVi(date)}.` });
  }
  return [...byLevel.values()];
}

/** Warnings for a level whose deadline falls after the nearest higher configured level's. */
function orderWarnings(period: Period, deadlines: LevelDeadlineInForce[]): ScheduleIssue[] {
  const out: ScheduleIssue[] = [];
  for (let i = 1; i < deadlines.length; i++) {
    const [parent, child] = [deadlines[i - 1], deadlines[i]];
    if (child.inForce > parent.inForce) {
      out.push(
        warning(
          `deadlines.${period.id}.${child.level}`,
          'DEADLINE_AFTER_PARENT',
          `${period.label}: hạn của ${LEVEL_NAMES[child.level]} (${formatDayVi(child.inForce)}) sau hạn của ${LEVEL_NAMES[parent.level]} (${formatDayVi(parent.inForce)}).`,
        ),
      );
    }
  }
  return out;
}

/**
 * Each level's deadline in each period. A level's deadline is the period's due date, an absolute date per period,
 * or N calendar days before a higher level's deadline in force (so cascades follow moved deadlines); each is then
 * moved off days off by `policy.adjust`. Warns when a level's deadline falls after its parent's. No periods when
 * the policy has an error.
 */
export function resolveDeadlines(periods: Period[], policy: DeadlinePolicy, calendar: WorkingCalendar = createWorkingCalendar(policy.holidays)): { periods: PeriodDeadlines[]; issues: ScheduleIssue[] } {
  const issues = policyIssues(policy.levels, periods);
  if (issues.some((i) => i.severity === 'error')) return { periods: [], issues };
  const ordered = [...policy.levels].sort((a, b) => rank(a.level) - rank(b.level));
  const out = periods.map((p) => ({ ...p, deadlines: deadlinesOf(p, ordered, policy, calendar) }));
  return { periods: out, issues: [...issues, ...out.flatMap((p) => orderWarnings(p, p.deadlines))] };
}

// ---- Timeliness ------------------------------------------------------------------------------------------------

export interface OnTime {
  status: 'on_time' | 'late';
  /** Calendar days (Vietnam) after the deadline; 0 when on time. */
  daysLate: number;
}

/** Whether a submission was on time: a deadline "ngày D" holds until the end of D in Vietnam (UTC+7). */
export function onTimeStatus(submittedAt: Date, deadlineInForce: IsoDate): OnTime {
  if (submittedAt.getTime() < endOfDayInVietnam(deadlineInForce).getTime()) return { status: 'on_time', daysLate: 0 };
  return { status: 'late', daysLate: daysBetween(deadlineInForce, todayInVietnam(submittedAt)) };
}
