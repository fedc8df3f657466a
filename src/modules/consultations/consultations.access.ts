import { hasAnyRole, type Role } from '../auth/auth.access';

export type ConsultationAction = 'read' | 'manage' | 'record';

/**
 * Who may do what, given the roles the actor holds on the organization concerned (directly or on something it
 * reports to): for 'manage', the organization that owns the draft or the consultation; for 'record', the
 * participating organization a comment or meeting is recorded under. Deny by default.
 */
export function can(rolesHere: readonly Role[], action: ConsultationAction): boolean {
  switch (action) {
    case 'read':
      return rolesHere.length > 0;
    case 'manage':
      // Drafts and consultations are the professional staff's work; collaborators and viewers only read.
      return hasAnyRole(rolesHere, ['admin', 'leader', 'specialist']);
    case 'record':
      // Collaborators type in what meetings and letters said.
      return hasAnyRole(rolesHere, ['admin', 'leader', 'specialist', 'collaborator']);
    default:
      return false;
  }
}
