// A submission's life: draft → submitted → returned (with a reason) → submitted again → accepted (locked). The
// recipient may unlock an accepted report, with a reason; it then goes back to 'returned', the state that already
// means "the superior sent it back, the unit edits and resubmits", so the unit sees why and nothing else changes:
// the same path leads to acceptance again, and the record of the first submission (timeliness) stays. A closed
// period refuses every change. And the comparison of two versions. Pure: the service stores, this decides.
import type { FigureChange, ReportContent, SectionChange, SubmissionStatus, VersionComparison, WordDiffPart } from './reporting.schema';

export type ActorSide = 'reporter' | 'recipient';

export type SubmissionAction =
  | { type: 'edit' }
  | { type: 'submit' }
  | { type: 'return'; reason: string }
  | { type: 'accept' }
  | { type: 'unlock'; reason: string };

export interface SubmissionState {
  status: SubmissionStatus;
  /** The reason of the last return or unlock while the unit is revising; null otherwise. */
  reason: string | null;
}

export interface TransitionError {
  /** 403: the other side's action; 409: not in this state; 422: a reason is missing. */
  httpStatus: 403 | 409 | 422;
  code: string;
  message: string;
}

export type TransitionResult = { ok: true; state: SubmissionState } | { ok: false; error: TransitionError };

export const INITIAL_SUBMISSION: SubmissionState = { status: 'draft', reason: null };

const SIDE: Record<SubmissionAction['type'], ActorSide> = { edit: 'reporter', submit: 'reporter', return: 'recipient', accept: 'recipient', unlock: 'recipient' };

const fail = (httpStatus: TransitionError['httpStatus'], code: string, message: string): TransitionResult => ({ ok: false, error: { httpStatus, code, message } });
const to = (status: SubmissionStatus, reason: string | null = null): TransitionResult => ({ ok: true, state: { status, reason } });

const LOCKED = () => fail(409, 'SUBMISSION_LOCKED', 'Báo cáo đã được tiếp nhận và khóa; cấp trên cần mở khóa trước khi sửa.');
const PENDING = () => fail(409, 'SUBMISSION_PENDING', 'Báo cáo đã gửi, đang chờ cấp trên xem xét; không thể sửa. Nếu cần sửa, đề nghị cấp trên trả lại.');
const NOT_SUBMITTED = () => fail(409, 'SUBMISSION_NOT_SUBMITTED', 'Báo cáo chưa được gửi.');

/** What one action does from each status. */
function apply(state: SubmissionState, action: SubmissionAction): TransitionResult {
  const { status } = state;
  switch (action.type) {
    case 'edit':
      if (status === 'submitted') return PENDING();
      if (status === 'accepted') return LOCKED();
      return to(status, state.reason);
    case 'submit':
      if (status === 'submitted') return fail(409, 'SUBMISSION_ALREADY_SUBMITTED', 'Báo cáo đã được gửi.');
      if (status === 'accepted') return LOCKED();
      return to('submitted');
    case 'return':
      if (status === 'accepted') return fail(409, 'SUBMISSION_ACCEPTED', 'Báo cáo đã được tiếp nhận; muốn trả lại, hãy mở khóa kèm lý do.');
      if (status === 'returned') return fail(409, 'SUBMISSION_ALREADY_RETURNED', 'Báo cáo đã được trả lại, đang chờ đơn vị gửi lại.');
      if (status === 'draft') return NOT_SUBMITTED();
      return to('returned', action.reason.trim());
    case 'accept':
      if (status === 'accepted') return fail(409, 'SUBMISSION_ALREADY_ACCEPTED', 'Báo cáo đã được tiếp nhận.');
      if (status === 'returned') return fail(409, 'SUBMISSION_RETURNED', 'Báo cáo đang được trả lại để sửa; chờ đơn vị gửi lại.');
      if (status === 'draft') return NOT_SUBMITTED();
      return to('accepted');
    case 'unlock':
      if (status !== 'accepted') return fail(409, 'SUBMISSION_NOT_ACCEPTED', 'Chỉ mở khóa được báo cáo đã tiếp nhận.');
      return to('returned', action.reason.trim());
  }
}

/**
 * The state after an action by one side, or why not: the other side's action (403), a closed period or a state
 * that does not allow it (409), a return or unlock without a reason (422).
 */
