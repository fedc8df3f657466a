// "Tải báo cáo": what the issuer fills in on the synthesis report (number, signer, recipients), then the DOCX report
// in the official layout or its XLSX annex. Left blank, a field keeps the server's default or a space to fill by hand.
import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { Alert, Button, Col, DatePicker, Flex, Form, Input, Modal, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, errorMessage, saveFile, type ReportOptions } from '../../../web/api';
import { useI18n } from '../../../web/i18n';

interface Fields {
  number?: string;
  symbol?: string;
  place?: string;
  date?: Dayjs | null;
  signerName?: string;
  signerTitle?: string;
  signerCapacity?: string;
  recipients?: string;
}

const STORAGE_KEY = 'dany.reportSigner';

/** The signer and recipients typed last time on this browser, so a unit does not retype them each report. */
function remembered(): Fields {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Fields;
  } catch {
    return {};
  }
}

export function ReportDialog({ consultationId, organizationId, open, onClose }: { consultationId: number; organizationId: number; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Fields>();
  const [busy, setBusy] = useState<'docx' | 'xlsx' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const download = async (format: 'docx' | 'xlsx') => {
    const v = form.getFieldsValue();
    const text = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);
    const options: ReportOptions = {
      number: text(v.number),
      symbol: text(v.symbol),
      place: text(v.place),
      date: v.date ? v.date.format('YYYY-MM-DD') : undefined,
      signerName: text(v.signerName),
      signerTitle: text(v.signerTitle),
      signerCapacity: text(v.signerCapacity),
      recipients: text(v.recipients),
    };
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ signerName: v.signerName, signerTitle: v.signerTitle, signerCapacity: v.signerCapacity, recipients: v.recipients, place: v.place }));
    } catch {
      // Private browsing: nothing remembered.
    }
    setBusy(format);
    setError(null);
    try {
      saveFile(await api.synthesis.report(consultationId, organizationId, format, options));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Modal
      open={open}
      title={t('report.title')}
      onCancel={onClose}
      width={640}
      forceRender
      footer={
        <Flex gap={8} justify="end" wrap>
          <Button onClick={onClose}>{t('common.close')}</Button>
          <Button icon={<FileExcelOutlined aria-hidden />} loading={busy === 'xlsx'} onClick={() => void download('xlsx')} data-testid="report-xlsx">
            {t('report.xlsx')}
          </Button>
          <Button type="primary" icon={<FileWordOutlined aria-hidden />} loading={busy === 'docx'} onClick={() => void download('docx')} data-testid="report-docx">
            {t('report.docx')}
          </Button>
        </Flex>
      }
    >
      {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} data-testid="report-error" /> : null}
      <Form<Fields> form={form} layout="vertical" name="report-options" initialValues={remembered()}>
        <Row gutter={12}>
          <Col xs={12} sm={6}>
            <Form.Item label={t('report.number')} name="number">
              <Input maxLength={20} data-testid="report-number" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item label={t('report.symbol')} name="symbol">
              <Input maxLength={100} placeholder="BC-MTTQ-BTT" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item label={t('report.date')} name="date">
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} placeholder={t('report.datePlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('report.place')} name="place">
          <Input maxLength={200} placeholder={t('report.placePlaceholder')} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item label={t('report.signerName')} name="signerName">
              <Input maxLength={200} data-testid="report-signer" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('report.signerTitle')} name="signerTitle">
              <Input maxLength={200} placeholder={t('report.signerTitlePlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('report.signerCapacity')} name="signerCapacity">
          <Input maxLength={200} placeholder={t('report.signerCapacityPlaceholder')} />
        </Form.Item>
        <Form.Item label={t('report.recipients')} name="recipients" extra={t('report.recipientsHelp')}>
          <Input.TextArea rows={4} maxLength={4000} placeholder={t('report.recipientsPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
