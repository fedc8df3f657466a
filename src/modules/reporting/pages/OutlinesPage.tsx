// Outlines (đề cương) of the user's organizations: the list, with the way to create one (pasted text or builder).
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { api, type OutlineSummary } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { BackLink, ErrorAlert, PageTitle } from '../../../web/ui/Feedback';
import { useAsync } from '../../../web/ui/hooks';
import { MANAGE_ROLES, useMyOrganizations } from '../../../web/ui/myOrganizations';
import { reportingPaths } from './paths';

export function OutlinesPage() {
  const { t, formatDateTime } = useI18n();
  const navigate = useNavigate();
  const mine = useMyOrganizations();
  const list = useAsync((signal) => api.reporting.outlines(undefined, signal), []);
  return (
    <>
      <BackLink to={reportingPaths.campaigns}>{t('campaigns.back')}</BackLink>
      <PageTitle
        sub={t('outlines.sub')}
        extra={
          mine.holdsAny(MANAGE_ROLES) ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate(reportingPaths.newOutline)} data-testid="outline-create">
              {t('outlines.create')}
            </Button>
          ) : null
        }
      >
        {t('outlines.title')}
      </PageTitle>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Card>
        <Table<OutlineSummary>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: true }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n }) }}
          locale={{ emptyText: t('outlines.empty') }}
          data-testid="outlines-table"
          columns={[
            { key: 'title', title: t('outlines.titleLabel'), render: (_, o) => <Link to={reportingPaths.outline(o.id)}>{o.title}</Link> },
            { key: 'version', title: t('outlines.latestVersion'), render: (_, o) => t('outlines.versionNo', { n: o.latestVersion }) },
            { key: 'org', title: t('outlines.organization'), responsive: ['md'], render: (_, o) => o.organizationName },
            { key: 'created', title: t('outlines.createdAt'), responsive: ['lg'], render: (_, o) => formatDateTime(o.createdAt) },
          ]}
        />
      </Card>
    </>
  );
}
