import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../ui/styles.css';
import './sidebar.css';
import { pageBridge } from '../bridge/page.ts';
import { BridgeProvider } from '../bridge/react.tsx';
import { ErrorBoundary } from '../ui/error-boundary.tsx';
import { nonceFromParent } from './page-context/page-channel.ts';
import { SidebarApp } from './shell/sidebar-app.tsx';

export function mountSidebar(container: HTMLElement, win: Window): void {
  const nonce = nonceFromParent(win);
  // Handled where it is awaited (usePageContext); this keeps it from counting as unhandled first.
  nonce.catch(() => {});
  // The cache is the source of truth on screen; the API refreshes it quietly in the background.
  const queries = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } } });
  createRoot(container).render(
    <StrictMode>
      <QueryClientProvider client={queries}>
        <BridgeProvider client={pageBridge()}>
          <ErrorBoundary>
            <SidebarApp nonce={nonce} />
          </ErrorBoundary>
        </BridgeProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
