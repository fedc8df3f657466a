// users.access can(): who may read, manage and give roles to accounts, given the roles held on the organization.
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../auth/auth.access';
import { can, type UserAction } from './users.access';

const MANAGERS: readonly Role[] = ['admin', 'leader'];

describe('users.access can()', () => {
  for (const action of ['read', 'manage'] as const) {
    describe(action, () => {
      for (const role of ROLES) {
        const verdict = MANAGERS.includes(role);
        it(`${verdict ? 'allows' : 'denies'} a ${role}`, () => {
          expect(can([role], action)).toBe(verdict);
        });
      }
      it('denies someone with no role on the organization', () => {
        expect(can([], action)).toBe(false);
      });
    });
  }

  describe('grant', () => {
    it('only an administrator may make an administrator', () => {
      expect(can(['admin'], 'grant', 'admin')).toBe(true);
      for (const role of ROLES.filter((r) => r !== 'admin')) expect(can([role], 'grant', 'admin')).toBe(false);
      expect(can(['leader', 'specialist'], 'grant', 'admin')).toBe(false);
    });

    for (const granted of ROLES.filter((r) => r !== 'admin')) {
      it(`a ${granted} role may be given by an administrator or a leader, nobody else`, () => {
        for (const role of ROLES) expect(can([role], 'grant', granted)).toBe(MANAGERS.includes(role));
        expect(can([], 'grant', granted)).toBe(false);
      });
    }
  });

  it('denies an action it does not know', () => {
    expect(can(['admin'], 'delete' as UserAction)).toBe(false);
  });
});
