// Accounts of the people in the organizations the user manages: search, create, edit, grant and revoke roles.
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, type User } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { ErrorAlert, PageTitle } from '../../../web/ui/Feedback';
import { useAsync, useDebounced } from '../../../web/ui/hooks';
import { ROLE_COLORS } from '../../../web/ui/labels';
import { CreateUserDialog } from './CreateUserDialog';
import { UserDrawer } from './UserDrawer';
import { serverPagination } from '../../../web/ui/pagination';

const PAGE_SIZE = 20;

export function UsersPage() {
  const { t, roleLabel, formatDateTime } = useI18n();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const q = useDebounced(text.trim(), 300);
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);

  useEffect(() => {
    if ((params.get('q') ?? '') === q) return;
    const p = new URLSearchParams(params);
    if (q) p.set('q', q);
    else p.delete('q');
    p.delete('page');
    setParams(p, { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  const list = useAsync(
    (signal) => api.users.list({ q: params.get('q') || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
    [params.get('q'), page],
  );

  const setPage = (p: number) => {
    const next = new URLSearchParams(params);
    if (p > 1) next.set('page', String(p));
    else next.delete('page');
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageTitle
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)} data-testid="user-create">
            {t('users.create')}
          </Button>
        }
      >
        {t('users.title')}
      </PageTitle>
      <Card style={{ marginBottom: 16 }}>
        <label htmlFor="users-q" className="field-label">
          {t('users.searchLabel')}
        </label>
        <Input
          id="users-q"
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('users.searchPlaceholder')}
          prefix={<SearchOutlined aria-hidden />}
          allowClear
          style={{ maxWidth: 420 }}
          data-testid="users-search"
        />
      </Card>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Card>
        <Table<User>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: true }}
          locale={{ emptyText: t('users.empty') }}
          data-testid="users-table"
          pagination={serverPagination(t, page, PAGE_SIZE, list.data?.total, setPage)}
          columns={[
            {
              key: 'username',
              title: t('users.username'),
              render: (_, u) => (
                <Button type="link" style={{ padding: 0, height: 'auto' }} onClick={() => setEditing(u.id)} aria-label={`${t('common.edit')} ${u.username}`}>
                  {u.username}
                </Button>
              ),
            },
            {
              key: 'name',
              title: t('users.fullName'),
              render: (_, u) => (
                <>
                  <div>{u.fullName}</div>
                  {u.email ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {u.email}
                    </Typography.Text>
                  ) : null}
                </>
              ),
            },
            {
              key: 'roles',
              title: t('users.roles'),
              responsive: ['md'],
              render: (_, u) => (
                <Space orientation="vertical" size={2}>
                  {u.grants.map((g) => (
                    <span key={g.id}>
                      <Tag color={ROLE_COLORS[g.role]}>{roleLabel(g.role)}</Tag>
                      <Typography.Text style={{ fontSize: 12 }}>{g.organizationName ?? t('home.wholeSystem')}</Typography.Text>
                    </span>
                  ))}
                </Space>
              ),
            },
            {
              key: 'active',
              title: t('common.status'),
              render: (_, u) => (u.active ? <Tag color="green">{t('users.active')}</Tag> : <Tag color="default">{t('users.inactive')}</Tag>),
            },
            { key: 'created', title: t('users.createdAt'), responsive: ['lg'], render: (_, u) => formatDateTime(u.createdAt) },
            {
              key: 'actions',
              title: <span className="visually-hidden">{t('common.actions')}</span>,
              render: (_, u) => (
                <Button size="small" onClick={() => setEditing(u.id)} aria-label={`${t('common.edit')} ${u.username}`}>
                  {t('common.edit')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <CreateUserDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(u) => {
          setCreating(false);
          setText(u.username);
          list.reload();
        }}
      />
      <UserDrawer userId={editing} onClose={() => setEditing(null)} onChanged={() => list.reload()} />
    </>
  );
}
