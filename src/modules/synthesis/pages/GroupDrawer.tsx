// One group of a synthesis, down to every comment in it and where it came from (channel, unit, meeting, stratum,
// and the unit whose synthesis brought it here). The curator words its summary, marks a minority view, splits
// members out into a new group or moves one member to another group.
import { ScissorOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Flex, Form, Input, Select, Skeleton, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError, type SynthesisGroup, type SynthesisGroupDetail, type SynthesisMember } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { ErrorAlert } from '../../../web/ui/Feedback';
import { useAsync, useIsPhone } from '../../../web/ui/hooks';
import { CHANNEL_COLORS } from '../../../web/ui/labels';
import type { Channel } from '../../consultations/consultations.schema';
import type { StepBody } from './useSynthesis';
import { groupLabel } from '../report/report.text';

/**
 * "Có 12 ý kiến đề nghị …": the usual opening of a group's summary, from its count and representative text. It is
 * the report's wording, so Vietnamese whatever language the interface speaks.
 */
export function defaultSummary(count: number, representative: string): string {
  const text = representative.replace(/\s+/g, ' ').trim();
  return `Có ${count} ý kiến ${text.charAt(0).toLocaleLowerCase('vi')}${text.slice(1)}`;
}

export interface GroupDrawerProps {
  consultationId: number;
  organizationId: number;
  groupId: number | null;
  /** The synthesis revision: the group reloads whenever it changes. */
  revision: number;
  editable: boolean;
  /** Other groups a member may move to. */
  groups: SynthesisGroup[];
  busy: string | null;
  step: (what: string, body: StepBody, done?: string) => Promise<boolean>;
  onClose: () => void;
}

