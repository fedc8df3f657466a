// A consolidating unit's report for a period, pre-filled from what the units below it sent: its coverage first
// ("23/25 đơn vị đã báo cáo; chưa báo cáo: …"), counting accepted reports only or all received; each figure rolled
// up with how many units gave it and which did not; each section's texts gathered under the unit's name. When the
// unit itself reports upward in the campaign, its own report can start from this content.
import { FormOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Segmented, Skeleton, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api, type Rollup } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { SentimentSummary } from '../../sentiment/pages/SentimentSummary';
import { shortMonth } from '../../sentiment/sentiment.model';
import { BackLink, ErrorAlert, PageLoadError, PageTitle } from '../../../web/ui/Feedback';
import { useAsync } from '../../../web/ui/hooks';
import { indexOutline } from '../outlines.model';
import { ROLLUP_MODES, type RollupMode } from '../reporting.schema';
import { useReceiving } from './mine';
import { UnitAndPeriod } from './pickers';
import { DocumentLinks } from './FileLinks';
import { OutlineSections } from './OutlineSections';
import { reportingFiles, reportingPaths } from './paths';
import { formatFigureValue } from './ReportForm';
import type { PrefillState } from './SubmissionPage';

type FigureRow = Rollup['figures'][number];

function UnitList({ names, testId }: { names: string[]; testId: string }) {
  return (
    <Flex wrap gap={4} style={{ marginTop: 6 }} data-testid={testId}>
      {names.map((n) => (
        <Tag key={n}>{n}</Tag>
      ))}
    </Flex>
  );
}

/** The count that opens a coverage statement ("23/25 đơn vị đã báo cáo (…)"), without the units it then names. */
const coverageHead = (statement: string) => statement.split(';')[0]!;

function Coverage({ rollup }: { rollup: Rollup }) {
  const { t } = useI18n();
  const c = rollup.coverage;
  const head = coverageHead(c.statement);
  const rest = head !== c.statement;
  const lists: { key: string; label: string; names: string[] }[] = [
    { key: 'missing', label: t('rollup.missing', { n: c.missing.length }), names: c.missing },
    { key: 'pending', label: t('rollup.pending', { n: c.pending.length }), names: c.pending },
    { key: 'returned', label: t('rollup.returned', { n: c.returned.length }), names: c.returned },
    { key: 'extra', label: t('rollup.extra', { n: c.extra.length }), names: c.extra },
  ].filter((l) => l.names.length);
  return (
    <Card style={{ marginBottom: 16 }} data-testid="rollup-coverage-card">
      {/* The count first, large; the units named after it are listed below, and the whole sentence kept for the report. */}
      <Typography.Paragraph className="coverage-line" data-testid="rollup-coverage">
        {head}
      </Typography.Paragraph>
      <Typography.Text type="secondary">{t('rollup.countedOf', { reported: c.reported, expected: c.expected })}</Typography.Text>
      {rest ? (
        <details style={{ marginTop: 8 }}>
          <summary>{t('rollup.statement')}</summary>
          <p className="coverage-statement" data-testid="rollup-statement">
            {c.statement}
          </p>
        </details>
      ) : null}
      {lists.map((l) => (
        <details key={l.key} style={{ marginTop: 8 }}>
          <summary>{l.label}</summary>
          <UnitList names={l.names} testId={`coverage-${l.key}`} />
        </details>
      ))}
    </Card>
  );
}

