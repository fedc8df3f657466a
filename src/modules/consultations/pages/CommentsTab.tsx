// The comments recorded for the consultation: fast entry of a meeting's minutes on top, then the list with filters
// (section, channel, meeting, words with or without diacritics).
import { SearchOutlined } from '@ant-design/icons';
import { Card, Checkbox, Col, Input, Row, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, type Comment } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { Field } from '../../../web/ui/Field';
import { ErrorAlert } from '../../../web/ui/Feedback';
import { useAsync, useDebounced } from '../../../web/ui/hooks';
import { CHANNEL_COLORS } from '../../../web/ui/labels';
import { RECORD_ROLES, useMyOrganizations } from '../../../web/ui/myOrganizations';
import { decodeTarget, SectionPicker, useTargetLabel } from '../../../web/ui/sections';
import { CHANNELS, type Channel } from '../consultations.schema';
import type { ConsultationContext } from './context';
import { QuickEntry } from './QuickEntry';
import { serverPagination } from '../../../web/ui/pagination';

const PAGE_SIZE = 25;

export function CommentsTab({ ctx }: { ctx: ConsultationContext }) {
  const { t, enumLabel, formatDate, formatNumber } = useI18n();
  const mine = useMyOrganizations();
  const c = ctx.consultation;
  const [target, setTarget] = useState<string | undefined>(undefined);
  const [channel, setChannel] = useState<Channel | undefined>(undefined);
  const [meetingId, setMeetingId] = useState<number | undefined>(undefined);
  const [text, setText] = useState('');
  const [withSubordinates, setWithSubordinates] = useState(false);
  const [page, setPage] = useState(1);
  const q = useDebounced(text.trim(), 300);
  const { draftId, sectionAddress } = decodeTarget(target);
  const list = useAsync(
    (signal) =>
      api.consultations.comments(
        c.id,
        { organizationId: withSubordinates ? undefined : ctx.orgId, draftId, sectionAddress, channel, meetingId, q: q || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
        signal,
      ),
    [c.id, ctx.orgId, withSubordinates, draftId, sectionAddress, channel, meetingId, q, page],
  );
  const filtered = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };

  const targetLabel = useTargetLabel(ctx.drafts);
  const meetingTitle = (id: number | null) => (id ? (ctx.meetings.find((m) => m.id === id)?.title ?? `#${id}`) : null);
  const canRecord = mine.holdsAny(RECORD_ROLES) && (c.status === 'open' || c.status === 'closed');

  return (
    <>
      {canRecord ? <QuickEntry ctx={ctx} onSaved={() => list.reload()} /> : null}
      <Card title={<h2 className="card-heading">{t('comments.title')}</h2>}>
        <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
          <Col xs={24} md={8}>
            <Field id="comments-section" label={t('quick.section')}>
              <SectionPicker id="comments-section" drafts={ctx.drafts} value={target} onChange={filtered(setTarget)} placeholder={t('common.all')} />
            </Field>
          </Col>
          <Col xs={12} md={5}>
            <Field id="comments-channel" label={t('quick.channel')}>
              <Select
                id="comments-channel"
                value={channel}
                onChange={filtered(setChannel)}
                allowClear
                placeholder={t('common.all')}
                options={CHANNELS.map((ch) => ({ value: ch, label: enumLabel('channel', ch) }))}
                style={{ width: '100%' }}
              />
            </Field>
          </Col>
          <Col xs={12} md={5}>
            <Field id="comments-meeting" label={t('quick.meeting')}>
              <Select
                id="comments-meeting"
                value={meetingId}
                onChange={filtered(setMeetingId)}
                allowClear
                placeholder={t('common.all')}
                options={ctx.meetings.map((m) => ({ value: m.id, label: m.title }))}
                style={{ width: '100%' }}
                popupMatchSelectWidth={false}
              />
            </Field>
          </Col>
          <Col xs={24} md={6}>
            <Field id="comments-q" label={t('common.search')}>
              <Input id="comments-q" type="search" value={text} onChange={(e) => filtered(setText)(e.target.value)} allowClear prefix={<SearchOutlined aria-hidden />} placeholder={t('comments.searchPlaceholder')} />
            </Field>
          </Col>
          <Col xs={24}>
            <Checkbox checked={withSubordinates} onChange={(e) => filtered(setWithSubordinates)(e.target.checked)}>
              {t('comments.withSubordinates')}
            </Checkbox>
          </Col>
        </Row>
        <ErrorAlert error={list.error} onRetry={list.reload} />
        <Table<Comment>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: true }}
          locale={{ emptyText: t('comments.empty') }}
          data-testid="comments-table"
          pagination={serverPagination(t, page, PAGE_SIZE, list.data?.total, setPage)}
          columns={[
            {
              key: 'body',
              title: t('comments.body'),
              render: (_, cm) => (
                <div style={{ minWidth: 240, maxWidth: 560 }}>
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 4, expandable: true, symbol: t('comments.more') }}>
                    {cm.body}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {targetLabel(cm.draftId, cm.sectionAddress)}
                  </Typography.Text>
                </div>
              ),
            },
            {
              key: 'channel',
              title: t('quick.channel'),
              render: (_, cm) => (
                <>
                  <Tag color={CHANNEL_COLORS[cm.channel]}>{enumLabel('channel', cm.channel)}</Tag>
                  {meetingTitle(cm.meetingId) ? (
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {meetingTitle(cm.meetingId)}
                    </Typography.Text>
                  ) : null}
                </>
              ),
            },
            { key: 'stratum', title: t('profile.stratum'), responsive: ['md'], render: (_, cm) => (cm.stratum ? enumLabel('stratum', cm.stratum) : '—') },
            { key: 'weight', title: t('quick.weightShort'), align: 'right', render: (_, cm) => formatNumber(cm.weight) },
            { key: 'org', title: t('comments.organization'), responsive: ['lg'], render: (_, cm) => cm.organizationName },
            { key: 'madeOn', title: t('comments.madeOn'), responsive: ['sm'], render: (_, cm) => formatDate(cm.madeOn) },
          ]}
        />
      </Card>
    </>
  );
}
