// A citizen's comment on a section or on a whole draft: the text (up to 5,000 characters), an optional anonymous
// profile, the privacy notice, then proof of work in the browser, sending, and the receipt number.
import { CheckCircleOutlined, LockOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Collapse, Flex, Form, Input, Progress, Radio, Result, Select, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../../web/i18n';
import { zodRule } from '../../../web/ui/zodForm';
import { AGE_BANDS, CommentText, GENDERS, MAX_COMMENT_CHARS, STRATA } from '../consultations.schema';
import { CommuneSearchSelect, type CommuneChoice } from './CommuneSearchSelect';
import { EXPECTED_ATTEMPTS, usePublicSubmission, type PublicCommentDraft } from './publicSubmission';

interface Fields {
  body: string;
  stratum?: string;
  gender?: string;
  ageBand?: string;
  ethnicity?: string;
  religion?: string;
  /** Where the citizen lives, picked from the consultation's area. */
  commune?: CommuneChoice;
}

export interface PublicCommentFormProps {
  consultationId: number;
  draftId?: number;
  sectionAddress?: string;
  /** What the comment is about, as the citizen reads it ("II.1. Mục tiêu tổng quát"). */
  targetLabel: string;
  /** Profile answers kept between comments on this page, so a citizen fills them once. */
  profile: Omit<Fields, 'body'>;
  onProfile: (profile: Omit<Fields, 'body'>) => void;
  onClose: () => void;
}

const trimmed = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);

/** The short privacy notice shown with every comment form. */
export function PrivacyNotice() {
  const { t } = useI18n();
  return (
    <Alert
      type="info"
      showIcon
      icon={<LockOutlined aria-hidden />}
      title={t('public.privacyTitle')}
      description={
        <ul className="privacy-list">
          <li>{t('public.privacyWhat')}</li>
          <li>{t('public.privacyOptional')}</li>
          <li>{t('public.privacyNoAccount')}</li>
        </ul>
      }
      data-testid="privacy-notice"
    />
  );
}

