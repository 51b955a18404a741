import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, Outlet } from '@tanstack/react-router';
import { z } from 'zod';
import { HandoffKind, HandoffStatus, Id } from '@baton/shared';
import { AppShell } from './shell/app-shell.tsx';
import { HomeRedirect } from './shell/home-redirect.tsx';
import { NotFound } from './shell/not-found.tsx';
import { CreateTeamPage } from './routes/create-team/create-team-page.tsx';
import { DevicesPage } from './routes/devices/devices-page.tsx';
import { ForgotPasswordPage } from './routes/forgot-password/forgot-password-page.tsx';
import { HandoffDetailPage } from './routes/handoffs/handoff-detail-page.tsx';
import { HandoffsPage } from './routes/handoffs/handoffs-page.tsx';
import { InvitePage } from './routes/invite/invite-page.tsx';
import { ResetPasswordPage } from './routes/reset-password/reset-password-page.tsx';
import { AccountPage } from './routes/account/account-page.tsx';
import { SignInPage } from './routes/sign-in/sign-in-page.tsx';
import { TeamPage } from './routes/team/team-page.tsx';
import { TemplatesPage } from './routes/templates/templates-page.tsx';

/*
 * Every address of the console. The API answers index.html for each of them, so a reload or a
 * link from an email lands on the right page.
 */

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Outlet,
  notFoundComponent: NotFound,
});

const setupRoute = createRoute({ getParentRoute: () => rootRoute, path: '/setup', component: CreateTeamPage });
const signInRoute = createRoute({ getParentRoute: () => rootRoute, path: '/sign-in', component: SignInPage });
const forgotRoute = createRoute({ getParentRoute: () => rootRoute, path: '/forgot-password', component: ForgotPasswordPage });
const resetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  validateSearch: z.object({ token: z.string().max(500).optional(), error: z.string().max(200).optional() }),
  component: ResetPasswordPage,
});
export const inviteRoute = createRoute({ getParentRoute: () => rootRoute, path: '/invite/$token', component: InvitePage });

/** Pages for a signed-in member: the shell checks the session first. */
const appRoute = createRoute({ getParentRoute: () => rootRoute, id: 'app', component: AppShell });
const homeRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: HomeRedirect });

export const HandoffFilters = z.object({
  status: HandoffStatus.optional().catch(undefined),
  kind: HandoffKind.optional().catch(undefined),
  from: Id.optional().catch(undefined),
  to: Id.optional().catch(undefined),
});
export type HandoffFilters = z.infer<typeof HandoffFilters>;

export const handoffsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/handoffs',
  validateSearch: HandoffFilters,
  component: HandoffsPage,
});
export const handoffDetailRoute = createRoute({ getParentRoute: () => appRoute, path: '/handoffs/$id', component: HandoffDetailPage });
const teamRoute = createRoute({ getParentRoute: () => appRoute, path: '/team', component: TeamPage });
const templatesRoute = createRoute({ getParentRoute: () => appRoute, path: '/templates', component: TemplatesPage });
const devicesRoute = createRoute({ getParentRoute: () => appRoute, path: '/devices', component: DevicesPage });
const accountRoute = createRoute({ getParentRoute: () => appRoute, path: '/account', component: AccountPage });

const routeTree = rootRoute.addChildren([
  setupRoute,
  signInRoute,
  forgotRoute,
  resetRoute,
  inviteRoute,
  appRoute.addChildren([homeRoute, handoffsRoute, handoffDetailRoute, teamRoute, templatesRoute, devicesRoute, accountRoute]),
]);

export function createConsoleRouter(queryClient: QueryClient) {
  return createRouter({ routeTree, context: { queryClient }, defaultPreload: false });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createConsoleRouter>;
  }
}
