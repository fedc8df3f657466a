// How a campaign's schedule and assignees read in a sentence: "Hằng tháng, vào ngày 10 tháng sau", "Theo 5 mốc".
import { useCallback } from 'react';
import { useI18n } from '../../../web/i18n';
import type { Campaign } from '../../../web/api';

export function useScheduleText() {
  const { t, formatDate } = useI18n();
  return useCallback(
    (schedule: Campaign['schedule']): string => {
      switch (schedule.kind) {
        case 'periodic': {
          const rule = t(schedule.due.rule === 'on' ? 'schedule.dueOn' : 'schedule.dueBefore', { day: schedule.due.day });
          const month = schedule.dueMonth === 'next_month' ? ` ${t('schedule.nextMonth')}` : '';
          return `${t(`frequency.${schedule.frequency}`)}, ${rule}${month}`;
        }
        case 'milestone':
          return t('schedule.milestones', { n: schedule.windows.length });
        case 'ad_hoc':
          return t('schedule.adHocDue', { date: formatDate(schedule.due) });
      }
    },
    [t, formatDate],
  );
}
