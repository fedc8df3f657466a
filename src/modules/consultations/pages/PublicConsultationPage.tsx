// One consultation on the public portal: its drafts to read section by section, and "Góp ý" on any section or on the
// whole draft; the comment form opens in a panel (from the bottom on a phone).
import { CalendarOutlined, CommentOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Flex, Skeleton, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { todayInVietnam } from '../../../shared/dates';
import { api, type PublicConsultation } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { BackLink, PageLoadError } from '../../../web/ui/Feedback';
import { useAsync, useIsPhone } from '../../../web/ui/hooks';
import { DraftReader, useSectionHeading } from '../../../web/ui/sections';
import { PublicCommentForm, PrivacyNotice } from './PublicCommentForm';
import { PublicStatusTag } from './PublicPortalPage';

interface Target {
  draftId: number;
  sectionAddress?: string;
  label: string;
}

type Profile = Parameters<typeof PublicCommentForm>[0]['profile'];

function DraftText({ c, draft, onComment }: { c: PublicConsultation; draft: PublicConsultation['drafts'][number]; onComment: (t: Target) => void }) {
  const { t } = useI18n();
  const heading = useSectionHeading();
  return (
    <article aria-label={draft.title}>
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        {draft.title}
      </Typography.Title>
      {c.acceptingComments ? (
        <Button
          type="primary"
          icon={<CommentOutlined aria-hidden />}
          onClick={() => onComment({ draftId: draft.draftId, label: t('public.wholeDraft', { title: draft.title }) })}
          style={{ marginBottom: 12 }}
          data-testid="comment-whole"
        >
          {t('public.commentWhole')}
        </Button>
      ) : null}
      <DraftReader
        idPrefix={`d${draft.draftId}`}
        sections={draft.sections}
        renderActions={
          c.acceptingComments
            ? (s) => (
                <Button
                  size="small"
                  icon={<CommentOutlined aria-hidden />}
                  onClick={() => onComment({ draftId: draft.draftId, sectionAddress: s.address, label: heading(s) })}
                  aria-label={t('public.commentOnSection', { section: heading(s) })}
                  data-testid={`comment-${s.address}`}
                >
                  {t('public.comment')}
                </Button>
              )
            : undefined
        }
      />
    </article>
  );
}

export function PublicConsultationPage() {
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const { t, formatDate } = useI18n();
  const isPhone = useIsPhone();
  const detail = useAsync((signal) => api.public.get(id, signal), [id]);
  const [target, setTarget] = useState<Target | null>(null);
  const [profile, setProfile] = useState<Profile>({});
  const c = detail.data;

  useEffect(() => {
    document.title = c ? `${c.title} · ${t('app.name')}` : t('public.portal');
  }, [c, t]);

  const back = <BackLink to="/gop-y">{t('public.allConsultations')}</BackLink>;
  /** Why the portal takes no comment: not open yet (with its day when still to come), closed early (no date to give), or ended. */
  const closedNotice = (x: PublicConsultation) => {
    const today = todayInVietnam();
    if (x.phase === 'upcoming') return today < x.opensOn ? t('public.notYetOpenLong', { date: formatDate(x.opensOn) }) : t('public.notYetOpenSoon');
    if (today <= x.closesOn) return t('public.endedEarly');
    return t('public.endedLong', { date: formatDate(x.closesOn) });
  };
  if (detail.error)
    return (
      <div className="public-column">
        <PageLoadError back={back} error={detail.error} onRetry={detail.reload} />
      </div>
    );
  if (!c)
    return (
      <div className="public-column">
        <Skeleton active paragraph={{ rows: 8 }} />
      </div>
    );

  return (
    <div className="public-column">
      {back}
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }} data-testid="public-title">
        {c.title}
      </Typography.Title>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 8 }}>
        <PublicStatusTag c={c} />
        <Typography.Text type="secondary">{c.organizationName}</Typography.Text>
      </Flex>
      <Typography.Paragraph>
        <CalendarOutlined aria-hidden /> {t('public.period', { from: formatDate(c.opensOn), to: formatDate(c.closesOn) })}
      </Typography.Paragraph>
      {c.description ? <Typography.Paragraph className="public-lead">{c.description}</Typography.Paragraph> : null}
      {c.acceptingComments ? (
        <Typography.Paragraph>{t('public.howTo')}</Typography.Paragraph>
      ) : (
        <Alert type="warning" showIcon title={closedNotice(c)} style={{ marginBottom: 16 }} />
      )}
      <details className="public-privacy">
        <summary>{t('public.privacyTitle')}</summary>
        <PrivacyNotice />
      </details>
      {c.drafts.length > 1 ? (
        <Tabs items={c.drafts.map((d) => ({ key: String(d.draftId), label: d.title, children: <DraftText c={c} draft={d} onComment={setTarget} /> }))} />
      ) : c.drafts[0] ? (
        <DraftText c={c} draft={c.drafts[0]} onComment={setTarget} />
      ) : null}
      <Drawer
        open={!!target}
        onClose={() => setTarget(null)}
        placement={isPhone ? 'bottom' : 'right'}
        size={isPhone ? '92%' : 540}
        title={t('public.formTitle')}
        destroyOnHidden
        styles={{ body: { paddingTop: 12 } }}
      >
        {target ? (
          <PublicCommentForm
            key={`${target.draftId}:${target.sectionAddress ?? ''}`}
            consultationId={c.id}
            draftId={target.draftId}
            sectionAddress={target.sectionAddress}
            targetLabel={target.label}
            profile={profile}
            onProfile={setProfile}
            onClose={() => setTarget(null)}
          />
        ) : null}
      </Drawer>
    </div>
  );
}
