// One account: details and whether it may sign in, a new password, and its roles (grant, revoke).
import { DeleteOutlined } from '@ant-design/icons';
import { Alert, App, Button, Divider, Drawer, Flex, Form, Input, List, Popconfirm, Select, Skeleton, Switch, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, errorMessage, type User } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { ErrorAlert } from '../../../web/ui/Feedback';
import { useAsync, useIsPhone } from '../../../web/ui/hooks';
import { ROLE_COLORS } from '../../../web/ui/labels';
import { zodRule } from '../../../web/ui/zodForm';
import type { Role } from '../../auth/auth.access';
import { UpdateUserBody } from '../users.schema';
import { GrantFields, PasswordField } from './CreateUserDialog';

interface ProfileFields {
  fullName: string;
  email?: string | null;
  locale: 'vi' | 'en';
  active: boolean;
}

export function UserDrawer({ userId, onClose, onChanged }: { userId: number | null; onClose: () => void; onChanged: () => void }) {
  const { t, roleLabel, formatDateTime } = useI18n();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const user = useAsync((signal) => (userId ? api.users.get(userId, signal) : Promise.resolve(undefined)), [userId]);
  const [profileForm] = Form.useForm<ProfileFields>();
  const [passwordForm] = Form.useForm<{ password: string }>();
  const [grantForm] = Form.useForm<{ organizationId: number | null; role: Role }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const u = user.data && user.data.id === userId ? user.data : undefined;
  useEffect(() => {
    setError(null);
    if (u) profileForm.setFieldsValue({ fullName: u.fullName, email: u.email ?? '', locale: u.locale === 'en' ? 'en' : 'vi', active: u.active });
  }, [u, profileForm]);
  const shownId = u?.id;
  useEffect(() => {
    if (shownId === undefined) return;
    passwordForm.resetFields();
    grantForm.resetFields();
  }, [shownId, passwordForm, grantForm]);

  /** Runs a write, shows its outcome, and refreshes the page's list. */
  const run = async (what: string, action: () => Promise<User>, done: string) => {
    setBusy(what);
    setError(null);
    try {
      const updated = await action();
      user.setData(updated);
      void message.success(done);
      onChanged();
      return true;
    } catch (err) {
      setError(errorMessage(err));
      return false;
    } finally {
      setBusy(null);
    }
  };

  const saveProfile = async (v: ProfileFields) => {
    if (!u) return;
    const email = v.email?.trim() ? v.email.trim() : null;
    await run('profile', () => api.users.update(u.id, { fullName: v.fullName, email, locale: v.locale, active: v.active }), t('common.saved'));
  };
  const resetPassword = async (v: { password: string }) => {
    if (!u) return;
    if (await run('password', () => api.users.update(u.id, { password: v.password }), t('users.passwordReset'))) passwordForm.resetFields();
  };
  const addGrant = async (v: { organizationId: number | null; role: Role }) => {
    if (!u) return;
    if (await run('grant', () => api.users.addGrant(u.id, { organizationId: v.organizationId ?? null, role: v.role }), t('users.grantAdded'))) grantForm.resetFields();
  };
  const removeGrant = async (grantId: number) => {
    if (!u) return;
    await run(`revoke-${grantId}`, () => api.users.removeGrant(u.id, grantId), t('users.grantRemoved'));
  };

  const grantRole = Form.useWatch('role', grantForm);

  return (
    <Drawer
      open={userId !== null}
      onClose={onClose}
      title={u ? t('users.editTitle', { username: u.username }) : t('app.loading')}
      size={isPhone ? '100%' : 520}
      forceRender
      data-testid="user-drawer"
    >
      {error ? <Alert type="error" showIcon role="alert" title={error} closable={{ onClose: () => setError(null) }} style={{ marginBottom: 12 }} data-testid="user-drawer-error" /> : null}
      <ErrorAlert error={user.error} onRetry={user.reload} />
      {!u ? (
        <Skeleton active />
      ) : (
        <>
          <Typography.Text type="secondary">
            {t('users.createdAt')}: {formatDateTime(u.createdAt)}
          </Typography.Text>
          <Typography.Title level={3} style={{ fontSize: 16, marginTop: 12 }}>
            {t('users.profile')}
          </Typography.Title>
          <Form<ProfileFields> form={profileForm} layout="vertical" name="user-profile" onFinish={(v) => void saveProfile(v)}>
            <Form.Item label={t('users.fullName')} name="fullName" rules={[{ required: true, whitespace: true, message: t('users.fullName') }, zodRule(UpdateUserBody.shape.fullName)]}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item label={t('users.email')} name="email" rules={[zodRule(UpdateUserBody.shape.email)]}>
              <Input type="email" autoComplete="off" />
            </Form.Item>
            <Form.Item label={t('users.locale')} name="locale">
              <Select
                options={[
                  { value: 'vi', label: 'Tiếng Việt' },
                  { value: 'en', label: 'English' },
                ]}
              />
            </Form.Item>
            <Form.Item label={t('users.activeLabel')} name="active" valuePropName="checked">
              <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} data-testid="user-active" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy === 'profile'}>
              {t('common.save')}
            </Button>
          </Form>

          <Divider />
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {t('users.resetPassword')}
          </Typography.Title>
          <Form form={passwordForm} layout="vertical" name="user-password" onFinish={(v) => void resetPassword(v)}>
            <PasswordField label={t('users.newPassword')} />
            <Button htmlType="submit" loading={busy === 'password'}>
              {t('users.resetPassword')}
            </Button>
          </Form>

          <Divider />
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {t('users.grants')}
          </Typography.Title>
          <List
            size="small"
            bordered
            dataSource={u.grants}
            rowKey="id"
            locale={{ emptyText: t('common.none') }}
            renderItem={(g) => (
              <List.Item
                actions={[
                  <Popconfirm
                    key="revoke"
                    title={t('users.removeGrantConfirm')}
                    okText={t('users.removeGrant')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => removeGrant(g.id)}
                  >
                    <Button size="small" danger icon={<DeleteOutlined aria-hidden />} loading={busy === `revoke-${g.id}`}>
                      {t('users.removeGrant')}
                    </Button>
                  </Popconfirm>,
                ]}
              >
                <Flex vertical gap={2}>
                  <span>
                    <Tag color={ROLE_COLORS[g.role]}>{roleLabel(g.role)}</Tag>
                  </span>
                  {g.organizationId === null ? (
                    <Typography.Text>{t('home.wholeSystem')}</Typography.Text>
                  ) : (
                    <Link to={`/organizations/${g.organizationId}`}>{g.organizationName}</Link>
                  )}
                  {g.unitName ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {g.unitName}
                    </Typography.Text>
                  ) : null}
                </Flex>
              </List.Item>
            )}
          />
          <Form form={grantForm} layout="vertical" name="user-grant" style={{ marginTop: 12 }} initialValues={{ role: 'specialist' }} onFinish={(v) => void addGrant(v)}>
            <GrantFields role={grantRole} />
            <Button htmlType="submit" loading={busy === 'grant'}>
              {t('users.addGrant')}
            </Button>
          </Form>
        </>
      )}
    </Drawer>
  );
}
