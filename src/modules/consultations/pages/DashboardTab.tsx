// The consultation's figures for the organization chosen (and what reports to it): totals, then comments by
// channel, stratum, day, section and unit, and the largest groups of its synthesis. Every chart has its table.
import { Alert, Card, Col, List, Row, Skeleton, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { api, ApiError, type Stats } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { ChartCard, type ChartDatum, type ChartKind } from '../../../web/ui/Chart';
import { ErrorAlert } from '../../../web/ui/Feedback';
import { useAsync } from '../../../web/ui/hooks';
import { useTargetLabel } from '../../../web/ui/sections';
import type { ConsultationContext } from './context';
import { groupLabel } from '../../synthesis/report/report.text';

/** Bars beyond this many are summed into "Khác" so a chart stays readable. */
const MAX_BARS = 12;

function topWithRest(data: ChartDatum[], restLabel: string): ChartDatum[] {
  if (data.length <= MAX_BARS) return data;
  const rest = data.slice(MAX_BARS - 1).reduce((s, d) => s + d.value, 0);
  return [...data.slice(0, MAX_BARS - 1), { key: '__rest', label: restLabel, value: rest }];
}

export function DashboardTab({ ctx }: { ctx: ConsultationContext }) {
  const { t, enumLabel, formatDate, formatNumber } = useI18n();
  const stats = useAsync((signal) => api.consultations.stats(ctx.consultation.id, ctx.orgId, signal), [ctx.consultation.id, ctx.orgId]);
  const targetLabel = useTargetLabel(ctx.drafts);
  const s = stats.data;

  const charts = useMemo(() => {
    if (!s) return null;
    const rest = t('charts.others');
    const keyed = (rows: Stats['byChannel'], group: 'channel' | 'stratum') =>
      rows.map((r) => ({ key: r.key, label: r.key ? enumLabel(group, r.key) : t('charts.unknown'), value: r.count }));
    return {
      channel: keyed(s.byChannel, 'channel'),
      stratum: topWithRest(keyed(s.byStratum, 'stratum'), rest),
      day: s.byDay.map((d) => ({ key: d.day, label: formatDate(d.day).slice(0, 5), value: d.count })),
      section: topWithRest(
        s.bySection.map((r) => {
          const known = targetLabel(r.draftId, r.sectionAddress);
          // The heading with its address when the draft is loaded; else the server's title.
          const label = known !== r.sectionAddress ? known : r.title || known;
          return { key: `${r.draftId ?? ''}:${r.sectionAddress ?? ''}`, label, value: r.count };
        }),
        rest,
      ),
      unit: topWithRest(
        s.byUnit.map((u) => ({ key: String(u.organizationId), label: u.name, value: u.count })),
        rest,
      ),
    };
  }, [s, t, enumLabel, formatDate, targetLabel]);

  if (stats.error instanceof ApiError && stats.error.code === 'ROUTE_NOT_FOUND') {
    return <Alert type="info" showIcon title={t('dashboard.unavailable')} data-testid="dashboard-unavailable" />;
  }
  if (stats.error) return <ErrorAlert error={stats.error} onRetry={stats.reload} />;
  if (!s || !charts) return <Skeleton active paragraph={{ rows: 10 }} />;

  const totals = [
    { key: 'comments', label: t('dashboard.comments'), value: s.totals.comments },
    { key: 'people', label: t('dashboard.people'), value: s.totals.people },
    { key: 'meetings', label: t('dashboard.meetings'), value: s.totals.meetings },
    { key: 'participants', label: t('dashboard.participants'), value: s.totals.participants },
  ];
  const people = t('dashboard.people');
  const chartCards: { key: string; title: string; data: ChartDatum[]; kind: ChartKind; category: string; lg: number }[] = [
    { key: 'channel', title: t('dashboard.byChannel'), data: charts.channel, kind: 'pie', category: t('quick.channel'), lg: 10 },
    { key: 'stratum', title: t('dashboard.byStratum'), data: charts.stratum, kind: 'bar', category: t('profile.stratum'), lg: 14 },
    { key: 'day', title: t('dashboard.byDay'), data: charts.day, kind: 'column', category: t('dashboard.day'), lg: 24 },
    { key: 'section', title: t('dashboard.bySection'), data: charts.section, kind: 'bar', category: t('quick.section'), lg: 12 },
    { key: 'unit', title: t('dashboard.byUnit'), data: charts.unit, kind: 'bar', category: t('comments.organization'), lg: 12 },
  ];
  return (
    <div data-testid="dashboard">
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {totals.map((x) => (
          <Col xs={12} md={6} key={x.key}>
            <Card>
              <Statistic title={x.label} value={formatNumber(x.value)} />
            </Card>
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary">{t('dashboard.countsArePeople')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {chartCards.map((c) => (
          <Col key={c.key} xs={24} lg={c.lg}>
            <ChartCard title={c.title} data={c.data} kind={c.kind} categoryLabel={c.category} valueLabel={people} testId={`chart-${c.key}`} />
          </Col>
        ))}
        <Col xs={24}>
          <Card title={<h3 className="card-heading">{t('dashboard.topGroups')}</h3>} data-testid="top-groups">
            {s.topGroups.length ? (
              <List
                dataSource={s.topGroups}
                rowKey="groupId"
                renderItem={(g) => (
                  <List.Item>
                    <List.Item.Meta
                      avatar={<span className="group-count">{formatNumber(g.count)}</span>}
                      title={groupLabel(g)}
                      description={g.summary ? <Typography.Text type="secondary">{g.representative}</Typography.Text> : null}
                    />
                  </List.Item>
                )}
              />
            ) : (
              <Typography.Text type="secondary">{t('dashboard.noGroups')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
