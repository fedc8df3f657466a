import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../i18n';

export function NotFound() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={<h1 style={{ fontSize: 24, margin: 0 }}>404</h1>}
      subTitle={t('app.notFound')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('app.backHome')}
        </Button>
      }
    />
  );
}

export function Forbidden() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={<h1 style={{ fontSize: 24, margin: 0 }}>403</h1>}
      subTitle={t('app.forbiddenPage')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('app.backHome')}
        </Button>
      }
    />
  );
}
