// Reporting campaigns (kế hoạch báo cáo) the user's organizations ask for, report in or receive: the list, filtered
// by that part, with the way to the outlines and to starting a campaign.
import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Segmented, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, type Campaign, type CampaignDetail } from '../../../web/api';
import { useI18n, type MessageKey } from '../../../web/i18n';
import { ErrorAlert, PageTitle } from '../../../web/ui/Feedback';
import { useAsync } from '../../../web/ui/hooks';
import { MANAGE_ROLES, useMyOrganizations } from '../../../web/ui/myOrganizations';
import { reportingPaths } from './paths';
import { useScheduleText } from './schedule';

const PARTS = ['asks', 'reports', 'receives'] as const;
type Part = (typeof PARTS)[number];
const PART_LABELS: Record<Part, MessageKey> = { asks: 'campaigns.partAsks', reports: 'campaigns.partReports', receives: 'campaigns.partReceives' };
const PART_COLORS: Record<Part, string> = { asks: 'purple', reports: 'blue', receives: 'cyan' };

/** Loads up to this many campaigns' details at a time to learn the user's part in each. */
const PARALLEL = 4;

async function detailsOf(items: Campaign[], signal: AbortSignal): Promise<Map<number, CampaignDetail['mine']>> {
  const out = new Map<number, CampaignDetail['mine']>();
  const queue = [...items];
  const worker = async () => {
    for (let c = queue.shift(); c; c = queue.shift()) {
      const d = await api.reporting.campaign(c.id, signal).catch(() => null);
      if (d) out.set(c.id, d.mine);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return out;
}

export function CampaignsPage() {
  const { t, formatNumber } = useI18n();
  const navigate = useNavigate();
  const mine = useMyOrganizations();
  const scheduleText = useScheduleText();
  const [params, setParams] = useSearchParams();
  const part = (PARTS as readonly string[]).includes(params.get('part') ?? '') ? (params.get('part') as Part) : undefined;
  const list = useAsync((signal) => api.reporting.campaigns(signal), []);
  const roles = useAsync((signal) => (list.data ? detailsOf(list.data.items.slice(0, 200), signal) : Promise.resolve(new Map<number, CampaignDetail['mine']>())), [list.data]);

  const partsOf = useMemo(
    () =>
      (c: Campaign): Part[] => {
        const m = roles.data?.get(c.id);
        return [
          ...(mine.byId.has(c.organizationId) ? (['asks'] as const) : []),
          // The user's own units: a role on a unit also reaches every unit below it, which is not "mine" here.
          ...(m?.reporting.some((r) => mine.byId.has(r.organizationId)) ? (['reports'] as const) : []),
          ...(m?.receiving.some((r) => mine.byId.has(r.organizationId)) ? (['receives'] as const) : []),
        ];
      },
    [roles.data, mine.byId],
  );
  const items = (list.data?.items ?? []).filter((c) => !part || partsOf(c).includes(part));

  return (
    <>
      <PageTitle
        sub={t('campaigns.sub')}
        extra={
          <>
            <Button icon={<FileTextOutlined aria-hidden />} onClick={() => navigate(reportingPaths.outlines)} data-testid="nav-outlines">
              {t('outlines.title')}
            </Button>
            {mine.holdsAny(MANAGE_ROLES) ? (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate(reportingPaths.newCampaign())} data-testid="campaign-create">
                {t('campaigns.create')}
              </Button>
            ) : null}
          </>
        }
      >
        {t('campaigns.title')}
      </PageTitle>
      <Card style={{ marginBottom: 16 }}>
        <Segmented
          aria-label={t('campaigns.part')}
          value={part ?? 'all'}
          onChange={(v) => setParams(v === 'all' ? {} : { part: String(v) }, { replace: true })}
          options={[{ value: 'all', label: t('common.all') }, ...PARTS.map((p) => ({ value: p, label: t(PART_LABELS[p]) }))]}
          data-testid="campaign-part"
        />
      </Card>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Card>
        <Table<Campaign>
          rowKey="id"
          loading={list.loading || (part !== undefined && roles.loading)}
          dataSource={items}
          scroll={{ x: true }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n }) }}
          locale={{ emptyText: t('campaigns.empty') }}
          data-testid="campaigns-table"
          columns={[
            {
              key: 'title',
              title: t('campaigns.titleLabel'),
              render: (_, c) => (
                <>
                  <Link to={reportingPaths.campaign(c.id)}>{c.title}</Link>
                  <Flex wrap gap={4} style={{ marginTop: 4 }}>
                    {partsOf(c).map((p) => (
                      <Tag key={p} color={PART_COLORS[p]}>
                        {t(PART_LABELS[p])}
                      </Tag>
                    ))}
                    {c.status === 'closed' ? <Tag>{t('campaigns.closed')}</Tag> : null}
                  </Flex>
                </>
              ),
            },
            { key: 'schedule', title: t('campaigns.schedule'), responsive: ['sm'], render: (_, c) => scheduleText(c.schedule) },
            { key: 'org', title: t('campaigns.organization'), responsive: ['md'], render: (_, c) => c.organizationName },
            { key: 'assignees', title: t('campaigns.assigneeCount'), align: 'right', responsive: ['lg'], render: (_, c) => formatNumber(c.assigneeCount) },
          ]}
        />
      </Card>
    </>
  );
}
