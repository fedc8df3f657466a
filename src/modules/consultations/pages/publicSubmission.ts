// Sending a citizen's comment from the public portal: solve the proof-of-work challenge in the browser, post with an
// idempotency key made once per submission, and retry with the same key so a retried submission is stored once.
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/sha';
import type { Challenge, DeriveKeyFunction } from 'altcha-lib/types';
import { useCallback, useRef, useState } from 'react';
import { api, ApiError, type PublicChallenge, type PublicCommentInput, type PublicReceipt } from '../../../web/api';
import { useI18n, type Translate } from '../../../web/i18n';
import { newIdempotencyKey } from '../../../web/ui/ids';

/** The comment without what the browser adds (proof of work, idempotency key). */
export type PublicCommentDraft = Omit<PublicCommentInput, 'altcha' | 'idempotencyKey'>;

interface Solved {
  challenge: PublicChallenge;
  solution: { counter: number; derivedKey: string };
}

/**
 * Attempts a solution usually takes: the server hides the answer below 10,000 tries. Only used to show an estimated
 * progress bar; solving does not depend on it.
 */
export const EXPECTED_ATTEMPTS = 10_000;

/** Fetches a challenge and solves it here, reporting the attempts made as it goes. */
export async function solvePublicChallenge(onAttempts: (n: number) => void, controller: AbortController, t: Translate): Promise<Solved> {
  const challenge = await api.public.challenge();
  // Web Crypto exists only in secure contexts (https, localhost).
  if (!globalThis.crypto?.subtle) throw new ApiError(0, 'INSECURE_CONTEXT', t('public.insecure'));
  let attempts = 0;
  const counting: DeriveKeyFunction = (parameters, salt, password) => {
    attempts += 1;
    if (attempts % 100 === 0) onAttempts(attempts);
    return deriveKey(parameters, salt, password);
  };
  const solution = await solveChallenge({ challenge: challenge as unknown as Challenge, deriveKey: counting, controller });
  if (!solution) {
    if (controller.signal.aborted) throw new DOMException('aborted', 'AbortError');
    throw new ApiError(0, 'CHALLENGE_TIMEOUT', t('public.timeout'));
  }
  return { challenge, solution: { counter: solution.counter, derivedKey: solution.derivedKey } };
}

export type SubmissionPhase = 'idle' | 'verifying' | 'sending' | 'done' | 'failed';

export interface SubmissionState {
  phase: SubmissionPhase;
  /** Proof-of-work attempts so far (while verifying). */
  attempts: number;
  receipt: PublicReceipt | null;
  error: ApiError | null;
  /** The failure may pass on a second try (network, server, rate limit): "Gửi lại" keeps the same key. */
  retryable: boolean;
}

const IDLE: SubmissionState = { phase: 'idle', attempts: 0, receipt: null, error: null, retryable: false };

/** Codes after which the proof of work must be done again (expired or already spent challenge). */
const CHALLENGE_CODES = new Set(['CHALLENGE_FAILED', 'CHALLENGE_REUSED']);

interface Pending {
  key: string;
  body: PublicCommentDraft;
  fingerprint: string;
  solved: Solved | null;
}

/**
 * One comment form's sending: `submit(body)` verifies and posts; after a failure, `retry()` posts the same
 * submission again with the same idempotency key (and the same solved challenge while it is still good).
 * Changing the text makes a new submission with a new key.
 */
export function usePublicSubmission(consultationId: number) {
  const { t } = useI18n();
  const [state, setState] = useState<SubmissionState>(IDLE);
  const pending = useRef<Pending | null>(null);
  const controller = useRef<AbortController | null>(null);

  const run = useCallback(async () => {
    const p = pending.current;
    if (!p) return;
    controller.current?.abort();
    const ctl = new AbortController();
    controller.current = ctl;
    let solvedAgain = false;
    try {
      for (;;) {
        if (!p.solved) {
          setState({ ...IDLE, phase: 'verifying' });
          p.solved = await solvePublicChallenge((n) => setState((s) => (s.phase === 'verifying' ? { ...s, attempts: n } : s)), ctl, t);
        }
        setState({ ...IDLE, phase: 'sending' });
        try {
          const receipt = await api.public.comment(consultationId, { ...p.body, idempotencyKey: p.key, altcha: p.solved });
          pending.current = null;
          setState({ ...IDLE, phase: 'done', receipt });
          return;
        } catch (err) {
          // An expired or spent challenge: solve a fresh one once and send the same submission again.
          if (err instanceof ApiError && CHALLENGE_CODES.has(err.code) && !solvedAgain) {
            p.solved = null;
            solvedAgain = true;
            continue;
          }
          throw err;
        }
      }
    } catch (err) {
      if (ctl.signal.aborted) return;
      const error = err instanceof ApiError ? err : new ApiError(0, 'UNKNOWN', err instanceof Error ? err.message : String(err));
      const retryable = error.status === 0 || error.status >= 500 || error.status === 429 || CHALLENGE_CODES.has(error.code);
      if (CHALLENGE_CODES.has(error.code)) p.solved = null;
      setState({ ...IDLE, phase: 'failed', error, retryable });
    }
  }, [consultationId, t]);

  const submit = useCallback(
    (body: PublicCommentDraft) => {
      const fingerprint = JSON.stringify(body);
      if (!pending.current || pending.current.fingerprint !== fingerprint) pending.current = { key: newIdempotencyKey(), body, fingerprint, solved: null };
      return run();
    },
    [run],
  );

  /** Back to an empty form; the next submission gets a new key. */
  const reset = useCallback(() => {
    controller.current?.abort();
    pending.current = null;
    setState(IDLE);
  }, []);

  return { state, submit, retry: run, reset, busy: state.phase === 'verifying' || state.phase === 'sending' };
}
