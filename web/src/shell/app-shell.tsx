import { can } from '@baton/shared';
import { getSetup } from '@baton/shared/api';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, Outlet, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { isConsoleApiError } from '../api/api-error.ts';
import { authCall, authClient } from '../api/auth-client.ts';
import { call } from '../api/client.ts';
import { meQuery } from '../api/queries.ts';
import { roleLabel } from '../format.ts';
import { Failed, Loading } from '../ui/states.tsx';

/** The signed-in frame: who you are, the pages you may use, sign out. Signed out → sign-in (or first run). */
export function AppShell() {
  const me = useQuery(meQuery);
  const signedOut = me.isError && isConsoleApiError(me.error) && me.error.status === 401;
  const setup = useQuery({ queryKey: ['setup'], queryFn: () => call(getSetup), enabled: signedOut });

  if (me.isPending) return <main className="narrow"><Loading what="your team" /></main>;
  if (signedOut) {
    if (setup.isPending) return <main className="narrow"><Loading what="Baton" /></main>;
    return <Navigate to={setup.data?.needed ? '/setup' : '/sign-in'} replace />;
  }
  if (me.isError) return <main className="narrow"><Failed error={me.error} retry={() => void me.refetch()} /></main>;

  const { user, org } = me.data;
  const manages = can(user.role, 'act_on_any_deal');
  return (
    <div className="app">
      <a className="skip" href="#main">Skip to content</a>
      <header className="bar">
        <span className="brand">Baton</span>
        <span className="muted">{org?.name}</span>
        <nav aria-label="Console">
          <ul className="nav">
            {manages && <li><Link to="/handoffs" activeProps={{ 'aria-current': 'page' }}>Handoffs</Link></li>}
            {manages && <li><Link to="/team" activeProps={{ 'aria-current': 'page' }}>Team</Link></li>}
            {manages && <li><Link to="/templates" activeProps={{ 'aria-current': 'page' }}>Handoff templates</Link></li>}
            <li><Link to="/devices" activeProps={{ 'aria-current': 'page' }}>Devices and tokens</Link></li>
            <li><Link to="/account" activeProps={{ 'aria-current': 'page' }}>Account</Link></li>
          </ul>
        </nav>
        <span className="who small">
          {user.name} <span className="pill">{roleLabel(user.role)}</span>
        </span>
        <SignOutButton />
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}

function SignOutButton() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        onClick={() => {
          authCall(authClient.signOut())
            .then(async () => {
              queryClient.clear();
              await navigate({ to: '/sign-in' });
            })
            .catch((reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)));
        }}
      >
        Sign out
      </button>
      {error && <span role="alert" className="danger small">{error}</span>}
    </>
  );
}
