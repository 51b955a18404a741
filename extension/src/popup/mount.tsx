import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../ui/styles.css';
import { pageBridge } from '../bridge/page.ts';
import { BridgeProvider } from '../bridge/react.tsx';
import { ErrorBoundary } from '../ui/error-boundary.tsx';
import { PopupApp } from './popup-app.tsx';

export function mountPopup(container: HTMLElement): void {
  const queries = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });
  createRoot(container).render(
    <StrictMode>
      <QueryClientProvider client={queries}>
        <BridgeProvider client={pageBridge()}>
          <div style={{ width: 320 }}>
            <ErrorBoundary>
              <PopupApp />
            </ErrorBoundary>
          </div>
        </BridgeProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
