// One unit on a day: code, type, validity, parents, versions, what it was formed from or went into, its organizations.
import { Breadcrumb, Card, Descriptions, Empty, List, Skeleton, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { dayBefore } from '../../../shared/dates';
import { api, type UnitDetail } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { ErrorAlert } from '../../../web/ui/Feedback';
import { useAsync } from '../../../web/ui/hooks';
import { SYSTEM_COLORS } from '../../../web/ui/labels';
import { ValidityTag, ValidityText } from '../../../web/ui/Validity';
import type { Unit, UnitLevel } from '../units.schema';

type Link_ = UnitDetail['predecessors'][number];

export interface UnitDetailPanelProps {
  level: UnitLevel;
  code: string;
  at: string;
  /** Open another unit (a parent, a predecessor …) on a given day. */
  onNavigate: (unit: { level: UnitLevel; code: string }, at: string) => void;
}

export function UnitDetailPanel({ level, code, at, onNavigate }: UnitDetailPanelProps) {
  const { t, levelLabel, kindLabel, formatDate } = useI18n();
  const detail = useAsync((signal) => api.units.detail(level, code, at, signal), [level, code, at]);
  const orgs = useAsync((signal) => api.organizations.list({ unitLevel: level, unitCode: code, at, limit: 100 }, signal), [level, code, at]);

  if (detail.error) return <ErrorAlert error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <Card><Skeleton active /></Card>;
  const { unit, ancestors, versions, predecessors, successors } = detail.data;

  const unitLink = (u: { level: UnitLevel; code: string }, day: string, label: string) => (
    <Link
      to={`/units?level=${u.level}&code=${encodeURIComponent(u.code)}&at=${day}`}
      onClick={(e) => {
        e.preventDefault();
        onNavigate(u, day);
      }}
    >
      {label}
    </Link>
  );

  const succession = (links: Link_[], direction: 'from' | 'to') =>
    links.length === 0 ? (
      <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
    ) : (
      <List
        size="small"
        dataSource={links}
        rowKey={(l) => `${l.level}:${l.code}`}
        renderItem={(l) => (
          <List.Item>
            <span>
              {/* A predecessor is shown on its last day; a successor on its first. */}
              {unitLink(l, direction === 'from' ? dayBefore(l.effectiveOn) : l.effectiveOn, l.fullName ?? `${levelLabel(l.level)} ${l.code}`)}{' '}
              <Typography.Text type="secondary">
                ({levelLabel(l.level)}, {t('common.code')} {l.code}; {t(l.kind === 'full' ? 'units.mergeFull' : 'units.mergePartial')}, {t('units.effectiveOn', { date: formatDate(l.effectiveOn) })})
              </Typography.Text>
            </span>
          </List.Item>
        )}
      />
    );

  return (
    <Card
      title={
        <h2 className="card-heading" style={{ whiteSpace: 'normal' }} data-testid="unit-detail-title">
          {unit.fullName}
        </h2>
      }
      extra={<ValidityTag period={unit} at={at} />}
    >
      {ancestors.length > 0 ? (
        <nav aria-label={t('units.parents')} style={{ marginBottom: 12 }}>
          <Breadcrumb
            items={[...ancestors.map((a) => ({ key: `${a.level}:${a.code}`, title: unitLink(a, at, a.fullName) })), { key: 'self', title: unit.fullName }]}
          />
        </nav>
      ) : null}
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          { key: 'code', label: t('common.code'), children: <span data-testid="unit-code">{unit.code}</span> },
          { key: 'level', label: t('common.level'), children: levelLabel(unit.level) },
          { key: 'type', label: t('common.type'), children: unit.type },
          { key: 'name', label: t('common.name'), children: unit.name },
          { key: 'from', label: t('common.validFrom'), children: unit.validFrom ? formatDate(unit.validFrom) : t('common.unknownStart') },
          { key: 'to', label: t('common.validTo'), children: unit.validTo ? formatDate(unit.validTo) : t('common.present') },
          {
            key: 'parents',
            label: t('units.parents'),
            span: { xs: 1, sm: 1, md: 2 },
            children: ancestors.some((a) => a.level !== 'central')
              ? ancestors
                  .filter((a) => a.level !== 'central')
                  .map((a) => a.fullName)
                  .reverse()
                  .join(', ')
              : levelLabel('central'),
          },
        ]}
      />

      <Typography.Title level={3} style={{ fontSize: 15, marginTop: 20 }}>
        {t('units.organizations')}
      </Typography.Title>
      <ErrorAlert error={orgs.error} onRetry={orgs.reload} />
      {orgs.loading && !orgs.data ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : orgs.data && orgs.data.items.length > 0 ? (
        <List
          size="small"
          bordered
          dataSource={orgs.data.items}
          rowKey="id"
          data-testid="unit-organizations"
          renderItem={(o) => (
            <List.Item extra={<ValidityTag period={o} at={at} />}>
              <span>
                <Link to={`/organizations/${o.id}`}>{o.name}</Link>{' '}
                <Tag color={SYSTEM_COLORS[o.system]} style={{ marginLeft: 4 }}>
                  {kindLabel(o.kind)}
                </Tag>
              </span>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('units.noOrganizations')} />
      )}

      <Typography.Title level={3} style={{ fontSize: 15, marginTop: 20 }}>
        {t('units.versions')}
      </Typography.Title>
      <Table<Unit>
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={versions}
        scroll={{ x: true }}
        columns={[
          { key: 'name', title: t('common.name'), dataIndex: 'fullName' },
          {
            key: 'parent',
            title: t('units.parents'),
            render: (_, v) => {
              if (!v.parentLevel || !v.parentCode || v.parentLevel === 'central') return '—';
              const known = ancestors.find((a) => a.level === v.parentLevel && a.code === v.parentCode);
              return known ? known.fullName : `${levelLabel(v.parentLevel)} · ${t('common.code')} ${v.parentCode}`;
            },
          },
          { key: 'validity', title: t('common.validity'), render: (_, v) => <ValidityText period={v} /> },
        ]}
      />

      <Typography.Title level={3} style={{ fontSize: 15, marginTop: 20 }}>
        {t('units.predecessors')}
      </Typography.Title>
      {succession(predecessors, 'from')}
      <Typography.Title level={3} style={{ fontSize: 15, marginTop: 20 }}>
        {t('units.successors')}
      </Typography.Title>
      {succession(successors, 'to')}
    </Card>
  );
}
