// Comments collected on paper, imported from a spreadsheet: download the template, upload the filled file (XLSX or
// CSV), read the check report (row, column, reason), then import the valid rows or nothing unless all are valid.
// Importing the same file twice is refused unless the user insists.
import { CloudUploadOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Radio, Result, Row, Statistic, Steps, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError, errorMessage, saveFile, type ImportMode, type ImportReport } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { FilePicker } from '../../../web/ui/FilePicker';
import { fileToBase64 } from '../../../web/ui/files';
import { RECORD_ROLES, useMyOrganizations } from '../../../web/ui/myOrganizations';
import type { ConsultationContext } from './context';

const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

type ImportError = ImportReport['errors'][number];

export function ImportTab({ ctx }: { ctx: ConsultationContext }) {
  const { t, formatNumber, formatDateTime } = useI18n();
  const { message } = App.useApp();
  const mine = useMyOrganizations();
  const c = ctx.consultation;
  const [file, setFile] = useState<File | null>(null);
  const [content, setContent] = useState<string | null>(null);
  const [check, setCheck] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const [mode, setMode] = useState<Exclude<ImportMode, 'check'>>('valid_only');
  const [busy, setBusy] = useState<'template' | 'check' | 'import' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [duplicate, setDuplicate] = useState<ApiError | null>(null);
  const [unavailable, setUnavailable] = useState(false);

  const fail = (err: unknown) => {
    if (err instanceof ApiError && err.code === 'ROUTE_NOT_FOUND') setUnavailable(true);
    else setError(err);
  };

  const downloadTemplate = async () => {
    setBusy('template');
    setError(null);
    try {
      saveFile(await api.consultations.importTemplate(c.id));
    } catch (err) {
      fail(err);
    } finally {
      setBusy(null);
    }
  };

  const runCheck = async (f: File | null) => {
    setFile(f);
    setCheck(null);
    setResult(null);
    setDuplicate(null);
    setError(null);
    if (!f) return;
    if (f.size > MAX_IMPORT_BYTES) return;
    setBusy('check');
    try {
      const base64 = await fileToBase64(f);
      setContent(base64);
      const report = await api.consultations.importFile(c.id, { organizationId: ctx.orgId, fileName: f.name, contentBase64: base64, mode: 'check' });
      setCheck(report);
      setMode(report.invalid > 0 ? 'valid_only' : 'all_or_nothing');
    } catch (err) {
      fail(err);
    } finally {
      setBusy(null);
    }
  };

  const runImport = async (force = false) => {
    if (!file || !content) return;
    setBusy('import');
    setError(null);
    setDuplicate(null);
    try {
      const report = await api.consultations.importFile(c.id, { organizationId: ctx.orgId, fileName: file.name, contentBase64: content, mode, force: force || undefined });
      setResult(report);
      void message.success(t('import.done', { n: formatNumber(report.imported) }));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'IMPORT_DUPLICATE') setDuplicate(err);
      else fail(err);
    } finally {
      setBusy(null);
    }
  };

  if (unavailable) {
    return <Alert type="info" showIcon title={t('import.unavailable')} description={t('import.unavailableHelp')} data-testid="import-unavailable" />;
  }
  if (!mine.holdsAny(RECORD_ROLES)) return <Alert type="info" showIcon title={t('import.noRole')} />;

  const report = result ?? check;
  const step = result ? 3 : check ? 1 : 0;
  return (
    <Card title={<h2 className="card-heading">{t('import.title')}</h2>} data-testid="import-tab">
      <Steps
        current={step}
        size="small"
        style={{ marginBottom: 16 }}
        items={[{ title: t('import.stepFile') }, { title: t('import.stepCheck') }, { title: t('import.stepImport') }]}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10}>
          <Typography.Paragraph>{t('import.help')}</Typography.Paragraph>
          <Button icon={<DownloadOutlined aria-hidden />} onClick={() => void downloadTemplate()} loading={busy === 'template'} style={{ marginBottom: 12 }} data-testid="import-template">
            {t('import.template')}
          </Button>
          <FilePicker value={file} onChange={(f) => void runCheck(f)} accept=".xlsx,.csv" hint={t('import.fileHint')} maxBytes={MAX_IMPORT_BYTES} testId="import-file" />
        </Col>
        <Col xs={24} md={14}>
          {error ? <Alert type="error" showIcon role="alert" title={errorMessage(error)} style={{ marginBottom: 12 }} data-testid="import-error" /> : null}
          {busy === 'check' ? <Typography.Text>{t('import.checking')}</Typography.Text> : null}
          {report ? (
            <>
              <Row gutter={12} style={{ marginBottom: 12 }}>
                <Col span={8}>
                  <Statistic title={t('import.rows')} value={formatNumber(report.rows)} />
                </Col>
                <Col span={8}>
                  <Statistic title={t('import.valid')} value={formatNumber(report.valid)} styles={{ content: { color: '#237804' } }} />
                </Col>
                <Col span={8}>
                  <Statistic title={t('import.invalid')} value={formatNumber(report.invalid)} styles={{ content: { color: report.invalid ? '#a8071a' : undefined } }} />
                </Col>
              </Row>
              {check?.previousImport && !result ? (
                <Alert
                  type="warning"
                  showIcon
                  title={t('import.previous', { at: formatDateTime(check.previousImport.at), name: check.previousImport.fileName, n: formatNumber(check.previousImport.imported) })}
                  style={{ marginBottom: 12 }}
                  data-testid="import-previous"
                />
              ) : null}
              {report.errors.length ? (
                <Table<ImportError>
                  size="small"
                  rowKey={(e) => `${e.row}:${e.column}:${e.reason}`}
                  dataSource={report.errors}
                  pagination={{ pageSize: 10, hideOnSinglePage: true }}
                  caption={<Typography.Text strong>{t('import.errors')}</Typography.Text>}
                  data-testid="import-errors"
                  columns={[
                    { key: 'row', title: t('import.row'), width: 70, render: (_, e) => e.row },
                    { key: 'column', title: t('import.column'), width: 140, render: (_, e) => e.column },
                    { key: 'reason', title: t('import.reason'), render: (_, e) => e.reason },
                  ]}
                />
              ) : (
                <Alert type="success" showIcon title={t('import.allValid')} style={{ marginBottom: 12 }} />
              )}
              {result ? (
                <Result status="success" title={t('import.done', { n: formatNumber(result.imported) })} subTitle={t('import.doneSub', { name: result.fileName })} data-testid="import-result" />
              ) : (
                <>
                  <fieldset className="plain-fieldset" style={{ marginTop: 12 }}>
                    <legend className="field-label">{t('import.modeLabel')}</legend>
                    <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)}>
                      <Flex vertical gap={4}>
                        <Radio value="valid_only" disabled={report.valid === 0}>
                          {t('import.validOnly', { n: formatNumber(report.valid) })}
                        </Radio>
                        <Radio value="all_or_nothing">{t('import.allOrNothing')}</Radio>
                      </Flex>
                    </Radio.Group>
                  </fieldset>
                  {mode === 'all_or_nothing' && report.invalid > 0 ? <Alert type="warning" showIcon title={t('import.allOrNothingBlocked')} style={{ marginTop: 8 }} /> : null}
                  {duplicate ? (
                    <Alert
                      type="warning"
                      showIcon
                      title={duplicate.message}
                      style={{ marginTop: 12 }}
                      action={
                        <Button size="small" danger onClick={() => void runImport(true)} data-testid="import-force">
                          {t('import.force')}
                        </Button>
                      }
                      data-testid="import-duplicate"
                    />
                  ) : null}
                  <Button
                    type="primary"
                    icon={<CloudUploadOutlined aria-hidden />}
                    style={{ marginTop: 12 }}
                    loading={busy === 'import'}
                    disabled={(mode === 'valid_only' && report.valid === 0) || (mode === 'all_or_nothing' && report.invalid > 0)}
                    onClick={() => void runImport()}
                    data-testid="import-run"
                  >
                    {t('import.run')}
                  </Button>
                </>
              )}
            </>
          ) : null}
        </Col>
      </Row>
    </Card>
  );
}
