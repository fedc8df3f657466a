// One organization: where it sits, whom it reports to and who reports to it, what came before and after it.
import { EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Form, Input, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, type Organization, type ReportingLine } from '../../../web/api';
import { useAuth } from '../../../web/auth';
import { useI18n } from '../../../web/i18n';
import { BackLink, ErrorAlert, PageLoadError, PageTitle } from '../../../web/ui/Feedback';
import { FormDialog } from '../../../web/ui/FormDialog';
import { useAsync } from '../../../web/ui/hooks';
import { ROLE_COLORS, SYSTEM_COLORS } from '../../../web/ui/labels';
import { ValidityTag, ValidityText } from '../../../web/ui/Validity';
import { zodRule } from '../../../web/ui/zodForm';
import { UpdateOrganizationBody, type OrgSystem } from '../organizations.schema';

function orgLink(o: Organization) {
  return <Link to={`/organizations/${o.id}`}>{o.name}</Link>;
}

function unitHref(o: Organization): string {
  return `/units?level=${o.unitLevel}&code=${encodeURIComponent(o.unitCode)}`;
}

export function OrganizationPage() {
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const { t, kindLabel, levelLabel, formatDate, roleLabel } = useI18n();
  const { canManageUsers } = useAuth();
  const detail = useAsync((signal) => api.organizations.detail(id, signal), [id]);
  const users = useAsync(
    (signal) => (canManageUsers ? api.users.list({ organizationId: id, limit: 100 }, signal) : Promise.resolve(undefined)),
    [id, canManageUsers],
  );
  const [renaming, setRenaming] = useState(false);

  const org = detail.data?.organization;
  useEffect(() => {
    if (org) document.title = `${org.name} · ${t('app.name')}`;
  }, [org, t]);

  const back = <BackLink to="/organizations">{t('orgs.back')}</BackLink>;

  if (!Number.isInteger(id) || id <= 0) return <ErrorAlert error={new Error(t('app.notFound'))} />;
  if (detail.error) return <PageLoadError back={back} error={detail.error} onRetry={detail.reload} />;
  if (!detail.data || !org) return <Skeleton active />;
  const { reportsTo, reportedBy, successor, predecessors } = detail.data;

  const lineColumns = [
    { key: 'org', title: t('orgs.name'), render: (_: unknown, l: ReportingLine) => orgLink(l.organization) },
    {
      key: 'kind',
      title: t('common.type'),
      render: (_: unknown, l: ReportingLine) => <Tag color={l.kind === 'system' ? 'blue' : 'purple'}>{t(l.kind === 'system' ? 'orgs.lineSystem' : 'orgs.lineSameLevel')}</Tag>,
    },
    { key: 'unit', title: t('orgs.unit'), responsive: ['md' as const], render: (_: unknown, l: ReportingLine) => l.organization.unitName },
    { key: 'validity', title: t('common.validity'), responsive: ['lg' as const], render: (_: unknown, l: ReportingLine) => <ValidityText period={l} /> },
  ];

  return (
    <>
      {back}
      <PageTitle
        sub={
          <Space wrap size={4}>
            <Tag color={SYSTEM_COLORS[org.system]}>{kindLabel(org.kind)}</Tag>
            <ValidityTag period={org} />
          </Space>
        }
        extra={
          <Button icon={<EditOutlined aria-hidden />} onClick={() => setRenaming(true)} data-testid="org-rename">
            {t('orgs.rename')}
          </Button>
        }
      >
        <span data-testid="org-name">{org.name}</span>
      </PageTitle>

      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Card>
            <Descriptions
              size="small"
              bordered
              column={{ xs: 1, sm: 1, md: 2 }}
              items={[
                { key: 'kind', label: t('orgs.kind'), children: kindLabel(org.kind) },
                { key: 'system', label: t('orgs.system'), children: t(`system.${org.system as OrgSystem}`) },
                {
                  key: 'unit',
                  label: t('orgs.unit'),
                  children: (
                    <span>
                      <Link to={unitHref(org)}>{org.unitName ?? org.unitCode}</Link>{' '}
                      <Typography.Text type="secondary">
                        ({levelLabel(org.unitLevel)} · {t('common.code')} {org.unitCode})
                      </Typography.Text>
                    </span>
                  ),
                },
                { key: 'validity', label: t('common.validity'), children: <ValidityText period={org} /> },
                { key: 'successor', label: t('orgs.successor'), children: successor ? orgLink(successor) : t('common.none') },
                {
                  key: 'predecessors',
                  label: t('orgs.predecessors'),
                  children: predecessors.length ? (
                    <Space orientation="vertical" size={2}>
                      {predecessors.map((p) => (
                        <span key={p.id}>
                          {orgLink(p)} <Typography.Text type="secondary">({p.validTo ? formatDate(p.validTo) : ''})</Typography.Text>
                        </span>
                      ))}
                    </Space>
                  ) : (
                    t('common.none')
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={<h2 className="card-heading">{t('orgs.reportsTo')} ({reportsTo.length})</h2>}>
            <Table<ReportingLine> size="small" rowKey="id" dataSource={reportsTo} columns={lineColumns} pagination={false} scroll={{ x: true }} locale={{ emptyText: t('common.none') }} data-testid="reports-to" />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={<h2 className="card-heading">{t('orgs.reportedBy')} ({reportedBy.length})</h2>}>
            <Table<ReportingLine>
              size="small"
              rowKey="id"
              dataSource={reportedBy}
              columns={lineColumns}
              pagination={reportedBy.length > 10 ? { pageSize: 10, showSizeChanger: false, size: 'small' } : false}
              scroll={{ x: true }}
              locale={{ emptyText: t('common.none') }}
              data-testid="reported-by"
            />
          </Card>
        </Col>
        {canManageUsers && users.data ? (
          <Col xs={24}>
            <Card title={<h2 className="card-heading">{t('orgs.users')} ({users.data.total})</h2>}>
              <Table
                size="small"
                rowKey="id"
                dataSource={users.data.items}
                pagination={false}
                scroll={{ x: true }}
                locale={{ emptyText: t('common.none') }}
                columns={[
                  { key: 'username', title: t('users.username'), render: (_, u) => <Link to={`/users?q=${encodeURIComponent(u.username)}`}>{u.username}</Link> },
                  { key: 'name', title: t('users.fullName'), dataIndex: 'fullName' },
                  {
                    key: 'roles',
                    title: t('users.roles'),
                    render: (_, u) =>
                      u.grants
                        .filter((g) => g.organizationId === id)
                        .map((g) => (
                          <Tag key={g.id} color={ROLE_COLORS[g.role]}>
                            {roleLabel(g.role)}
                          </Tag>
                        )),
                  },
                ]}
              />
            </Card>
          </Col>
        ) : null}
      </Row>

      <RenameDialog
        open={renaming}
        organization={org}
        onClose={() => setRenaming(false)}
        onRenamed={(updated) => {
          if (detail.data) detail.setData({ ...detail.data, organization: updated });
          setRenaming(false);
        }}
      />
    </>
  );
}

function RenameDialog({ open, organization, onClose, onRenamed }: { open: boolean; organization: Organization; onClose: () => void; onRenamed: (o: Organization) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();

  // Only administrators and the organization's leaders may rename: a refusal shows the API's own words.
  const submit = async ({ name }: { name: string }) => {
    const updated = await api.organizations.update(organization.id, { name });
    void message.success(t('orgs.renamed'));
    onRenamed(updated);
  };

  return (
    <FormDialog<{ name: string }>
      open={open}
      title={t('orgs.renameTitle')}
      okText={t('common.save')}
      form={form}
      name="rename-org"
      onOpen={() => form.setFieldsValue({ name: organization.name })}
      onSubmit={submit}
      onClose={onClose}
      errorTestId="rename-error"
    >
      <Form.Item label={t('orgs.newName')} name="name" rules={[{ required: true, whitespace: true, message: t('orgs.newName') }, zodRule(UpdateOrganizationBody.shape.name)]}>
        <Input autoComplete="off" />
      </Form.Item>
    </FormDialog>
  );
}
