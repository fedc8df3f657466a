// "Tạo người dùng": an account with one role on one organization, checked by the same schema the API uses.
import { App, Form, Input, Select } from 'antd';
import { api, type User } from '../../../web/api';
import { useAuth } from '../../../web/auth';
import { useI18n } from '../../../web/i18n';
import { FormDialog } from '../../../web/ui/FormDialog';
import { parseWithSchema, zodRule } from '../../../web/ui/zodForm';
import { ROLES, type Role } from '../../auth/auth.access';
import { OrganizationSelect } from '../../organizations/pages/OrganizationSelect';
import { CreateUserBody } from '../users.schema';

interface Fields {
  username: string;
  fullName: string;
  email?: string;
  password: string;
  locale: 'vi' | 'en';
  role: Role;
  organizationId: number | null;
}

export const MIN_PASSWORD_LENGTH = 10;

/** Roles the signed-in user may hand out: only administrators make administrators. */
export function grantableRoles(isAdmin: boolean): Role[] {
  return ROLES.filter((r) => isAdmin || r !== 'admin');
}

/** A new password (field `password`), at least MIN_PASSWORD_LENGTH characters, inside a Form. */
export function PasswordField({ label }: { label: string }) {
  const { t } = useI18n();
  return (
    <Form.Item
      label={label}
      name="password"
      extra={t('users.passwordHelp')}
      rules={[
        { required: true, message: t('users.passwordMin') },
        { min: MIN_PASSWORD_LENGTH, message: t('users.passwordMin') },
      ]}
    >
      <Input.Password autoComplete="new-password" />
    </Form.Item>
  );
}

/** The role and organization of one grant, inside a Form whose fields are `role` and `organizationId`. */
export function GrantFields({ role }: { role: Role | undefined }) {
  const { t, roleLabel } = useI18n();
  const { me, roles } = useAuth();
  const isAdmin = !!me?.isSystemAdmin || roles.includes('admin');
  return (
    <>
      <Form.Item label={t('users.role')} name="role" rules={[{ required: true, message: t('users.roleRequired') }]}>
        <Select options={grantableRoles(isAdmin).map((r) => ({ value: r, label: roleLabel(r) }))} />
      </Form.Item>
      <Form.Item
        label={t('users.organization')}
        name="organizationId"
        rules={[
          {
            validator: async (_r, v: number | null | undefined) => {
              if (v === undefined || (v === null && role !== 'admin')) throw new Error(t('users.organizationRequired'));
            },
          },
        ]}
      >
        <OrganizationSelect allowWholeSystem={!!me?.isSystemAdmin && role === 'admin'} />
      </Form.Item>
    </>
  );
}

export function CreateUserDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (u: User) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const role = Form.useWatch('role', form);

  const submit = async (values: Fields) => {
    const body = {
      username: values.username,
      fullName: values.fullName,
      email: values.email?.trim() ? values.email.trim() : null,
      password: values.password,
      locale: values.locale,
      grants: [{ organizationId: values.organizationId ?? null, role: values.role }],
    };
    const parsed = parseWithSchema(CreateUserBody, body, form, (path) => (path[0] === 'grants' ? (path[2] === 'role' ? 'role' : 'organizationId') : String(path[0])));
    if (!parsed) return;
    const user = await api.users.create(parsed);
    void message.success(t('users.created', { username: user.username }));
    onCreated(user);
  };

  return (
    <FormDialog<Fields>
      open={open}
      title={t('users.createTitle')}
      okText={t('users.create')}
      form={form}
      name="create-user"
      initialValues={{ locale: 'vi', role: 'specialist', organizationId: undefined }}
      onSubmit={submit}
      onClose={onClose}
      width={560}
      okTestId="user-create-submit"
      errorTestId="user-create-error"
    >
      <Form.Item label={t('users.username')} name="username" extra={t('users.usernameHelp')} rules={[{ required: true, message: t('users.usernameHelp') }, zodRule(CreateUserBody.shape.username)]}>
        <Input autoComplete="off" autoCapitalize="none" spellCheck={false} />
      </Form.Item>
      <Form.Item label={t('users.fullName')} name="fullName" rules={[{ required: true, whitespace: true, message: t('users.fullName') }, zodRule(CreateUserBody.shape.fullName)]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item label={t('users.email')} name="email" rules={[zodRule(CreateUserBody.shape.email)]}>
        <Input type="email" autoComplete="off" />
      </Form.Item>
      <PasswordField label={t('users.password')} />
      <GrantFields role={role} />
      <Form.Item label={t('users.locale')} name="locale">
        <Select
          options={[
            { value: 'vi', label: 'Tiếng Việt' },
            { value: 'en', label: 'English' },
          ]}
        />
      </Form.Item>
    </FormDialog>
  );
}
