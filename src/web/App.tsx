// The routes: the public portal (no account, no session check), the login page, then each module's pages inside the
// signed-in layout, each loaded on demand.
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
// The notices page shares its module with the header's bell, which every signed-in page loads.
import { NotificationsPage } from '../modules/reporting/pages/notifications';
import { AuthProvider, RequireAuth, useAuth } from './auth';
import { AppLayout } from './layout/AppLayout';
import { ThemeProvider } from './theme';
import { FullPageSpinner } from './ui/Feedback';
import { Forbidden, NotFound } from './pages/NotFound';

const LoginPage = lazy(() => import('./pages/LoginPage').then((m) => ({ default: m.LoginPage })));
const HomePage = lazy(() => import('./pages/HomePage').then((m) => ({ default: m.HomePage })));
const UnitsPage = lazy(() => import('../modules/units/pages/UnitsPage').then((m) => ({ default: m.UnitsPage })));
const OrganizationsPage = lazy(() => import('../modules/organizations/pages/OrganizationsPage').then((m) => ({ default: m.OrganizationsPage })));
const OrganizationPage = lazy(() => import('../modules/organizations/pages/OrganizationPage').then((m) => ({ default: m.OrganizationPage })));
const UsersPage = lazy(() => import('../modules/users/pages/UsersPage').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('../modules/audit/pages/AuditPage').then((m) => ({ default: m.AuditPage })));
const DraftsPage = lazy(() => import('../modules/consultations/pages/DraftsPage').then((m) => ({ default: m.DraftsPage })));
const DraftPage = lazy(() => import('../modules/consultations/pages/DraftPage').then((m) => ({ default: m.DraftPage })));
const ConsultationsPage = lazy(() => import('../modules/consultations/pages/ConsultationsPage').then((m) => ({ default: m.ConsultationsPage })));
const ConsultationPage = lazy(() => import('../modules/consultations/pages/ConsultationPage').then((m) => ({ default: m.ConsultationPage })));
const CampaignsPage = lazy(() => import('../modules/reporting/pages/CampaignsPage').then((m) => ({ default: m.CampaignsPage })));
const CampaignFormPage = lazy(() => import('../modules/reporting/pages/CampaignFormPage').then((m) => ({ default: m.CampaignFormPage })));
const CampaignPage = lazy(() => import('../modules/reporting/pages/CampaignPage').then((m) => ({ default: m.CampaignPage })));
const SubmissionPage = lazy(() => import('../modules/reporting/pages/SubmissionPage').then((m) => ({ default: m.SubmissionPage })));
const RollupPage = lazy(() => import('../modules/reporting/pages/RollupPage').then((m) => ({ default: m.RollupPage })));
const CompletenessPage = lazy(() => import('../modules/reporting/pages/CompletenessPage').then((m) => ({ default: m.CompletenessPage })));
const OutlinesPage = lazy(() => import('../modules/reporting/pages/OutlinesPage').then((m) => ({ default: m.OutlinesPage })));
const OutlinePage = lazy(() => import('../modules/reporting/pages/OutlinePage').then((m) => ({ default: m.OutlinePage })));
const OutlineEditorPage = lazy(() => import('../modules/reporting/pages/OutlineEditorPage').then((m) => ({ default: m.OutlineEditorPage })));
const SentimentPage = lazy(() => import('../modules/sentiment/pages/SentimentPage').then((m) => ({ default: m.SentimentPage })));
const PublicLayout = lazy(() => import('../modules/consultations/pages/PublicLayout').then((m) => ({ default: m.PublicLayout })));
const PublicPortalPage = lazy(() => import('../modules/consultations/pages/PublicPortalPage').then((m) => ({ default: m.PublicPortalPage })));
const PublicConsultationPage = lazy(() => import('../modules/consultations/pages/PublicConsultationPage').then((m) => ({ default: m.PublicConsultationPage })));

function UsersRoute() {
  const { canManageUsers } = useAuth();
  return canManageUsers ? <UsersPage /> : <Forbidden />;
}

function AuditRoute() {
  const { canReadAudit } = useAuth();
  return canReadAudit ? <AuditPage /> : <Forbidden />;
}

/** The staff application: the session is checked once (/me), then the signed-in layout. */
function StaffApp() {
  return (
    <AuthProvider>
      <Suspense fallback={<FullPageSpinner />}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route
            element={
              <RequireAuth>
                <AppLayout />
              </RequireAuth>
            }
          >
            <Route index element={<HomePage />} />
            <Route path="units" element={<UnitsPage />} />
            <Route path="organizations" element={<OrganizationsPage />} />
            <Route path="organizations/:id" element={<OrganizationPage />} />
            <Route path="drafts" element={<DraftsPage />} />
            <Route path="drafts/:id" element={<DraftPage />} />
            <Route path="consultations" element={<ConsultationsPage />} />
            <Route path="consultations/:id" element={<ConsultationPage />} />
            <Route path="reporting" element={<CampaignsPage />} />
            <Route path="reporting/outlines" element={<OutlinesPage />} />
            <Route path="reporting/outlines/new" element={<OutlineEditorPage />} />
            <Route path="reporting/outlines/:id" element={<OutlinePage />} />
            <Route path="reporting/outlines/:id/new-version" element={<OutlineEditorPage />} />
            <Route path="reporting/campaigns/new" element={<CampaignFormPage />} />
            <Route path="reporting/campaigns/:id" element={<CampaignPage />} />
            <Route path="reporting/campaigns/:id/completeness" element={<CompletenessPage />} />
            <Route path="reporting/campaigns/:id/periods/:period/rollup" element={<RollupPage />} />
            <Route path="reporting/campaigns/:id/periods/:period/submissions/:org" element={<SubmissionPage />} />
            <Route path="sentiment" element={<SentimentPage />} />
            <Route path="notifications" element={<NotificationsPage />} />
            <Route path="users" element={<UsersRoute />} />
            <Route path="audit" element={<AuditRoute />} />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
      </Suspense>
    </AuthProvider>
  );
}

export function App() {
  return (
    <ThemeProvider>
      <Suspense fallback={<FullPageSpinner />}>
        <Routes>
          {/* Citizens read and comment without an account: no session call, no redirect to the login page. */}
          <Route path="/gop-y" element={<PublicLayout />}>
            <Route index element={<PublicPortalPage />} />
            <Route path=":id" element={<PublicConsultationPage />} />
          </Route>
          <Route path="*" element={<StaffApp />} />
        </Routes>
      </Suspense>
    </ThemeProvider>
  );
}
