// Organizations the user may see: filter by name, kind and unit; open one to see its reporting lines.
import { SearchOutlined } from '@ant-design/icons';
import { Card, Checkbox, Col, Input, Row, Select, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, type Organization } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { ErrorAlert, PageTitle } from '../../../web/ui/Feedback';
import { useAsync, useDebounced } from '../../../web/ui/hooks';
import { SYSTEM_COLORS } from '../../../web/ui/labels';
import { ValidityTag, ValidityText } from '../../../web/ui/Validity';
import { UNIT_LEVELS, type UnitLevel } from '../../units/units.schema';
import { UnitPickerField, type UnitRef } from '../../units/pages/UnitPicker';
import { ORG_KINDS, type OrgKind } from '../organizations.schema';
import { serverPagination } from '../../../web/ui/pagination';

const PAGE_SIZE = 20;

export function OrganizationsPage() {
  const { t, kindLabel } = useI18n();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const q = useDebounced(text.trim(), 300);
  const kindParam = params.get('kind');
  const kind = (ORG_KINDS as readonly string[]).includes(kindParam ?? '') ? (kindParam as OrgKind) : undefined;
  const levelParam = params.get('unitLevel');
  const unitCode = params.get('unitCode');
  const unit: UnitRef | null =
    levelParam && unitCode && (UNIT_LEVELS as readonly string[]).includes(levelParam)
      ? { level: levelParam as UnitLevel, code: unitCode, fullName: params.get('unitName') ?? unitCode }
      : null;
  const includeEnded = params.get('ended') === '1';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);

  const setFilter = (next: Record<string, string | null>, keepPage = false) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === null || v === '') p.delete(k);
      else p.set(k, v);
    }
    if (!keepPage) p.delete('page');
    setParams(p, { replace: true });
  };

  // The search box writes to the URL once typing pauses.
  useEffect(() => {
    if ((params.get('q') ?? '') !== q) setFilter({ q });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  const list = useAsync(
    (signal) =>
      api.organizations.list(
        {
          q: params.get('q') || undefined,
          kind,
          unitLevel: unit?.level,
          unitCode: unit?.code,
          includeEnded: includeEnded || undefined,
          limit: PAGE_SIZE,
          offset: (page - 1) * PAGE_SIZE,
        },
        signal,
      ),
    [params.get('q'), kind, unit?.level, unit?.code, includeEnded, page],
  );

  return (
    <>
      <PageTitle>{t('orgs.title')}</PageTitle>
      <Card style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]} align="bottom">
          <Col xs={24} md={12} xl={7}>
            <label htmlFor="orgs-q" className="field-label">
              {t('orgs.searchLabel')}
            </label>
            <Input
              id="orgs-q"
              type="search"
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={t('orgs.searchPlaceholder')}
              prefix={<SearchOutlined aria-hidden />}
              allowClear
              data-testid="orgs-search"
            />
          </Col>
          <Col xs={24} md={12} xl={6}>
            <label htmlFor="orgs-kind" className="field-label">
              {t('orgs.kind')}
            </label>
            <Select<OrgKind | ''>
              id="orgs-kind"
              value={kind ?? ''}
              onChange={(v) => setFilter({ kind: v || null })}
              options={[{ value: '', label: t('orgs.allKinds') }, ...ORG_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))]}
              style={{ width: '100%' }}
            />
          </Col>
          <Col xs={24} md={12} xl={7}>
            <label htmlFor="orgs-unit" className="field-label">
              {t('orgs.unit')}
            </label>
            <UnitPickerField
              id="orgs-unit"
              value={unit}
              placeholder={t('orgs.anyUnit')}
              onChange={(u) => setFilter({ unitLevel: u?.level ?? null, unitCode: u?.code ?? null, unitName: u?.fullName ?? null })}
            />
          </Col>
          <Col xs={24} md={12} xl={4}>
            <Checkbox checked={includeEnded} onChange={(e) => setFilter({ ended: e.target.checked ? '1' : null })} style={{ paddingBottom: 6 }}>
              {t('orgs.includeEnded')}
            </Checkbox>
          </Col>
        </Row>
      </Card>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Card>
        <Table<Organization>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: true }}
          locale={{ emptyText: t('orgs.empty') }}
          pagination={serverPagination(t, page, PAGE_SIZE, list.data?.total, (p) => setFilter({ page: p > 1 ? String(p) : null }, true))}
          columns={[
            {
              key: 'name',
              title: t('orgs.name'),
              render: (_, o) => <Link to={`/organizations/${o.id}`}>{o.name}</Link>,
            },
            {
              key: 'kind',
              title: t('orgs.kind'),
              responsive: ['md'],
              render: (_, o) => <Tag color={SYSTEM_COLORS[o.system]}>{kindLabel(o.kind)}</Tag>,
            },
            { key: 'unit', title: t('orgs.unit'), dataIndex: 'unitName', responsive: ['sm'] },
            { key: 'validity', title: t('common.validity'), responsive: ['lg'], render: (_, o) => <ValidityText period={o} /> },
            { key: 'status', title: t('common.status'), render: (_, o) => <ValidityTag period={o} /> },
          ]}
        />
        {list.data ? (
          <Typography.Text className="visually-hidden" role="status">
            {t('common.total', { n: list.data.total })}
          </Typography.Text>
        ) : null}
      </Card>
    </>
  );
}
