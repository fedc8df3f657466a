// The role vocabulary every module's can() is written in, rule by rule.
import { describe, expect, it } from 'vitest';
import { hasAnyRole, ROLE_LABELS, ROLES } from './auth.access';

describe('roles', () => {
  it('are, from most to least powerful: admin, leader, specialist, collaborator, viewer', () => {
    expect(ROLES).toEqual(['admin', 'leader', 'specialist', 'collaborator', 'viewer']);
  });

  it('each have a Vietnamese label for messages and pages', () => {
    expect(ROLE_LABELS).toEqual({
      admin: 'Quản trị hệ thống',
      leader: 'Lãnh đạo',
      specialist: 'Chuyên viên',
      collaborator: 'Cộng tác viên',
      viewer: 'Người xem',
    });
  });
});

describe('hasAnyRole', () => {
  it('is true when one held role is among the wanted ones', () => {
    expect(hasAnyRole(['viewer', 'leader'], ['admin', 'leader'])).toBe(true);
  });

  it('is false when none of the held roles is wanted', () => {
    expect(hasAnyRole(['specialist', 'collaborator', 'viewer'], ['admin', 'leader'])).toBe(false);
  });

  it('denies by default: holding nothing, or wanting nothing, is false', () => {
    expect(hasAnyRole([], ['admin'])).toBe(false);
    expect(hasAnyRole(['admin'], [])).toBe(false);
  });
});
