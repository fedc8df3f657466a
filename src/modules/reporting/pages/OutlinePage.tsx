// One outline at a version: its sections, guidance and figures; a new version; a campaign started on it.
import { EditOutlined, ScheduleOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Skeleton, Typography } from 'antd';
import { useEffect } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { BackLink, ErrorAlert, PageLoadError, PageTitle } from '../../../web/ui/Feedback';
import { useAsync } from '../../../web/ui/hooks';
import { MANAGE_ROLES, useMyOrganizations } from '../../../web/ui/myOrganizations';
import { OutlineView } from './OutlineSections';
import { reportingPaths } from './paths';

export function OutlinePage() {
  const id = Number(useParams().id);
  const { t, formatDateTime } = useI18n();
  const navigate = useNavigate();
  const mine = useMyOrganizations();
  const [params, setParams] = useSearchParams();
  const version = Number(params.get('version')) || undefined;
  const detail = useAsync((signal) => api.reporting.outline(id, version, signal), [id, version]);
  const o = detail.data;

  useEffect(() => {
    if (o) document.title = `${o.title} · ${t('app.name')}`;
  }, [o, t]);

  const back = <BackLink to={reportingPaths.outlines}>{t('outlines.back')}</BackLink>;
  if (!Number.isInteger(id) || id <= 0) return <ErrorAlert error={new Error(t('app.notFound'))} />;
  if (detail.error) return <PageLoadError back={back} error={detail.error} onRetry={detail.reload} />;
  if (!o) return <Skeleton active />;
  const canManage = mine.holdsAt(o.organizationId, MANAGE_ROLES);

  return (
    <>
      {back}
      <PageTitle
        sub={o.organizationName}
        extra={
          <>
            {canManage ? (
              <Button icon={<EditOutlined aria-hidden />} onClick={() => navigate(reportingPaths.newOutlineVersion(o.id))} data-testid="outline-new-version">
                {t('outlines.newVersion')}
              </Button>
            ) : null}
            {mine.holdsAny(MANAGE_ROLES) ? (
              <Button type="primary" icon={<ScheduleOutlined aria-hidden />} onClick={() => navigate(reportingPaths.newCampaign(o.id))} data-testid="outline-start-campaign">
                {t('campaigns.create')}
              </Button>
            ) : null}
          </>
        }
      >
        <span data-testid="outline-title">{o.content.title}</span>
      </PageTitle>
      <Card>
        <Flex align="center" gap={8} wrap style={{ marginBottom: 12 }}>
          <label htmlFor="outline-version" className="field-label" style={{ margin: 0 }}>
            {t('outlines.versionShown')}
          </label>
          <Select
            id="outline-version"
            value={o.version}
            onChange={(v) => setParams(v === o.latestVersion ? {} : { version: String(v) }, { replace: true })}
            options={[...o.versions].reverse().map((v) => ({ value: v.version, label: `${t('outlines.versionNo', { n: v.version })} — ${formatDateTime(v.createdAt)}` }))}
            style={{ minWidth: 260 }}
            data-testid="outline-version"
          />
          {o.version !== o.latestVersion ? <Typography.Text type="warning">{t('outlines.olderVersion')}</Typography.Text> : null}
        </Flex>
        <OutlineView outline={o.content} />
      </Card>
    </>
  );
}
