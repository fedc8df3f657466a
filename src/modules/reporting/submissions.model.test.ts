import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availableActions, compareVersions, diffWords, INITIAL_SUBMISSION, transition, type ActorSide, type SubmissionAction, type SubmissionState } from './submissions.model';

/** Runs actions from a fresh draft; throws on the first refusal. */
function run(...steps: [SubmissionAction, ActorSide][]): SubmissionState {
  let state = INITIAL_SUBMISSION;
  for (const [action, side] of steps) {
    const r = transition(state, action, side);
    if (!r.ok) throw new Error(`${action.type} by ${side}: ${r.error.code}`);
    state = r.state;
  }
  return state;
}
const submit: [SubmissionAction, ActorSide] = [{ type: 'submit' }, 'reporter'];
const accept: [SubmissionAction, ActorSide] = [{ type: 'accept' }, 'recipient'];
const giveBack = (reason: string): [SubmissionAction, ActorSide] => [{ type: 'return', reason }, 'recipient'];

describe('transition', () => {
  it('goes draft → submitted → returned → submitted → accepted', () => {
    expect(run(submit)).toEqual({ status: 'submitted', reason: null });
    expect(run(submit, giveBack('  Thiếu số liệu mục I.1  '))).toEqual({ status: 'returned', reason: 'Thiếu số liệu mục I.1' });
    expect(run(submit, giveBack('Thiếu số liệu'), [{ type: 'edit' }, 'reporter'])).toEqual({ status: 'returned', reason: 'Thiếu số liệu' });
    expect(run(submit, giveBack('Thiếu số liệu'), submit, accept)).toEqual({ status: 'accepted', reason: null });
  });

  it('locks an accepted report until the recipient unlocks it with a reason, back to returned', () => {
    const accepted = run(submit, accept);
    expect(transition(accepted, { type: 'edit' }, 'reporter')).toEqual({
      ok: false,
      error: { httpStatus: 409, code: 'SUBMISSION_LOCKED', message: 'Báo cáo đã được tiếp nhận và khóa; cấp trên cần mở khóa trước khi sửa.' },
    });
    expect(transition(accepted, { type: 'unlock', reason: ' ' }, 'recipient')).toMatchObject({ ok: false, error: { httpStatus: 422, code: 'REASON_REQUIRED', message: 'Cần ghi rõ lý do mở khóa báo cáo.' } });
    expect(transition(accepted, { type: 'return', reason: 'x' }, 'recipient')).toMatchObject({ ok: false, error: { code: 'SUBMISSION_ACCEPTED' } });
    expect(run(submit, accept, [{ type: 'unlock', reason: 'Sai số liệu kinh phí' }, 'recipient'])).toEqual({ status: 'returned', reason: 'Sai số liệu kinh phí' });
  });

  it('requires a reason to return', () => {
    expect(transition(run(submit), { type: 'return', reason: '' }, 'recipient')).toMatchObject({ ok: false, error: { httpStatus: 422, code: 'REASON_REQUIRED', message: 'Cần ghi rõ lý do trả lại báo cáo.' } });
  });

  it('refuses what the state does not allow, with a reason the user can act on', () => {
    const cases: [SubmissionState, SubmissionAction, ActorSide, string][] = [
      [run(submit), { type: 'edit' }, 'reporter', 'SUBMISSION_PENDING'],
      [run(submit), { type: 'submit' }, 'reporter', 'SUBMISSION_ALREADY_SUBMITTED'],
      [INITIAL_SUBMISSION, { type: 'accept' }, 'recipient', 'SUBMISSION_NOT_SUBMITTED'],
      [INITIAL_SUBMISSION, { type: 'return', reason: 'x' }, 'recipient', 'SUBMISSION_NOT_SUBMITTED'],
      [run(submit, giveBack('x')), { type: 'accept' }, 'recipient', 'SUBMISSION_RETURNED'],
      [run(submit, giveBack('x')), { type: 'return', reason: 'y' }, 'recipient', 'SUBMISSION_ALREADY_RETURNED'],
      [run(submit, accept), { type: 'accept' }, 'recipient', 'SUBMISSION_ALREADY_ACCEPTED'],
      [run(submit, accept), { type: 'submit' }, 'reporter', 'SUBMISSION_LOCKED'],
      [run(submit), { type: 'unlock', reason: 'x' }, 'recipient', 'SUBMISSION_NOT_ACCEPTED'],
    ];
    for (const [state, action, side, code] of cases) expect(transition(state, action, side)).toMatchObject({ ok: false, error: { httpStatus: 409, code } });
  });

  it("refuses the other side's actions (403) and any change in a closed period (409)", () => {
    expect(transition(run(submit), { type: 'accept' }, 'reporter')).toMatchObject({ ok: false, error: { httpStatus: 403, code: 'SUBMISSION_WRONG_SIDE' } });
    expect(transition(INITIAL_SUBMISSION, { type: 'submit' }, 'recipient')).toMatchObject({ ok: false, error: { httpStatus: 403, code: 'SUBMISSION_WRONG_SIDE' } });
    expect(transition(INITIAL_SUBMISSION, { type: 'submit' }, 'reporter', { periodClosed: true })).toEqual({
      ok: false,
      error: { httpStatus: 409, code: 'PERIOD_CLOSED', message: 'Kỳ báo cáo đã khóa sổ; không thể thay đổi báo cáo.' },
    });
    expect(transition(run(submit), { type: 'accept' }, 'recipient', { periodClosed: true })).toMatchObject({ ok: false, error: { code: 'PERIOD_CLOSED' } });
  });

  it('lists the actions a side may take', () => {
    expect(availableActions(INITIAL_SUBMISSION, 'reporter')).toEqual(['edit', 'submit']);
    expect(availableActions(run(submit), 'recipient')).toEqual(['return', 'accept']);
    expect(availableActions(run(submit, accept), 'recipient')).toEqual(['unlock']);
    expect(availableActions(run(submit, accept), 'reporter')).toEqual([]);
    expect(availableActions(INITIAL_SUBMISSION, 'reporter', { periodClosed: true })).toEqual([]);
  });

  const actionArb = fc.tuple(
    fc.constantFrom<SubmissionAction>({ type: 'edit' }, { type: 'submit' }, { type: 'return', reason: 'Lý do' }, { type: 'return', reason: '' }, { type: 'accept' }, { type: 'unlock', reason: 'Lý do' }),
    fc.constantFrom<ActorSide>('reporter', 'recipient'),
  );

  it('never reaches accepted but from submitted, by the recipient; a reporter alone never gets it accepted', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 40 }), (steps) => {
        let state = INITIAL_SUBMISSION;
        for (const [action, side] of steps) {
          const r = transition(state, action, side);
          if (!r.ok) continue;
          if (r.state.status === 'accepted') {
            expect(state.status).toBe('submitted');
            expect(side).toBe('recipient');
          }
          if (r.state.status === 'returned') expect(r.state.reason).toBeTruthy();
          if (state.status === 'accepted' && r.state.status !== 'accepted') expect(action.type).toBe('unlock');
          state = r.state;
        }
        if (steps.every(([, side]) => side === 'reporter')) expect(['draft', 'submitted']).toContain(state.status);
      }),
    );
  });
});

