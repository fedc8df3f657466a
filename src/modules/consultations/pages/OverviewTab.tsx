// A consultation at a glance: who runs it, its period and status, the drafts it asks about, the public page, and
// opening or closing it for those who run it.
import { GlobalOutlined, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, List, Popconfirm, Row, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, errorMessage } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { MANAGE_ROLES, useMyOrganizations } from '../../../web/ui/myOrganizations';
import type { ConsultationContext } from './context';
import { ConsultationStatusTag } from './ConsultationsPage';

export function OverviewTab({ ctx }: { ctx: ConsultationContext }) {
  const { t, formatDate, formatNumber } = useI18n();
  const { message } = App.useApp();
  const mine = useMyOrganizations();
  const c = ctx.consultation;
  const [busy, setBusy] = useState(false);
  const canManage = mine.holdsAt(c.organizationId, MANAGE_ROLES);
  const publicPath = `/gop-y/${c.id}`;

  const transition = async (action: 'open' | 'close') => {
    setBusy(true);
    try {
      ctx.setConsultation(await api.consultations.transition(c.id, action));
      void message.success(t(action === 'open' ? 'consultation.opened' : 'consultation.closed'));
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={15}>
        <Card title={<h2 className="card-heading">{t('consultation.about')}</h2>}>
          <Descriptions column={1} size="middle" styles={{ label: { width: 180 } }}>
            <Descriptions.Item label={t('common.status')}>
              <ConsultationStatusTag status={c.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('consultations.organization')}>
              <Link to={`/organizations/${c.organizationId}`}>{c.organizationName}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('consultations.period')}>
              {formatDate(c.opensOn)} – {formatDate(c.closesOn)}
            </Descriptions.Item>
            <Descriptions.Item label={t('consultations.publicPortal')}>
              {c.publicPortal ? (
                <Link to={publicPath} target="_blank" data-testid="public-link">
                  <GlobalOutlined aria-hidden /> {window.location.origin}
                  {publicPath}
                </Link>
              ) : (
                t('consultation.notOnPortal')
              )}
            </Descriptions.Item>
            {c.description ? <Descriptions.Item label={t('consultations.description')}>{c.description}</Descriptions.Item> : null}
          </Descriptions>
          {canManage ? (
            <Space wrap style={{ marginTop: 8 }}>
              {c.status === 'preparing' || c.status === 'closed' ? (
                <Popconfirm title={t(c.status === 'preparing' ? 'consultation.openConfirm' : 'consultation.reopenConfirm')} onConfirm={() => void transition('open')} okText={t('common.yes')} cancelText={t('common.no')}>
                  <Button type="primary" icon={<UnlockOutlined aria-hidden />} loading={busy} data-testid="consultation-open">
                    {t(c.status === 'preparing' ? 'consultation.open' : 'consultation.reopen')}
                  </Button>
                </Popconfirm>
              ) : null}
              {c.status === 'open' ? (
                <Popconfirm title={t('consultation.closeConfirm')} onConfirm={() => void transition('close')} okText={t('common.yes')} cancelText={t('common.no')}>
                  <Button danger icon={<LockOutlined aria-hidden />} loading={busy} data-testid="consultation-close">
                    {t('consultation.close')}
                  </Button>
                </Popconfirm>
              ) : null}
            </Space>
          ) : null}
        </Card>
      </Col>
      <Col xs={24} lg={9}>
        <Card title={<h2 className="card-heading">{t('consultations.drafts')}</h2>} style={{ marginBottom: 16 }}>
          <List
            dataSource={c.drafts}
            rowKey="draftId"
            renderItem={(d) => (
              <List.Item>
                <List.Item.Meta
                  title={<Link to={`/drafts/${d.draftId}?version=${d.versionNo}`}>{d.title}</Link>}
                  description={t('drafts.versionNo', { n: d.versionNo })}
                />
              </List.Item>
            )}
          />
        </Card>
        <Card>
          <Statistic title={t('consultation.commentsSeen')} value={formatNumber(c.commentCount)} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('consultation.commentsSeenHelp')}
          </Typography.Text>
        </Card>
      </Col>
    </Row>
  );
}
