// Colours that go with the domain's words, the same on every page.
import type { Role } from '../../modules/auth/auth.access';
import type { OrgSystem } from '../../modules/organizations/organizations.schema';

export const ROLE_COLORS: Record<Role, string> = { admin: 'red', leader: 'blue', specialist: 'cyan', collaborator: 'purple', viewer: 'default' };

export const SYSTEM_COLORS: Record<OrgSystem, string> = {
  party: 'red',
  front: 'blue',
  women: 'magenta',
  youth: 'cyan',
  farmers: 'green',
  veterans: 'volcano',
  labour: 'orange',
  state: 'geekblue',
  other: 'default',
};
