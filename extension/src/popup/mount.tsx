import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../ui/styles.css';
import { ErrorBoundary } from '../ui/error-boundary.tsx';
import { PopupApp } from './popup-app.tsx';

export function mountPopup(container: HTMLElement): void {
  createRoot(container).render(
    <StrictMode>
      <div style={{ width: 320 }}>
        <ErrorBoundary>
          <PopupApp />
        </ErrorBoundary>
      </div>
    </StrictMode>,
  );
}
