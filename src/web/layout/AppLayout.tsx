// The signed-in frame: header (brand, language, user menu), side navigation (a drawer on phones), main content.
import {
  ApartmentOutlined,
  AuditOutlined,
  DashboardOutlined,
  DownOutlined,
  GlobalOutlined,
  LogoutOutlined,
  MenuOutlined,
  TeamOutlined,
  UserOutlined,
  ClusterOutlined,
  CommentOutlined,
  FileTextOutlined,
  ScheduleOutlined,
  SoundOutlined,
} from '@ant-design/icons';
import { Button, Drawer, Dropdown, Layout, Menu, Typography, type MenuProps } from 'antd';
import { Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { NotificationBell } from '../../modules/reporting/pages/notifications';
import { useAuth } from '../auth';
import { useI18n, type MessageKey } from '../i18n';
import { FullPageSpinner } from '../ui/Feedback';
import { useIsPhone } from '../ui/hooks';

interface NavEntry {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  show: boolean;
}

/** The section of the app a path belongs to, for highlighting the navigation. */
function sectionOf(pathname: string): string {
  const first = pathname.split('/')[1] ?? '';
  return `/${first}`;
}

export function AppLayout() {
  const { me, roles, canManageUsers, canReadAudit, logout } = useAuth();
  const { t, lang, setLang, roleLabel } = useI18n();
  const isPhone = useIsPhone();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();

  const entries: NavEntry[] = [
    { path: '/', label: 'nav.home', icon: <DashboardOutlined />, show: true },
    { path: '/units', label: 'nav.units', icon: <ClusterOutlined />, show: true },
    { path: '/organizations', label: 'nav.organizations', icon: <ApartmentOutlined />, show: true },
    { path: '/drafts', label: 'nav.drafts', icon: <FileTextOutlined />, show: true },
    { path: '/consultations', label: 'nav.consultations', icon: <CommentOutlined />, show: true },
    { path: '/sentiment', label: 'nav.sentiment', icon: <SoundOutlined />, show: true },
    { path: '/reporting', label: 'nav.reporting', icon: <ScheduleOutlined />, show: true },
    { path: '/users', label: 'nav.users', icon: <TeamOutlined />, show: canManageUsers },
    { path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, show: canReadAudit },
  ];
  const items: MenuProps['items'] = entries.filter((e) => e.show).map((e) => ({ key: e.path, icon: e.icon, label: t(e.label) }));
  const selected = sectionOf(location.pathname);

  // A new page: close the drawer and tell screen readers where they are.
  useEffect(() => {
    setDrawerOpen(false);
  }, [location.pathname]);
  const entry = entries.find((e) => e.path === selected);
  useEffect(() => {
    document.title = entry ? `${t(entry.label)} · ${t('app.name')}` : t('app.name');
  }, [entry, t]);

  const go: MenuProps['onClick'] = ({ key }) => {
    navigate(key);
    setDrawerOpen(false);
    document.getElementById('main')?.focus({ preventScroll: true });
  };

  const menu = (
    <nav aria-label={t('app.mainNav')}>
      <Menu mode="inline" items={items} selectedKeys={[selected]} onClick={go} style={{ paddingTop: 8 }} />
    </nav>
  );

  const roleSummary = useMemo(() => roles.map(roleLabel).join(', '), [roles, roleLabel]);
  const userMenu: MenuProps = {
    items: [
      {
        key: 'who',
        type: 'group',
        label: (
          <div style={{ maxWidth: 280 }}>
            <Typography.Text strong style={{ display: 'block' }}>
              {me?.fullName}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {me?.username}
              {roleSummary ? ` · ${roleSummary}` : ''}
            </Typography.Text>
          </div>
        ),
      },
      { type: 'divider' },
      { key: 'portal', icon: <CommentOutlined />, label: <a href="/gop-y">{t('nav.publicPortal')}</a> },
      { key: 'docs', icon: <GlobalOutlined />, label: <a href="/api/docs">{t('app.apiDocs')}</a> },
      { key: 'logout', icon: <LogoutOutlined />, label: t('app.logout'), danger: true },
    ],
    onClick: ({ key }) => {
      if (key === 'logout') void logout();
    },
  };

  const otherLang = lang === 'vi' ? 'en' : 'vi';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <Layout.Header className="app-header">
        {isPhone ? (
          <Button
            type="text"
            className="header-button"
            icon={<MenuOutlined />}
            aria-label={t('app.openMenu')}
            aria-expanded={drawerOpen}
            aria-controls="nav-drawer"
            onClick={() => setDrawerOpen(true)}
          />
        ) : null}
        <Link to="/" className="app-brand">
          <span className="app-brand-star" aria-hidden="true">
            ★
          </span>
          {t('app.name')}
        </Link>
        <span className="header-spacer" />
        <NotificationBell />
        <Button
          type="text"
          className="header-button"
          icon={<GlobalOutlined />}
          onClick={() => setLang(otherLang)}
          title={t('app.switchLanguageLabel')}
          data-testid="lang-switch"
        >
          <span lang={otherLang}>{isPhone ? otherLang.toUpperCase() : t('app.switchLanguage')}</span>
        </Button>
        <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
          <Button type="text" className="header-button" aria-label={`${t('app.userMenu')}: ${me?.fullName ?? ''}`} data-testid="user-menu">
            <UserOutlined />
            {isPhone ? null : <span style={{ maxWidth: 220, overflow: 'hidden', textOverflow: 'ellipsis' }}>{me?.fullName}</span>}
            <DownOutlined style={{ fontSize: 10 }} />
          </Button>
        </Dropdown>
      </Layout.Header>
      <Layout>
        {isPhone ? (
          <Drawer
            id="nav-drawer"
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            size={280}
            title={t('app.name')}
            styles={{ body: { padding: 0 } }}
          >
            {menu}
          </Drawer>
        ) : (
          <Layout.Sider width={232} className="app-sider" theme="light" style={{ borderRight: '1px solid #e5e7eb' }}>
            {menu}
          </Layout.Sider>
        )}
        {/* Layout.Content renders the page's <main> landmark. */}
        <Layout.Content id="main" tabIndex={-1} className="app-content" style={{ outline: 'none' }}>
          <Suspense fallback={<FullPageSpinner />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
