// Overview: how many units are in force today, and the roles the user holds.
import { ApartmentOutlined, ClusterOutlined, CommentOutlined, FileTextOutlined, ScheduleOutlined, TeamOutlined, AuditOutlined } from '@ant-design/icons';
import { Card, Col, List, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { todayInVietnam } from '../../shared/dates';
import { api } from '../api';
import { useAuth } from '../auth';
import { useI18n, type MessageKey } from '../i18n';
import { ErrorAlert, PageTitle } from '../ui/Feedback';
import { useAsync } from '../ui/hooks';
import { ROLE_COLORS } from '../ui/labels';


export function HomePage() {
  const { me, canManageUsers, canReadAudit } = useAuth();
  const { t, roleLabel, formatDate, formatNumber } = useI18n();
  const today = todayInVietnam();
  const stats = useAsync((signal) => api.units.stats(today, signal), [today]);

  const counts: { key: 'province' | 'district' | 'commune'; label: MessageKey }[] = [
    { key: 'province', label: 'home.provinces' },
    { key: 'district', label: 'home.districts' },
    { key: 'commune', label: 'home.communes' },
  ];
  const shown = counts.filter((c) => c.key !== 'district' || (stats.data?.district ?? 0) > 0);

  const links = [
    { to: '/units', label: t('nav.units'), icon: <ClusterOutlined />, show: true },
    { to: '/organizations', label: t('nav.organizations'), icon: <ApartmentOutlined />, show: true },
    { to: '/consultations', label: t('nav.consultations'), icon: <CommentOutlined />, show: true },
    { to: '/drafts', label: t('nav.drafts'), icon: <FileTextOutlined />, show: true },
    { to: '/reporting', label: t('nav.reporting'), icon: <ScheduleOutlined />, show: true },
    { to: '/users', label: t('nav.users'), icon: <TeamOutlined />, show: canManageUsers },
    { to: '/audit', label: t('nav.audit'), icon: <AuditOutlined />, show: canReadAudit },
  ].filter((l) => l.show);

  return (
    <>
      <PageTitle sub={t('app.tagline')}>{t('home.welcome', { name: me?.fullName ?? '' })}</PageTitle>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={<h2 className="card-heading">{t('home.unitsToday', { date: formatDate(today) })}</h2>}>
            <ErrorAlert error={stats.error} onRetry={stats.reload} />
            {stats.loading && !stats.data ? (
              <Skeleton active paragraph={{ rows: 1 }} />
            ) : (
              <Row gutter={16}>
                {shown.map((c) => (
                  <Col xs={12} sm={8} key={c.key}>
                    <Statistic title={t(c.label)} value={formatNumber(stats.data?.[c.key] ?? 0)} />
                  </Col>
                ))}
              </Row>
            )}
          </Card>
          <Card title={<h2 className="card-heading">{t('home.quickLinks')}</h2>} style={{ marginTop: 16 }}>
            <Row gutter={[12, 12]}>
              {links.map((l) => (
                <Col xs={12} md={6} key={l.to}>
                  <Link to={l.to} className="quick-link">
                    <span aria-hidden="true" style={{ fontSize: 22 }}>
                      {l.icon}
                    </span>
                    <span>{l.label}</span>
                  </Link>
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={<h2 className="card-heading">{t('home.myRoles')}</h2>}>
            {me && me.grants.length > 0 ? (
              <List
                dataSource={me.grants}
                rowKey="id"
                renderItem={(g) => (
                  <List.Item>
                    <List.Item.Meta
                      title={<Tag color={ROLE_COLORS[g.role]}>{roleLabel(g.role)}</Tag>}
                      description={
                        g.organizationId === null ? (
                          t('home.wholeSystem')
                        ) : (
                          <>
                            <Link to={`/organizations/${g.organizationId}`}>{g.organizationName}</Link>
                            {g.unitName ? <Typography.Text type="secondary"> · {g.unitName}</Typography.Text> : null}
                          </>
                        )
                      }
                    />
                  </List.Item>
                )}
              />
            ) : (
              <Typography.Text type="secondary">{t('home.noRoles')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
