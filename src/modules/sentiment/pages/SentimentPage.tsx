// Public sentiment: a unit's records of what people think and say, a month at a time, with the month's summary; a
// form to record one (collaborators use it on a phone: one column, big choices, today by default), to change or
// delete one. Filters by attitude, topic and hot issue; a superior can include what its units recorded.
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, DatePicker, Flex, Form, Input, InputNumber, List, Popconfirm, Radio, Select, Switch, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { todayInVietnam } from '../../../shared/dates';
import { api, type SentimentRecord } from '../../../web/api';
import { useAuth } from '../../../web/auth';
import { useI18n } from '../../../web/i18n';
import { ErrorAlert, PageTitle } from '../../../web/ui/Feedback';
import { FormDialog } from '../../../web/ui/FormDialog';
import { useAsync, useDebounced } from '../../../web/ui/hooks';
import { MANAGE_ROLES, RECORD_ROLES, useMyOrganizations } from '../../../web/ui/myOrganizations';
import { MonthPicker } from '../../../web/ui/MonthPicker';
import { parseWithSchema } from '../../../web/ui/zodForm';
import { STRATA } from '../../consultations/consultations.schema';
import { ActingOrganizationSelect } from '../../consultations/pages/ActingOrganization';
import { ATTITUDES, MAX_SENTIMENT_TEXT_CHARS, SENTIMENT_SOURCES, SentimentRecordBody, type Attitude } from '../sentiment.schema';
import { shortMonth } from '../sentiment.model';
import { ATTITUDE_COLORS, SentimentSummary } from './SentimentSummary';

interface RecordFields {
  observedOn: Dayjs | null;
  source: (typeof SENTIMENT_SOURCES)[number];
  attitude: Attitude;
  topics: string[];
  content: string;
  quotes?: string;
  peopleCount: number | null;
  strata: string[];
  place?: string;
  hotIssue: boolean;
  falseInformation: boolean;
}

const PAGE_SIZE = 20;

function RecordDialog({ orgId, editing, open, onClose, onSaved }: { orgId: number; editing: SentimentRecord | null; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t, enumLabel } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RecordFields>();
  const today = todayInVietnam();

  const fill = () =>
    form.setFieldsValue(
      editing
        ? { ...editing, observedOn: dayjs(editing.observedOn), strata: editing.strata }
        : { observedOn: dayjs(today), source: 'collaborator', attitude: 'dong_tinh', topics: [], peopleCount: 1, strata: [], hotIssue: false, falseInformation: false },
    );

  const submit = async (v: RecordFields) => {
    const body = {
      observedOn: v.observedOn?.format('YYYY-MM-DD'),
      source: v.source,
      attitude: v.attitude,
      topics: v.topics ?? [],
      content: v.content ?? '',
      quotes: v.quotes ?? '',
      peopleCount: v.peopleCount ?? undefined,
      strata: v.strata ?? [],
      place: v.place ?? '',
      hotIssue: !!v.hotIssue,
      falseInformation: !!v.falseInformation,
    };
    const parsed = parseWithSchema(SentimentRecordBody, body, form);
    if (!parsed) return;
    if (editing) await api.sentiment.update(orgId, editing.id, parsed);
    else await api.sentiment.create(orgId, parsed);
    void message.success(editing ? t('sentiment.updated') : t('sentiment.created'));
    onSaved();
  };

  return (
    <FormDialog<RecordFields>
      open={open}
      title={editing ? t('sentiment.editTitle') : t('sentiment.createTitle')}
      okText={t('common.save')}
      form={form}
      name="sentiment-record"
      onOpen={fill}
      onSubmit={submit}
      onClose={onClose}
      okTestId="sentiment-save"
      errorTestId="sentiment-error"
    >
      <Form.Item label={t('sentiment.attitude')} name="attitude" required>
        <Radio.Group optionType="button" buttonStyle="solid" options={ATTITUDES.map((a) => ({ value: a, label: enumLabel('attitude', a) }))} data-testid="sentiment-attitude" />
      </Form.Item>
      <Form.Item label={t('sentiment.content')} name="content" required>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={MAX_SENTIMENT_TEXT_CHARS} data-testid="sentiment-content" />
      </Form.Item>
      <Form.Item label={t('sentiment.topics')} name="topics" required extra={t('sentiment.topicsHelp')}>
        <Select mode="tags" tokenSeparators={[',', ';']} open={false} suffixIcon={null} data-testid="sentiment-topics" />
      </Form.Item>
      <Flex wrap gap={12}>
        <Form.Item label={t('sentiment.observedOn')} name="observedOn" required style={{ flex: '1 1 160px' }}>
          <DatePicker format="DD/MM/YYYY" inputReadOnly disabledDate={(d) => d.format('YYYY-MM-DD') > today} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('sentiment.peopleCount')} name="peopleCount" required style={{ flex: '1 1 120px' }}>
          <InputNumber min={1} precision={0} inputMode="numeric" style={{ width: '100%' }} data-testid="sentiment-people" />
        </Form.Item>
      </Flex>
      <Form.Item label={t('sentiment.source')} name="source" required>
        <Select options={SENTIMENT_SOURCES.map((s) => ({ value: s, label: enumLabel('sentimentSource', s) }))} />
      </Form.Item>
      <Form.Item label={t('sentiment.quotes')} name="quotes">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={MAX_SENTIMENT_TEXT_CHARS} />
      </Form.Item>
      <Form.Item label={t('sentiment.strata')} name="strata">
        <Select mode="multiple" allowClear options={STRATA.map((s) => ({ value: s, label: enumLabel('stratum', s) }))} />
      </Form.Item>
      <Form.Item label={t('sentiment.place')} name="place">
        <Input maxLength={300} />
      </Form.Item>
      <Flex wrap gap={16}>
        <Form.Item name="hotIssue" valuePropName="checked" noStyle>
          <Checkbox data-testid="sentiment-hot">{t('sentiment.hotIssue')}</Checkbox>
        </Form.Item>
        <Form.Item name="falseInformation" valuePropName="checked" noStyle>
          <Checkbox>{t('sentiment.falseInformation')}</Checkbox>
        </Form.Item>
      </Flex>
    </FormDialog>
  );
}

