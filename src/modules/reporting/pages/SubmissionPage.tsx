// A unit's report for a period. The reporting unit writes it as a form built from the outline, saves drafts (each
// save names the revision it was made on: a stale one is refused and the page says to reload) and submits it; the
// unit that receives it returns it with a reason, accepts it or unlocks it. Only what `actions` allows is offered.
// Around it: status, deadline, on time or late, the history with reasons, the versions and what changed, the scanned
// signed copy, the report as DOCX and XLSX. A report opened from a roll-up starts with the rolled-up content.
import { CheckOutlined, EditOutlined, RollbackOutlined, SaveOutlined, SendOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Flex, Form, Input, Popconfirm, Row, Skeleton, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, errorMessage, type Submission, type SubmissionKey } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { BackLink, ErrorAlert, PageLoadError, PageTitle } from '../../../web/ui/Feedback';
import { FormDialog } from '../../../web/ui/FormDialog';
import { useAsync } from '../../../web/ui/hooks';
import { MonthPicker } from '../../../web/ui/MonthPicker';
import { MANAGE_ROLES, useMyOrganizations } from '../../../web/ui/myOrganizations';
import { zodRule } from '../../../web/ui/zodForm';
import { ReasonSchema, type ReportContent, type ReportIssue } from '../reporting.schema';
import { SentimentSummary } from '../../sentiment/pages/SentimentSummary';
import { shortMonth } from '../../sentiment/sentiment.model';
import { Attachments } from './Attachments';
import { DocumentLinks } from './FileLinks';
import { IssueList, issuesOf } from './IssueList';
import { reportingFiles, reportingPaths } from './paths';
import { contentFromValues, fieldOfIssue, ReportForm, ReportView, showIssuesAtFields, valuesFromContent, type ReportValues } from './ReportForm';
import { EventTimeline, Versions } from './SubmissionHistory';
import { DeadlineText, SubmissionStatusTag, TimelinessTag } from './tags';

/** What a page hands the submission page when it opens it pre-filled (the roll-up's "use as our report"). */
export interface PrefillState {
  prefill: ReportContent;
  coverage: string;
}

type Busy = 'save' | 'submit' | 'accept' | null;

/**
 * "Kèm báo cáo tình hình Nhân dân tháng …": while writing, the choice and the month with the figures as they stand
 * now; otherwise the report as it was fixed at the last save or submission.
 */
function SentimentAttachment({ s, editing, choice, onChange }: { s: Submission; editing: boolean; choice: { attach: boolean; month: string }; onChange: (c: { attach: boolean; month: string }) => void }) {
  const { t, formatDateTime } = useI18n();
  const live = useAsync(
    (signal) => (editing && choice.attach && /^\d{4}-\d{2}$/.test(choice.month) ? api.sentiment.report(s.organizationId, choice.month, signal) : Promise.resolve(undefined)),
    [editing, choice.attach, choice.month, s.organizationId],
  );
  if (!editing && !s.sentiment) return null;
  const shown = editing ? live.data : s.sentiment;
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      data-testid="sentiment-attachment"
      title={<h2 className="card-heading">{s.sentiment && !editing ? t('sentiment.attached', { month: shortMonth(s.sentiment.month) }) : t('sentiment.title')}</h2>}
    >
      {editing ? (
        <Flex vertical gap={8} style={{ marginBottom: 8 }}>
          <Flex wrap gap={8} align="center">
            <Checkbox checked={choice.attach} onChange={(e) => onChange({ ...choice, attach: e.target.checked })} data-testid="sentiment-attach">
              {t('sentiment.attach')}
            </Checkbox>
            <MonthPicker aria-label={t('sentiment.month')} value={choice.month} disabled={!choice.attach} onChange={(month) => onChange({ ...choice, month })} />
          </Flex>
          <Typography.Text type="secondary">{choice.attach ? t('sentiment.livePreview') : t('sentiment.notAttached')}</Typography.Text>
          <Typography.Text type="secondary">{t('sentiment.attachHelp')}</Typography.Text>
        </Flex>
      ) : (
        <Typography.Paragraph type="secondary">{t('sentiment.snapshotAt', { at: formatDateTime(s.sentiment!.computedAt) })}</Typography.Paragraph>
      )}
      {live.error && editing ? <ErrorAlert error={live.error} /> : null}
      {shown && (!editing || choice.attach) ? <SentimentSummary report={shown} /> : null}
    </Card>
  );
}

