// The signed-in user: loaded once from /me, set by login, cleared by logout or by any 401.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { hasAnyRole, type Role } from '../modules/auth/auth.access';
import { api, onUnauthorized, setCsrfToken, type Me } from './api';
import { FullPageSpinner } from './ui/Feedback';

type AuthStatus = 'loading' | 'anonymous' | 'signed-in';

interface AuthValue {
  status: AuthStatus;
  /** The user signed out on purpose (rather than the session ending). */
  signedOut: boolean;
  me: Me | null;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  /** Roles the user holds anywhere. */
  roles: Role[];
  canManageUsers: boolean;
  canReadAudit: boolean;
}

const AuthContext = createContext<AuthValue | null>(null);

/** Where to go after login: only paths inside this app. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [status, setStatus] = useState<AuthStatus>('loading');
  const [signedOut, setSignedOut] = useState(false);
  const navigate = useNavigate();

  useEffect(() => {
    const controller = new AbortController();
    api.auth.me(controller.signal).then(
      (user) => {
        setMe(user);
        setStatus('signed-in');
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        // 401 (not signed in) and any failure alike lead to the login page, which shows what went wrong.
        void err;
        setMe(null);
        setStatus('anonymous');
      },
    );
    return () => controller.abort();
  }, []);

  useEffect(() => {
    onUnauthorized(() => {
      setCsrfToken(null);
      setMe(null);
      setStatus('anonymous');
      const here = window.location.pathname + window.location.search;
      if (!window.location.pathname.startsWith('/login')) navigate(`/login?next=${encodeURIComponent(here)}`, { replace: true });
    });
    return () => onUnauthorized(null);
  }, [navigate]);

  const login = useCallback(async (username: string, password: string) => {
    const user = await api.auth.login({ username, password });
    setSignedOut(false);
    setMe(user);
    setStatus('signed-in');
    return user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.auth.logout();
    } catch {
      // The session may already be gone; the user still leaves.
    }
    setCsrfToken(null);
    setMe(null);
    // A deliberate sign-out keeps no "come back to" link: the next person to sign in starts at the overview.
    setSignedOut(true);
    setStatus('anonymous');
    navigate('/login', { replace: true });
  }, [navigate]);

  const value = useMemo<AuthValue>(() => {
    const roles = [...new Set((me?.grants ?? []).map((g) => g.role))];
    return {
      status,
      signedOut,
      me,
      login,
      logout,
      roles,
      canManageUsers: !!me && (me.isSystemAdmin || hasAnyRole(roles, ['admin', 'leader'])),
      canReadAudit: !!me && (me.isSystemAdmin || roles.includes('admin')),
    };
  }, [status, signedOut, me, login, logout]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}

/** Renders its children for a signed-in user; otherwise sends to the login page and back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status, signedOut } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <FullPageSpinner />;
  if (status === 'anonymous') {
    return <Navigate to={signedOut ? '/login' : `/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  return <>{children}</>;
}
