import { hasAnyRole, type Role } from '../auth/auth.access';

export type OrganizationAction = 'read' | 'update' | 'create' | 'close' | 'manage_lines';

/**
 * Who may do what with an organization, given the roles the actor holds on it (directly or on something it
 * reports to). Deny by default.
 */
export function can(rolesHere: readonly Role[], action: OrganizationAction): boolean {
  switch (action) {
    case 'read':
      return rolesHere.length > 0;
    case 'update':
      // Leaders keep their own organization's details (name) current; structure is the administrator's.
      return hasAnyRole(rolesHere, ['admin', 'leader']);
    case 'create':
    case 'close':
    case 'manage_lines':
      return hasAnyRole(rolesHere, ['admin']);
    default:
      return false;
  }
}
