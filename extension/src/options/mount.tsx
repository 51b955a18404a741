import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../ui/styles.css';
import { OptionsApp } from './options-app.tsx';

export function mountOptions(container: HTMLElement): void {
  createRoot(container).render(
    <StrictMode>
      <main style={{ maxWidth: 520, margin: '24px auto', padding: '0 16px' }}>
        <OptionsApp />
      </main>
    </StrictMode>,
  );
}
