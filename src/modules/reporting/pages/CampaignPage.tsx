// One campaign: what it asks and how (outline, schedule, assignees, reminders), its periods with each level's
// deadline in force (closing a period), the reports the user's units owe ("Báo cáo của đơn vị") with their status and
// deadline, and for a unit that receives, each period's reports from the units below it, one click from reviewing.
import { BarChartOutlined, FormOutlined, LockOutlined, MergeCellsOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api, errorMessage, type CampaignDetail, type CampaignPeriod, type Completeness } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { BackLink, ErrorAlert, PageLoadError, PageTitle } from '../../../web/ui/Feedback';
import { useAsync } from '../../../web/ui/hooks';
import { MANAGE_ROLES, useMyOrganizations, useOrganizationNames } from '../../../web/ui/myOrganizations';
import { serverPagination } from '../../../web/ui/pagination';
import type { UnitLevel } from '../../units/units.schema';
import type { ScheduleIssue } from '../reporting.schema';
import { currentPeriod, deadlineOf, useOwnReporting, useReceiving } from './mine';
import { UnitAndPeriod } from './pickers';
import { CAMPAIGN_TABS, reportingPaths, type CampaignTab } from './paths';
import { useScheduleText } from './schedule';
import { CellTag, DeadlineText } from './tags';

