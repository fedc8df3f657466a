// A dialog around one form: it resets and fills the form each time it opens, validates, runs the write, and shows
// the API's own message in the dialog when the write is refused. Enter in a field submits.
import { Alert, Form, Modal, type FormInstance } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { errorMessage } from '../api';
import { useI18n } from '../i18n';

export interface FormDialogProps<T> {
  open: boolean;
  title: ReactNode;
  okText: string;
  form: FormInstance<T>;
  /** The form's name (ids of its fields). */
  name: string;
  initialValues?: Partial<T>;
  /** Fills the form after the reset, each time the dialog opens. */
  onOpen?: () => void;
  /** The write, given the validated values; what it throws is shown in the dialog. */
  onSubmit: (values: T) => Promise<void>;
  onClose: () => void;
  width?: number;
  okTestId?: string;
  errorTestId?: string;
  /** Shown above the form (a short explanation). */
  intro?: ReactNode;
  children: ReactNode;
}

export function FormDialog<T extends object>({ open, title, okText, form, name, initialValues, onOpen, onSubmit, onClose, width, okTestId, errorTestId, intro, children }: FormDialogProps<T>) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setError(null);
    onOpen?.();
    // Only on opening: onOpen may change with every render of the caller.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, form]);

  const submit = async () => {
    let values: T;
    try {
      values = await form.validateFields();
    } catch {
      return; // The fields show what is wrong.
    }
    setSaving(true);
    setError(null);
    try {
      await onSubmit(values);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={okText}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      forceRender
      okButtonProps={okTestId ? ({ 'data-testid': okTestId } as Record<string, string>) : undefined}
      width={width}
    >
      {intro}
      {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} data-testid={errorTestId} /> : null}
      <Form<T> form={form} layout="vertical" name={name} initialValues={initialValues} onFinish={() => void submit()}>
        {children}
      </Form>
    </Modal>
  );
}