export function transition(state: SubmissionState, action: SubmissionAction, side: ActorSide, context: { periodClosed?: boolean } = {}): TransitionResult {
  if (SIDE[action.type] !== side) {
    return side === 'reporter'
      ? fail(403, 'SUBMISSION_WRONG_SIDE', 'Chỉ đơn vị nhận báo cáo mới được tiếp nhận, trả lại hoặc mở khóa báo cáo.')
      : fail(403, 'SUBMISSION_WRONG_SIDE', 'Chỉ đơn vị báo cáo mới được sửa hoặc gửi báo cáo.');
  }
  if (context.periodClosed) return fail(409, 'PERIOD_CLOSED', 'Kỳ báo cáo đã khóa sổ; không thể thay đổi báo cáo.');
  if ((action.type === 'return' || action.type === 'unlock') && !action.reason.trim()) {
    return fail(422, 'REASON_REQUIRED', action.type === 'return' ? 'Cần ghi rõ lý do trả lại báo cáo.' : 'Cần ghi rõ lý do mở khóa báo cáo.');
  }
  return apply(state, action);
}

/** The actions a side may take now (for the buttons a page shows). */
export function availableActions(state: SubmissionState, side: ActorSide, context: { periodClosed?: boolean } = {}): SubmissionAction['type'][] {
  const probes: SubmissionAction[] = [{ type: 'edit' }, { type: 'submit' }, { type: 'return', reason: '-' }, { type: 'accept' }, { type: 'unlock', reason: '-' }];
  return probes.filter((a) => transition(state, a, side, context).ok).map((a) => a.type);
}

// ---- Comparing versions ----------------------------------------------------------------------------------------

/** Above this many cells (words × words, after the common head and tail), the middle is shown as replaced whole. */
export const MAX_DIFF_CELLS = 4_000_000;

const tokens = (s: string) => s.match(/\s+|\S+/g) ?? [];

/** Appends a part, merging it into the previous one of the same kind. */
function push(parts: WordDiffPart[], kind: WordDiffPart['kind'], text: string): void {
  if (!text) return;
  const last = parts.at(-1);
  if (last?.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/** Longest common subsequence of two token lists, as parts. */
function lcsDiff(a: string[], b: string[], parts: WordDiffPart[]): void {
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_DIFF_CELLS) {
    push(parts, 'removed', a.join(''));
    push(parts, 'added', b.join(''));
    return;
  }
  // lengths[i][j]: LCS of a[i..] and b[j..], in one flat array.
  const w = m + 1;
  const lengths = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * w + j] = a[i] === b[j] ? lengths[(i + 1) * w + j + 1] + 1 : Math.max(lengths[(i + 1) * w + j], lengths[i * w + j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push(parts, 'same', a[i]);
      i++;
      j++;
    } else if (lengths[(i + 1) * w + j] >= lengths[i * w + j + 1]) push(parts, 'removed', a[i++]);
    else push(parts, 'added', b[j++]);
  }
  while (i < n) push(parts, 'removed', a[i++]);
  while (j < m) push(parts, 'added', b[j++]);
}

/** A word-level diff of two texts: the common head and tail first, then the longest common subsequence. */
export function diffWords(before: string, after: string): WordDiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const parts: WordDiffPart[] = [];
  push(parts, 'same', a.slice(0, head).join(''));
  lcsDiff(a.slice(head, a.length - tail), b.slice(head, b.length - tail), parts);
  push(parts, 'same', a.slice(a.length - tail).join(''));
  return parts;
}

/** Keys of two records, those of the first in their order, then the new ones. */
const unionKeys = (a: Record<string, unknown>, b: Record<string, unknown>) => [...new Set([...Object.keys(a), ...Object.keys(b)])];

/** What changed between two versions of a report: figures (old → new) and section texts (word diff). */
export function compareVersions(before: ReportContent, after: ReportContent): VersionComparison {
  const figures: FigureChange[] = [];
  for (const key of unionKeys(before.figures, after.figures)) {
    const [b, a] = [before.figures[key] ?? null, after.figures[key] ?? null];
    if (b !== a) figures.push({ key, before: b, after: a });
  }
  const sections: SectionChange[] = [];
  for (const address of unionKeys(before.sections, after.sections)) {
    const [b, a] = [before.sections[address] ?? '', after.sections[address] ?? ''];
    if (b !== a) sections.push({ address, before: b, after: a, diff: diffWords(b, a) });
  }
  return { figures, sections };
}
