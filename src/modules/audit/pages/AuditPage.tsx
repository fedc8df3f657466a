// The audit log: who did what, when and from where; each row opens onto the state before and after the change.
import { FilterOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Card, Col, DatePicker, Form, Input, Row, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { isIsoDate } from '../../../shared/dates';
import { api, type AuditEntry } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { ErrorAlert, PageTitle } from '../../../web/ui/Feedback';
import { useAsync } from '../../../web/ui/hooks';
import { serverPagination } from '../../../web/ui/pagination';

const PAGE_SIZE = 25;

/** Actions the server records today; the filter also accepts any prefix such as "user.". */
const KNOWN_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'user.',
  'user.create',
  'user.update',
  'user.grant',
  'user.revoke',
  'organization.',
  'organization.create',
  'organization.update',
  'organization.close',
  'organization.apply_template',
  'reporting_line.create',
  'reporting_line.end',
  'units.import',
  'demo.seed',
];

interface Filters {
  actor?: string;
  action?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

function actionColor(action: string): string {
  if (action.endsWith('failed') || action.endsWith('revoke') || action.endsWith('close') || action.endsWith('.end')) return 'volcano';
  if (action.endsWith('create') || action.endsWith('grant') || action.endsWith('import') || action.endsWith('seed')) return 'green';
  if (action.startsWith('auth.')) return 'default';
  return 'blue';
}

function Json({ value }: { value: unknown }) {
  const { t } = useI18n();
  if (value === null || value === undefined) return <Typography.Text type="secondary">{t('audit.nothing')}</Typography.Text>;
  return <pre className="json-block">{JSON.stringify(value, null, 2)}</pre>;
}

/** A page about the entity changed, when there is one. */
function entityHref(e: AuditEntry): string | null {
  if (!e.entityId) return null;
  if (e.entityType === 'organization') return `/organizations/${encodeURIComponent(e.entityId)}`;
  if (e.entityType === 'user') {
    const username = (e.after as { username?: unknown } | null)?.username ?? (e.before as { username?: unknown } | null)?.username;
    return typeof username === 'string' ? `/users?q=${encodeURIComponent(username)}` : null;
  }
  if (e.entityType === 'unit') {
    const [level, code] = e.entityId.split(':');
    return level && code ? `/units?level=${encodeURIComponent(level)}&code=${encodeURIComponent(code)}` : null;
  }
  return null;
}

export function AuditPage() {
  const { t, formatDateTime } = useI18n();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<Filters>();
  const actor = params.get('actor') ?? '';
  const action = params.get('action') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);

  useEffect(() => {
    form.setFieldsValue({
      actor,
      action,
      range: isIsoDate(from) || isIsoDate(to) ? [isIsoDate(from) ? dayjs(from) : null, isIsoDate(to) ? dayjs(to) : null] : null,
    });
  }, [actor, action, from, to, form]);

  const list = useAsync(
    (signal) =>
      api.audit.list(
        {
          actor: actor || undefined,
          action: action || undefined,
          from: isIsoDate(from) ? from : undefined,
          to: isIsoDate(to) ? to : undefined,
          limit: PAGE_SIZE,
          offset: (page - 1) * PAGE_SIZE,
        },
        signal,
      ),
    [actor, action, from, to, page],
  );

  const apply = (v: Filters) => {
    const p = new URLSearchParams();
    if (v.actor?.trim()) p.set('actor', v.actor.trim());
    if (v.action?.trim()) p.set('action', v.action.trim());
    if (v.range?.[0]) p.set('from', v.range[0].format('YYYY-MM-DD'));
    if (v.range?.[1]) p.set('to', v.range[1].format('YYYY-MM-DD'));
    setParams(p);
  };

  const setPage = (n: number) => {
    const p = new URLSearchParams(params);
    if (n > 1) p.set('page', String(n));
    else p.delete('page');
    setParams(p);
  };

  return (
    <>
      <PageTitle>{t('audit.title')}</PageTitle>
      <Card style={{ marginBottom: 16 }}>
        <Form<Filters> form={form} layout="vertical" name="audit-filter" onFinish={apply}>
          <Row gutter={[12, 0]} align="bottom">
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label={t('audit.actor')} name="actor">
                <Input placeholder={t('audit.actorPlaceholder')} allowClear autoComplete="off" autoCapitalize="none" data-testid="audit-actor" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label={t('audit.action')} name="action">
                <AutoComplete
                  options={KNOWN_ACTIONS.map((a) => ({ value: a }))}
                  placeholder={t('audit.actionPlaceholder')}
                  allowClear
                  showSearch={{ filterOption: (input, option) => String(option?.value ?? '').includes(input.trim()) }}
                  data-testid="audit-action"
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={24} lg={7}>
              <Form.Item label={t('audit.dateRange')} name="range">
                <DatePicker.RangePicker format="DD/MM/YYYY" allowEmpty={[true, true]} style={{ width: '100%' }} placeholder={[t('audit.from'), t('audit.to')]} />
              </Form.Item>
            </Col>
            <Col xs={24} lg={5}>
              <Form.Item>
                <Space wrap>
                  <Button type="primary" htmlType="submit" icon={<FilterOutlined aria-hidden />} data-testid="audit-filter">
                    {t('audit.filter')}
                  </Button>
                  <Button
                    onClick={() => {
                      form.resetFields();
                      setParams(new URLSearchParams());
                    }}
                  >
                    {t('audit.reset')}
                  </Button>
                </Space>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Card>
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: true }}
          locale={{ emptyText: t('audit.empty') }}
          data-testid="audit-table"
          pagination={serverPagination(t, page, PAGE_SIZE, list.data?.total, setPage)}
          expandable={{
            expandedRowRender: (e) => (
              <Row gutter={[16, 12]}>
                <Col xs={24} md={12}>
                  <Typography.Title level={4} style={{ fontSize: 14 }}>
                    {t('audit.before')}
                  </Typography.Title>
                  <Json value={e.before} />
                </Col>
                <Col xs={24} md={12}>
                  <Typography.Title level={4} style={{ fontSize: 14 }}>
                    {t('audit.after')}
                  </Typography.Title>
                  <Json value={e.after} />
                </Col>
              </Row>
            ),
            rowExpandable: (e) => e.before !== null || e.after !== null,
          }}
          columns={[
            { key: 'at', title: t('audit.at'), render: (_, e) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</span> },
            { key: 'actor', title: t('audit.actor'), render: (_, e) => e.actorUsername ?? '—' },
            {
              key: 'action',
              title: t('audit.action'),
              render: (_, e) => (
                <Tag color={actionColor(e.action)} style={{ fontFamily: 'monospace' }}>
                  {e.action}
                </Tag>
              ),
            },
            {
              key: 'entity',
              title: t('audit.entity'),
              responsive: ['sm'],
              render: (_, e) => {
                const label = `${e.entityType}${e.entityId ? ` #${e.entityId}` : ''}`;
                const href = entityHref(e);
                return href ? <Link to={href}>{label}</Link> : label;
              },
            },
            {
              key: 'org',
              title: t('audit.organization'),
              responsive: ['lg'],
              render: (_, e) => (e.organizationId ? <Link to={`/organizations/${e.organizationId}`}>#{e.organizationId}</Link> : '—'),
            },
            { key: 'ip', title: t('audit.ip'), responsive: ['xl'], render: (_, e) => e.ip ?? '—' },
          ]}
        />
      </Card>
    </>
  );
}
