// The user's part in a campaign: the reporting units it holds a role on itself, the receiving units its roles reach,
// the period a superior looks at first, a level's deadline in a period.
import { useMemo } from 'react';
import { todayInVietnam } from '../../../shared/dates';
import type { CampaignDetail, CampaignPeriod } from '../../../web/api';
import { useMyOrganizations } from '../../../web/ui/myOrganizations';

/** The period a superior looks at first: the latest whose due date has come, else the first. */
export function currentPeriod(periods: CampaignPeriod[]): CampaignPeriod | undefined {
  const today = todayInVietnam();
  return periods.filter((p) => p.due <= today).at(-1) ?? periods[0];
}

/** A level's deadline in force in a period (the period's due date when the level has none of its own). */
export const deadlineOf = (p: CampaignPeriod, level: string | undefined) => p.deadlines.find((d) => d.level === level)?.inForce ?? p.due;

/** The reporting units the user holds a role on itself (not every unit below it, which its role also reaches). */
export function useOwnReporting(campaign: CampaignDetail | undefined) {
  const mine = useMyOrganizations();
  return useMemo(() => (campaign?.mine.reporting ?? []).filter((r) => mine.byId.has(r.organizationId)), [campaign, mine.byId]);
}

/** The units that receive reports in the campaign that the user's roles reach, the user's own first. */
export function useReceiving(campaign: CampaignDetail | undefined) {
  const mine = useMyOrganizations();
  return useMemo(
    () => [...(campaign?.mine.receiving ?? [])].sort((a, b) => Number(mine.byId.has(b.organizationId)) - Number(mine.byId.has(a.organizationId))),
    [campaign, mine.byId],
  );
}
