// Our synchronous ALTCHA check agrees with altcha-lib's on genuine, tampered, expired and malformed solutions.
import { createChallenge, solveChallenge, verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { describe, expect, it } from 'vitest';
import { verifyAltcha } from './altcha';

const secrets = { signature: 'signature-secret-for-tests', key: 'key-secret-for-tests' };

async function solved(expiresInMs = 60_000) {
  const challenge = await createChallenge({ algorithm: 'SHA-256', cost: 1, counter: 3, deriveKey, expiresAt: new Date(Date.now() + expiresInMs), hmacSignatureSecret: secrets.signature, hmacKeySignatureSecret: secrets.key });
  const solution = (await solveChallenge({ challenge, deriveKey }))!;
  return { challenge, solution };
}

const library = async (challenge: unknown, solution: unknown) =>
  (await verifySolution({ challenge: challenge as never, solution: solution as never, deriveKey, hmacSignatureSecret: secrets.signature, hmacKeySignatureSecret: secrets.key })).verified;

describe('verifyAltcha', () => {
  it('agrees with altcha-lib on every case', async () => {
    const { challenge, solution } = await solved();
    const flip = (hex: string) => hex.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    const cases: Array<[string, unknown, unknown]> = [
      ['genuine', challenge, solution],
      ['wrong key', challenge, { ...solution, derivedKey: flip(solution.derivedKey) }],
      ['upper-case key', challenge, { ...solution, derivedKey: solution.derivedKey.toUpperCase() }],
      ['non-hex key', challenge, { ...solution, derivedKey: 'zz' }],
      ['negative counter', challenge, { ...solution, counter: -1 }],
      ['fractional counter', challenge, { ...solution, counter: 1.5 }],
      ['tampered parameters', { ...challenge, parameters: { ...challenge.parameters, cost: 2 } }, solution],
      ['forged signature', { ...challenge, signature: flip(challenge.signature!) }, solution],
      ['no signature', { parameters: challenge.parameters }, solution],
    ];
    for (const [name, c, s] of cases) {
      expect(verifyAltcha(c as never, s as never, secrets), name).toBe(await library(c, s));
    }
    const expired = await solved(-1000);
    expect(verifyAltcha(expired.challenge as never, expired.solution, secrets)).toBe(false);
    expect(await library(expired.challenge, expired.solution)).toBe(false);
  });

  it('leaves challenges without a key signature to the library', async () => {
    const { challenge, solution } = await solved();
    const { keySignature: _k, ...parameters } = challenge.parameters;
    expect(verifyAltcha({ ...challenge, parameters } as never, solution, secrets)).toBeNull();
  });
});