function PeriodsTab({ campaign, onChange }: { campaign: CampaignDetail; onChange: (c: CampaignDetail) => void }) {
  const { t, formatDate, periodLabel } = useI18n();
  const { message } = App.useApp();
  const mine = useMyOrganizations();
  const canManage = mine.holdsAt(campaign.organizationId, MANAGE_ROLES);
  const levels = [...new Set(campaign.periods.flatMap((p) => p.deadlines.map((d) => d.level)))];
  const toggle = async (p: CampaignPeriod) => {
    try {
      onChange(await api.reporting.setPeriodClosed(campaign.id, p.id, !p.closed));
      void message.success(p.closed ? t('campaign.reopened', { period: periodLabel(p.label) }) : t('campaign.closedPeriod', { period: periodLabel(p.label) }));
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  return (
    <Table<CampaignPeriod>
      rowKey="id"
      size="middle"
      dataSource={campaign.periods}
      scroll={{ x: true }}
      pagination={{ pageSize: 24, hideOnSinglePage: true }}
      data-testid="periods-table"
      columns={[
        {
          key: 'label',
          title: t('campaign.period'),
          render: (_, p) => (
            <>
              <span style={{ whiteSpace: 'nowrap', fontWeight: 500 }}>{periodLabel(p.label)}</span>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, whiteSpace: 'nowrap' }}>
                {formatDate(p.start)} – {formatDate(p.end)}
              </Typography.Text>
            </>
          ),
        },
        ...levels.map((level) => ({
          key: level,
          title: t('campaign.deadlineOf', { level: t(`levelShort.${level}`) }),
          render: (_: unknown, p: CampaignPeriod) => {
            const d = p.deadlines.find((x) => x.level === level);
            if (!d) return '—';
            return (
              <>
                <span style={{ whiteSpace: 'nowrap' }}>{formatDate(d.inForce)}</span>
                {d.moved ? (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {d.moved}
                  </Typography.Text>
                ) : null}
              </>
            );
          },
        })),
        {
          key: 'state',
          title: t('common.status'),
          render: (_, p) =>
            p.closed ? (
              <Tag icon={<LockOutlined aria-hidden />}>{t('campaign.periodClosed')}</Tag>
            ) : (
              <Tag color="green">{t('campaign.periodOpen')}</Tag>
            ),
        },
        ...(canManage
          ? [
              {
                key: 'actions',
                title: <span className="visually-hidden">{t('common.actions')}</span>,
                render: (_: unknown, p: CampaignPeriod) => (
                  <Popconfirm title={p.closed ? t('campaign.reopenConfirm') : t('campaign.closeConfirm')} onConfirm={() => void toggle(p)} okText={t('common.yes')} cancelText={t('common.no')}>
                    <Button size="small" icon={p.closed ? <UnlockOutlined aria-hidden /> : <LockOutlined aria-hidden />} aria-label={`${p.closed ? t('campaign.reopen') : t('campaign.close')} ${periodLabel(p.label)}`}>
                      {p.closed ? t('campaign.reopen') : t('campaign.close')}
                    </Button>
                  </Popconfirm>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** The reports one of the user's units owes: a row a period, with its deadline and status. */
function MyUnitReports({ campaign, organizationId, organizationName, recipientName }: { campaign: CampaignDetail; organizationId: number; organizationName: string; recipientName: string }) {
  const { t, periodLabel } = useI18n();
  const data = useAsync(
    async (signal) => {
      const [org, c] = await Promise.all([api.organizations.detail(organizationId, signal), api.reporting.completeness(campaign.id, { organizationId, limit: 5000 }, signal)]);
      return { level: org.organization.unitLevel as UnitLevel, row: c.matrix.rows.find((r) => r.organizationId === organizationId) };
    },
    [campaign.id, organizationId],
  );
  const rows = campaign.periods.map((p, i) => ({ period: p, cell: data.data?.row?.cells[i] }));
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={<h3 className="card-heading">{organizationName}</h3>}
      extra={<Typography.Text type="secondary">{t('campaign.sendsTo', { name: recipientName })}</Typography.Text>}
      data-testid={`my-reports-${organizationId}`}
    >
      <ErrorAlert error={data.error} onRetry={data.reload} />
      <Table
        rowKey={(r) => r.period.id}
        size="small"
        loading={data.loading}
        dataSource={rows}
        scroll={{ x: true }}
        pagination={{ pageSize: 12, hideOnSinglePage: true }}
        columns={[
          { key: 'period', title: t('campaign.period'), render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{periodLabel(r.period.label)}</span> },
          {
            key: 'deadline',
            title: t('campaign.deadline'),
            render: (_, r) => (data.data ? <DeadlineText deadline={deadlineOf(r.period, data.data.level)} settled={!!r.cell && !['draft', 'missing', 'not_due', 'returned'].includes(r.cell.status)} /> : '…'),
          },
          { key: 'status', title: t('common.status'), render: (_, r) => (r.cell ? <CellTag {...r.cell} /> : '…') },
          {
            key: 'open',
            title: <span className="visually-hidden">{t('common.actions')}</span>,
            render: (_, r) => (
              <Link to={reportingPaths.submission({ campaignId: campaign.id, periodKey: r.period.id, organizationId })} aria-label={t('campaign.openReportOf', { period: periodLabel(r.period.label) })} data-testid={`open-${r.period.id}`}>
                <FormOutlined aria-hidden /> {t('campaign.openReport')}
              </Link>
            ),
          },
        ]}
      />
    </Card>
  );
}

function MineTab({ campaign }: { campaign: CampaignDetail }) {
  const own = useOwnReporting(campaign);
  // Most units report to the campaign's own organization, whose name the campaign carries.
  const names = useOrganizationNames(own.map((r) => r.recipientId).filter((id) => id !== campaign.organizationId));
  const nameOf = (id: number) => (id === campaign.organizationId ? campaign.organizationName : (names.get(id) ?? '…'));
  return (
    <>
      {own.map((r) => (
        <MyUnitReports key={r.organizationId} campaign={campaign} organizationId={r.organizationId} organizationName={r.organizationName} recipientName={nameOf(r.recipientId)} />
      ))}
    </>
  );
}

const PAGE_SIZE = 50;
type MatrixRow = Completeness['matrix']['rows'][number];

function ReceivedTab({ campaign }: { campaign: CampaignDetail }) {
  const { t, formatNumber } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const receiving = useReceiving(campaign);
  const orgId = Number(params.get('org')) || receiving[0]?.organizationId;
  const periodKey = params.get('period') ?? currentPeriod(campaign.periods)?.id;
  const index = campaign.periods.findIndex((p) => p.id === periodKey);
  const period = campaign.periods[index];
  const [page, setPage] = useState(1);
  const data = useAsync(
    (signal) => (orgId ? api.reporting.completeness(campaign.id, { organizationId: orgId, period: periodKey, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal) : Promise.resolve(undefined)),
    [campaign.id, orgId, periodKey, page],
  );
  const counts = data.data?.periods.find((p) => p.periodKey === periodKey);
  const set = (key: string, value: string) => {
    const p = new URLSearchParams(params);
    p.set(key, value);
    setParams(p, { replace: true });
    setPage(1);
  };

  return (
    <>
      <Flex wrap gap={12} align="end" style={{ marginBottom: 12 }}>
        <UnitAndPeriod
          campaign={campaign}
          receiving={receiving}
          organizationId={orgId}
          periodKey={periodKey}
          onOrganization={(v) => set('org', String(v))}
          onPeriod={(v) => set('period', v)}
          idPrefix="received"
        />
        {period && orgId ? (
          <Space wrap>
            <Button icon={<MergeCellsOutlined aria-hidden />} onClick={() => navigate(reportingPaths.rollup(campaign.id, period.id, orgId))} data-testid="open-rollup">
              {t('campaign.rollup')}
            </Button>
            <Button icon={<BarChartOutlined aria-hidden />} onClick={() => navigate(reportingPaths.completeness(campaign.id, orgId))} data-testid="open-completeness">
              {t('campaign.completeness')}
            </Button>
          </Space>
        ) : null}
      </Flex>
      <ErrorAlert error={data.error} onRetry={data.reload} />
      {counts ? (
        <Typography.Paragraph data-testid="received-counts">
          {t('campaign.receivedCounts', {
            submitted: formatNumber(counts.submitted),
            expected: formatNumber(counts.expected),
            late: formatNumber(counts.late),
            missing: formatNumber(counts.missing),
            returned: formatNumber(counts.returned),
          })}
        </Typography.Paragraph>
      ) : null}
      <Table<MatrixRow>
        rowKey="organizationId"
        size="small"
        loading={data.loading}
        dataSource={data.data?.matrix.rows ?? []}
        scroll={{ x: true }}
        pagination={serverPagination(t, page, PAGE_SIZE, data.data?.matrix.total, setPage)}
        data-testid="received-table"
        columns={[
          { key: 'unit', title: t('campaign.unit'), render: (_, r) => r.organizationName },
          { key: 'status', title: t('common.status'), render: (_, r) => (r.cells[index] ? <CellTag {...r.cells[index]!} /> : null) },
          {
            key: 'open',
            title: <span className="visually-hidden">{t('common.actions')}</span>,
            render: (_, r) =>
              period && r.cells[index] && r.cells[index]!.status !== 'not_due' && r.cells[index]!.status !== 'missing' ? (
                <Link to={reportingPaths.submission({ campaignId: campaign.id, periodKey: period.id, organizationId: r.organizationId })} aria-label={t('campaign.reviewOf', { name: r.organizationName })}>
                  {t('campaign.review')}
                </Link>
              ) : null,
          },
        ]}
      />
    </>
  );
}

function About({ campaign }: { campaign: CampaignDetail }) {
  const { t, levelLabel, kindLabel, formatDate } = useI18n();
  const scheduleText = useScheduleText();
  const r = campaign.reminders;
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered style={{ marginBottom: 16 }} data-testid="campaign-about">
      <Descriptions.Item label={t('campaigns.organization')}>{campaign.organizationName}</Descriptions.Item>
      <Descriptions.Item label={t('campaigns.outline')}>
        <Link to={`${reportingPaths.outline(campaign.outlineId)}?version=${campaign.outlineVersion}`}>{campaign.outline.title}</Link> ({t('outlines.versionNo', { n: campaign.outlineVersion })})
      </Descriptions.Item>
      <Descriptions.Item label={t('campaigns.schedule')}>{scheduleText(campaign.schedule)}</Descriptions.Item>
      <Descriptions.Item label={t('campaigns.assignees')}>
        {t('campaign.assigneesText', {
          n: campaign.assigneeCount,
          levels: campaign.assignees.levels.map((l) => levelLabel(l)).join(', '),
          kinds: campaign.assignees.kinds.length ? campaign.assignees.kinds.map((k) => kindLabel(k as never)).join(', ') : t('campaign.anyKind'),
        })}
      </Descriptions.Item>
      <Descriptions.Item label={t('campaigns.reminders')}>
        {r.daysBefore.length ? t('campaign.remindersText', { days: r.daysBefore.join(', '), at: r.at }) : t('campaign.noReminders')}
        {r.overdue ? ` ${t('campaign.overdueText', { first: r.overdue.firstAfterDays, every: r.overdue.everyDays, max: r.overdue.maxCount })}` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('campaign.createdAt')}>{formatDate(campaign.createdAt.slice(0, 10))}</Descriptions.Item>
    </Descriptions>
  );
}

export function CampaignPage() {
  const id = Number(useParams().id);
  const { t } = useI18n();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const detail = useAsync((signal) => api.reporting.campaign(id, signal), [id]);
  const c = detail.data;
  const warnings = (location.state as { warnings?: ScheduleIssue[] } | null)?.warnings ?? [];

  useEffect(() => {
    if (c) document.title = `${c.title} · ${t('app.name')}`;
  }, [c, t]);

  const own = useOwnReporting(c);
  const tabs = useMemo(
    () => (c ? CAMPAIGN_TABS.filter((k) => k === 'periods' || (k === 'mine' ? own.length > 0 : c.mine.receiving.length > 0)) : []),
    [c, own],
  );
  const requested = params.get('tab') as CampaignTab | null;
  const tab: CampaignTab = requested && tabs.includes(requested) ? requested : tabs.includes('mine') ? 'mine' : tabs.includes('received') ? 'received' : 'periods';

  const back = <BackLink to={reportingPaths.campaigns}>{t('campaigns.back')}</BackLink>;
  if (!Number.isInteger(id) || id <= 0) return <ErrorAlert error={new Error(t('app.notFound'))} />;
  if (detail.error) return <PageLoadError back={back} error={detail.error} onRetry={detail.reload} />;
  if (!c) return <Skeleton active />;

  const labels: Record<CampaignTab, string> = { periods: t('campaign.tabPeriods'), mine: t('campaign.tabMine'), received: t('campaign.tabReceived') };
  return (
    <>
      {back}
      <PageTitle sub={c.organizationName}>
        <span data-testid="campaign-heading">{c.title}</span> {c.status === 'closed' ? <Tag>{t('campaigns.closed')}</Tag> : null}
      </PageTitle>
      {warnings.length ? (
        <Alert
          type="warning"
          showIcon
          closable
          title={t('campaign.createdWithWarnings')}
          description={
            <ul className="issue-list">
              {warnings.map((w) => (
                <li key={`${w.path}-${w.code}`}>{w.message}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 16 }}
          data-testid="campaign-warnings"
        />
      ) : null}
      <About campaign={c} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k }, { replace: true })}
          items={tabs.map((k) => ({
            key: k,
            label: <span data-testid={`tab-${k}`}>{labels[k]}</span>,
            children: k !== tab ? null : k === 'periods' ? <PeriodsTab campaign={c} onChange={detail.setData} /> : k === 'mine' ? <MineTab campaign={c} /> : <ReceivedTab campaign={c} />,
          }))}
        />
      </Card>
    </>
  );
}
