// Fast keyboard entry of a meeting's minutes: pick the meeting once, then type a comment, pick its section, stratum
// and how many people it stands for; Enter saves (Shift+Enter starts a new line), the text clears, the context
// stays, and the cursor is back in the text box for the next one. Typing goes on while a comment is being saved:
// what was typed after it stays in the box, and an Enter pressed meanwhile saves it once the first is stored.
import { ThunderboltOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Input, InputNumber, List, Row, Select, Tag, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { api, errorMessage, type Comment } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { Field } from '../../../web/ui/Field';
import { newIdempotencyKey } from '../../../web/ui/ids';
import { decodeTarget, SectionPicker, useTargetLabel } from '../../../web/ui/sections';
import { CHANNELS, MAX_COMMENT_CHARS, STRATA, type Channel } from '../consultations.schema';
import type { ConsultationContext } from './context';
import { textAfterSave } from './quickText';

/** Channels staff record (the portal is the citizens' own). */
const STAFF_CHANNELS = CHANNELS.filter((c): c is Exclude<Channel, 'portal'> => c !== 'portal');

export function QuickEntry({ ctx, onSaved }: { ctx: ConsultationContext; onSaved: (c: Comment) => void }) {
  const { t, enumLabel, formatNumber, formatDate } = useI18n();
  const c = ctx.consultation;
  const meetings = useMemo(() => ctx.meetings.filter((m) => m.organizationId === ctx.orgId), [ctx.meetings, ctx.orgId]);
  const [meetingId, setMeetingId] = useState<number | undefined>(undefined);
  const [channel, setChannel] = useState<Exclude<Channel, 'portal'>>('written');
  const [target, setTarget] = useState<string | undefined>(undefined);
  const [stratum, setStratum] = useState<string | undefined>(undefined);
  const [weight, setWeight] = useState<number>(1);
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<Comment[]>([]);
  const textRef = useRef<TextAreaRef>(null);
  // One key per entry: a retry of the same text after a failed request is stored once.
  const pendingKey = useRef<{ text: string; key: string } | null>(null);
  // The box's text as typed (the save reads it after an await) and whether an Enter came while a save was in flight.
  const currentText = useRef('');
  const inFlight = useRef(false);
  const saveQueued = useRef(false);
  const [queuedSaves, setQueuedSaves] = useState(0);
  const changeText = (value: string) => {
    currentText.current = value;
    setText(value);
  };

  const focusText = () => setTimeout(() => textRef.current?.focus({ cursor: 'end' }), 0);
  const targetLabel = useTargetLabel(ctx.drafts);

  const save = async (): Promise<void> => {
    if (inFlight.current) {
      saveQueued.current = true;
      return;
    }
    const sent = currentText.current;
    const body = sent.trim();
    if (!body) return;
    inFlight.current = true;
    if (!pendingKey.current || pendingKey.current.text !== body) pendingKey.current = { text: body, key: newIdempotencyKey() };
    const { draftId, sectionAddress } = decodeTarget(target);
    setSaving(true);
    setError(null);
    try {
      const comment = await api.consultations.createComment(c.id, {
        organizationId: ctx.orgId,
        channel: meetingId ? 'conference' : channel,
        meetingId,
        draftId,
        sectionAddress,
        body,
        stratum: (stratum as (typeof STRATA)[number] | undefined) ?? undefined,
        weight,
        idempotencyKey: pendingKey.current.key,
      });
      pendingKey.current = null;
      setSaved((prev) => [comment, ...prev]);
      changeText(textAfterSave(currentText.current, sent));
      setWeight(1);
      onSaved(comment);
    } catch (err) {
      saveQueued.current = false;
      setError(errorMessage(err));
    } finally {
      inFlight.current = false;
      setSaving(false);
      focusText();
    }
    if (saveQueued.current) {
      saveQueued.current = false;
      // Saved after the next render, so it takes the fields as they are then (the count back at 1).
      setQueuedSaves((n) => n + 1);
    }
  };

  useEffect(() => {
    if (queuedSaves) void save();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once per queued Enter, with this render's fields
  }, [queuedSaves]);

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter saves; Shift+Enter is a new line; Enter that ends an input-method composition (Telex, VNI) is neither.
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void save();
    }
  };

  return (
    <Card
      title={
        <h2 className="card-heading">
          <ThunderboltOutlined aria-hidden /> {t('quick.title')}
        </h2>
      }
      extra={
        <Tag color="blue" data-testid="quick-count" aria-live="polite">
          {t('quick.count', { n: formatNumber(saved.length) })}
        </Tag>
      }
      style={{ marginBottom: 16 }}
      data-testid="quick-entry"
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('quick.help')}
      </Typography.Paragraph>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={14}>
          <Field id="quick-meeting" label={t('quick.meeting')}>
            <Select
              id="quick-meeting"
              value={meetingId}
              onChange={(v) => {
                setMeetingId(v);
                focusText();
              }}
              allowClear
              placeholder={meetings.length ? t('quick.meetingPlaceholder') : t('quick.noMeetings')}
              options={meetings.map((m) => ({ value: m.id, label: `${m.title} · ${formatDate(m.heldOn)}` }))}
              style={{ width: '100%' }}
              data-testid="quick-meeting"
            />
          </Field>
        </Col>
        <Col xs={24} md={10}>
          <Field id="quick-channel" label={t('quick.channel')}>
            <Select
              id="quick-channel"
              value={meetingId ? 'conference' : channel}
              disabled={!!meetingId}
              onChange={setChannel}
              options={STAFF_CHANNELS.map((ch) => ({ value: ch, label: enumLabel('channel', ch) }))}
              style={{ width: '100%' }}
            />
          </Field>
        </Col>
        <Col xs={24}>
          <Field id="quick-text" label={t('quick.text')}>
            <Input.TextArea
              id="quick-text"
              ref={textRef}
              value={text}
              onChange={(e) => changeText(e.target.value)}
              onKeyDown={onKeyDown}
              autoSize={{ minRows: 2, maxRows: 8 }}
              maxLength={MAX_COMMENT_CHARS}
              showCount
              placeholder={t('quick.textPlaceholder')}
              aria-describedby="quick-keys"
              data-testid="quick-text"
            />
            <Typography.Text id="quick-keys" type="secondary" style={{ fontSize: 12 }}>
              {t('quick.keys')}
            </Typography.Text>
          </Field>
        </Col>
        <Col xs={24} md={12}>
          <Field id="quick-section" label={t('quick.section')}>
            <SectionPicker id="quick-section" drafts={ctx.drafts} loading={ctx.draftsLoading} value={target} onChange={setTarget} placeholder={t('sections.wholeConsultation')} data-testid="quick-section" />
          </Field>
        </Col>
        <Col xs={14} md={7}>
          <Field id="quick-stratum" label={t('profile.stratum')}>
            <Select
              id="quick-stratum"
              value={stratum}
              onChange={setStratum}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('profile.skip')}
              options={STRATA.map((s) => ({ value: s, label: enumLabel('stratum', s) }))}
              style={{ width: '100%' }}
              data-testid="quick-stratum"
            />
          </Field>
        </Col>
        <Col xs={10} md={5}>
          <Field id="quick-weight" label={t('quick.weight')}>
            <InputNumber id="quick-weight" min={1} max={1000000} value={weight} onChange={(v) => setWeight(v ?? 1)} style={{ width: '100%' }} data-testid="quick-weight" />
          </Field>
        </Col>
      </Row>
      {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 12 }} data-testid="quick-error" /> : null}
      <Flex justify="end" style={{ marginTop: 12 }}>
        <Button type="primary" onClick={() => void save()} loading={saving} disabled={!text.trim()} data-testid="quick-save">
          {t('quick.save')}
        </Button>
      </Flex>
      {saved.length ? (
        <List
          size="small"
          header={<Typography.Text strong>{t('quick.recent')}</Typography.Text>}
          dataSource={saved.slice(0, 5)}
          rowKey="id"
          style={{ marginTop: 12 }}
          data-testid="quick-recent"
          renderItem={(cm) => (
            <List.Item>
              <div style={{ minWidth: 0 }}>
                <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                  {cm.body}
                </Typography.Paragraph>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  #{cm.id} · {targetLabel(cm.draftId, cm.sectionAddress)}
                  {cm.stratum ? ` · ${enumLabel('stratum', cm.stratum)}` : ''} · {t('quick.people', { n: formatNumber(cm.weight) })}
                </Typography.Text>
              </div>
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  );
}
