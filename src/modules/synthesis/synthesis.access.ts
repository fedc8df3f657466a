import { hasAnyRole, type Role } from '../auth/auth.access';

export type SynthesisAction = 'read' | 'curate' | 'approve';

/**
 * Who may do what with an organization's synthesis, given the roles held on that organization (directly or on
 * something it reports to). Specialists build and curate; only leaders approve, send or send back. Deny by default.
 */
export function can(rolesHere: readonly Role[], action: SynthesisAction): boolean {
  switch (action) {
    case 'read':
      return rolesHere.length > 0;
    case 'curate':
      return hasAnyRole(rolesHere, ['admin', 'leader', 'specialist']);
    case 'approve':
      return hasAnyRole(rolesHere, ['admin', 'leader']);
    default:
      return false;
  }
}
