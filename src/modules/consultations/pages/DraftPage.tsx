// One draft document: its versions (switch between them, import a new one) and the section tree of the version shown,
// each section with its stable address ("II.3.b") — what comments point at.
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Row, Select, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { api, type Draft } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { BackLink, PageLoadError, PageTitle } from '../../../web/ui/Feedback';
import { fileToBase64 } from '../../../web/ui/files';
import { FormDialog } from '../../../web/ui/FormDialog';
import { useAsync } from '../../../web/ui/hooks';
import { MANAGE_ROLES, useMyOrganizations, useOrganizationNames } from '../../../web/ui/myOrganizations';
import { DraftReader } from '../../../web/ui/sections';
import { DraftFilePicker, draftFileRule } from './DraftFileUpload';

interface VersionFields {
  file: File | null;
  note: string;
}

function NewVersionDialog({ draftId, open, onClose, onDone }: { draftId: number; open: boolean; onClose: () => void; onDone: (d: Draft) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<VersionFields>();

  const submit = async (v: VersionFields) => {
    if (!v.file) return;
    const d = await api.drafts.addVersion(draftId, { fileName: v.file.name, contentBase64: await fileToBase64(v.file), note: v.note ?? '' });
    void message.success(t('drafts.versionAdded', { n: d.versions[d.versions.length - 1]?.versionNo ?? '' }));
    onDone(d);
  };

  return (
    <FormDialog<VersionFields>
      open={open}
      title={t('drafts.newVersion')}
      okText={t('drafts.import')}
      form={form}
      name="draft-version"
      onSubmit={submit}
      onClose={onClose}
      intro={<Typography.Paragraph type="secondary">{t('drafts.newVersionHelp')}</Typography.Paragraph>}
    >
      <Form.Item label={t('drafts.file')} name="file" rules={[draftFileRule(t)]}>
        <DraftFilePicker />
      </Form.Item>
      <Form.Item label={t('drafts.note')} name="note">
        <Input.TextArea rows={2} maxLength={2000} placeholder={t('drafts.notePlaceholder')} />
      </Form.Item>
    </FormDialog>
  );
}

export function DraftPage() {
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const [params, setParams] = useSearchParams();
  const version = Number(params.get('version')) || undefined;
  const { t, formatDateTime, formatNumber } = useI18n();
  const mine = useMyOrganizations();
  const detail = useAsync((signal) => api.drafts.get(id, version, signal), [id, version]);
  const d = detail.data;
  const names = useOrganizationNames(d ? [d.organizationId] : []);
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    if (d) document.title = `${d.title} · ${t('app.name')}`;
  }, [d, t]);

  const back = <BackLink to="/drafts">{t('drafts.back')}</BackLink>;
  if (detail.error) return <PageLoadError back={back} error={detail.error} onRetry={detail.reload} />;
  if (!d) return <Skeleton active />;

  const setVersion = (n: number) => {
    const p = new URLSearchParams(params);
    p.delete('imported');
    if (n === d.versions[d.versions.length - 1]?.versionNo) p.delete('version');
    else p.set('version', String(n));
    setParams(p, { replace: true });
  };

  return (
    <>
      {back}
      <PageTitle
        sub={names.get(d.organizationId)}
        extra={
          mine.holdsAny(MANAGE_ROLES) ? (
            <Button icon={<UploadOutlined aria-hidden />} onClick={() => setAdding(true)} data-testid="draft-new-version">
              {t('drafts.newVersion')}
            </Button>
          ) : null
        }
      >
        <span data-testid="draft-title-heading">{d.title}</span>
      </PageTitle>
      {params.get('imported') ? (
        <Alert type="success" showIcon title={t('drafts.importedTree', { n: formatNumber(d.sections.length) })} style={{ marginBottom: 16 }} closable data-testid="draft-imported" />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card title={<h2 className="card-heading">{t('drafts.versions')}</h2>}>
            <label htmlFor="draft-version" className="field-label">
              {t('drafts.versionShown')}
            </label>
            <Select
              id="draft-version"
              value={d.version.versionNo}
              onChange={setVersion}
              style={{ width: '100%' }}
              options={[...d.versions].reverse().map((v) => ({ value: v.versionNo, label: `${t('drafts.versionNo', { n: v.versionNo })} · ${formatDateTime(v.createdAt)}` }))}
              data-testid="draft-version-select"
            />
            <Descriptions column={1} size="small" style={{ marginTop: 16 }}>
              <Descriptions.Item label={t('drafts.sourceFile')}>{d.version.sourceName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('drafts.format')}>{d.version.sourceFormat.toUpperCase()}</Descriptions.Item>
              <Descriptions.Item label={t('drafts.sections')}>{formatNumber(d.version.sectionCount)}</Descriptions.Item>
              {d.version.note ? <Descriptions.Item label={t('drafts.note')}>{d.version.note}</Descriptions.Item> : null}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card title={<h2 className="card-heading">{t('drafts.tree')}</h2>} data-testid="draft-tree">
            <DraftReader key={d.version.id} sections={d.sections} showAddresses />
          </Card>
        </Col>
      </Row>
      <NewVersionDialog
        draftId={d.id}
        open={adding}
        onClose={() => setAdding(false)}
        onDone={() => {
          setAdding(false);
          const p = new URLSearchParams(params);
          p.delete('version');
          setParams(p, { replace: true });
          detail.reload();
        }}
      />
    </>
  );
}