export function PublicCommentForm({ consultationId, draftId, sectionAddress, targetLabel, profile, onProfile, onClose }: PublicCommentFormProps) {
  const { t, enumLabel, formatDateTime, formatNumber } = useI18n();
  const [form] = Form.useForm<Fields>();
  const { state, submit, retry, reset, busy } = usePublicSubmission(consultationId);
  const body = Form.useWatch('body', form) ?? '';
  const textRef = useRef<TextAreaRef>(null);

  useEffect(() => () => reset(), [reset]);
  // On a phone the outcome may sit below the fold: bring it into view.
  const outcomeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.phase === 'failed' || state.phase === 'verifying') outcomeRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [state.phase]);

  const send = (values: Fields) => {
    const { body: text, ...rest } = values;
    const answers = { stratum: rest.stratum, gender: rest.gender, ageBand: rest.ageBand, ethnicity: trimmed(rest.ethnicity), religion: trimmed(rest.religion) };
    onProfile({ ...answers, commune: rest.commune });
    const draft = { draftId, sectionAddress, body: text, ...answers, unitCode: rest.commune?.code } as PublicCommentDraft;
    void submit(draft);
  };

  if (state.phase === 'done' && state.receipt) {
    return (
      <Result
        status="success"
        icon={<CheckCircleOutlined aria-hidden />}
        title={<span role="status">{t('public.thanks')}</span>}
        subTitle={
          <>
            <span className="receipt-number" data-testid="receipt">
              {t('public.receipt', { id: state.receipt.id })}
            </span>
            <br />
            {t('public.receivedAt', { at: formatDateTime(state.receipt.receivedAt) })}
            {state.receipt.duplicate ? (
              <>
                <br />
                {t('public.duplicate')}
              </>
            ) : null}
          </>
        }
        extra={[
          <Button
            key="more"
            type="primary"
            onClick={() => {
              reset();
              form.resetFields(['body']);
              setTimeout(() => textRef.current?.focus(), 0);
            }}
          >
            {t('public.commentMore')}
          </Button>,
          <Button key="close" onClick={onClose}>
            {t('common.close')}
          </Button>,
        ]}
      />
    );
  }

  const percent = Math.min(99, Math.round((state.attempts / EXPECTED_ATTEMPTS) * 100));
  return (
    <Form<Fields> form={form} layout="vertical" name="public-comment" initialValues={{ body: '', ...profile }} onFinish={send} disabled={busy} requiredMark={false}>
      <Typography.Paragraph className="comment-target">
        {t('public.commentOn')} <strong>{targetLabel}</strong>
      </Typography.Paragraph>
      <Form.Item
        label={t('public.yourComment')}
        name="body"
        rules={[{ required: true, whitespace: true, message: t('public.bodyRequired') }, zodRule(CommentText)]}
        extra={t('public.counter', { n: formatNumber(body.length), max: formatNumber(MAX_COMMENT_CHARS) })}
      >
        <Input.TextArea ref={textRef} rows={6} maxLength={MAX_COMMENT_CHARS} autoFocus placeholder={t('public.bodyPlaceholder')} data-testid="public-comment-body" className="comment-textarea" />
      </Form.Item>
      <Collapse
        size="small"
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'profile',
            label: t('public.profileTitle'),
            children: (
              <>
                <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
                  {t('public.profileHelp')}
                </Typography.Paragraph>
                <Form.Item label={t('profile.stratum')} name="stratum">
                  <Select allowClear placeholder={t('profile.skip')} options={STRATA.map((s) => ({ value: s, label: enumLabel('stratum', s) }))} />
                </Form.Item>
                <Form.Item label={t('profile.gender')} name="gender">
                  <Radio.Group optionType="button" options={GENDERS.map((g) => ({ value: g, label: enumLabel('gender', g) }))} />
                </Form.Item>
                <Form.Item label={t('profile.ageBand')} name="ageBand">
                  <Select allowClear placeholder={t('profile.skip')} options={AGE_BANDS.map((a) => ({ value: a, label: enumLabel('age', a) }))} />
                </Form.Item>
                <Flex gap={12} wrap>
                  <Form.Item label={t('profile.ethnicity')} name="ethnicity" style={{ flex: '1 1 140px' }}>
                    <Input maxLength={100} placeholder={t('profile.ethnicityPlaceholder')} />
                  </Form.Item>
                  <Form.Item label={t('profile.religion')} name="religion" style={{ flex: '1 1 140px' }}>
                    <Input maxLength={100} placeholder={t('profile.religionPlaceholder')} />
                  </Form.Item>
                </Flex>
                <Form.Item label={t('profile.commune')} name="commune" extra={t('profile.communeHelp')}>
                  <CommuneSearchSelect consultationId={consultationId} />
                </Form.Item>
              </>
            ),
          },
        ]}
      />
      <PrivacyNotice />
      <div ref={outcomeRef} aria-live="polite" style={{ marginTop: 16 }}>
        {state.phase === 'verifying' ? (
          <div data-testid="pow-progress">
            <Flex align="center" gap={8}>
              <SafetyOutlined aria-hidden />
              <Typography.Text>{t('public.verifying')}</Typography.Text>
            </Flex>
            <Progress percent={percent} status="active" showInfo={false} aria-label={t('public.verifying')} />
          </div>
        ) : null}
        {state.phase === 'sending' ? <Typography.Text>{t('public.sending')}</Typography.Text> : null}
        {state.phase === 'failed' && state.error ? (
          <Alert
            type={state.retryable ? 'warning' : 'error'}
            showIcon
            role="alert"
            title={state.error.message}
            description={state.retryable ? t('public.retryHelp') : undefined}
            action={
              state.retryable ? (
                <Button size="small" onClick={() => void retry()} disabled={false} data-testid="public-retry">
                  {t('public.retry')}
                </Button>
              ) : undefined
            }
            data-testid="public-error"
          />
        ) : null}
      </div>
      <Flex gap={8} justify="end" wrap style={{ marginTop: 16 }}>
        <Button onClick={onClose} disabled={false}>
          {t('common.cancel')}
        </Button>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="public-comment-submit">
          {state.phase === 'verifying' ? t('public.verifyingShort') : state.phase === 'sending' ? t('public.sending') : t('public.send')}
        </Button>
      </Flex>
    </Form>
  );
}
