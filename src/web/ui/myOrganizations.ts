// The organizations the signed-in user holds roles on, for defaults ("act for") and for showing only the buttons a
// role can use. The server decides; these only avoid offering what it would certainly refuse.
import { useMemo } from 'react';
import { hasAnyRole, type Role } from '../../modules/auth/auth.access';
import { api } from '../api';
import { useAuth } from '../auth';
import { useAsync } from './hooks';

export interface MyOrganization {
  id: number;
  name: string;
  unitName: string | null;
  roles: Role[];
}

export const MANAGE_ROLES: readonly Role[] = ['admin', 'leader', 'specialist'];
export const RECORD_ROLES: readonly Role[] = ['admin', 'leader', 'specialist', 'collaborator'];
export const APPROVE_ROLES: readonly Role[] = ['admin', 'leader'];

export function useMyOrganizations() {
  const { me, roles } = useAuth();
  return useMemo(() => {
    const byId = new Map<number, MyOrganization>();
    for (const g of me?.grants ?? []) {
      if (g.organizationId === null) continue;
      const o = byId.get(g.organizationId) ?? { id: g.organizationId, name: g.organizationName ?? `#${g.organizationId}`, unitName: g.unitName, roles: [] };
      if (!o.roles.includes(g.role)) o.roles.push(g.role);
      byId.set(o.id, o);
    }
    const list = [...byId.values()];
    const isAdmin = !!me?.isSystemAdmin;
    /** Whether the user holds one of these roles on the organization itself (or anywhere, as a system administrator). */
    const holdsAt = (organizationId: number, wanted: readonly Role[]) => isAdmin || hasAnyRole(byId.get(organizationId)?.roles ?? [], wanted);
    /** Whether the user holds one of these roles anywhere. */
    const holdsAny = (wanted: readonly Role[]) => isAdmin || hasAnyRole(roles, wanted);
    return { list, byId, isAdmin, holdsAt, holdsAny, first: list[0] ?? null };
  }, [me, roles]);
}

/** Names of organizations by id (for lists whose rows carry only the id), from the user's grants or the API. */
export function useOrganizationNames(ids: readonly number[]): Map<number, string> {
  const { byId } = useMyOrganizations();
  const key = [...new Set(ids)].sort((a, b) => a - b).join(',');
  const fetched = useAsync(
    async (signal) => {
      const wanted = key ? key.split(',').map(Number).filter((id) => !byId.has(id)) : [];
      const found = await Promise.all(wanted.map((id) => api.organizations.detail(id, signal).then((d) => [id, d.organization.name] as const, () => [id, `#${id}`] as const)));
      return new Map<number, string>(found);
    },
    [key, byId],
  );
  return useMemo(() => {
    const names = new Map<number, string>(fetched.data ?? []);
    for (const [id, o] of byId) names.set(id, o.name);
    return names;
  }, [fetched.data, byId]);
}
