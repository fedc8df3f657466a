import { hasAnyRole, type Role } from '../auth/auth.access';

export type AuditAction = 'read';

/** Only administrators read the audit log; nobody edits it (the database refuses updates and deletes). */
export function can(rolesHere: readonly Role[], action: AuditAction): boolean {
  return action === 'read' && hasAnyRole(rolesHere, ['admin']);
}
