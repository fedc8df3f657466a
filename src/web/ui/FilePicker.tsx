// One file picked in a form (nothing is uploaded until the form is sent): a drop zone, the name and size picked.
import { InboxOutlined } from '@ant-design/icons';
import { Typography, Upload } from 'antd';
import { useI18n } from '../i18n';
import { formatBytes } from './files';

export interface FilePickerProps {
  value?: File | null;
  onChange?: (file: File | null) => void;
  accept: string;
  hint: string;
  maxBytes: number;
  testId?: string;
}

/** A drop zone holding one file in form state (nothing is uploaded until the form is sent). */
export function FilePicker({ value, onChange, accept, hint, maxBytes, testId }: FilePickerProps) {
  const { t } = useI18n();
  return (
    <div className="file-picker">
      <Upload.Dragger
        accept={accept}
        multiple={false}
        maxCount={1}
        showUploadList={false}
        beforeUpload={(file) => {
          onChange?.(file);
          return false;
        }}
        data-testid={testId}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined aria-hidden />
        </p>
        <p className="ant-upload-text">{t('files.pick')}</p>
        <p className="ant-upload-hint">{hint}</p>
      </Upload.Dragger>
      {value ? (
        <Typography.Text style={{ display: 'block', marginTop: 8 }} type={value.size > maxBytes ? 'danger' : undefined} data-testid="picked-file">
          {t('files.picked', { name: value.name, size: formatBytes(value.size) })}
          {value.size > maxBytes ? ` — ${t('files.tooLarge', { max: formatBytes(maxBytes) })}` : ''}
        </Typography.Text>
      ) : null}
    </div>
  );
}
