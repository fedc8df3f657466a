// Conferences, seminars and branch meetings held for the consultation, with their participants by stratum;
// recording a new one.
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Select, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { todayInVietnam } from '../../../shared/dates';
import { api, type Meeting } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { FormDialog } from '../../../web/ui/FormDialog';
import { RECORD_ROLES, useMyOrganizations } from '../../../web/ui/myOrganizations';
import { parseWithSchema } from '../../../web/ui/zodForm';
import { CreateMeetingBody, MEETING_KINDS, STRATA, type Stratum } from '../consultations.schema';
import type { ConsultationContext } from './context';

interface MeetingFields {
  kind: (typeof MEETING_KINDS)[number];
  title: string;
  heldOn: Dayjs | null;
  place?: string;
  connectedPoints?: number;
  participants: Partial<Record<Stratum, number | null>>;
}

function CreateMeetingDialog({ ctx, open, onClose, onCreated }: { ctx: ConsultationContext; open: boolean; onClose: () => void; onCreated: (m: Meeting) => void }) {
  const { t, enumLabel, formatNumber, formatDate } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<MeetingFields>();
  const kind = Form.useWatch('kind', form);
  const participants = Form.useWatch('participants', form) ?? {};
  const total = Object.values(participants).reduce<number>((s, n) => s + (Number(n) || 0), 0);
  const c = ctx.consultation;

  const submit = async (v: MeetingFields) => {
    const body = {
      organizationId: ctx.orgId,
      kind: v.kind,
      title: v.title,
      heldOn: v.heldOn?.format('YYYY-MM-DD'),
      place: v.place ?? '',
      connectedPoints: v.kind === 'online' ? (v.connectedPoints ?? 1) : 1,
      participants: Object.fromEntries(Object.entries(v.participants ?? {}).filter(([, n]) => typeof n === 'number' && n > 0)),
    };
    const parsed = parseWithSchema(CreateMeetingBody, body, form);
    if (!parsed) return;
    const m = await api.consultations.createMeeting(c.id, parsed);
    void message.success(t('meetings.created'));
    onCreated(m);
  };

  // The meeting day defaults to today, or the last day of a consultation already over.
  const today = todayInVietnam();
  return (
    <FormDialog<MeetingFields>
      open={open}
      title={t('meetings.createTitle')}
      okText={t('common.save')}
      form={form}
      name="create-meeting"
      onOpen={() => form.setFieldsValue({ kind: 'conference', heldOn: dayjs(today > c.closesOn ? c.closesOn : today), participants: {} })}
      onSubmit={submit}
      onClose={onClose}
      width={720}
      okTestId="meeting-create-submit"
      errorTestId="meeting-create-error"
    >
      <Row gutter={12}>
        <Col xs={24} sm={10}>
          <Form.Item label={t('meetings.kind')} name="kind" rules={[{ required: true }]}>
            <Select options={MEETING_KINDS.map((k) => ({ value: k, label: enumLabel('meetingKind', k) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={14}>
          <Form.Item
            label={t('meetings.heldOn')}
            name="heldOn"
            extra={t('meetings.heldOnHelp', { from: formatDate(c.opensOn), to: formatDate(c.closesOn) })}
            rules={[{ required: true, message: t('meetings.heldOnRequired') }]}
          >
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('meetings.titleLabel')} name="title" rules={[{ required: true, whitespace: true, message: t('meetings.titleRequired') }]}>
        <Input placeholder={t('meetings.titlePlaceholder')} data-testid="meeting-title" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={kind === 'online' ? 16 : 24}>
          <Form.Item label={t('meetings.place')} name="place">
            <Input maxLength={500} />
          </Form.Item>
        </Col>
        {kind === 'online' ? (
          <Col xs={24} sm={8}>
            <Form.Item label={t('meetings.connectedPoints')} name="connectedPoints">
              <InputNumber min={1} max={100000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ) : null}
      </Row>
      <fieldset className="plain-fieldset">
        <legend className="field-label">{t('meetings.participants')}</legend>
        <Row gutter={[12, 0]}>
          {STRATA.map((s) => (
            <Col xs={12} sm={8} key={s}>
              <Form.Item label={enumLabel('stratum', s)} name={['participants', s]} style={{ marginBottom: 8 }}>
                <InputNumber min={0} max={1000000} style={{ width: '100%' }} data-testid={`participants-${s}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Typography.Text strong data-testid="participants-total">
          {t('meetings.participantTotal', { n: formatNumber(total) })}
        </Typography.Text>
      </fieldset>
    </FormDialog>
  );
}

export function MeetingsTab({ ctx }: { ctx: ConsultationContext }) {
  const { t, enumLabel, formatDate, formatNumber } = useI18n();
  const mine = useMyOrganizations();
  const [creating, setCreating] = useState(false);
  const canRecord = mine.holdsAny(RECORD_ROLES);

  return (
    <Card
      title={<h2 className="card-heading">{t('meetings.title')}</h2>}
      extra={
        canRecord ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)} data-testid="meeting-create">
            {t('meetings.create')}
          </Button>
        ) : null
      }
    >
      <Table<Meeting>
        rowKey="id"
        dataSource={ctx.meetings}
        scroll={{ x: true }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('meetings.empty') }}
        data-testid="meetings-table"
        expandable={{
          rowExpandable: (m) => Object.keys(m.participants).length > 0,
          expandedRowRender: (m) => (
            <Flex wrap gap={6}>
              {Object.entries(m.participants).map(([s, n]) => (
                <Tag key={s}>
                  {enumLabel('stratum', s)}: {formatNumber(n ?? 0)}
                </Tag>
              ))}
            </Flex>
          ),
        }}
        columns={[
          { key: 'title', title: t('meetings.titleLabel'), render: (_, m) => m.title },
          { key: 'kind', title: t('meetings.kind'), responsive: ['sm'], render: (_, m) => <Tag color="blue">{enumLabel('meetingKind', m.kind)}</Tag> },
          { key: 'heldOn', title: t('meetings.heldOn'), render: (_, m) => formatDate(m.heldOn) },
          { key: 'place', title: t('meetings.place'), responsive: ['lg'], render: (_, m) => m.place || '—' },
          { key: 'participants', title: t('meetings.participantsShort'), align: 'right', render: (_, m) => formatNumber(m.participantTotal) },
          { key: 'comments', title: t('consultations.comments'), align: 'right', responsive: ['md'], render: (_, m) => formatNumber(m.commentCount) },
        ]}
      />
      <CreateMeetingDialog
        ctx={ctx}
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          ctx.reloadMeetings();
        }}
      />
    </Card>
  );
}
