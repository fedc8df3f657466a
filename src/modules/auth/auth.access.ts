/** Roles, from most to least powerful. A role granted on an organization applies to what reports to it. */
export const ROLES = ['admin', 'leader', 'specialist', 'collaborator', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Vietnamese names of the roles, for messages and pages. */
export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  leader: 'Lãnh đạo',
  specialist: 'Chuyên viên',
  collaborator: 'Cộng tác viên',
  viewer: 'Người xem',
};

/** Whether a set of effective roles contains any of the wanted ones. */
export const hasAnyRole = (held: readonly Role[], wanted: readonly Role[]): boolean => held.some((r) => wanted.includes(r));
