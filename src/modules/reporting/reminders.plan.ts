// Which reminders are due for one organization's report in one period, each with a deterministic idempotency key:
// the scheduler inserts them with ON CONFLICT (key) DO NOTHING and sends what it inserted, so a restart or a second
// worker never sends one twice, and re-running the plan after a crash loses none. Pure: `now` is passed in.
//
// Only the latest reminder of each kind that is due is returned: after downtime a unit gets the 1-day reminder,
// not the 3-day one as well, and one overdue notice, not a burst. The key includes the deadline, so moving a
// deadline starts its reminders afresh.
import { addDays, endOfDayInVietnam, formatDayVi, vietnamInstant, type IsoDate } from '../../shared/dates';
import type { ReminderPolicy, SubmissionStatus } from './reporting.schema';

/** One organization's report in one period of a campaign. */
export interface ReminderTarget {
  campaignId: string | number;
  periodId: string;
  organizationId: string | number;
  /** The organization's deadline in force. */
  deadline: IsoDate;
  /** Its submission's status; 'none' when it has not started one. */
  status: SubmissionStatus | 'none';
}

export interface ScheduledReminder {
  kind: 'before' | 'overdue';
  /** Days before the deadline ('before') or after it ('overdue'). */
  offsetDays: number;
  sendAt: Date;
}

export interface DueReminder extends ScheduledReminder {
  /** "reminder:<campaign>:<period>:<organization>:<kind>:<offset>:<deadline>" — unique per reminder ever. */
  key: string;
  deadline: IsoDate;
}

/** Whether the organization still owes the report: nothing sent yet, or sent back for revision. */
export const owesReport = (status: ReminderTarget['status']) => status === 'none' || status === 'draft' || status === 'returned';

/** Every reminder of a deadline under a policy, in time order. */
export function reminderSchedule(deadline: IsoDate, policy: ReminderPolicy): ScheduledReminder[] {
  const before = [...new Set(policy.daysBefore)].map((d): ScheduledReminder => ({ kind: 'before', offsetDays: d, sendAt: vietnamInstant(addDays(deadline, -d), policy.at) }));
  const overdue: ScheduledReminder[] = [];
  for (let i = 0; policy.overdue && i < policy.overdue.maxCount; i++) {
    const days = policy.overdue.firstAfterDays + i * policy.overdue.everyDays;
    overdue.push({ kind: 'overdue', offsetDays: days, sendAt: vietnamInstant(addDays(deadline, days), policy.at) });
  }
  return [...before, ...overdue].sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime());
}

/** The idempotency key of one reminder. */
export function reminderKey(target: Pick<ReminderTarget, 'campaignId' | 'periodId' | 'organizationId' | 'deadline'>, kind: ScheduledReminder['kind'], offsetDays: number): string {
  return `reminder:${target.campaignId}:${target.periodId}:${target.organizationId}:${kind}:${offsetDays}:${target.deadline}`;
}

/** A 'before' reminder is worth sending only until the deadline has passed. */
const stillUseful = (r: ScheduledReminder, deadline: IsoDate, now: Date) => r.kind === 'overdue' || now.getTime() < endOfDayInVietnam(deadline).getTime();

/** The reminders due at `now`: at most the latest of each kind, none once the report is submitted. */
export function dueReminders(target: ReminderTarget, policy: ReminderPolicy, now: Date): DueReminder[] {
  if (!owesReport(target.status)) return [];
  const due = reminderSchedule(target.deadline, policy).filter((r) => r.sendAt.getTime() <= now.getTime() && stillUseful(r, target.deadline, now));
  const latest = (kind: ScheduledReminder['kind']) => due.filter((r) => r.kind === kind).at(-1);
  return [latest('before'), latest('overdue')]
    .filter((r): r is ScheduledReminder => !!r)
    .map((r) => ({ ...r, key: reminderKey(target, r.kind, r.offsetDays), deadline: target.deadline }));
}

/** When the next reminder falls due after `now` (for the scheduler's next wake-up); null when none will. */
export function nextReminderAt(target: ReminderTarget, policy: ReminderPolicy, now: Date): Date | null {
  if (!owesReport(target.status)) return null;
  const next = reminderSchedule(target.deadline, policy).find((r) => r.sendAt.getTime() > now.getTime() && stillUseful(r, target.deadline, r.sendAt));
  return next?.sendAt ?? null;
}

/** The subject and body of a reminder, in Vietnamese. */
export function reminderMessage(r: Pick<DueReminder, 'kind' | 'offsetDays' | 'deadline'>, report: { title: string; periodLabel: string }): { subject: string; body: string } {
  const what = `báo cáo “${report.title}” kỳ ${report.periodLabel}`;
  const deadline = formatDayVi(r.deadline);
  if (r.kind === 'overdue') {
    return {
      subject: `Báo cáo quá hạn: ${report.title} – ${report.periodLabel}`,
      body: `${what[0].toUpperCase()}${what.slice(1)} đã quá hạn ${r.offsetDays} ngày (hạn ${deadline}). Đề nghị đơn vị khẩn trương gửi báo cáo.`,
    };
  }
  return {
    subject: `Nhắc hạn báo cáo: ${report.title} – ${report.periodLabel}`,
    body: r.offsetDays === 0 ? `Hôm nay (${deadline}) là hạn gửi ${what}.` : `Còn ${r.offsetDays} ngày đến hạn gửi ${what} (hạn ${deadline}).`,
  };
}
