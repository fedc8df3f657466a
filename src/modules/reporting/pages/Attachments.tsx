// The scanned signed copy of a report: the files attached (each a download), and attaching one (PDF, PNG or JPEG,
// at most 10 MB; the server checks the content, and its refusal — 413 too large, 415 not a scan — is shown as is).
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, List, Typography, Upload } from 'antd';
import { useState } from 'react';
import { API_BASE, api, errorMessage, submissionPath, type Submission, type SubmissionKey } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { fileToBase64, formatBytes } from '../../../web/ui/files';
import { MAX_ATTACHMENT_BYTES } from '../reporting.schema';

export function Attachments({ k, submission, canAttach, onChange }: { k: SubmissionKey; submission: Submission; canAttach: boolean; onChange: (s: Submission) => void }) {
  const { t, formatDateTime } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const attach = async (file: File) => {
    setError(null);
    if (file.size > MAX_ATTACHMENT_BYTES) {
      setError(t('submission.attachTooLarge', { max: formatBytes(MAX_ATTACHMENT_BYTES) }));
      return;
    }
    setBusy(true);
    try {
      onChange(await api.reporting.attach(k, { fileName: file.name, contentBase64: await fileToBase64(file) }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="attachments">
      {submission.attachments.length ? (
        <List
          size="small"
          dataSource={submission.attachments}
          renderItem={(a) => (
            <List.Item>
              <List.Item.Meta
                avatar={<PaperClipOutlined aria-hidden />}
                title={
                  <a href={`${API_BASE}${submissionPath(k)}/attachments/${a.id}`} download={a.fileName} className="attachment-link">
                    {a.fileName}
                  </a>
                }
                description={`${formatBytes(a.sizeBytes)} · ${formatDateTime(a.createdAt)}`}
              />
            </List.Item>
          )}
        />
      ) : (
        <Typography.Text type="secondary">{t('submission.noAttachments')}</Typography.Text>
      )}
      {canAttach ? (
        <div style={{ marginTop: 12 }}>
          <Upload
            accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
            showUploadList={false}
            maxCount={1}
            beforeUpload={(file) => {
              void attach(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined aria-hidden />} loading={busy} data-testid="attach">
              {t('submission.attach')}
            </Button>
          </Upload>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
            {t('submission.attachHint')}
          </Typography.Text>
          {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 8 }} data-testid="attach-error" /> : null}
        </div>
      ) : null}
    </div>
  );
}
