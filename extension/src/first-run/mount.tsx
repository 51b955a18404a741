import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../ui/styles.css';
import './welcome.css';
import { WelcomeApp } from './welcome-app.tsx';

export function mountWelcome(container: HTMLElement): void {
  createRoot(container).render(
    <StrictMode>
      <WelcomeApp />
    </StrictMode>,
  );
}
