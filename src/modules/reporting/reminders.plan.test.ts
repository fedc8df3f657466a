import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueReminders, nextReminderAt, reminderMessage, reminderSchedule, type ReminderTarget } from './reminders.plan';
import { ReminderPolicySchema } from './reporting.schema';

const policy = ReminderPolicySchema.parse({}); // 3 and 1 days before at 08:00; overdue 1, 4, 7 days after
const target: ReminderTarget = { campaignId: 7, periodId: '2026-03', organizationId: 42, deadline: '2026-03-13', status: 'none' };
const at = (iso: string) => new Date(iso);

describe('reminderSchedule', () => {
  it('puts reminders at 08:00 Vietnam time, before and after the deadline', () => {
    expect(reminderSchedule('2026-03-13', policy).map((r) => `${r.kind}:${r.offsetDays} ${r.sendAt.toISOString()}`)).toEqual([
      'before:3 2026-03-10T01:00:00.000Z',
      'before:1 2026-03-12T01:00:00.000Z',
      'overdue:1 2026-03-14T01:00:00.000Z',
      'overdue:4 2026-03-17T01:00:00.000Z',
      'overdue:7 2026-03-20T01:00:00.000Z',
    ]);
    expect(reminderSchedule('2026-03-13', ReminderPolicySchema.parse({ daysBefore: [0, 0], overdue: null }))).toHaveLength(1);
  });
});

describe('dueReminders', () => {
  it('gives nothing before the first reminder time', () => {
    expect(dueReminders(target, policy, at('2026-03-10T00:59:59Z'))).toEqual([]);
  });

  it('gives the reminder that is due, with a deterministic key', () => {
    expect(dueReminders(target, policy, at('2026-03-10T01:00:00Z'))).toEqual([
      { kind: 'before', offsetDays: 3, sendAt: at('2026-03-10T01:00:00Z'), key: 'reminder:7:2026-03:42:before:3:2026-03-13', deadline: '2026-03-13' },
    ]);
  });

  it('gives only the latest of each kind after downtime, and no "before" once the deadline has passed', () => {
    expect(dueReminders(target, policy, at('2026-03-13T16:00:00Z')).map((r) => r.key)).toEqual(['reminder:7:2026-03:42:before:1:2026-03-13']);
    expect(dueReminders(target, policy, at('2026-03-13T17:00:00Z'))).toEqual([]);
    expect(dueReminders(target, policy, at('2026-03-18T00:00:00Z')).map((r) => r.key)).toEqual(['reminder:7:2026-03:42:overdue:4:2026-03-13']);
    expect(dueReminders(target, policy, at('2026-06-01T00:00:00Z')).map((r) => r.offsetDays)).toEqual([7]);
  });

  it('stops once the report is submitted or accepted; goes on for a draft or a returned report', () => {
    const now = at('2026-03-12T02:00:00Z');
    expect(dueReminders({ ...target, status: 'submitted' }, policy, now)).toEqual([]);
    expect(dueReminders({ ...target, status: 'accepted' }, policy, now)).toEqual([]);
    expect(dueReminders({ ...target, status: 'draft' }, policy, now)).toHaveLength(1);
    expect(dueReminders({ ...target, status: 'returned' }, policy, now)).toHaveLength(1);
  });

  it('starts afresh when the deadline moves', () => {
    const moved = dueReminders({ ...target, deadline: '2026-03-16' }, policy, at('2026-03-13T02:00:00Z'));
    expect(moved.map((r) => r.key)).toEqual(['reminder:7:2026-03:42:before:3:2026-03-16']);
  });

  it('however often the planner runs: the same keys for the same moment, never an older reminder after a newer one, the last one in the end', () => {
    const start = at('2026-03-01T00:00:00Z').getTime();
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 * 24 * 60 }), { maxLength: 300 }), (minutes) => {
        const sent: { key: string; sendAt: number }[] = [];
        const runs = [...minutes.map((m) => start + m * 60_000), start + 40 * 24 * 3600_000].sort((a, b) => a - b);
        for (const t of runs) {
          const due = dueReminders(target, policy, new Date(t));
          expect(dueReminders(target, policy, new Date(t))).toEqual(due);
          for (const r of due) {
            expect(r.sendAt.getTime()).toBeLessThanOrEqual(t);
            // The database keeps the first insert of a key (ON CONFLICT DO NOTHING) and sends only that one.
            if (!sent.some((x) => x.key === r.key)) sent.push({ key: r.key, sendAt: r.sendAt.getTime() });
          }
        }
        for (let i = 1; i < sent.length; i++) expect(sent[i].sendAt).toBeGreaterThan(sent[i - 1].sendAt);
        expect(sent.at(-1)?.key).toBe('reminder:7:2026-03:42:overdue:7:2026-03-13');
      }),
    );
  });
});

describe('nextReminderAt', () => {
  it('tells the scheduler when to wake up', () => {
    expect(nextReminderAt(target, policy, at('2026-03-01T00:00:00Z'))).toEqual(at('2026-03-10T01:00:00Z'));
    expect(nextReminderAt(target, policy, at('2026-03-12T01:00:00Z'))).toEqual(at('2026-03-14T01:00:00Z'));
    expect(nextReminderAt(target, policy, at('2026-03-20T01:00:00Z'))).toBeNull();
    expect(nextReminderAt({ ...target, status: 'submitted' }, policy, at('2026-03-01T00:00:00Z'))).toBeNull();
  });
});

describe('reminderMessage', () => {
  const report = { title: 'Báo cáo tình hình Nhân dân', periodLabel: 'Tháng 3/2026' };
  it('says in Vietnamese how long is left, or how late it is', () => {
    expect(reminderMessage({ kind: 'before', offsetDays: 3, deadline: '2026-03-13' }, report)).toEqual({
      subject: 'Nhắc hạn báo cáo: Báo cáo tình hình Nhân dân – Tháng 3/2026',
      body: 'Còn 3 ngày đến hạn gửi báo cáo “Báo cáo tình hình Nhân dân” kỳ Tháng 3/2026 (hạn 13/03/2026).',
    });
    expect(reminderMessage({ kind: 'before', offsetDays: 0, deadline: '2026-03-13' }, report).body).toBe('Hôm nay (13/03/2026) là hạn gửi báo cáo “Báo cáo tình hình Nhân dân” kỳ Tháng 3/2026.');
    expect(reminderMessage({ kind: 'overdue', offsetDays: 4, deadline: '2026-03-13' }, report)).toEqual({
      subject: 'Báo cáo quá hạn: Báo cáo tình hình Nhân dân – Tháng 3/2026',
      body: 'Báo cáo “Báo cáo tình hình Nhân dân” kỳ Tháng 3/2026 đã quá hạn 4 ngày (hạn 13/03/2026). Đề nghị đơn vị khẩn trương gửi báo cáo.',
    });
  });
});
