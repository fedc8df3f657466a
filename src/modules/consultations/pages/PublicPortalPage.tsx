// The public portal's front page: consultations open to citizens, each with its period and whether it takes comments.
import { CalendarOutlined, RightOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { Link } from 'react-router-dom';
import { api, type PublicConsultationSummary } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { ErrorAlert } from '../../../web/ui/Feedback';
import { useAsync } from '../../../web/ui/hooks';

/** Whether citizens may comment now, have yet to wait, or are too late. */
export function PublicStatusTag({ c }: { c: Pick<PublicConsultationSummary, 'phase'> }) {
  const { t } = useI18n();
  if (c.phase === 'open') return <Tag color="green">{t('public.accepting')}</Tag>;
  if (c.phase === 'upcoming') return <Tag color="gold">{t('public.notYetOpen')}</Tag>;
  return <Tag color="default">{t('public.ended')}</Tag>;
}

export function PublicPortalPage() {
  const { t, formatDate } = useI18n();
  const list = useAsync((signal) => api.public.list(signal), []);
  useEffect(() => {
    document.title = `${t('public.portal')} · ${t('app.name')}`;
  }, [t]);

  return (
    <div className="public-column">
      <Typography.Title level={1} style={{ fontSize: 26, marginTop: 0 }}>
        {t('public.listTitle')}
      </Typography.Title>
      <Typography.Paragraph className="public-lead">{t('public.listLead')}</Typography.Paragraph>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      {list.loading && !list.data ? <Skeleton active /> : null}
      {list.data && !list.data.items.length ? <Empty description={t('public.none')} /> : null}
      <Flex vertical gap={12}>
        {list.data?.items.map((c) => (
          <Card key={c.id} size="small" className="public-card">
            <Flex justify="space-between" align="start" gap={8}>
              <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
                <Link to={`/gop-y/${c.id}`}>{c.title}</Link>
              </Typography.Title>
              <PublicStatusTag c={c} />
            </Flex>
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
              {c.organizationName}
            </Typography.Paragraph>
            <Typography.Text>
              <CalendarOutlined aria-hidden /> {t('public.period', { from: formatDate(c.opensOn), to: formatDate(c.closesOn) })}
            </Typography.Text>
            {c.description ? <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }} ellipsis={{ rows: 3 }}>{c.description}</Typography.Paragraph> : null}
            <div style={{ marginTop: 8 }}>
              <Link to={`/gop-y/${c.id}`} aria-label={`${t('public.readAndComment')}: ${c.title}`}>
                {t('public.readAndComment')} <RightOutlined aria-hidden />
              </Link>
            </div>
          </Card>
        ))}
      </Flex>
    </div>
  );
}
