// Checking an ALTCHA (proof-of-work v2) solution with node:crypto.
//
// The same checks as altcha-lib's verifySolution() for our challenges (deterministic mode, where the challenge
// carries a signature of the expected key): not expired, parameters signed by us, the submitted key well formed
// and signed by us. altcha-lib does these with WebCrypto, whose asynchronous jobs cost about a millisecond of CPU
// per check on this machine — the largest single cost of a portal submission; two synchronous HMACs cost
// microseconds. Challenges are still created and solved with altcha-lib, and the tests check both verifiers agree.
import crypto from 'node:crypto';

export interface AltchaSecrets {
  signature: string;
  key: string;
}

interface Challenge {
  parameters: Record<string, unknown>;
  signature?: string;
}

interface Solution {
  counter?: unknown;
  derivedKey?: unknown;
}

/** Sorted keys, undefined values dropped, recursively: the JSON altcha-lib signs. */
function sortKeys(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .flatMap((k) => {
        const v = (value as Record<string, unknown>)[k];
        return v === undefined ? [] : [[k, sortKeys(v)]];
      }),
  );
}

const hmacHex = (secret: string, data: string | Buffer) => crypto.createHmac('sha256', secret).update(data).digest('hex');

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * Whether a solution solves a challenge we issued. Null when the challenge is not in deterministic mode (no key
 * signature): the caller then uses the library's full check.
 */
export function verifyAltcha(challenge: Challenge, solution: Solution, secrets: AltchaSecrets, now = Date.now()): boolean | null {
  const p = challenge.parameters;
  if (typeof p.keySignature !== 'string') return null;
  if (typeof p.expiresAt === 'number' && p.expiresAt < now / 1000) return false;
  if (typeof challenge.signature !== 'string' || !sameHex(challenge.signature, hmacHex(secrets.signature, JSON.stringify(sortKeys(p))))) return false;
  const key = solution.derivedKey;
  const counter = solution.counter;
  if (typeof key !== 'string' || !/^(?:[0-9a-f]{2})+$/.test(key)) return false;
  if (typeof counter !== 'number' || !Number.isInteger(counter) || counter < 0 || counter > 0xffffffff) return false;
  return sameHex(p.keySignature, hmacHex(secrets.key, Buffer.from(key, 'hex')));
}
