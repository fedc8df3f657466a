// audit.access can(): only administrators read the audit log; nobody may do anything else with it.
import { describe, expect, it } from 'vitest';
import { ROLES } from '../auth/auth.access';
import { can, type AuditAction } from './audit.access';

describe('audit.access can()', () => {
  it('allows an administrator to read', () => {
    expect(can(['admin'], 'read')).toBe(true);
  });

  for (const role of ROLES.filter((r) => r !== 'admin')) {
    it(`denies a ${role} reading`, () => {
      expect(can([role], 'read')).toBe(false);
    });
  }

  it('denies someone with no role', () => {
    expect(can([], 'read')).toBe(false);
  });

  it('denies every other action, even to an administrator (the log is append-only)', () => {
    for (const action of ['update', 'delete', 'write'] as unknown as AuditAction[]) expect(can(['admin'], action)).toBe(false);
  });
});
