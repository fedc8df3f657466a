// Consultations (đợt lấy ý kiến) the user's organizations run or take part in, by status; creating one on drafts.
import { GlobalOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, Segmented, Select, Switch, Table, Tag, Tooltip } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, type Consultation } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { ErrorAlert, PageTitle } from '../../../web/ui/Feedback';
import { FormDialog } from '../../../web/ui/FormDialog';
import { useAsync } from '../../../web/ui/hooks';
import { CONSULTATION_STATUS_COLORS } from '../../../web/ui/labels';
import { MANAGE_ROLES, useMyOrganizations } from '../../../web/ui/myOrganizations';
import { parseWithSchema, zodRule } from '../../../web/ui/zodForm';
import { OrganizationSelect } from '../../organizations/pages/OrganizationSelect';
import { CONSULTATION_STATUSES, CreateConsultationBody, type ConsultationStatus } from '../consultations.schema';

interface CreateFields {
  organizationId: number;
  title: string;
  description?: string;
  period: [Dayjs, Dayjs] | null;
  draftIds: number[];
  publicPortal: boolean;
}

/** The status of a consultation as a coloured tag. */
export function ConsultationStatusTag({ status }: { status: ConsultationStatus }) {
  const { enumLabel } = useI18n();
  return (
    <Tag color={CONSULTATION_STATUS_COLORS[status]} data-testid="consultation-status">
      {enumLabel('consultationStatus', status)}
    </Tag>
  );
}

function CreateConsultationDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (c: Consultation) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const mine = useMyOrganizations();
  const [form] = Form.useForm<CreateFields>();
  const organizationId = Form.useWatch('organizationId', form);
  const drafts = useAsync((signal) => (open ? api.drafts.list(undefined, signal) : Promise.resolve(undefined)), [open]);

  const submit = async (v: CreateFields) => {
    const body = {
      organizationId: v.organizationId,
      title: v.title,
      description: v.description ?? '',
      opensOn: v.period?.[0]?.format('YYYY-MM-DD'),
      closesOn: v.period?.[1]?.format('YYYY-MM-DD'),
      draftIds: v.draftIds ?? [],
      publicPortal: v.publicPortal,
    };
    const parsed = parseWithSchema(CreateConsultationBody, body, form, (path) => (path[0] === 'opensOn' || path[0] === 'closesOn' ? 'period' : String(path[0])));
    if (!parsed) return;
    const c = await api.consultations.create(parsed);
    void message.success(t('consultations.created'));
    onCreated(c);
  };

  // Drafts of the chosen organization first; others the user can see after them.
  const draftOptions = [...(drafts.data?.items ?? [])]
    .sort((a, b) => Number(b.organizationId === organizationId) - Number(a.organizationId === organizationId) || b.id - a.id)
    .map((d) => ({ value: d.id, label: `${d.title} (${t('drafts.versionNo', { n: d.versions[d.versions.length - 1]?.versionNo ?? 1 })})` }));

  return (
    <FormDialog<CreateFields>
      open={open}
      title={t('consultations.createTitle')}
      okText={t('consultations.create')}
      form={form}
      name="create-consultation"
      initialValues={{ publicPortal: true }}
      onOpen={() => form.setFieldsValue({ organizationId: mine.list.find((o) => mine.holdsAt(o.id, MANAGE_ROLES))?.id })}
      onSubmit={submit}
      onClose={onClose}
      width={640}
      okTestId="consultation-create-submit"
      errorTestId="consultation-create-error"
    >
      <Form.Item label={t('consultations.organization')} name="organizationId" extra={t('consultations.organizationHelp')} rules={[{ required: true, message: t('users.organizationRequired') }]}>
        <OrganizationSelect />
      </Form.Item>
      <Form.Item label={t('consultations.titleLabel')} name="title" rules={[{ required: true, whitespace: true, message: t('consultations.titleRequired') }, zodRule(CreateConsultationBody.shape.title)]}>
        <Input placeholder={t('consultations.titlePlaceholder')} data-testid="consultation-title" />
      </Form.Item>
      <Form.Item label={t('consultations.description')} name="description">
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item label={t('consultations.period')} name="period" rules={[{ required: true, message: t('consultations.periodRequired') }]}>
        <DatePicker.RangePicker format="DD/MM/YYYY" style={{ width: '100%' }} placeholder={[t('consultations.opensOn'), t('consultations.closesOn')]} data-testid="consultation-period" />
      </Form.Item>
      <Form.Item label={t('consultations.drafts')} name="draftIds" rules={[{ required: true, message: t('consultations.draftsRequired') }]}>
        <Select
          mode="multiple"
          loading={drafts.loading}
          options={draftOptions}
          placeholder={t('consultations.draftsPlaceholder')}
          showSearch={{ optionFilterProp: 'label' }}
          notFoundContent={t('drafts.empty')}
          data-testid="consultation-drafts"
        />
      </Form.Item>
      <Form.Item label={t('consultations.publicPortal')} name="publicPortal" valuePropName="checked" extra={t('consultations.publicPortalHelp')}>
        <Switch />
      </Form.Item>
    </FormDialog>
  );
}

