import type { Role } from '../modules/auth/auth.access';

/** A role held on an organization (null: the whole system, admins only). */
export interface Grant {
  organizationId: number | null;
  role: Role;
}

/** The signed-in user a command runs for. */
export interface Actor {
  id: number;
  username: string;
  fullName: string;
  grants: Grant[];
}

/** Who asks and from where: passed to every service command so it can authorize and audit. */
export interface Ctx {
  actor: Actor | null;
  /** Shown in the audit log when there is no signed-in user (e.g. "cli", "seed"). */
  system?: string;
  ip?: string;
  requestId?: string;
}

/** Whether the actor holds a system-wide admin grant. */
export const isSystemAdmin = (actor: Actor | null): boolean =>
  !!actor?.grants.some((g) => g.role === 'admin' && g.organizationId === null);
