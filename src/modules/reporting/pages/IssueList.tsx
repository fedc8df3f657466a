// Problems the server or the page found, each naming where ("figures.so_hoi_nghi", "sections.II.1"): a list above
// the form, each a button that takes the user to its field when the page has one.
import { Alert, Button } from 'antd';
import { ApiError } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import type { ReportIssue } from '../reporting.schema';

export function IssueList({ issues, testId, onPick }: { issues: readonly ReportIssue[]; testId?: string; onPick?: (issue: ReportIssue) => void }) {
  const { t } = useI18n();
  if (!issues.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      title={t('reporting.issues', { n: issues.length })}
      description={
        <ul className="issue-list">
          {issues.map((i, k) => (
            <li key={`${i.path}-${k}`}>
              {onPick ? (
                <Button type="link" className="issue-link" onClick={() => onPick(i)}>
                  {i.message}
                </Button>
              ) : (
                i.message
              )}
            </li>
          ))}
        </ul>
      }
      style={{ marginBottom: 12 }}
      data-testid={testId}
    />
  );
}

/** Problems the server reported with a write (422 details.issues), if any. */
export function issuesOf(err: unknown): ReportIssue[] {
  const details = err instanceof ApiError ? (err.details as { issues?: ReportIssue[] } | undefined) : undefined;
  return Array.isArray(details?.issues) ? details.issues : [];
}
