import { hasAnyRole, type Role } from '../auth/auth.access';

export type SentimentAction = 'read' | 'record' | 'manage';

/**
 * Who may do what with an organization's sentiment records, given the roles the actor holds on it (directly or on
 * something it reports to, so a superior reads what its subordinates recorded): 'record' a new one — collaborators
 * report what people say, often from a phone; 'manage' (change or delete anyone's record) — the professional staff.
 * Authors with 'record' change their own. Deny by default.
 */
export function can(rolesHere: readonly Role[], action: SentimentAction): boolean {
  switch (action) {
    case 'read':
      return rolesHere.length > 0;
    case 'record':
      return hasAnyRole(rolesHere, ['admin', 'leader', 'specialist', 'collaborator']);
    case 'manage':
      return hasAnyRole(rolesHere, ['admin', 'leader', 'specialist']);
    default:
      return false;
  }
}
