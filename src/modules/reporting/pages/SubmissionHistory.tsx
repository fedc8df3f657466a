// A report's history: every event with who, when and why (returned, unlocked), every version sent, one version to
// read, and what changed between two versions (figures before and after, each section's text word by word).
import { DiffOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, List, Modal, Select, Skeleton, Table, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { api, type Submission, type SubmissionKey, type VersionComparison } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { ErrorAlert } from '../../../web/ui/Feedback';
import { Field } from '../../../web/ui/Field';
import { useAsync } from '../../../web/ui/hooks';
import { indexOutline } from '../outlines.model';
import type { FigureValue, Outline } from '../reporting.schema';
import { sectionTitle } from './OutlineSections';
import { formatFigureValue, ReportView } from './ReportForm';

export function EventTimeline({ submission }: { submission: Submission }) {
  const { t, enumLabel, formatDateTime } = useI18n();
  if (!submission.events.length) return <Typography.Text type="secondary">{t('submission.noEvents')}</Typography.Text>;
  return (
    <Timeline
      data-testid="submission-events"
      items={submission.events.map((e) => ({
        color: e.action === 'return' || e.action === 'unlock' ? 'orange' : e.action === 'accept' ? 'green' : 'blue',
        content: (
          <>
            <Typography.Text strong>{enumLabel('eventAction', e.action)}</Typography.Text>
            {e.version ? <Typography.Text type="secondary"> · {t('submission.versionNo', { n: e.version })}</Typography.Text> : null}
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {formatDateTime(e.at)}
              {e.actorName ? ` · ${e.actorName}` : ''}
            </Typography.Text>
            {e.reason ? <div className="event-reason">{t('submission.reasonShown', { reason: e.reason })}</div> : null}
          </>
        ),
      }))}
    />
  );
}

function VersionDialog({ k, version, outline, onClose }: { k: SubmissionKey; version: number | null; outline: Outline; onClose: () => void }) {
  const { t } = useI18n();
  const content = useAsync((signal) => (version ? api.reporting.version(k, version, signal) : Promise.resolve(undefined)), [k.campaignId, k.periodKey, k.organizationId, version]);
  return (
    <Modal open={version !== null} title={t('submission.versionTitle', { n: version ?? 0 })} onCancel={onClose} footer={null} width={860}>
      <ErrorAlert error={content.error} onRetry={content.reload} />
      {content.data ? <ReportView outline={outline} content={content.data} idPrefix="version" /> : <Skeleton active />}
    </Modal>
  );
}

/** What changed between two versions: figures before → after, and each changed section's words struck or added. */
export function ComparisonView({ comparison, outline }: { comparison: VersionComparison; outline: Outline }) {
  const { t } = useI18n();
  const index = indexOutline(outline);
  const valueOf = (key: string, v: FigureValue) => {
    const f = index.figures.get(key);
    return f ? formatFigureValue(f, v, t) : String(v ?? '—');
  };
  if (!comparison.figures.length && !comparison.sections.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('submission.noChanges')} />;
  return (
    <div data-testid="comparison">
      {comparison.figures.length ? (
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={comparison.figures}
          style={{ marginBottom: 16 }}
          data-testid="comparison-figures"
          columns={[
            { key: 'label', title: t('submission.figure'), render: (_, c) => index.figures.get(c.key)?.label ?? c.key },
            { key: 'before', title: t('submission.before'), align: 'right', render: (_, c) => valueOf(c.key, c.before) },
            { key: 'after', title: t('submission.after'), align: 'right', render: (_, c) => valueOf(c.key, c.after) },
          ]}
        />
      ) : null}
      {comparison.sections.map((s) => {
        const section = index.sections.get(s.address);
        return (
          <section key={s.address} data-testid={`comparison-section-${s.address}`}>
            <h3 className="outline-heading">{section ? sectionTitle(section) : s.address}</h3>
            <p className="word-diff">
              {s.diff.map((part, i) =>
                part.kind === 'added' ? (
                  <ins key={i}>{part.text}</ins>
                ) : part.kind === 'removed' ? (
                  <del key={i}>{part.text}</del>
                ) : (
                  <span key={i}>{part.text}</span>
                ),
              )}
            </p>
          </section>
        );
      })}
    </div>
  );
}

export function Versions({ k, submission }: { k: SubmissionKey; submission: Submission }) {
  const { t, formatDateTime } = useI18n();
  const versions = submission.versions;
  const latest = versions.at(-1)?.version ?? 0;
  const [viewing, setViewing] = useState<number | null>(null);
  const [from, setFrom] = useState<number | undefined>(undefined);
  const [to, setTo] = useState<number | undefined>(undefined);
  const [comparing, setComparing] = useState<{ from: number; to: number } | null>(null);
  const fromV = from ?? Math.max(1, latest - 1);
  const toV = to ?? latest;
  const comparison = useAsync(
    (signal) => (comparing ? api.reporting.compare(k, comparing.from, comparing.to, signal) : Promise.resolve(undefined)),
    [k.campaignId, k.periodKey, k.organizationId, comparing?.from, comparing?.to],
  );
  if (!versions.length) return <Typography.Text type="secondary">{t('submission.noVersions')}</Typography.Text>;
  const options = versions.map((v) => ({ value: v.version, label: t('submission.versionNo', { n: v.version }) }));
  return (
    <>
      <List
        size="small"
        dataSource={[...versions].reverse()}
        data-testid="submission-versions"
        renderItem={(v) => (
          <List.Item
            actions={[
              <Button key="view" size="small" icon={<EyeOutlined aria-hidden />} onClick={() => setViewing(v.version)} aria-label={t('submission.viewVersion', { n: v.version })}>
                {t('submission.view')}
              </Button>,
            ]}
          >
            <List.Item.Meta title={t('submission.versionNo', { n: v.version })} description={`${formatDateTime(v.submittedAt)}${v.submittedBy ? ` · ${v.submittedBy}` : ''}`} />
          </List.Item>
        )}
      />
      {versions.length > 1 ? (
        <Flex wrap gap={8} align="end" style={{ marginTop: 12 }}>
          {(
            [
              ['compare-from', 'submission.compareFrom', fromV, setFrom],
              ['compare-to', 'submission.compareTo', toV, setTo],
            ] as const
          ).map(([id, label, value, onChange]) => (
            <div key={id}>
              <Field id={id} label={t(label)}>
                <Select id={id} value={value} onChange={onChange} options={options} style={{ width: 120 }} />
              </Field>
            </div>
          ))}
          <Button icon={<DiffOutlined aria-hidden />} disabled={fromV === toV} onClick={() => setComparing({ from: fromV, to: toV })} data-testid="compare">
            {t('submission.compare')}
          </Button>
        </Flex>
      ) : null}
      <VersionDialog k={k} version={viewing} outline={submission.outline} onClose={() => setViewing(null)} />
      <Modal open={!!comparing} title={t('submission.comparisonTitle', { from: comparing?.from ?? 0, to: comparing?.to ?? 0 })} onCancel={() => setComparing(null)} footer={null} width={860}>
        <ErrorAlert error={comparison.error} onRetry={comparison.reload} />
        {comparison.data && !comparison.loading ? <ComparisonView comparison={comparison.data} outline={submission.outline} /> : <Skeleton active />}
      </Modal>
    </>
  );
}
