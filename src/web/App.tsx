// The routes: the login page, then each module's pages inside the signed-in layout, each loaded on demand.
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
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

function UsersRoute() {
  const { canManageUsers } = useAuth();
  return canManageUsers ? <UsersPage /> : <Forbidden />;
}

function AuditRoute() {
  const { canReadAudit } = useAuth();
  return canReadAudit ? <AuditPage /> : <Forbidden />;
}

export function App() {
  return (
    <ThemeProvider>
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
              <Route path="users" element={<UsersRoute />} />
              <Route path="audit" element={<AuditRoute />} />
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </Suspense>
      </AuthProvider>
    </ThemeProvider>
  );
}
