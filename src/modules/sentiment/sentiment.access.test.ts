// sentiment.access can(): who may read, record and manage an organization's sentiment records.
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../auth/auth.access';
import { can, type SentimentAction } from './sentiment.access';

/** The roles allowed each action; every other role is denied. */
const RULES: Record<SentimentAction, readonly Role[]> = {
  read: ROLES,
  record: ['admin', 'leader', 'specialist', 'collaborator'],
  manage: ['admin', 'leader', 'specialist'],
};

describe('sentiment.access can()', () => {
  for (const [action, allowed] of Object.entries(RULES) as [SentimentAction, readonly Role[]][]) {
    describe(action, () => {
      for (const role of ROLES) {
        const verdict = allowed.includes(role);
        it(`${verdict ? 'allows' : 'denies'} a ${role}`, () => expect(can([role], action)).toBe(verdict));
      }
      it('denies someone with no role on the organization', () => expect(can([], action)).toBe(false));
    });
  }

  it('denies an action it does not know', () => {
    expect(can(['admin'], 'publish' as SentimentAction)).toBe(false);
  });
});