export function ConsultationsPage() {
  const { t, enumLabel, formatDate, formatNumber } = useI18n();
  const navigate = useNavigate();
  const mine = useMyOrganizations();
  const [params, setParams] = useSearchParams();
  const status = (CONSULTATION_STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as ConsultationStatus) : undefined;
  const list = useAsync((signal) => api.consultations.list(status, signal), [status]);
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageTitle
        sub={t('consultations.sub')}
        extra={
          mine.holdsAny(MANAGE_ROLES) ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)} data-testid="consultation-create">
              {t('consultations.create')}
            </Button>
          ) : null
        }
      >
        {t('consultations.title')}
      </PageTitle>
      <Card style={{ marginBottom: 16 }}>
        <Segmented
          aria-label={t('common.status')}
          value={status ?? 'all'}
          onChange={(v) => setParams(v === 'all' ? {} : { status: String(v) }, { replace: true })}
          options={[{ value: 'all', label: t('common.all') }, ...CONSULTATION_STATUSES.map((s) => ({ value: s, label: enumLabel('consultationStatus', s) }))]}
        />
      </Card>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Card>
        <Table<Consultation>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: true }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n }) }}
          locale={{ emptyText: t('consultations.empty') }}
          data-testid="consultations-table"
          columns={[
            {
              key: 'title',
              title: t('consultations.titleLabel'),
              render: (_, c) => (
                <>
                  <Link to={`/consultations/${c.id}`}>{c.title}</Link>
                  {c.publicPortal ? (
                    <Tooltip title={t('consultations.onPortal')}>
                      <GlobalOutlined aria-label={t('consultations.onPortal')} style={{ marginLeft: 6, color: '#0b57d0' }} />
                    </Tooltip>
                  ) : null}
                </>
              ),
            },
            { key: 'status', title: t('common.status'), render: (_, c) => <ConsultationStatusTag status={c.status} /> },
            { key: 'org', title: t('consultations.organization'), responsive: ['md'], render: (_, c) => c.organizationName },
            { key: 'period', title: t('consultations.period'), responsive: ['sm'], render: (_, c) => <span style={{ whiteSpace: 'nowrap' }}>{`${formatDate(c.opensOn)} – ${formatDate(c.closesOn)}`}</span> },
            { key: 'comments', title: t('consultations.comments'), align: 'right', responsive: ['md'], render: (_, c) => formatNumber(c.commentCount) },
          ]}
        />
      </Card>
      <CreateConsultationDialog open={creating} onClose={() => setCreating(false)} onCreated={(c) => navigate(`/consultations/${c.id}`)} />
    </>
  );
}
