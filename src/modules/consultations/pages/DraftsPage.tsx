// Draft documents (dự thảo văn kiện) of the user's organizations: the list, and importing a DOCX, Markdown or text
// file into its section tree (the new draft opens with the tree the server parsed).
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, type Draft } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { ErrorAlert, PageTitle } from '../../../web/ui/Feedback';
import { fileToBase64 } from '../../../web/ui/files';
import { FormDialog } from '../../../web/ui/FormDialog';
import { useAsync } from '../../../web/ui/hooks';
import { MANAGE_ROLES, useMyOrganizations, useOrganizationNames } from '../../../web/ui/myOrganizations';
import { zodRule } from '../../../web/ui/zodForm';
import { OrganizationSelect } from '../../organizations/pages/OrganizationSelect';
import { CreateDraftBody } from '../consultations.schema';
import { DraftFilePicker, draftFileRule } from './DraftFileUpload';

interface ImportFields {
  organizationId: number;
  title: string;
  file: File | null;
}

/** A title from a file name: "bao-cao-chinh-tri.docx" → "bao-cao-chinh-tri". */
const titleFromFileName = (name: string) => name.replace(/\.[^.]+$/, '').replace(/[_]+/g, ' ');

function ImportDraftDialog({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: (d: Draft) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const mine = useMyOrganizations();
  const [form] = Form.useForm<ImportFields>();

  const submit = async (v: ImportFields) => {
    if (!v.file) return;
    const draft = await api.drafts.create({ organizationId: v.organizationId, title: v.title.trim(), fileName: v.file.name, contentBase64: await fileToBase64(v.file) });
    void message.success(t('drafts.imported', { title: draft.title }));
    onImported(draft);
  };

  return (
    <FormDialog<ImportFields>
      open={open}
      title={t('drafts.importTitle')}
      okText={t('drafts.import')}
      form={form}
      name="import-draft"
      onOpen={() => form.setFieldsValue({ organizationId: mine.list.find((o) => mine.holdsAt(o.id, MANAGE_ROLES))?.id })}
      onSubmit={submit}
      onClose={onClose}
      width={600}
      okTestId="draft-import-submit"
      errorTestId="draft-import-error"
    >
      <Form.Item label={t('drafts.organization')} name="organizationId" rules={[{ required: true, message: t('users.organizationRequired') }]}>
        <OrganizationSelect />
      </Form.Item>
      <Form.Item label={t('drafts.file')} name="file" rules={[draftFileRule(t)]}>
        <DraftFilePicker
          testId="draft-file"
          onChange={(f) => {
            // Form.Item stores the file; a title is proposed from its name.
            if (f && !form.getFieldValue('title')) form.setFieldValue('title', titleFromFileName(f.name));
          }}
        />
      </Form.Item>
      <Form.Item label={t('drafts.titleLabel')} name="title" rules={[{ required: true, whitespace: true, message: t('drafts.titleRequired') }, zodRule(CreateDraftBody.shape.title)]}>
        <Input placeholder={t('drafts.titlePlaceholder')} data-testid="draft-title" />
      </Form.Item>
    </FormDialog>
  );
}

export function DraftsPage() {
  const { t, formatDateTime, formatNumber } = useI18n();
  const navigate = useNavigate();
  const mine = useMyOrganizations();
  const list = useAsync((signal) => api.drafts.list(undefined, signal), []);
  const names = useOrganizationNames((list.data?.items ?? []).map((d) => d.organizationId));
  const [importing, setImporting] = useState(false);

  return (
    <>
      <PageTitle
        sub={t('drafts.sub')}
        extra={
          mine.holdsAny(MANAGE_ROLES) ? (
            <Button type="primary" icon={<UploadOutlined aria-hidden />} onClick={() => setImporting(true)} data-testid="draft-import">
              {t('drafts.import')}
            </Button>
          ) : null
        }
      >
        {t('drafts.title')}
      </PageTitle>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Card>
        <Table<Draft>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: true }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n }) }}
          locale={{ emptyText: t('drafts.empty') }}
          data-testid="drafts-table"
          columns={[
            { key: 'title', title: t('drafts.titleLabel'), render: (_, d) => <Link to={`/drafts/${d.id}`}>{d.title}</Link> },
            { key: 'org', title: t('drafts.organization'), responsive: ['md'], render: (_, d) => names.get(d.organizationId) ?? '…' },
            {
              key: 'version',
              title: t('drafts.latestVersion'),
              render: (_, d) => {
                const v = d.versions[d.versions.length - 1];
                return v ? (
                  <>
                    {t('drafts.versionNo', { n: v.versionNo })}
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {t('drafts.sectionCount', { n: formatNumber(v.sectionCount) })}
                    </Typography.Text>
                  </>
                ) : (
                  '—'
                );
              },
            },
            { key: 'created', title: t('drafts.createdAt'), responsive: ['lg'], render: (_, d) => formatDateTime(d.createdAt) },
          ]}
        />
      </Card>
      <ImportDraftDialog open={importing} onClose={() => setImporting(false)} onImported={(d) => navigate(`/drafts/${d.id}?imported=1`)} />
    </>
  );
}
