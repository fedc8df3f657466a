// The public portal's frame: no account, no navigation menu; a header with the language switch, the page, and a
// footer that says who runs it and where staff sign in.
import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet } from 'react-router-dom';
import { useI18n } from '../../../web/i18n';
import { FullPageSpinner } from '../../../web/ui/Feedback';

export function PublicLayout() {
  const { t, lang, setLang } = useI18n();
  const otherLang = lang === 'vi' ? 'en' : 'vi';
  return (
    <div className="public-page">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <header className="app-header public-header">
        <Link to="/gop-y" className="app-brand">
          <span className="app-brand-star" aria-hidden="true">
            ★
          </span>
          {t('app.name')}
        </Link>
        <span className="public-header-sub">{t('public.portal')}</span>
        <span className="header-spacer" />
        <Button type="text" className="header-button" icon={<GlobalOutlined />} onClick={() => setLang(otherLang)} title={t('app.switchLanguageLabel')} data-testid="lang-switch">
          <span lang={otherLang}>{otherLang.toUpperCase()}</span>
        </Button>
      </header>
      <main id="main" tabIndex={-1} className="public-main">
        <Suspense fallback={<FullPageSpinner />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="public-footer">
        <p>{t('public.footer')}</p>
        <Link to="/login">{t('public.staffLogin')}</Link>
      </footer>
    </div>
  );
}
