// One consultation, in tabs: overview (status, period, drafts, open/close, the public page), meetings, comments
// (with fast keyboard entry of minutes), spreadsheet import, the dashboard and the synthesis. The tab and the
// organization the user works for live in the URL, so a link opens the same view.
import { Flex, Skeleton, Tabs, Typography } from 'antd';
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { api } from '../../../web/api';
import { useI18n, type MessageKey } from '../../../web/i18n';
import { BackLink, ErrorAlert, PageLoadError, FullPageSpinner, PageTitle } from '../../../web/ui/Feedback';
import { useAsync } from '../../../web/ui/hooks';
import { useMyOrganizations } from '../../../web/ui/myOrganizations';
import { useConsultationSections } from '../../../web/ui/sections';
import { ActingOrganizationSelect } from './ActingOrganization';
import { CommentsTab } from './CommentsTab';
import { ConsultationStatusTag } from './ConsultationsPage';
import type { ConsultationContext } from './context';
import { ImportTab } from './ImportTab';
import { MeetingsTab } from './MeetingsTab';
import { OverviewTab } from './OverviewTab';

// Charts and curation load only when their tab is opened.
const DashboardTab = lazy(() => import('./DashboardTab').then((m) => ({ default: m.DashboardTab })));
const SynthesisPanel = lazy(() => import('../../synthesis/pages/SynthesisPanel').then((m) => ({ default: m.SynthesisPanel })));

const TABS = ['overview', 'meetings', 'comments', 'import', 'dashboard', 'synthesis'] as const;
type TabKey = (typeof TABS)[number];
const TAB_LABELS: Record<TabKey, MessageKey> = {
  overview: 'consultation.tabOverview',
  meetings: 'consultation.tabMeetings',
  comments: 'consultation.tabComments',
  import: 'consultation.tabImport',
  dashboard: 'consultation.tabDashboard',
  synthesis: 'consultation.tabSynthesis',
};

export function ConsultationPage() {
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const { t } = useI18n();
  const mine = useMyOrganizations();
  const [params, setParams] = useSearchParams();
  const tab: TabKey = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as TabKey) : 'overview';
  const detail = useAsync((signal) => api.consultations.get(id, signal), [id]);
  const c = detail.data;
  const sections = useConsultationSections(c?.drafts);
  const meetings = useAsync((signal) => api.consultations.meetings(id, signal), [id]);
  const orgParam = Number(params.get('org')) || undefined;
  const orgId = orgParam ?? mine.first?.id ?? c?.organizationId;

  useEffect(() => {
    if (c) document.title = `${c.title} · ${t('app.name')}`;
  }, [c, t]);

  const setParam = (key: string, value: string | undefined) => {
    const p = new URLSearchParams(params);
    if (value) p.set(key, value);
    else p.delete(key);
    setParams(p, { replace: key === 'org' });
  };

  const ctx = useMemo<ConsultationContext | null>(
    () =>
      c && orgId
        ? {
            consultation: c,
            orgId,
            setOrgId: (org: number) => setParam('org', String(org)),
            drafts: sections.data ?? [],
            draftsLoading: sections.loading,
            meetings: meetings.data?.items ?? [],
            reloadMeetings: meetings.reload,
            reloadConsultation: detail.reload,
            setConsultation: detail.setData,
          }
        : null,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [c, orgId, sections.data, sections.loading, meetings.data, params],
  );

  const back = <BackLink to="/consultations">{t('consultations.back')}</BackLink>;
  if (!Number.isInteger(id) || id <= 0) return <ErrorAlert error={new Error(t('app.notFound'))} />;
  if (detail.error) return <PageLoadError back={back} error={detail.error} onRetry={detail.reload} />;
  if (!c || !ctx) return <Skeleton active />;

  const content = (key: TabKey) => {
    switch (key) {
      case 'overview':
        return <OverviewTab ctx={ctx} />;
      case 'meetings':
        return <MeetingsTab ctx={ctx} />;
      case 'comments':
        return <CommentsTab ctx={ctx} />;
      case 'import':
        return <ImportTab ctx={ctx} />;
      case 'dashboard':
        return <DashboardTab ctx={ctx} />;
      case 'synthesis':
        return <SynthesisPanel consultation={c} organizationId={ctx.orgId} onOrganization={ctx.setOrgId} drafts={ctx.drafts} />;
    }
  };

  return (
    <>
      {back}
      <PageTitle sub={c.organizationName}>
        <span data-testid="consultation-title-heading">{c.title}</span> <ConsultationStatusTag status={c.status} />
      </PageTitle>
      {tab !== 'overview' ? (
        <Flex align="center" gap={8} wrap style={{ marginBottom: 12 }}>
          <label htmlFor="acting-org" className="field-label" style={{ margin: 0 }}>
            {t('consultations.actingOrg')}
          </label>
          <ActingOrganizationSelect value={ctx.orgId} onChange={ctx.setOrgId} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('consultations.actingOrgHelp')}
          </Typography.Text>
        </Flex>
      ) : null}
      <Tabs
        activeKey={tab}
        onChange={(k) => setParam('tab', k === 'overview' ? undefined : k)}
        items={TABS.map((key) => ({
          key,
          label: <span data-testid={`tab-${key}`}>{t(TAB_LABELS[key])}</span>,
          children: key === tab ? <Suspense fallback={<FullPageSpinner />}>{content(key)}</Suspense> : null,
        }))}
      />
    </>
  );
}
