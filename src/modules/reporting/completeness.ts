// Completeness counts from tallies: the database keeps the units counted by level, status and timeliness (a few
// dozen rows, however many units), and this turns them into expected / received / on time / late / missing / not yet
// due per period, each level judged against its own deadline. Pure.
import type { IsoDate } from '../../shared/dates';
import type { SubmissionStatus } from './reporting.schema';

export interface Counts {
  expected: number;
  submitted: number;
  onTime: number;
  late: number;
  missing: number;
  notDue: number;
  returned: number;
  accepted: number;
}

export interface Tally {
  level: string;
  /** null: not started (no submission row). */
  status: SubmissionStatus | null;
  timeliness: 'on_time' | 'late' | null;
  n: number;
}

export const emptyCounts = (): Counts => ({ expected: 0, submitted: 0, onTime: 0, late: 0, missing: 0, notDue: 0, returned: 0, accepted: 0 });

/**
 * One period's counts. `expected` gives the units of each level in scope; `tallies` their submissions (rows with a
 * null status are units not started and are optional: units of a level not tallied have not started). A unit owes
 * the report while it has none or only a draft: missing once its level's deadline has passed, otherwise not yet due.
 */
export function countPeriod(expected: ReadonlyMap<string, number>, tallies: readonly Tally[], deadlineOf: (level: string) => IsoDate, today: IsoDate): Counts {
  const c = emptyCounts();
  const started = new Map<string, number>();
  const drafts = new Map<string, number>();
  for (const t of tallies) {
    if (t.status === null) continue;
    started.set(t.level, (started.get(t.level) ?? 0) + t.n);
    if (t.status === 'draft') drafts.set(t.level, (drafts.get(t.level) ?? 0) + t.n);
    if (t.status === 'submitted' || t.status === 'accepted') c.submitted += t.n;
    if (t.status !== 'draft' && t.timeliness === 'on_time') c.onTime += t.n;
    if (t.status !== 'draft' && t.timeliness === 'late') c.late += t.n;
    if (t.status === 'returned') c.returned += t.n;
    if (t.status === 'accepted') c.accepted += t.n;
  }
  for (const [level, n] of expected) {
    c.expected += n;
    const owing = n - (started.get(level) ?? 0) + (drafts.get(level) ?? 0);
    if (deadlineOf(level) < today) c.missing += owing;
    else c.notDue += owing;
  }
  return c;
}

/** The units of each level that tallies cover, when they include the units not started (null status). */
export function expectedOf(tallies: readonly Tally[]): Map<string, number> {
  const expected = new Map<string, number>();
  for (const t of tallies) expected.set(t.level, (expected.get(t.level) ?? 0) + t.n);
  return expected;
}
