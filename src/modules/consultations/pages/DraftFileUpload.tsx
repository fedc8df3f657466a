// Picking a draft document file (DOCX, Markdown, text; at most 20 MB) for an import form.
import type { RuleObject } from 'antd/es/form';
import { useI18n, type Translate } from '../../../web/i18n';
import { FilePicker, type FilePickerProps } from '../../../web/ui/FilePicker';
import { MAX_DRAFT_FILE_BYTES } from '../consultations.schema';

export const DRAFT_FILE_ACCEPT = '.docx,.md,.markdown,.txt';

/** The file picker for a draft document. */
export function DraftFilePicker(props: Omit<FilePickerProps, 'accept' | 'hint' | 'maxBytes'>) {
  const { t } = useI18n();
  return <FilePicker {...props} accept={DRAFT_FILE_ACCEPT} hint={t('drafts.fileHint')} maxBytes={MAX_DRAFT_FILE_BYTES} />;
}

/** The form rule of a draft file: present and at most 20 MB. */
export function draftFileRule(t: Translate): RuleObject {
  return {
    validator: async (_r, f: File | null | undefined) => {
      if (!f) throw new Error(t('drafts.fileRequired'));
      if (f.size > MAX_DRAFT_FILE_BYTES) throw new Error(t('drafts.fileTooLarge'));
    },
  };
}
