// Documents the server makes (a report or a roll-up as DOCX and XLSX, the completeness matrix as XLSX), as links: a
// click fetches the file with the session and saves it, the page stays, and a refusal shows the server's message.
import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { API_BASE, errorMessage, fetchFile, saveFile } from '../../../web/api';
import { useI18n } from '../../../web/i18n';

export function FileLink({ href, format, label, testId }: { href: string; format: 'docx' | 'xlsx'; label?: string; testId?: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const fallbackName = href.split('?')[0]!.split('/').pop() ?? `tai-lieu.${format}`;
  return (
    <Button
      href={href}
      icon={format === 'docx' ? <FileWordOutlined aria-hidden /> : <FileExcelOutlined aria-hidden />}
      loading={busy}
      data-testid={testId}
      onClick={async (e) => {
        e.preventDefault();
        setBusy(true);
        try {
          saveFile(await fetchFile(href.slice(API_BASE.length), undefined, fallbackName));
        } catch (err) {
          void message.error({ content: errorMessage(err), duration: 6 });
        } finally {
          setBusy(false);
        }
      }}
    >
      {label ?? t(format === 'docx' ? 'reporting.downloadDocx' : 'reporting.downloadXlsx')}
    </Button>
  );
}

/** The same document as DOCX and XLSX. */
export function DocumentLinks({ href, testId }: { href: (format: 'docx' | 'xlsx') => string; testId: string }) {
  return (
    <>
      <FileLink href={href('docx')} format="docx" testId={`${testId}-docx`} />
      <FileLink href={href('xlsx')} format="xlsx" testId={`${testId}-xlsx`} />
    </>
  );
}