function ReasonDialog({ action, onClose, onDone }: { action: 'return' | 'unlock' | null; onClose: () => void; onDone: (reason: string) => Promise<void> }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <FormDialog<{ reason: string }>
      open={action !== null}
      title={action === 'unlock' ? t('submission.unlockTitle') : t('submission.returnTitle')}
      okText={action === 'unlock' ? t('submission.unlock') : t('submission.return')}
      form={form}
      name="reason"
      onSubmit={(v) => onDone(v.reason.trim())}
      onClose={onClose}
      okTestId="reason-submit"
      errorTestId="reason-error"
      intro={<p>{action === 'unlock' ? t('submission.unlockHelp') : t('submission.returnHelp')}</p>}
    >
      <Form.Item label={t('submission.reason')} name="reason" rules={[{ required: true, whitespace: true, message: t('submission.reasonRequired') }, zodRule(ReasonSchema)]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={2000} data-testid="reason" />
      </Form.Item>
    </FormDialog>
  );
}

export function SubmissionPage() {
  const params = useParams();
  const k: SubmissionKey = { campaignId: Number(params.id), periodKey: params.period ?? '', organizationId: Number(params.org) };
  const { t, formatDateTime, periodLabel } = useI18n();
  const { message } = App.useApp();
  const location = useLocation();
  const navigate = useNavigate();
  const [form] = Form.useForm<ReportValues>();
  const mine = useMyOrganizations();
  const sub = useAsync((signal) => api.reporting.submission(k, signal), [k.campaignId, k.periodKey, k.organizationId]);
  const campaign = useAsync((signal) => api.reporting.campaign(k.campaignId, signal), [k.campaignId]);
  const s = sub.data;
  const prefill = (location.state as PrefillState | null) ?? null;
  const [busy, setBusy] = useState<Busy>(null);
  const [issues, setIssues] = useState<ReportIssue[]>([]);
  const [stale, setStale] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [reasonFor, setReasonFor] = useState<'return' | 'unlock' | null>(null);
  const canEdit = !!s?.actions.includes('edit');
  // A superior's role reaches the units below it, so it may also write their report; it reads it unless it asks to.
  const [editForUnit, setEditForUnit] = useState(false);
  const ownUnit = mine.holdsAt(k.organizationId, MANAGE_ROLES);
  const editing = canEdit && (ownUnit || editForUnit);
  const [sentiment, setSentiment] = useState({ attach: false, month: '' });
  const periodMonth = campaign.data?.periods.find((p) => p.id === k.periodKey)?.start.slice(0, 7) ?? '';

  // The form shows the stored content, or what the roll-up pre-filled, each time the report is (re)loaded.
  const shownRevision = s ? `${s.revision}/${s.status}` : '';
  useEffect(() => {
    if (!s) return;
    form.resetFields();
    form.setFieldsValue(valuesFromContent(s.outline, prefill && canEdit ? prefill.prefill : s.content));
    setDirty(!!prefill && canEdit);
    setEditForUnit(!!prefill);
    setSentiment({ attach: !!s.sentiment, month: s.sentiment?.month ?? '' });
    // Only when another revision arrives: a write's answer carries the content just sent.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shownRevision]);

  useEffect(() => {
    if (s && campaign.data) document.title = `${s.organizationName} · ${periodLabel(s.periodLabel)} · ${t('app.name')}`;
  }, [s, campaign.data, t]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const fail = (err: unknown) => {
    if (err instanceof ApiError && err.code === 'SUBMISSION_STALE') {
      setStale(true);
      return;
    }
    const found = issuesOf(err);
    setIssues(found);
    if (found.length) showIssuesAtFields(form, found);
    void message.error({ content: errorMessage(err), duration: 8 });
  };

  /** The report as typed, or null (with the problems shown at their fields) when a value cannot be read. */
  const typedContent = (): ReportContent | null => {
    if (!s) return null;
    const { content, issues: found } = contentFromValues(s.outline, form.getFieldsValue(true) as ReportValues);
    setIssues(found);
    if (found.length) {
      showIssuesAtFields(form, found);
      return null;
    }
    return content;
  };

  const write = async (what: Exclude<Busy, null>, run: () => Promise<Submission>, done: string) => {
    setBusy(what);
    try {
      const next = await run();
      sub.setData(next);
      setIssues([]);
      setDirty(false);
      if (prefill) navigate(location.pathname, { replace: true, state: null });
      void message.success(done);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(null);
    }
  };

  // The month defaults to the period's first month (a monthly report is about its own month).
  const sentimentChoice = { ...sentiment, month: sentiment.month || periodMonth };
  const sentimentRef = () => (sentimentChoice.attach && sentimentChoice.month ? { month: sentimentChoice.month } : null);
  const save = () => {
    const content = typedContent();
    if (content && s) void write('save', () => api.reporting.save(k, { content, sentiment: sentimentRef(), expectedRevision: s.revision }), t('submission.saved'));
  };
  const submit = () => {
    const content = typedContent();
    if (content && s) void write('submit', () => api.reporting.submit(k, { content, sentiment: sentimentRef(), expectedRevision: s.revision }), t('submission.submitted', { name: s.recipientName }));
  };
  const accept = () => void write('accept', () => api.reporting.accept(k), t('submission.accepted'));
  const withReason = async (reason: string) => {
    const next = reasonFor === 'unlock' ? await api.reporting.unlock(k, reason) : await api.reporting.returnReport(k, reason);
    sub.setData(next);
    void message.success(reasonFor === 'unlock' ? t('submission.unlocked') : t('submission.returned'));
    setReasonFor(null);
  };
  const reload = () => {
    setStale(false);
    setIssues([]);
    sub.reload();
  };
  const pickIssue = (i: ReportIssue) => {
    const name = fieldOfIssue(i.path);
    if (name) form.scrollToField(name, { focus: true, block: 'center' });
  };

  // The signed copy is often scanned after sending, so the reporting unit may attach it until the report is accepted.
  const reporter = editing || ownUnit;
  const reviewing = !!s && (s.actions.includes('return') || s.actions.includes('accept') || s.actions.includes('unlock'));
  const back = <BackLink to={reportingPaths.campaign(k.campaignId, reviewing ? 'received' : 'mine')}>{campaign.data?.title ?? t('campaigns.back')}</BackLink>;
  if (!Number.isInteger(k.campaignId) || !Number.isInteger(k.organizationId)) return <ErrorAlert error={new Error(t('app.notFound'))} />;
  if (sub.error && !s) return <PageLoadError back={back} error={sub.error} onRetry={sub.reload} />;
  if (!s) return <Skeleton active />;

  const submitLabel = s.status === 'returned' || s.version > 0 ? t('submission.resubmit') : t('submission.submit');
  return (
    <>
      {back}
      <PageTitle sub={`${periodLabel(s.periodLabel)} · ${campaign.data?.title ?? ''}`} extra={<DocumentLinks href={(f) => reportingFiles.report(k, f)} testId="report" />}>
        <span data-testid="submission-heading">{s.organizationName}</span>
      </PageTitle>

      <Card style={{ marginBottom: 16 }} data-testid="submission-summary">
        <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
          <SubmissionStatusTag status={s.status} />
          <TimelinessTag timeliness={s.timeliness} daysLate={s.daysLate} />
          {s.version ? <span>{t('submission.versionNo', { n: s.version })}</span> : null}
          {s.periodClosed ? <span>{t('campaign.periodClosed')}</span> : null}
        </Flex>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('campaign.deadline')}>
            <span data-testid="submission-deadline">
              <DeadlineText deadline={s.deadline} settled={s.status === 'submitted' || s.status === 'accepted'} />
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('submission.recipient')}>{s.recipientName}</Descriptions.Item>
          {s.firstSubmittedAt ? <Descriptions.Item label={t('submission.firstSubmittedAt')}>{formatDateTime(s.firstSubmittedAt)}</Descriptions.Item> : null}
          {s.submittedAt && s.submittedAt !== s.firstSubmittedAt ? <Descriptions.Item label={t('submission.lastSubmittedAt')}>{formatDateTime(s.submittedAt)}</Descriptions.Item> : null}
          {s.deadlineAtSubmission && s.deadlineAtSubmission !== s.deadline ? (
            <Descriptions.Item label={t('submission.deadlineAtSubmission')}>{s.deadlineAtSubmission.split('-').reverse().join('/')}</Descriptions.Item>
          ) : null}
        </Descriptions>
        {s.status === 'returned' && s.reason ? <Alert type="warning" showIcon title={t('submission.returnedBecause')} description={s.reason} style={{ marginTop: 12 }} data-testid="return-reason" /> : null}
        {stale ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('submission.stale')}
            action={
              <Button size="small" onClick={reload} data-testid="reload">
                {t('submission.reload')}
              </Button>
            }
            style={{ marginTop: 12 }}
            data-testid="stale"
          />
        ) : null}
        {prefill && editing ? <Alert type="info" showIcon title={t('submission.prefilled')} description={prefill.coverage} style={{ marginTop: 12 }} data-testid="prefilled" /> : null}
        {reviewing ? (
          <Space wrap style={{ marginTop: 12 }}>
            {s.actions.includes('accept') ? (
              <Popconfirm title={t('submission.acceptConfirm')} onConfirm={accept} okText={t('common.yes')} cancelText={t('common.no')}>
                <Button type="primary" icon={<CheckOutlined aria-hidden />} loading={busy === 'accept'} data-testid="accept">
                  {t('submission.accept')}
                </Button>
              </Popconfirm>
            ) : null}
            {s.actions.includes('return') ? (
              <Button danger icon={<RollbackOutlined aria-hidden />} onClick={() => setReasonFor('return')} data-testid="return">
                {t('submission.return')}
              </Button>
            ) : null}
            {s.actions.includes('unlock') ? (
              <Button icon={<UnlockOutlined aria-hidden />} onClick={() => setReasonFor('unlock')} data-testid="unlock">
                {t('submission.unlock')}
              </Button>
            ) : null}
          </Space>
        ) : null}
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card title={<h2 className="card-heading">{s.outline.title}</h2>}>
            <IssueList issues={issues} testId="submission-issues" onPick={pickIssue} />
            {editing ? <ReportForm outline={s.outline} form={form} onValuesChange={() => setDirty(true)} /> : <ReportView outline={s.outline} content={s.content} />}
            <SentimentAttachment
              s={s}
              editing={editing}
              choice={sentimentChoice}
              onChange={(c) => {
                setSentiment(c);
                setDirty(true);
              }}
            />
            {canEdit && !editing ? (
              <Flex justify="end" style={{ marginTop: 12 }}>
                <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditForUnit(true)} data-testid="edit-for-unit">
                  {t('submission.editForUnit')}
                </Button>
              </Flex>
            ) : null}
            {editing ? (
              <Flex wrap gap={8} justify="end" className="form-actions">
                <Button icon={<SaveOutlined aria-hidden />} loading={busy === 'save'} onClick={save} data-testid="save">
                  {t('submission.save')}
                </Button>
                {s.actions.includes('submit') ? (
                  <Popconfirm title={t('submission.submitConfirm', { name: s.recipientName })} onConfirm={submit} okText={t('common.yes')} cancelText={t('common.no')}>
                    <Button type="primary" icon={<SendOutlined aria-hidden />} loading={busy === 'submit'} data-testid="submit">
                      {submitLabel}
                    </Button>
                  </Popconfirm>
                ) : null}
              </Flex>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={<h2 className="card-heading">{t('submission.attachments')}</h2>} size="small" style={{ marginBottom: 16 }}>
            <Attachments k={k} submission={s} canAttach={reporter && s.status !== 'accepted' && !s.periodClosed} onChange={sub.setData} />
          </Card>
          <Card title={<h2 className="card-heading">{t('submission.history')}</h2>} size="small" style={{ marginBottom: 16 }}>
            <EventTimeline submission={s} />
          </Card>
          <Card title={<h2 className="card-heading">{t('submission.versions')}</h2>} size="small">
            <Versions k={k} submission={s} />
          </Card>
        </Col>
      </Row>
      <ReasonDialog action={reasonFor} onClose={() => setReasonFor(null)} onDone={withReason} />
    </>
  );
}
