// organizations.access can(): who may do what with an organization, given the roles held on it.
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../auth/auth.access';
import { can, type OrganizationAction } from './organizations.access';

/** The roles allowed each action; every other role is denied. */
const RULES: Record<OrganizationAction, readonly Role[]> = {
  read: ROLES,
  update: ['admin', 'leader'],
  create: ['admin'],
  close: ['admin'],
  manage_lines: ['admin'],
};

describe('organizations.access can()', () => {
  for (const [action, allowed] of Object.entries(RULES) as [OrganizationAction, readonly Role[]][]) {
    describe(action, () => {
      for (const role of ROLES) {
        const verdict = allowed.includes(role);
        it(`${verdict ? 'allows' : 'denies'} a ${role}`, () => {
          expect(can([role], action)).toBe(verdict);
        });
      }
      it('denies someone with no role on the organization', () => {
        expect(can([], action)).toBe(false);
      });
    });
  }

  it('any one sufficient role among several is enough', () => {
    expect(can(['viewer', 'leader'], 'update')).toBe(true);
    expect(can(['viewer', 'specialist', 'collaborator', 'leader'], 'close')).toBe(false);
  });

  it('denies an action it does not know', () => {
    expect(can(['admin'], 'delete' as OrganizationAction)).toBe(false);
  });
});
