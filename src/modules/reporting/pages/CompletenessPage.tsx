// Who reported, on time or late, for a part of the tree: per period the counts (expected, submitted, on time, late,
// missing, returned) as stacked columns with the same figures in a table; the units directly below with their
// subtree's counts for one period (a click drills down); and the units × periods matrix, one page at a time from
// the server, each cell its status in words and colour. The matrix downloads as XLSX.
import { ArrowUpOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Skeleton, Table, Typography } from 'antd';
import type { Breakpoint } from 'antd/es/_util/responsiveObserver';
import { useEffect, useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api, type Completeness } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { StackedColumns, withoutSharedPrefix, type StackedSeries } from '../../../web/ui/Chart';
import { BackLink, ErrorAlert, PageLoadError, PageTitle } from '../../../web/ui/Feedback';
import { useAsync, useIsPhone } from '../../../web/ui/hooks';
import { serverPagination } from '../../../web/ui/pagination';
import { CELL_STATUSES } from '../reporting.schema';
import { useReceiving } from './mine';
import { FileLink } from './FileLinks';
import { reportingFiles, reportingPaths } from './paths';
import { CellTag } from './tags';

const PAGE_SIZE = 50;
type Counts = Completeness['periods'][number];
type Child = Completeness['children'][number];
type Row = Completeness['matrix']['rows'][number];

/**
 * A unit's name without the words every name on the page starts with ("Ủy ban MTTQ Việt Nam phường Bình Phước" →
 * "phường Bình Phước"), which stay in the text for screen readers and searching.
 */
function UnitName({ name, short }: { name: string; short: Map<string, string> }) {
  const s = short.get(name) ?? name;
  return (
    <>
      {s !== name ? <span className="visually-hidden">{name.slice(0, name.length - s.length)}</span> : null}
      {s}
    </>
  );
}

/** The counts, each with the screens it shows on: a phone keeps received, late and missing. */
const COUNT_COLUMNS = [
  { key: 'expected', on: ['sm'] },
  { key: 'submitted', on: undefined },
  { key: 'onTime', on: ['md'] },
  { key: 'late', on: undefined },
  { key: 'missing', on: undefined },
  { key: 'returned', on: ['sm'] },
  { key: 'accepted', on: ['md'] },
] as const satisfies readonly { key: keyof Counts; on: readonly Breakpoint[] | undefined }[];

function useCountColumns() {
  const { t, formatNumber } = useI18n();
  return COUNT_COLUMNS.map(({ key, on }) => ({
    key,
    title: t(`completeness.${key}`),
    align: 'right' as const,
    responsive: on ? [...on] : undefined,
    render: (_: unknown, c: Counts) => formatNumber(c[key]),
  }));
}

