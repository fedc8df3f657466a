// Sign-in: username and password; the API's own message on failure (wrong password, too many attempts).
import { GlobalOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../api';
import { safeNext, useAuth } from '../auth';
import { useI18n } from '../i18n';
import { FullPageSpinner } from '../ui/Feedback';

interface LoginFields {
  username: string;
  password: string;
}

export function LoginPage() {
  const { status, login } = useAuth();
  const { t, lang, setLang } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const next = safeNext(params.get('next'));

  useEffect(() => {
    document.title = `${t('login.title')} · ${t('app.name')}`;
  }, [t]);

  if (status === 'loading') return <FullPageSpinner />;
  if (status === 'signed-in' && !submitting) return <Navigate to={next} replace />;

  const onFinish = async (values: LoginFields) => {
    setSubmitting(true);
    setError(null);
    try {
      await login(values.username.trim(), values.password);
      navigate(next, { replace: true });
    } catch (err) {
      setError(errorMessage(err));
      setSubmitting(false);
    }
  };

  const otherLang = lang === 'vi' ? 'en' : 'vi';
  return (
    <div className="login-page">
      <main style={{ width: '100%', maxWidth: 400 }}>
        <Card>
          <Flex justify="space-between" align="start">
            <div>
              <Typography.Title level={1} style={{ margin: 0, fontSize: 28, color: '#0b3c73' }}>
                <span aria-hidden="true" style={{ color: '#c62828', marginRight: 6 }}>
                  ★
                </span>
                {t('app.name')}
              </Typography.Title>
              <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>
                {t('app.tagline')}
              </Typography.Paragraph>
            </div>
            <Button
              type="text"
              size="small"
              icon={<GlobalOutlined />}
              onClick={() => setLang(otherLang)}
              title={t('app.switchLanguageLabel')}
              data-testid="lang-switch"
            >
              <span lang={otherLang}>{otherLang.toUpperCase()}</span>
            </Button>
          </Flex>
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 8 }}>
            {t('login.title')}
          </Typography.Title>
          {error ? (
            <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} data-testid="login-error" />
          ) : null}
          <Form<LoginFields> layout="vertical" onFinish={onFinish} requiredMark={false} disabled={submitting} name="login">
            <Form.Item label={t('login.username')} name="username" rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
              <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoCapitalize="none" autoCorrect="off" spellCheck={false} size="large" autoFocus />
            </Form.Item>
            <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
      </main>
    </div>
  );
}
