// The unit and the period a superior looks at (the received reports, a roll-up): the unit only when its roles reach
// more than one that receives reports in the campaign.
import { Select } from 'antd';
import type { CampaignDetail } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { Field } from '../../../web/ui/Field';

export interface UnitAndPeriodProps {
  campaign: CampaignDetail;
  receiving: CampaignDetail['mine']['receiving'];
  organizationId: number | undefined;
  periodKey: string | undefined;
  onOrganization: (id: number) => void;
  onPeriod: (periodKey: string) => void;
  /** Prefix of the controls' ids and test ids ("received" → "received-period"). */
  idPrefix: string;
}

export function UnitAndPeriod({ campaign, receiving, organizationId, periodKey, onOrganization, onPeriod, idPrefix }: UnitAndPeriodProps) {
  const { t, periodLabel } = useI18n();
  return (
    <>
      {receiving.length > 1 ? (
        <div>
          <Field id={`${idPrefix}-org`} label={t('campaign.receivingUnit')}>
            <Select id={`${idPrefix}-org`} value={organizationId} onChange={onOrganization} options={receiving.map((r) => ({ value: r.organizationId, label: r.organizationName }))} style={{ minWidth: 260 }} />
          </Field>
        </div>
      ) : null}
      <div>
        <Field id={`${idPrefix}-period`} label={t('campaign.period')}>
          <Select
            id={`${idPrefix}-period`}
            value={periodKey}
            onChange={onPeriod}
            options={campaign.periods.map((p) => ({ value: p.id, label: periodLabel(p.label) }))}
            style={{ minWidth: 180 }}
            data-testid={`${idPrefix}-period`}
          />
        </Field>
      </div>
    </>
  );
}