export function SentimentPage() {
  const { t, enumLabel, formatDate, formatNumber } = useI18n();
  const { message } = App.useApp();
  const { me } = useAuth();
  const mine = useMyOrganizations();
  const [orgId, setOrgId] = useState<number | undefined>(mine.first?.id);
  const [month, setMonth] = useState(todayInVietnam().slice(0, 7));
  const [attitude, setAttitude] = useState<Attitude | undefined>(undefined);
  const [topicTyped, setTopicTyped] = useState('');
  const topic = useDebounced(topicTyped.trim());
  const [hotOnly, setHotOnly] = useState(false);
  const [subtree, setSubtree] = useState(false);
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<{ editing: SentimentRecord | null } | null>(null);

  useEffect(() => {
    if (orgId === undefined && mine.first) setOrgId(mine.first.id);
  }, [orgId, mine.first]);
  useEffect(() => setPage(1), [orgId, month, attitude, topic, hotOnly, subtree]);

  const query = { month, attitude, topic: topic || undefined, hot: hotOnly ? ('true' as const) : undefined, scope: subtree ? ('subtree' as const) : ('own' as const), limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const list = useAsync((signal) => (orgId ? api.sentiment.records(orgId, query, signal) : Promise.resolve(undefined)), [orgId, JSON.stringify(query)]);
  const report = useAsync((signal) => (orgId ? api.sentiment.report(orgId, month, signal) : Promise.resolve(undefined)), [orgId, month]);
  const reload = () => {
    list.reload();
    report.reload();
  };

  const canRecord = mine.holdsAny(RECORD_ROLES);
  const canChange = (r: SentimentRecord) => mine.holdsAny(MANAGE_ROLES) || r.createdBy === me?.id;
  const remove = async (r: SentimentRecord) => {
    try {
      await api.sentiment.remove(r.organizationId, r.id);
      void message.success(t('sentiment.deleted'));
      reload();
    } catch (err) {
      void message.error((err as Error).message);
    }
  };

  return (
    <>
      <PageTitle
        sub={t('sentiment.sub')}
        extra={
          canRecord && orgId ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({ editing: null })} data-testid="sentiment-new">
              {t('sentiment.record')}
            </Button>
          ) : null
        }
      >
        {t('sentiment.title')}
      </PageTitle>

      <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
        <label htmlFor="acting-org" className="field-label" style={{ margin: 0 }}>
          {t('sentiment.organization')}
        </label>
        <ActingOrganizationSelect value={orgId} onChange={setOrgId} />
        <MonthPicker aria-label={t('sentiment.month')} value={month} onChange={setMonth} max={todayInVietnam().slice(0, 7)} data-testid="sentiment-month" />
        <Select
          allowClear
          placeholder={t('sentiment.allAttitudes')}
          aria-label={t('sentiment.attitude')}
          value={attitude}
          onChange={setAttitude}
          options={ATTITUDES.map((a) => ({ value: a, label: enumLabel('attitude', a) }))}
          style={{ width: 160 }}
        />
        <Input.Search allowClear placeholder={t('sentiment.topicFilter')} aria-label={t('sentiment.topicFilter')} value={topicTyped} onChange={(e) => setTopicTyped(e.target.value)} style={{ width: 200 }} />
        <Flex gap={6} align="center">
          <Switch size="small" checked={hotOnly} onChange={setHotOnly} aria-label={t('sentiment.hotOnly')} />
          <span>{t('sentiment.hotOnly')}</span>
        </Flex>
        <Flex gap={6} align="center">
          <Switch size="small" checked={subtree} onChange={setSubtree} aria-label={t('sentiment.subtree')} />
          <span>{t('sentiment.subtree')}</span>
        </Flex>
      </Flex>

      <Card size="small" title={<h2 className="card-heading">{t('sentiment.summaryOf', { month: shortMonth(month) })}</h2>} style={{ marginBottom: 16 }}>
        {report.error ? <ErrorAlert error={report.error} onRetry={report.reload} /> : report.data ? <SentimentSummary report={report.data} /> : null}
      </Card>

      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <List<SentimentRecord>
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('sentiment.empty') }}
        pagination={(list.data?.total ?? 0) > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total: list.data?.total, onChange: setPage, showSizeChanger: false, size: 'small' } : false}
        data-testid="sentiment-list"
        renderItem={(r) => (
          <List.Item
            key={`${r.organizationId}/${r.id}`}
            actions={
              canChange(r)
                ? [
                    <Button key="edit" type="text" icon={<EditOutlined aria-hidden />} aria-label={t('common.edit')} onClick={() => setDialog({ editing: r })} />,
                    <Popconfirm key="delete" title={t('sentiment.deleteConfirm')} onConfirm={() => void remove(r)} okText={t('common.yes')} cancelText={t('common.no')}>
                      <Button type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('common.delete')} />
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <Flex vertical gap={4} style={{ minWidth: 0 }}>
              <Flex wrap gap={4} align="center">
                <Tag color={ATTITUDE_COLORS[r.attitude]}>{enumLabel('attitude', r.attitude)}</Tag>
                {r.hotIssue ? <Tag color="red">{t('sentiment.hotIssue')}</Tag> : null}
                {r.falseInformation ? <Tag color="magenta">{t('sentiment.falseInformation')}</Tag> : null}
                {r.topics.map((topicName) => (
                  <Tag key={topicName}>{topicName}</Tag>
                ))}
              </Flex>
              <div className="report-text">{r.content}</div>
              {r.quotes ? <Typography.Text italic>“{r.quotes}”</Typography.Text> : null}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[formatDate(r.observedOn), r.place, enumLabel('sentimentSource', r.source), t('sentiment.people', { n: formatNumber(r.peopleCount) }), subtree ? r.organizationName : null, r.createdByName ? t('sentiment.by', { name: r.createdByName }) : null]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      {orgId ? (
        <RecordDialog
          orgId={dialog?.editing?.organizationId ?? orgId}
          editing={dialog?.editing ?? null}
          open={dialog !== null}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            reload();
          }}
        />
      ) : null}
    </>
  );
}
