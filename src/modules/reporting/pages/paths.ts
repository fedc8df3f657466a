// Where the reporting pages live (the reminders' in-app notices link to the submission page), and the documents
// the server makes for them.
import { API_BASE, submissionPath, toQueryString, type SubmissionKey } from '../../../web/api';
import type { RollupMode } from '../reporting.schema';

const seg = encodeURIComponent;

export const CAMPAIGN_TABS = ['periods', 'mine', 'received'] as const;
export type CampaignTab = (typeof CAMPAIGN_TABS)[number];

export const reportingPaths = {
  campaigns: '/reporting',
  outlines: '/reporting/outlines',
  newOutline: '/reporting/outlines/new',
  outline: (id: number) => `/reporting/outlines/${id}`,
  newOutlineVersion: (id: number) => `/reporting/outlines/${id}/new-version`,
  newCampaign: (outlineId?: number) => `/reporting/campaigns/new${toQueryString({ outline: outlineId })}`,
  campaign: (id: number, tab?: CampaignTab) => `/reporting/campaigns/${id}${toQueryString({ tab })}`,
  submission: (k: SubmissionKey) => `/reporting/campaigns/${k.campaignId}/periods/${seg(k.periodKey)}/submissions/${k.organizationId}`,
  rollup: (id: number, periodKey: string, organizationId?: number) => `/reporting/campaigns/${id}/periods/${seg(periodKey)}/rollup${toQueryString({ org: organizationId })}`,
  completeness: (id: number, organizationId?: number) => `/reporting/campaigns/${id}/completeness${toQueryString({ org: organizationId })}`,
  notifications: '/notifications',
};

/** The documents: a unit's report and a roll-up as DOCX (official layout) and XLSX, the completeness matrix as XLSX. */
export const reportingFiles = {
  report: (k: SubmissionKey, format: 'docx' | 'xlsx') => `${API_BASE}${submissionPath(k)}/report.${format}`,
  rollup: (id: number, periodKey: string, organizationId: number, mode: RollupMode, format: 'docx' | 'xlsx') =>
    `${API_BASE}/campaigns/${id}/periods/${seg(periodKey)}/rollup.${format}${toQueryString({ organizationId, mode })}`,
  completeness: (id: number, organizationId?: number) => `${API_BASE}/campaigns/${id}/completeness.xlsx${toQueryString({ organizationId })}`,
};
