// A month's sentiment report at a glance: totals, counts by attitude, the main topics, hot issues and false
// information with their unit. Shown on the sentiment page and with a report that carries it.
import { Flex, Tag, Typography } from 'antd';
import type { SentimentReport } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import type { Attitude } from '../sentiment.schema';

export const ATTITUDE_COLORS: Record<Attitude, string> = { dong_tinh: 'green', ban_khoan: 'gold', buc_xuc: 'volcano', phan_doi: 'red' };


function Items({ title, items }: { title: string; items: SentimentReport['hotIssues'] }) {
  const { t, formatDate, formatNumber } = useI18n();
  if (!items.length) return null;
  return (
    <>
      <Typography.Text strong>{title}</Typography.Text>
      <ul className="sentiment-items">
        {items.map((it, i) => (
          <li key={i}>
            <Typography.Text type="secondary">
              {it.organizationName} · {formatDate(it.observedOn)} · {t('sentiment.people', { n: formatNumber(it.peopleCount) })}
            </Typography.Text>
            <div>{it.content}</div>
          </li>
        ))}
      </ul>
    </>
  );
}

export function SentimentSummary({ report, testId = 'sentiment-summary' }: { report: SentimentReport; testId?: string }) {
  const { t, enumLabel, formatNumber } = useI18n();
  const n = report.totals;
  if (n.records === 0) return <Typography.Text type="secondary">{t('sentiment.noRecords')}</Typography.Text>;
  return (
    <Flex vertical gap={8} data-testid={testId}>
      <Typography.Text>{t('sentiment.totals', { records: formatNumber(n.records), people: formatNumber(n.people), units: formatNumber(n.units) })}</Typography.Text>
      <Flex wrap gap={4} aria-label={t('sentiment.byAttitude')}>
        {report.byAttitude.map((a) => (
          <Tag key={a.key} color={ATTITUDE_COLORS[a.key as Attitude]}>
            {enumLabel('attitude', a.key)}: {formatNumber(a.records)}
          </Tag>
        ))}
      </Flex>
      {report.byTopic.length ? (
        <div>
          <Typography.Text strong>{t('sentiment.byTopic')}: </Typography.Text>
          {report.byTopic
            .slice(0, 8)
            .map((c) => `${c.key} (${formatNumber(c.records)})`)
            .join(', ')}
        </div>
      ) : null}
      <Items title={t('sentiment.hotIssues', { n: formatNumber(n.hotIssues) })} items={report.hotIssues} />
      <Items title={t('sentiment.falseInfo', { n: formatNumber(n.falseInformation) })} items={report.falseInformation} />
    </Flex>
  );
}
