// What every tab of a consultation page receives: the consultation, the organization the user works for, the
// drafts' sections and the meetings recorded so far.
import type { Consultation, Meeting } from '../../../web/api';
import type { ConsultationDraftSections } from '../../../web/ui/sections';

export interface ConsultationContext {
  consultation: Consultation;
  /** The participating organization the user works for on this page. */
  orgId: number;
  setOrgId: (id: number) => void;
  drafts: ConsultationDraftSections[];
  draftsLoading: boolean;
  meetings: Meeting[];
  reloadMeetings: () => void;
  reloadConsultation: () => void;
  setConsultation: (c: Consultation) => void;
}