export function GroupDrawer({ consultationId, organizationId, groupId, revision, editable, groups, busy, step, onClose }: GroupDrawerProps) {
  const { t, enumLabel, formatNumber } = useI18n();
  const isPhone = useIsPhone();
  const detail = useAsync(
    (signal) => (groupId ? api.synthesis.group(consultationId, organizationId, groupId, signal) : Promise.resolve(undefined)),
    [consultationId, organizationId, groupId, revision],
  );
  const g: SynthesisGroupDetail | undefined = detail.data && detail.data.id === groupId ? detail.data : undefined;
  const [form] = Form.useForm<{ summary: string; minority: boolean }>();
  const [selected, setSelected] = useState<number[]>([]);
  const moveTargets = useMemo(() => groups.filter((x) => x.id !== groupId), [groups, groupId]);

  useEffect(() => {
    setSelected([]);
  }, [groupId, revision]);
  // A step may empty the open group (its last member moved away, an undo): nothing is left to show.
  useEffect(() => {
    if (detail.error instanceof ApiError && detail.error.status === 404) onClose();
  }, [detail.error, onClose]);
  // Fill the form when another group opens; after a reload of the same group keep what the curator was typing.
  const shownGroup = useRef<number | null>(null);
  useEffect(() => {
    if (!g) return;
    if (shownGroup.current === g.id && form.isFieldsTouched()) return;
    shownGroup.current = g.id;
    form.resetFields();
    form.setFieldsValue({ summary: g.summary ?? defaultSummary(g.count, g.representative), minority: g.minority });
  }, [g, form]);

  const saveSummary = async () => {
    if (!g) return;
    const v = form.getFieldsValue();
    await step('summary', { kind: 'summary', groupId: g.id, summary: v.summary.trim() || null, minority: v.minority }, t('synthesis.summarySaved'));
  };

  const tally = (record: Record<string, number>, group?: 'channel' | 'stratum') =>
    Object.entries(record)
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => (
        <Tag key={k}>
          {group ? enumLabel(group, k) : k}: {formatNumber(n)}
        </Tag>
      ));

  return (
    <Drawer
      open={groupId !== null}
      onClose={onClose}
      size={isPhone ? '100%' : 880}
      title={g ? t('synthesis.groupTitle', { n: formatNumber(g.count) }) : t('app.loading')}
      destroyOnHidden
      data-testid="group-drawer"
    >
      <ErrorAlert error={detail.error} onRetry={detail.reload} />
      {!g ? (
        <Skeleton active />
      ) : (
        <>
          <Typography.Paragraph className="group-representative">
            <Typography.Text type="secondary">{t('synthesis.representative')}: </Typography.Text>
            {g.representative}
          </Typography.Paragraph>
          <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('synthesis.people')}>{formatNumber(g.count)}</Descriptions.Item>
            <Descriptions.Item label={t('synthesis.commentCount')}>{formatNumber(g.comments)}</Descriptions.Item>
            <Descriptions.Item label={t('dashboard.byChannel')}>
              <Flex wrap gap={4}>
                {tally(g.channels, 'channel')}
              </Flex>
            </Descriptions.Item>
            {Object.keys(g.strata).length ? (
              <Descriptions.Item label={t('dashboard.byStratum')}>
                <Flex wrap gap={4}>
                  {tally(g.strata, 'stratum')}
                </Flex>
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('dashboard.byUnit')}>
              <Flex wrap gap={4}>
                {tally(g.byUnit)}
              </Flex>
            </Descriptions.Item>
          </Descriptions>

          <Form form={form} layout="vertical" name="group-summary" disabled={!editable} onFinish={() => void saveSummary()}>
            <Form.Item label={t('synthesis.summary')} name="summary" extra={t('synthesis.summaryHelp')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} data-testid="group-summary" />
            </Form.Item>
            <Flex gap={16} align="center" wrap>
              <Form.Item name="minority" valuePropName="checked" style={{ margin: 0 }}>
                <Switch id="group-minority" />
              </Form.Item>
              <label htmlFor="group-minority">{t('synthesis.minority')}</label>
              <span style={{ flex: 1 }} />
              <Button type="primary" htmlType="submit" loading={busy === 'summary'} data-testid="group-summary-save">
                {t('synthesis.saveSummary')}
              </Button>
            </Flex>
          </Form>

          <Typography.Title level={3} style={{ fontSize: 16, marginTop: 24 }}>
            {t('synthesis.members', { n: formatNumber(g.members.length) })}
          </Typography.Title>
          {editable ? (
            <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
              <Button
                icon={<ScissorOutlined aria-hidden />}
                disabled={!selected.length || selected.length >= g.members.length}
                loading={busy === 'split'}
                onClick={() => void step('split', { kind: 'split', groupId: g.id, commentIds: selected }, t('synthesis.splitDone', { n: selected.length }))}
                data-testid="group-split"
              >
                {t('synthesis.split', { n: selected.length })}
              </Button>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('synthesis.splitHelp')}
              </Typography.Text>
            </Flex>
          ) : null}
          {!editable ? <Alert type="info" showIcon title={t('synthesis.locked')} style={{ marginBottom: 8 }} /> : null}
          <Table<SynthesisMember>
            rowKey="commentId"
            size="small"
            dataSource={g.members}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: true }}
            rowSelection={editable ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]), columnTitle: <span className="visually-hidden">{t('synthesis.selectMember')}</span> } : undefined}
            data-testid="group-members"
            columns={[
              {
                key: 'body',
                title: t('comments.body'),
                render: (_, m) => (
                  <div style={{ minWidth: 220, maxWidth: 420 }}>
                    <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 4, expandable: true, symbol: t('comments.more') }}>
                      {m.body}
                    </Typography.Paragraph>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      #{m.commentId}
                      {m.sectionAddress ? ` · ${m.sectionAddress}` : ''} · {t('quick.people', { n: formatNumber(m.weight) })}
                    </Typography.Text>
                  </div>
                ),
              },
              {
                key: 'source',
                title: t('synthesis.source'),
                render: (_, m) => (
                  <div style={{ minWidth: 160 }}>
                    <Tag color={CHANNEL_COLORS[m.channel as Channel] ?? 'default'}>{enumLabel('channel', m.channel)}</Tag>
                    <div>{m.organizationName}</div>
                    {m.meetingTitle ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                        {m.meetingTitle}
                      </Typography.Text>
                    ) : null}
                    {m.viaOrganizationName ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                        {t('synthesis.via', { name: m.viaOrganizationName })}
                      </Typography.Text>
                    ) : null}
                  </div>
                ),
              },
              { key: 'stratum', title: t('profile.stratum'), render: (_, m) => (m.stratum ? enumLabel('stratum', m.stratum) : '—') },
              ...(editable
                ? [
                    {
                      key: 'move',
                      title: t('synthesis.moveTo'),
                      render: (_: unknown, m: SynthesisMember) => (
                        <Select<number>
                          size="small"
                          placeholder={
                            <>
                              <SwapOutlined aria-hidden /> {t('synthesis.move')}
                            </>
                          }
                          aria-label={t('synthesis.moveMember', { id: m.commentId })}
                          style={{ width: 200 }}
                          popupMatchSelectWidth={360}
                          showSearch={{ optionFilterProp: 'label' }}
                          disabled={busy !== null || !moveTargets.length}
                          options={moveTargets.map((x) => ({ value: x.id, label: `(${x.count}) ${groupLabel(x)}` }))}
                          onChange={(to) => void step('move', { kind: 'move', commentId: m.commentId, toGroupId: to }, t('synthesis.moved'))}
                          data-testid={`move-${m.commentId}`}
                        />
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
