// How a report's state reads on every reporting page: its status, on time or late, its deadline, a matrix cell.
import { Tag, Typography } from 'antd';
import { daysBetween, todayInVietnam } from '../../../shared/dates';
import { useI18n } from '../../../web/i18n';
import { CELL_STATUS_COLORS, SUBMISSION_STATUS_COLORS } from '../../../web/ui/labels';
import type { CellStatus, SubmissionStatus } from '../reporting.schema';

export function SubmissionStatusTag({ status }: { status: SubmissionStatus | 'none' }) {
  const { enumLabel } = useI18n();
  return (
    <Tag color={SUBMISSION_STATUS_COLORS[status]} data-testid="submission-status">
      {enumLabel('submissionStatus', status)}
    </Tag>
  );
}

/** "Đúng hạn" or "Trễ 3 ngày"; nothing before the first submission. */
export function TimelinessTag({ timeliness, daysLate }: { timeliness: 'on_time' | 'late' | null; daysLate: number | null }) {
  const { t } = useI18n();
  if (!timeliness) return null;
  return (
    <Tag color={timeliness === 'late' ? 'orange' : 'green'} data-testid="timeliness">
      {timeliness === 'late' ? t('reporting.lateBy', { n: daysLate ?? 0 }) : t('reporting.onTime')}
    </Tag>
  );
}

/** A deadline with how far it is from today: "10/04/2026 (còn 3 ngày)", "(quá hạn 2 ngày)". */
export function DeadlineText({ deadline, settled }: { deadline: string; settled?: boolean }) {
  const { t, formatDate } = useI18n();
  const left = daysBetween(todayInVietnam(), deadline);
  const note = settled ? null : left > 0 ? t('reporting.daysLeft', { n: left }) : left === 0 ? t('reporting.dueToday') : t('reporting.overdueBy', { n: -left });
  return (
    <span>
      <span style={{ whiteSpace: 'nowrap' }}>{formatDate(deadline)}</span>
      {note ? (
        <Typography.Text type={left < 0 ? 'danger' : 'secondary'} style={{ marginLeft: 6, fontSize: 13 }}>
          ({note})
        </Typography.Text>
      ) : null}
    </span>
  );
}

/** One cell of the units × periods matrix: its status in words (never colour alone), late ones marked. */
export function CellTag({ status, timeliness, daysLate }: { status: CellStatus; timeliness: 'on_time' | 'late' | null; daysLate: number | null }) {
  const { t, enumLabel } = useI18n();
  const late = timeliness === 'late' && status !== 'missing' && status !== 'not_due' && status !== 'draft';
  return (
    <Tag color={CELL_STATUS_COLORS[status]} style={{ marginInlineEnd: 0, whiteSpace: 'nowrap' }} data-status={status}>
      {enumLabel('cellStatus', status)}
      {late ? ` · ${t('reporting.lateShort', { n: daysLate ?? 0 })}` : ''}
    </Tag>
  );
}