export function RollupPage() {
  const params = useParams();
  const campaignId = Number(params.id);
  const periodKey = params.period ?? '';
  const { t, enumLabel, periodLabel } = useI18n();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const campaign = useAsync((signal) => api.reporting.campaign(campaignId, signal), [campaignId]);
  const c = campaign.data;
  const receiving = useReceiving(c);
  const organizationId = Number(search.get('org')) || receiving[0]?.organizationId || c?.organizationId;
  const mode: RollupMode = search.get('mode') === 'all_received' ? 'all_received' : 'accepted_only';
  const rollup = useAsync(
    (signal) => (organizationId ? api.reporting.rollup(campaignId, periodKey, organizationId, mode, signal) : Promise.resolve(undefined)),
    [campaignId, periodKey, organizationId, mode],
  );
  const r = rollup.data;

  useEffect(() => {
    if (r) document.title = `${t('rollup.title', { period: periodLabel(r.periodLabel) })} · ${t('app.name')}`;
  }, [r, t]);

  const set = (key: string, value: string) => {
    const p = new URLSearchParams(search);
    p.set(key, value);
    setSearch(p, { replace: true });
  };

  const back = <BackLink to={reportingPaths.campaign(campaignId, 'received')}>{c?.title ?? t('campaigns.back')}</BackLink>;
  if (campaign.error) return <PageLoadError back={back} error={campaign.error} onRetry={campaign.reload} />;
  if (!c || !organizationId) return <Skeleton active />;

  const own = c.mine.reporting.find((x) => x.organizationId === organizationId);
  const index = r ? indexOutline(r.outline) : null;
  const useAsReport = () => {
    if (!r) return;
    const state: PrefillState = { prefill: r.content, coverage: coverageHead(r.coverage.statement) };
    navigate(reportingPaths.submission({ campaignId, periodKey, organizationId }), { state });
  };

  return (
    <>
      {back}
      <PageTitle
        sub={r ? r.organizationName : c.organizationName}
        extra={
          <>
            {own ? (
              <Button type="primary" icon={<FormOutlined aria-hidden />} disabled={!r} onClick={useAsReport} data-testid="use-as-report">
                {t('rollup.useAsReport')}
              </Button>
            ) : null}
            <DocumentLinks href={(f) => reportingFiles.rollup(campaignId, periodKey, organizationId, mode, f)} testId="rollup" />
          </>
        }
      >
        {t('rollup.title', { period: periodLabel(r?.periodLabel ?? c.periods.find((p) => p.id === periodKey)?.label ?? periodKey) })}
      </PageTitle>
      <Card style={{ marginBottom: 16 }}>
        <Flex wrap gap={16} align="end">
          <UnitAndPeriod
            campaign={c}
            receiving={receiving}
            organizationId={organizationId}
            periodKey={periodKey}
            onOrganization={(v) => set('org', String(v))}
            onPeriod={(p) => navigate(`${reportingPaths.rollup(campaignId, p, organizationId)}&mode=${mode}`, { replace: true })}
            idPrefix="rollup"
          />
          <div>
            <span className="field-label" id="rollup-mode-label">
              {t('rollup.mode')}
            </span>
            <Segmented
              aria-labelledby="rollup-mode-label"
              value={mode}
              onChange={(v) => set('mode', String(v))}
              options={ROLLUP_MODES.map((m) => ({ value: m, label: <span data-testid={`mode-${m}`}>{enumLabel('rollupMode', m)}</span> }))}
            />
          </div>
        </Flex>
      </Card>
      <ErrorAlert error={rollup.error} onRetry={rollup.reload} />
      {!r || !index ? (
        rollup.error ? null : <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          <Coverage rollup={r} />
          <Card title={<h2 className="card-heading">{t('rollup.figures')}</h2>} style={{ marginBottom: 16 }}>
            <Table<FigureRow>
              rowKey="key"
              size="small"
              dataSource={r.figures}
              pagination={false}
              scroll={{ x: true }}
              locale={{ emptyText: t('rollup.noFigures') }}
              data-testid="rollup-figures"
              columns={[
                { key: 'label', title: t('submission.figure'), render: (_, f) => index.figures.get(f.key)?.label ?? f.key },
                {
                  key: 'value',
                  title: t('rollup.value'),
                  align: 'right',
                  render: (_, f) => {
                    const fig = index.figures.get(f.key);
                    return <strong style={{ whiteSpace: 'nowrap' }}>{fig ? formatFigureValue(fig, f.value, t) : String(f.value ?? '—')}</strong>;
                  },
                },
                {
                  key: 'rule',
                  title: t('outline.figureRollup'),
                  responsive: ['md'],
                  render: (_, f) => {
                    const rule = index.figures.get(f.key)?.rollup;
                    return rule ? (rule.kind === 'weighted_average' ? t('rollup.weightedBy', { by: index.figures.get(rule.weightFigure)?.label ?? rule.weightFigure }) : enumLabel('rollupKind', rule.kind)) : '';
                  },
                },
                { key: 'contributed', title: t('rollup.contributed'), align: 'right', render: (_, f) => f.contributed },
                {
                  key: 'missing',
                  title: t('rollup.figureMissing'),
                  render: (_, f) =>
                    f.missing.length ? (
                      <details>
                        <summary>{t('rollup.units', { n: f.missing.length })}</summary>
                        <UnitList names={f.missing} testId={`missing-${f.key}`} />
                      </details>
                    ) : (
                      '—'
                    ),
                },
              ]}
            />
          </Card>
          {r.sentiment ? (
            <Card title={<h2 className="card-heading">{t('sentiment.attached', { month: shortMonth(r.sentiment.month) })}</h2>} style={{ marginBottom: 16 }}>
              <SentimentSummary report={r.sentiment} testId="rollup-sentiment" />
            </Card>
          ) : null}
          <Card title={<h2 className="card-heading">{t('rollup.texts')}</h2>} data-testid="rollup-texts">
            <OutlineSections
              idPrefix="rollup"
              sections={r.outline.sections}
              renderBody={(s) => {
                const texts = r.sections.find((x) => x.address === s.address)?.texts ?? [];
                return texts.map((x) => (
                  <div key={x.unitId} className="gathered-text">
                    <div className="gathered-unit">{x.unitName}</div>
                    <div className="report-text">{x.text}</div>
                  </div>
                ));
              }}
            />
          </Card>
        </>
      )}
    </>
  );
}
