import { hasAnyRole, type Role } from '../auth/auth.access';

export type UserAction = 'read' | 'manage' | 'grant';

/**
 * Who may manage accounts, given the actor's roles on the organization concerned. Leaders manage the people of
 * their organizations but cannot make administrators; only administrators grant the admin role.
 */
export function can(rolesHere: readonly Role[], action: UserAction, grantedRole?: Role): boolean {
  switch (action) {
    case 'read':
    case 'manage':
      return hasAnyRole(rolesHere, ['admin', 'leader']);
    case 'grant':
      if (grantedRole === 'admin') return rolesHere.includes('admin');
      return hasAnyRole(rolesHere, ['admin', 'leader']);
    default:
      return false;
  }
}