export function CompletenessPage() {
  const campaignId = Number(useParams().id);
  const { t, formatDate, formatNumber, periodLabel } = useI18n();
  const [params, setParams] = useSearchParams();
  const orgParam = Number(params.get('org')) || undefined;
  const periodParam = params.get('period') ?? undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const campaign = useAsync((signal) => api.reporting.campaign(campaignId, signal), [campaignId]);
  const c = campaign.data;
  const receiving = useReceiving(c);
  const top = receiving[0]?.organizationId ?? c?.organizationId;
  const organizationId = orgParam ?? top;
  const data = useAsync(
    (signal) => (c ? api.reporting.completeness(campaignId, { organizationId, period: periodParam, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal) : Promise.resolve(undefined)),
    [campaignId, !!c, organizationId, periodParam, page],
  );
  const d = data.data;
  const countColumns = useCountColumns();
  const isPhone = useIsPhone();

  useEffect(() => {
    if (c) document.title = `${t('completeness.title')} · ${c.title} · ${t('app.name')}`;
  }, [c, t]);

  const set = (changes: Record<string, string | undefined>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined) p.delete(k);
      else p.set(k, v);
    }
    setParams(p);
  };

  // The period the children's counts are for: the one asked, else the latest due (as the server chooses).
  const childPeriod = d?.children[0]?.counts.periodKey ?? periodParam;
  const series = useMemo<StackedSeries[]>(() => {
    const ps = d?.periods ?? [];
    return [
      { key: 'onTime', label: t('completeness.onTime'), color: '#2e7d32', values: ps.map((p) => p.onTime) },
      { key: 'late', label: t('completeness.late'), color: '#d55e00', values: ps.map((p) => p.late) },
      { key: 'missing', label: t('completeness.missing'), color: '#c62828', values: ps.map((p) => p.missing) },
      { key: 'notDue', label: t('completeness.notDue'), color: '#8c8c8c', values: ps.map((p) => p.notDue) },
    ];
  }, [d, t]);
  const categories = useMemo(() => (d?.periods ?? []).map((p) => periodLabel(p.label)), [d, periodLabel]);
  const shortNames = useMemo(() => withoutSharedPrefix([...(d?.matrix.rows ?? []).map((r) => r.organizationName), ...(d?.children ?? []).map((c) => c.organizationName)]), [d]);

  const back = <BackLink to={reportingPaths.campaign(campaignId, 'received')}>{c?.title ?? t('campaigns.back')}</BackLink>;
  if (campaign.error) return <PageLoadError back={back} error={campaign.error} onRetry={campaign.reload} />;
  if (!c) return <Skeleton active />;

  const summary = `${t('completeness.chartTitle')}: ${(d?.periods ?? [])
    .map((p) => t('completeness.chartPeriod', { period: periodLabel(p.label), submitted: p.submitted, expected: p.expected, late: p.late, missing: p.missing }))
    .join('; ')}`;

  return (
    <>
      {back}
      <PageTitle sub={d ? `${c.title} · ${d.organizationName}` : c.title} extra={<FileLink href={reportingFiles.completeness(campaignId, organizationId)} format="xlsx" label={t('completeness.download')} testId="completeness-xlsx" />}>
        {t('completeness.title')}
      </PageTitle>
      {organizationId !== top ? (
        <div style={{ marginBottom: 12 }}>
          <Button icon={<ArrowUpOutlined aria-hidden />} onClick={() => set({ org: undefined, page: undefined })} data-testid="drill-up">
            {t('completeness.up')}
          </Button>
        </div>
      ) : null}
      <ErrorAlert error={data.error} onRetry={data.reload} />
      {!d ? (
        data.error ? null : <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <>
          <Card title={<h2 className="card-heading">{t('completeness.chartTitle')}</h2>} style={{ marginBottom: 16 }} data-testid="completeness-chart">
            <StackedColumns categories={categories} series={series} summary={summary} />
            <Table<Counts>
              rowKey="periodKey"
              size="small"
              dataSource={d.periods}
              pagination={false}
              scroll={{ x: true }}
              style={{ marginTop: 12 }}
              data-testid="completeness-counts"
              columns={[
                { key: 'label', title: t('campaign.period'), render: (_, p) => <span style={{ whiteSpace: 'nowrap' }}>{periodLabel(p.label)}</span> },
                { key: 'deadline', title: t('campaign.deadline'), responsive: ['sm'], render: (_, p) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(p.deadline)}</span> },
                ...countColumns,
              ]}
            />
          </Card>

          {d.children.length ? (
            <Card
              title={<h2 className="card-heading">{t('completeness.children')}</h2>}
              extra={
                <Flex align="center" gap={8}>
                  <label htmlFor="children-period" className="visually-hidden">
                    {t('campaign.period')}
                  </label>
                  <Select id="children-period" value={childPeriod} onChange={(v) => set({ period: v })} options={d.periods.map((p) => ({ value: p.periodKey, label: periodLabel(p.label) }))} style={{ minWidth: 150 }} size="small" />
                </Flex>
              }
              style={{ marginBottom: 16 }}
            >
              <Table<Child>
                rowKey="organizationId"
                size="small"
                dataSource={d.children}
                pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
                scroll={{ x: true }}
                data-testid="completeness-children"
                columns={[
                  {
                    key: 'name',
                    title: t('campaign.unit'),
                    render: (_, ch) => (
                      <Button type="link" className="group-link" onClick={() => set({ org: String(ch.organizationId), page: undefined })} title={t('completeness.drillInto', { name: ch.organizationName })}>
                        <UnitName name={ch.organizationName} short={shortNames} />
                      </Button>
                    ),
                  },
                  ...countColumns.map((col) => ({ ...col, render: (_: unknown, ch: Child) => formatNumber(ch.counts[col.key]) })),
                ]}
              />
            </Card>
          ) : null}

          <Card title={<h2 className="card-heading">{t('completeness.matrix', { n: formatNumber(d.matrix.total) })}</h2>} data-testid="completeness-matrix">
            <Flex wrap gap={6} align="center" style={{ marginBottom: 12 }} role="list" aria-label={t('completeness.legend')} data-testid="matrix-legend">
              <Typography.Text type="secondary">{t('completeness.legend')}:</Typography.Text>
              {CELL_STATUSES.map((s) => (
                <span role="listitem" key={s}>
                  <CellTag status={s} timeliness={null} daysLate={null} />
                </span>
              ))}
            </Flex>
            <Table<Row>
              rowKey="organizationId"
              size="small"
              bordered
              dataSource={d.matrix.rows}
              loading={data.loading}
              sticky
              scroll={{ x: 'max-content' }}
              pagination={serverPagination(t, page, PAGE_SIZE, d.matrix.total, (p) => set({ page: p === 1 ? undefined : String(p) }))}
              columns={[
                {
                  key: 'unit',
                  title: t('campaign.unit'),
                  fixed: 'left',
                  width: isPhone ? 150 : 320,
                  render: (_, r) => (
                    <span className="matrix-unit">
                      <UnitName name={r.organizationName} short={shortNames} />{' '}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.unitCode}
                      </Typography.Text>
                    </span>
                  ),
                },
                ...d.periods.map((p, i) => ({
                  key: p.periodKey,
                  title: <span style={{ whiteSpace: 'nowrap' }}>{periodLabel(p.label)}</span>,
                  render: (_: unknown, r: Row) => {
                    const cell = r.cells[i];
                    if (!cell) return null;
                    const tag = <CellTag {...cell} />;
                    return cell.status === 'not_due' || cell.status === 'missing' ? (
                      tag
                    ) : (
                      <Link to={reportingPaths.submission({ campaignId, periodKey: p.periodKey, organizationId: r.organizationId })}>
                        <span className="visually-hidden">{t('completeness.cellLink', { name: r.organizationName, period: periodLabel(p.label) })} </span>
                        {tag}
                      </Link>
                    );
                  },
                })),
              ]}
              data-testid="matrix-table"
            />
          </Card>
        </>
      )}
    </>
  );
}
