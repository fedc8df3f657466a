// Loading, error and page-title primitives used by every page.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../api';
import { useI18n } from '../i18n';

/** A centred spinner while the app or a page loads. */
export function FullPageSpinner() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '50vh' }} role="status" aria-live="polite">
      <Spin size="large" />
      <span className="visually-hidden">Đang tải…</span>
    </Flex>
  );
}

/** The error a request ended with, in the API's words, with an optional retry. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={errorMessage(error)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('app.retry')}
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}

/** The page's single h1, with actions on the right (below it on a phone). */
export function PageTitle({ children, extra, sub }: { children: ReactNode; extra?: ReactNode; sub?: ReactNode }) {
  return (
    <Flex wrap justify="space-between" align="center" gap={12} style={{ marginBottom: 16 }}>
      <div style={{ minWidth: 0 }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {children}
        </Typography.Title>
        {sub ? <Typography.Text type="secondary">{sub}</Typography.Text> : null}
      </div>
      {extra ? <Flex wrap gap={8}>{extra}</Flex> : null}
    </Flex>
  );
}

/** "← All …": the way back from a detail page to its list. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <div style={{ marginBottom: 12 }}>
      <Link to={to}>
        <ArrowLeftOutlined aria-hidden /> {children}
      </Link>
    </div>
  );
}

/** A detail page that could not load: the way back, then the API's message with a retry. */
export function PageLoadError({ back, error, onRetry }: { back: ReactNode; error: unknown; onRetry: () => void }) {
  return (
    <>
      {back}
      <ErrorAlert error={error} onRetry={onRetry} />
    </>
  );
}
