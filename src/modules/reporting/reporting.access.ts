import { hasAnyRole, type Role } from '../auth/auth.access';

export type ReportingAction = 'read' | 'manage' | 'report' | 'review';

/**
 * Who may do what, given the roles the actor holds on the organization concerned (directly or on something it
 * reports to): 'manage' outlines and campaigns on the organization that owns them; 'report' (write and submit) on
 * the reporting unit; 'review' (return, accept, unlock) on the unit that receives. Deny by default.
 */
export function can(rolesHere: readonly Role[], action: ReportingAction): boolean {
  switch (action) {
    case 'read':
      return rolesHere.length > 0;
    case 'manage':
    case 'report':
    case 'review':
      return hasAnyRole(rolesHere, ['admin', 'leader', 'specialist']);
    default:
      return false;
  }
}
