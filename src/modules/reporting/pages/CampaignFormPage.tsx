// Starting a campaign (giao báo cáo): who asks, the outline (at a version), the schedule (periodic "vào ngày N" or
// "trước ngày N", milestone windows, once), each level's deadline (a date, or N days before a higher level's: the
// cascade), the rule for deadlines on days off, reminders, and who reports. The periods and deadlines are worked out
// in the page as they will be on the server (the same pure schedule code), warnings included, before anything is sent.
import { MinusCircleOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Segmented, Select, Switch, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { addDays, todayInVietnam } from '../../../shared/dates';
import { foldVietnamese } from '../../../shared/text';
import { api } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { BackLink, PageTitle } from '../../../web/ui/Feedback';
import { useAsync } from '../../../web/ui/hooks';
import { MANAGE_ROLES, useMyOrganizations } from '../../../web/ui/myOrganizations';
import { zodRule } from '../../../web/ui/zodForm';
import { ORG_KINDS, ORG_SYSTEMS, type OrgKind, type OrgSystem } from '../../organizations/organizations.schema';
import { OrganizationSelect } from '../../organizations/pages/OrganizationSelect';
import { UNIT_LEVELS, type UnitLevel } from '../../units/units.schema';
import { CreateCampaignBody, DEADLINE_ADJUSTMENTS, DeadlinePolicySchema, ReminderPolicySchema, ScheduleSchema, type DeadlineAdjustment, type PeriodDeadlines, type ScheduleIssue } from '../reporting.schema';
import { generatePeriods, resolveDeadlines } from '../schedule';
import { IssueList, issuesOf } from './IssueList';
import { reportingPaths } from './paths';

type Kind = 'periodic' | 'milestone' | 'ad_hoc';
type Rule = 'due' | 'date' | 'offset';

interface LevelFields {
  level: UnitLevel;
  rule: Rule;
  days?: number;
  of?: UnitLevel;
  dates?: Record<string, Dayjs | null>;
}

interface Fields {
  organizationId: number | null;
  title: string;
  outlineId?: number;
  outlineVersion?: number;
  kind: Kind;
  frequency: 'monthly' | 'quarterly' | 'yearly';
  dueDay: number;
  dueRule: 'on' | 'before';
  dueMonth: 'last_month' | 'next_month';
  fromMonth: Dayjs | null;
  toMonth: Dayjs | null;
  windows: { label: string; range: [Dayjs, Dayjs] | null; due?: Dayjs | null }[];
  adHocLabel: string;
  adHocDue: Dayjs | null;
  levels: LevelFields[];
  adjust: DeadlineAdjustment;
  extraDaysOff?: Dayjs[];
  daysBefore: number[];
  at: string;
  overdue: boolean;
  firstAfterDays: number;
  everyDays: number;
  maxCount: number;
  assigneeLevels: UnitLevel[];
  assigneeKinds: OrgKind[];
  assigneeSystems: OrgSystem[];
}

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

/** A window's period id from its label ("Đại hội xã" → "dai-hoi-xa"), unique among the windows. */
function windowKey(label: string, index: number, taken: Set<string>): string {
  let key = foldVietnamese(label).replace(/ /g, '-').slice(0, 36) || `moc-${index + 1}`;
  if (!/^[a-z0-9]/.test(key)) key = `moc-${key}`;
  while (taken.has(key)) key = `${key.slice(0, 36)}-${index + 1}`;
  taken.add(key);
  return key;
}

function scheduleOf(v: Partial<Fields>) {
  switch (v.kind) {
    case 'milestone': {
      const taken = new Set<string>();
      return {
        kind: 'milestone' as const,
        windows: (v.windows ?? []).map((w, i) => ({ key: windowKey(w?.label ?? '', i, taken), label: w?.label ?? '', start: iso(w?.range?.[0]), end: iso(w?.range?.[1]), due: iso(w?.due) })),
      };
    }
    case 'ad_hoc':
      return { kind: 'ad_hoc' as const, key: 'dot', label: v.adHocLabel ?? '', due: iso(v.adHocDue) };
    default:
      return {
        kind: 'periodic' as const,
        frequency: v.frequency,
        due: { day: v.dueDay, rule: v.dueRule },
        dueMonth: v.dueMonth,
        from: v.fromMonth ? v.fromMonth.startOf('month').format('YYYY-MM-DD') : undefined,
        to: v.toMonth ? v.toMonth.startOf('month').format('YYYY-MM-DD') : undefined,
      };
  }
}

function deadlinesOf(v: Partial<Fields>) {
  return {
    levels: (v.levels ?? []).filter(Boolean).map((l) =>
      l.rule === 'offset'
        ? { level: l.level, rule: 'offset' as const, days: l.days ?? 0, of: l.of }
        : l.rule === 'date'
          ? { level: l.level, rule: 'date' as const, dates: Object.fromEntries(Object.entries(l.dates ?? {}).flatMap(([k, d]) => (d ? [[k, iso(d)!]] : []))) }
          : { level: l.level, rule: 'due' as const },
    ),
    adjust: v.adjust,
    holidays: { extraDaysOff: (v.extraDaysOff ?? []).map((d) => ({ date: iso(d)! })), workingDays: [] },
  };
}

/** The request body the form stands for (checked by CreateCampaignBody before sending). */
function bodyOf(v: Fields) {
  return {
    organizationId: v.organizationId ?? undefined,
    title: v.title,
    outlineId: v.outlineId,
    outlineVersion: v.outlineVersion,
    schedule: scheduleOf(v),
    deadlines: deadlinesOf(v),
    reminders: {
      daysBefore: v.daysBefore ?? [],
      at: v.at,
      overdue: v.overdue ? { firstAfterDays: v.firstAfterDays, everyDays: v.everyDays, maxCount: v.maxCount } : null,
    },
    assignees: { levels: v.assigneeLevels ?? [], kinds: v.assigneeKinds ?? [], systems: v.assigneeSystems ?? [] },
  };
}

/** The periods and deadlines the form gives, and what is wrong with them, as the server will find them. */
function previewOf(v: Partial<Fields>): { periods: PeriodDeadlines[]; issues: ScheduleIssue[]; incomplete: boolean } {
  const schedule = ScheduleSchema.safeParse(scheduleOf(v));
  const policy = DeadlinePolicySchema.safeParse(deadlinesOf(v));
  if (!schedule.success || !policy.success) return { periods: [], issues: [], incomplete: true };
  const generated = generatePeriods(schedule.data);
  const resolved = resolveDeadlines(generated.periods, policy.data);
  return { periods: resolved.periods, issues: [...generated.issues, ...resolved.issues], incomplete: false };
}

const monthStart = (iso: string) => dayjs(`${iso.slice(0, 7)}-01`);

export function CampaignFormPage() {
  const { t, levelLabel, kindLabel, formatDate, periodLabel } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const mine = useMyOrganizations();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Fields>();
  const [issues, setIssues] = useState<ScheduleIssue[] | { path: string; code: string; message: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const values = Form.useWatch([], form) as Partial<Fields> | undefined;
  const outlineId = Form.useWatch('outlineId', form);
  const kind = Form.useWatch('kind', form) ?? 'periodic';
  const overdue = Form.useWatch('overdue', form);
  const outlines = useAsync((signal) => api.reporting.outlines(undefined, signal), []);
  const outline = useAsync((signal) => (outlineId ? api.reporting.outline(outlineId, undefined, signal) : Promise.resolve(undefined)), [outlineId]);

  const today = todayInVietnam();
  const initial = useMemo<Partial<Fields>>(
    () => ({
      organizationId: mine.list.find((o) => mine.holdsAt(o.id, MANAGE_ROLES))?.id ?? null,
      outlineId: Number(params.get('outline')) || undefined,
      kind: 'periodic',
      frequency: 'monthly',
      dueDay: 15,
      dueRule: 'on',
      dueMonth: 'last_month',
      fromMonth: monthStart(today),
      toMonth: monthStart(addDays(today, 330)),
      windows: [{ label: '', range: null }],
      adHocLabel: '',
      adHocDue: null,
      levels: [
        { level: 'province', rule: 'due' },
        { level: 'commune', rule: 'offset', days: 3, of: 'province' },
      ],
      adjust: 'previous_working_day',
      daysBefore: [3, 1],
      at: '08:00',
      overdue: true,
      firstAfterDays: 1,
      everyDays: 3,
      maxCount: 3,
      assigneeLevels: ['commune'],
      assigneeKinds: [],
      assigneeSystems: [],
    }),
    // The defaults are taken once, when the page opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const preview = useMemo(() => previewOf(values ?? initial), [values, initial]);
  const levelOptions = UNIT_LEVELS.map((l) => ({ value: l, label: levelLabel(l) }));

  const submit = async () => {
    let v: Fields;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setError(null);
    const parsed = CreateCampaignBody.safeParse(bodyOf(v));
    if (!parsed.success) {
      setIssues(parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message })));
      return;
    }
    setIssues([]);
    setBusy(true);
    try {
      const c = await api.reporting.createCampaign(parsed.data);
      void message.success(t('campaigns.created'));
      navigate(reportingPaths.campaign(c.id), { state: { warnings: c.warnings } });
    } catch (err) {
      setIssues(issuesOf(err));
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const levelsShown = (values?.levels ?? initial.levels ?? []).filter(Boolean).map((l) => l.level);

  return (
    <>
      <BackLink to={reportingPaths.campaigns}>{t('campaigns.back')}</BackLink>
      <PageTitle sub={t('campaigns.createHelp')}>{t('campaigns.createTitle')}</PageTitle>
      {/* No submit on Enter: Enter confirms a date typed in a picker, and a long form is sent only by its button. */}
      <Form<Fields> form={form} layout="vertical" name="campaign" initialValues={initial} scrollToFirstError>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card title={<h2 className="card-heading">{t('campaigns.what')}</h2>} style={{ marginBottom: 16 }}>
              <Form.Item label={t('campaigns.organization')} name="organizationId" extra={t('campaigns.organizationHelp')} rules={[{ required: true, message: t('users.organizationRequired') }]}>
                <OrganizationSelect />
              </Form.Item>
              <Form.Item label={t('campaigns.titleLabel')} name="title" rules={[{ required: true, whitespace: true, message: t('campaigns.titleRequired') }, zodRule(CreateCampaignBody.shape.title)]}>
                <Input placeholder={t('campaigns.titlePlaceholder')} data-testid="campaign-title" />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} sm={16}>
                  <Form.Item label={t('campaigns.outline')} name="outlineId" rules={[{ required: true, message: t('campaigns.outlineRequired') }]}>
                    <Select
                      loading={outlines.loading}
                      options={(outlines.data?.items ?? []).map((o) => ({ value: o.id, label: o.title }))}
                      showSearch={{ optionFilterProp: 'label' }}
                      onChange={() => form.setFieldValue('outlineVersion', undefined)}
                      notFoundContent={t('outlines.empty')}
                      data-testid="campaign-outline"
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={8}>
                  <Form.Item label={t('campaigns.outlineVersion')} name="outlineVersion" extra={t('campaigns.outlineVersionHelp')}>
                    <Select allowClear placeholder={t('campaigns.latest')} options={[...(outline.data?.versions ?? [])].reverse().map((v) => ({ value: v.version, label: t('outlines.versionNo', { n: v.version }) }))} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>

            <Card title={<h2 className="card-heading">{t('campaigns.when')}</h2>} style={{ marginBottom: 16 }}>
              <Form.Item name="kind" label={t('campaigns.kind')}>
                <Segmented
                  options={(['periodic', 'milestone', 'ad_hoc'] as const).map((k) => ({ value: k, label: <span data-testid={`kind-${k}`}>{t(`scheduleKind.${k}`)}</span> }))}
                />
              </Form.Item>
              {kind === 'periodic' ? (
                <Row gutter={12}>
                  <Col xs={24} sm={8}>
                    <Form.Item label={t('campaigns.frequency')} name="frequency">
                      <Select options={(['monthly', 'quarterly', 'yearly'] as const).map((f) => ({ value: f, label: t(`frequency.${f}`) }))} data-testid="campaign-frequency" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={8}>
                    <Form.Item label={t('campaigns.dueRule')} name="dueRule">
                      <Select options={[{ value: 'on', label: t('campaigns.dueOn') }, { value: 'before', label: t('campaigns.dueBefore') }]} data-testid="campaign-due-rule" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={8}>
                    <Form.Item label={t('campaigns.dueDay')} name="dueDay" rules={[{ required: true, message: t('campaigns.dueDayRequired') }]}>
                      <InputNumber min={1} max={31} style={{ width: '100%' }} data-testid="campaign-due-day" />
                    </Form.Item>
                  </Col>
                  <Col xs={24}>
                    <Form.Item label={t('campaigns.dueMonth')} name="dueMonth">
                      <Select options={[{ value: 'last_month', label: t('campaigns.dueMonthLast') }, { value: 'next_month', label: t('campaigns.dueMonthNext') }]} data-testid="campaign-due-month" />
                    </Form.Item>
                  </Col>
                  <Col xs={12}>
                    <Form.Item label={t('campaigns.fromMonth')} name="fromMonth" rules={[{ required: true, message: t('campaigns.monthRequired') }]}>
                      <DatePicker picker="month" format="MM/YYYY" style={{ width: '100%' }} data-testid="campaign-from" />
                    </Form.Item>
                  </Col>
                  <Col xs={12}>
                    <Form.Item label={t('campaigns.toMonth')} name="toMonth" rules={[{ required: true, message: t('campaigns.monthRequired') }]}>
                      <DatePicker picker="month" format="MM/YYYY" style={{ width: '100%' }} data-testid="campaign-to" />
                    </Form.Item>
                  </Col>
                </Row>
              ) : null}
              {kind === 'milestone' ? (
                <Form.List name="windows">
                  {(fields, { add, remove }) => (
                    <>
                      {fields.map((f, i) => (
                        <fieldset key={f.key} className="plain-fieldset milestone-row">
                          <legend className="field-label">{t('campaigns.window', { n: i + 1 })}</legend>
                          <Row gutter={8} align="top">
                            <Col xs={24}>
                              <Form.Item name={[f.name, 'label']} label={t('campaigns.windowLabel')} rules={[{ required: true, whitespace: true, message: t('campaigns.windowLabelRequired') }]}>
                                <Input placeholder={t('campaigns.windowLabelPlaceholder')} />
                              </Form.Item>
                            </Col>
                            <Col xs={24} md={12}>
                              <Form.Item name={[f.name, 'range']} label={t('campaigns.windowRange')} rules={[{ required: true, message: t('campaigns.windowRangeRequired') }]}>
                                <DatePicker.RangePicker format="DD/MM/YYYY" style={{ width: '100%' }} placeholder={[t('consultations.opensOn'), t('consultations.closesOn')]} />
                              </Form.Item>
                            </Col>
                            <Col xs={20} md={10}>
                              <Form.Item name={[f.name, 'due']} label={t('campaigns.windowDue')}>
                                <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} placeholder={t('campaigns.windowDueDefault')} />
                              </Form.Item>
                            </Col>
                            <Col xs={4} md={2}>
                              <Button type="text" danger icon={<MinusCircleOutlined aria-hidden />} onClick={() => remove(f.name)} disabled={fields.length === 1} aria-label={t('campaigns.removeWindow', { n: i + 1 })} style={{ marginTop: 30 }} />
                            </Col>
                          </Row>
                        </fieldset>
                      ))}
                      <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ label: '', range: null })}>
                        {t('campaigns.addWindow')}
                      </Button>
                    </>
                  )}
                </Form.List>
              ) : null}
              {kind === 'ad_hoc' ? (
                <Row gutter={12}>
                  <Col xs={24} sm={14}>
                    <Form.Item label={t('campaigns.adHocLabel')} name="adHocLabel" rules={[{ required: true, whitespace: true, message: t('campaigns.windowLabelRequired') }]}>
                      <Input placeholder={t('campaigns.adHocLabelPlaceholder')} data-testid="campaign-adhoc-label" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={10}>
                    <Form.Item label={t('campaigns.adHocDue')} name="adHocDue" rules={[{ required: true, message: t('campaigns.adHocDueRequired') }]}>
                      <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} data-testid="campaign-adhoc-due" />
                    </Form.Item>
                  </Col>
                </Row>
              ) : null}
            </Card>

            <Card title={<h2 className="card-heading">{t('campaigns.deadlines')}</h2>} style={{ marginBottom: 16 }}>
              <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
                {t('campaigns.deadlinesHelp')}
              </Typography.Paragraph>
              <Form.List name="levels">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((f, i) => {
                      const rule = values?.levels?.[i]?.rule ?? initial.levels?.[i]?.rule;
                      return (
                        <fieldset key={f.key} className="plain-fieldset level-row" data-testid={`deadline-level-${i}`}>
                          <legend className="field-label">{t('campaigns.levelDeadline', { n: i + 1 })}</legend>
                          <Row gutter={8}>
                            <Col xs={12} md={7}>
                              <Form.Item name={[f.name, 'level']} label={t('common.level')}>
                                <Select options={levelOptions} data-testid="deadline-level" />
                              </Form.Item>
                            </Col>
                            <Col xs={12} md={7}>
                              <Form.Item name={[f.name, 'rule']} label={t('campaigns.deadlineRule')}>
                                <Select
                                  options={(['due', 'offset', 'date'] as const).map((r) => ({ value: r, label: t(`deadlineRule.${r}`) }))}
                                  data-testid="deadline-rule"
                                />
                              </Form.Item>
                            </Col>
                            {rule === 'offset' ? (
                              <>
                                <Col xs={10} md={4}>
                                  <Form.Item name={[f.name, 'days']} label={t('campaigns.offsetDays')} rules={[{ required: true, message: t('campaigns.offsetDaysRequired') }]}>
                                    <InputNumber min={0} max={90} style={{ width: '100%' }} data-testid="deadline-days" />
                                  </Form.Item>
                                </Col>
                                <Col xs={14} md={5}>
                                  <Form.Item name={[f.name, 'of']} label={t('campaigns.offsetOf')} rules={[{ required: true, message: t('campaigns.offsetOfRequired') }]}>
                                    <Select options={levelOptions} data-testid="deadline-of" />
                                  </Form.Item>
                                </Col>
                              </>
                            ) : null}
                            <Col xs={24} md={rule === 'offset' ? 1 : 10} style={{ textAlign: 'right' }}>
                              <Button type="text" danger icon={<MinusCircleOutlined aria-hidden />} onClick={() => remove(f.name)} disabled={fields.length === 1} aria-label={t('campaigns.removeLevel', { n: i + 1 })} style={{ marginTop: 30 }} />
                            </Col>
                          </Row>
                          {rule === 'date' ? (
                            <Row gutter={8}>
                              {generatePeriodsSafe(values ?? initial).map((p) => (
                                <Col xs={12} md={8} key={p.id}>
                                  <Form.Item name={[f.name, 'dates', p.id]} label={periodLabel(p.label)}>
                                    <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
                                  </Form.Item>
                                </Col>
                              ))}
                            </Row>
                          ) : null}
                        </fieldset>
                      );
                    })}
                    <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ level: 'commune', rule: 'due' })} data-testid="deadline-add">
                      {t('campaigns.addLevel')}
                    </Button>
                  </>
                )}
              </Form.List>
              <Row gutter={12} style={{ marginTop: 16 }}>
                <Col xs={24} md={12}>
                  <Form.Item label={t('campaigns.adjust')} name="adjust">
                    <Select options={DEADLINE_ADJUSTMENTS.map((a) => ({ value: a, label: t(`adjust.${a}`) }))} data-testid="campaign-adjust" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label={t('campaigns.extraDaysOff')} name="extraDaysOff" extra={t('campaigns.extraDaysOffHelp')}>
                    <DatePicker multiple format="DD/MM/YYYY" style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>

            <Card title={<h2 className="card-heading">{t('campaigns.who')}</h2>} style={{ marginBottom: 16 }}>
              <Form.Item label={t('campaigns.assigneeLevels')} name="assigneeLevels" rules={[{ required: true, message: t('campaigns.assigneeLevelsRequired') }]}>
                <Select mode="multiple" options={levelOptions.filter((l) => l.value !== 'central')} data-testid="assignee-levels" />
              </Form.Item>
              <Form.Item label={t('campaigns.assigneeKinds')} name="assigneeKinds" extra={t('campaigns.assigneeKindsHelp')}>
                <Select mode="multiple" options={ORG_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))} showSearch={{ optionFilterProp: 'label' }} data-testid="assignee-kinds" />
              </Form.Item>
              <Form.Item label={t('campaigns.assigneeSystems')} name="assigneeSystems" extra={t('campaigns.assigneeSystemsHelp')}>
                <Select mode="multiple" options={ORG_SYSTEMS.map((s) => ({ value: s, label: t(`system.${s}`) }))} />
              </Form.Item>
            </Card>

            <Card title={<h2 className="card-heading">{t('campaigns.reminders')}</h2>}>
              <Row gutter={12}>
                <Col xs={24} sm={14}>
                  <Form.Item
                    label={t('campaigns.daysBefore')}
                    name="daysBefore"
                    extra={t('campaigns.daysBeforeHelp')}
                    normalize={(v: (string | number)[]) => [...new Set(v.map(Number).filter((n) => Number.isInteger(n) && n >= 0 && n <= 60))].sort((a, b) => b - a)}
                  >
                    <Select mode="tags" tokenSeparators={[',', ' ']} options={[7, 5, 3, 2, 1, 0].map((n) => ({ value: n, label: String(n) }))} data-testid="reminder-days" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={10}>
                  <Form.Item label={t('campaigns.at')} name="at" rules={[zodRule(ReminderPolicySchema.shape.at)]}>
                    <Input placeholder="08:00" maxLength={5} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item label={t('campaigns.overdue')} name="overdue" valuePropName="checked">
                <Switch />
              </Form.Item>
              {overdue ? (
                <Row gutter={12}>
                  <Col xs={8}>
                    <Form.Item label={t('campaigns.firstAfterDays')} name="firstAfterDays">
                      <InputNumber min={1} max={60} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={8}>
                    <Form.Item label={t('campaigns.everyDays')} name="everyDays">
                      <InputNumber min={1} max={60} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={8}>
                    <Form.Item label={t('campaigns.maxCount')} name="maxCount">
                      <InputNumber min={0} max={20} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                </Row>
              ) : null}
            </Card>
          </Col>

          <Col xs={24} xl={10}>
            <Card title={<h2 className="card-heading">{t('campaigns.previewTitle')}</h2>} className="sticky-card" data-testid="campaign-preview">
              {preview.incomplete ? (
                <Typography.Text type="secondary">{t('campaigns.previewIncomplete')}</Typography.Text>
              ) : (
                <>
                  <Typography.Paragraph>{t('campaigns.previewCount', { n: preview.periods.length })}</Typography.Paragraph>
                  {preview.issues.length ? (
                    <Alert
                      type={preview.issues.some((i) => i.severity === 'error') ? 'error' : 'warning'}
                      showIcon
                      title={t('campaigns.scheduleIssues')}
                      description={
                        <ul className="issue-list">
                          {preview.issues.map((i) => (
                            <li key={`${i.path}-${i.code}`}>{i.message}</li>
                          ))}
                        </ul>
                      }
                      style={{ marginBottom: 12 }}
                      data-testid="campaign-preview-issues"
                    />
                  ) : null}
                  <Table<PeriodDeadlines>
                    size="small"
                    rowKey="id"
                    dataSource={preview.periods}
                    pagination={{ pageSize: 12, hideOnSinglePage: true }}
                    scroll={{ x: true }}
                    columns={[
                      { key: 'label', title: t('campaign.period'), render: (_, p) => <span style={{ whiteSpace: 'nowrap' }}>{periodLabel(p.label)}</span> },
                      ...levelsShown.map((level) => ({
                        key: level,
                        title: t('campaign.deadlineOf', { level: t(`levelShort.${level}`) }),
                        render: (_: unknown, p: PeriodDeadlines) => {
                          const d = p.deadlines.find((x) => x.level === level);
                          return d ? (
                            <span title={d.moved ?? undefined} style={{ whiteSpace: 'nowrap' }}>
                              {formatDate(d.inForce)}
                              {d.moved ? <Tag style={{ marginInlineStart: 4 }}>{t('campaign.moved')}</Tag> : null}
                            </span>
                          ) : (
                            '—'
                          );
                        },
                      })),
                    ]}
                  />
                </>
              )}
            </Card>
          </Col>
        </Row>
        {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 16 }} data-testid="campaign-error" /> : null}
        <div style={{ marginTop: 16 }}>
          <IssueList issues={issues} testId="campaign-issues" />
        </div>
        <Flex justify="end" gap={8} style={{ marginTop: 16 }}>
          <Button onClick={() => navigate(reportingPaths.campaigns)}>{t('common.cancel')}</Button>
          <Button type="primary" icon={<SendOutlined aria-hidden />} loading={busy} onClick={() => void submit()} data-testid="campaign-submit">
            {t('campaigns.start')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}

/** The periods alone (for per-period dates), or none while the schedule is incomplete. */
function generatePeriodsSafe(v: Partial<Fields>) {
  const schedule = ScheduleSchema.safeParse(scheduleOf(v));
  return schedule.success ? generatePeriods(schedule.data).periods : [];
}
