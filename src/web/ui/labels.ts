// Colours that go with the domain's words, the same on every page.
import type { Role } from '../../modules/auth/auth.access';
import type { Channel, ConsultationStatus } from '../../modules/consultations/consultations.schema';
import type { OrgSystem } from '../../modules/organizations/organizations.schema';
import type { CellStatus, SubmissionStatus } from '../../modules/reporting/reporting.schema';
import type { SynthesisState } from '../../modules/synthesis/synthesis.schema';

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

export const CONSULTATION_STATUS_COLORS: Record<ConsultationStatus, string> = { preparing: 'gold', open: 'green', closed: 'default', synthesized: 'blue' };

export const SYNTHESIS_STATUS_COLORS: Record<SynthesisState, string> = { not_built: 'default', draft: 'gold', approved: 'cyan', sent: 'green', returned: 'volcano' };

export const CHANNEL_COLORS: Record<Channel, string> = { portal: 'geekblue', conference: 'blue', written: 'purple', letter: 'magenta', survey: 'cyan', sheet: 'orange' };

export const SUBMISSION_STATUS_COLORS: Record<SubmissionStatus | 'none', string> = { none: 'default', draft: 'gold', submitted: 'blue', returned: 'volcano', accepted: 'green' };

/** A cell of the units × periods matrix: the same colours as the statuses, red for a report that never came. */
export const CELL_STATUS_COLORS: Record<CellStatus, string> = { not_due: 'default', missing: 'red', draft: 'gold', submitted: 'blue', returned: 'volcano', accepted: 'green' };