describe('compareVersions', () => {
  it('lists figure changes old → new and section changes with a word diff', () => {
    const c = compareVersions(
      { figures: { so_hoi_nghi: 3, so_nguoi: 100, ghi_chu: 'a' }, sections: { 'I.1': 'Nhân dân đồng tình với dự thảo.', II: 'Không.' } },
      { figures: { so_hoi_nghi: 4, so_nguoi: 100, kinh_phi: 1.5 }, sections: { 'I.1': 'Nhân dân rất đồng tình với dự thảo văn kiện.', II: 'Không.', III: 'Mới.' } },
    );
    expect(c.figures).toEqual([
      { key: 'so_hoi_nghi', before: 3, after: 4 },
      { key: 'ghi_chu', before: 'a', after: null },
      { key: 'kinh_phi', before: null, after: 1.5 },
    ]);
    expect(c.sections.map((s) => s.address)).toEqual(['I.1', 'III']);
    expect(c.sections[0].diff).toEqual([
      { kind: 'same', text: 'Nhân dân ' },
      { kind: 'added', text: 'rất ' },
      { kind: 'same', text: 'đồng tình với dự ' },
      { kind: 'removed', text: 'thảo.' },
      { kind: 'added', text: 'thảo văn kiện.' },
    ]);
    expect(c.sections[1].diff).toEqual([{ kind: 'added', text: 'Mới.' }]);
  });

  it('finds nothing between equal versions', () => {
    const v = { figures: { a: 1, b: null }, sections: { I: 'x' } };
    expect(compareVersions(v, { figures: { a: 1 }, sections: { I: 'x' } })).toEqual({ figures: [], sections: [] });
  });

  it('rebuilds both texts from the diff', () => {
    const text = fc.array(fc.constantFrom('Nhân', 'dân', 'đồng', 'tình', ' ', '\n', 'dự', 'thảo.'), { maxLength: 60 }).map((w) => w.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const parts = diffWords(a, b);
        expect(parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe(a);
        expect(parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe(b);
        for (let i = 1; i < parts.length; i++) expect(parts[i].kind).not.toBe(parts[i - 1].kind);
      }),
    );
  });

  it('replaces a huge middle whole instead of filling a huge table', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 3000 }, (_, i) => `b${i}`).join(' ');
    const start = performance.now();
    expect(diffWords(`Đầu ${a} cuối`, `Đầu ${b} cuối`).map((p) => p.kind)).toEqual(['same', 'removed', 'added', 'same']);
    expect(performance.now() - start).toBeLessThan(500);
  });
});
