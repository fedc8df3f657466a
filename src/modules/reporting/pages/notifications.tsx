// The user's notices (deadline reminders, overdue notices): a bell in the header with the unread count, checked
// every minute and on each page change, and the list; opening a notice marks it read and goes to its report.
import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Empty, Flex, List, Popover, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { api, errorMessage, type Notification } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { ErrorAlert, PageTitle } from '../../../web/ui/Feedback';
import { useAsync } from '../../../web/ui/hooks';
import { reportingPaths } from './paths';

const POLL_MS = 60_000;

/** Marking a notice read, and opening one: marked read (once), then what it is about. */
function useNotices(onRead: (n: Notification) => void) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const markRead = async (n: Notification) => {
    try {
      if (!n.readAt) onRead(await api.reporting.markRead(n.id));
      return true;
    } catch (err) {
      void message.error(errorMessage(err));
      return false;
    }
  };
  const open = async (n: Notification) => {
    if ((await markRead(n)) && n.link) navigate(n.link);
  };
  return { markRead, open };
}

function NoticeList({ items, onOpen, onMarkRead, compact }: { items: Notification[]; onOpen: (n: Notification) => void; onMarkRead?: (n: Notification) => void; compact?: boolean }) {
  const { t, formatDateTime } = useI18n();
  if (!items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />;
  return (
    <List
      size="small"
      dataSource={items}
      data-testid="notification-list"
      renderItem={(n) => (
        <List.Item className={n.readAt ? 'notice' : 'notice notice-unread'}>
          <div style={{ minWidth: 0, width: '100%' }}>
            <Flex gap={6} align="baseline" wrap>
              {!n.readAt ? <Tag color="blue">{t('notifications.new')}</Tag> : null}
              <Button type="link" className="group-link" onClick={() => onOpen(n)} data-testid="notification-open">
                {n.title}
              </Button>
            </Flex>
            {!compact ? <div className="notice-body">{n.body}</div> : null}
            <Flex gap={8} align="center" wrap>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(n.createdAt)}
              </Typography.Text>
              {onMarkRead && !n.readAt ? (
                <Button size="small" onClick={() => onMarkRead(n)} aria-label={t('notifications.markReadOf', { title: n.title })} data-testid="notification-mark-read">
                  {t('notifications.markRead')}
                </Button>
              ) : null}
            </Flex>
          </div>
        </List.Item>
      )}
    />
  );
}

export function NotificationBell() {
  const { t } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [tick, setTick] = useState(0);
  const list = useAsync((signal) => api.reporting.notifications(signal), [location.pathname, tick]);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), POLL_MS);
    return () => clearInterval(timer);
  }, []);
  const items = list.data?.items ?? [];
  const unread = items.filter((n) => !n.readAt).length;
  const notices = useNotices((read) => list.setData({ items: items.map((n) => (n.id === read.id ? read : n)) }));
  const label = unread ? t('notifications.bellUnread', { n: unread }) : t('notifications.bell');

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={t('notifications.title')}
      content={
        <div style={{ width: 'min(360px, 86vw)' }}>
          <NoticeList
            items={items.slice(0, 8)}
            compact
            onOpen={(n) => {
              setOpen(false);
              void notices.open(n);
            }}
          />
          <Button
            type="link"
            onClick={() => {
              setOpen(false);
              navigate(reportingPaths.notifications);
            }}
            data-testid="notifications-all"
          >
            {t('notifications.all')}
          </Button>
        </div>
      }
    >
      <Button type="text" className="header-button" aria-label={label} title={label} data-testid="notification-bell">
        <Badge count={unread} size="small" offset={[4, -2]} data-testid="notification-count">
          <BellOutlined style={{ color: '#ffffff', fontSize: 18 }} aria-hidden />
        </Badge>
      </Button>
    </Popover>
  );
}

export function NotificationsPage() {
  const { t } = useI18n();
  const list = useAsync((signal) => api.reporting.notifications(signal), []);
  const items = list.data?.items ?? [];
  const notices = useNotices((read) => list.setData({ items: items.map((n) => (n.id === read.id ? read : n)) }));
  return (
    <>
      <PageTitle sub={t('notifications.sub')}>{t('notifications.title')}</PageTitle>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Card loading={list.loading && !list.data}>
        <NoticeList items={items} onOpen={(n) => void notices.open(n)} onMarkRead={(n) => void notices.markRead(n)} />
      </Card>
    </>
  );
}
