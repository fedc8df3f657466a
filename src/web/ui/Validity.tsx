// How validity periods (validFrom/validTo, calendar days) read on the pages.
import { Tag } from 'antd';
import { todayInVietnam } from '../../shared/dates';
import { useI18n } from '../i18n';

interface Period {
  validFrom: string | null;
  validTo: string | null;
}

/** "01/07/2025 → nay". */
export function ValidityText({ period }: { period: Period }) {
  const { t, formatDate } = useI18n();
  return (
    <span>
      {period.validFrom ? formatDate(period.validFrom) : t('common.unknownStart')} → {period.validTo ? formatDate(period.validTo) : t('common.present')}
    </span>
  );
}

/** Whether a period holds on a day: in force, ended or not yet begun. */
export function periodState(period: Period, at: string = todayInVietnam()): 'in_force' | 'ended' | 'not_yet' {
  if (period.validTo && period.validTo < at) return 'ended';
  if (period.validFrom && period.validFrom > at) return 'not_yet';
  return 'in_force';
}

export function ValidityTag({ period, at }: { period: Period; at?: string }) {
  const { t } = useI18n();
  const state = periodState(period, at);
  if (state === 'ended') return <Tag color="default">{t('common.ended')}</Tag>;
  if (state === 'not_yet') return <Tag color="gold">{t('common.notYet')}</Tag>;
  return <Tag color="green">{t('common.inForce')}</Tag>;
}
