import type { ReactNode } from 'react';
import { Page } from './page.tsx';

/** The pages before sign-in: one narrow card under the brand. */
export function PublicFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="narrow public">
      <p className="brand">Baton</p>
      <div className="card">
        <Page title={title}>{children}</Page>
      </div>
    </main>
  );
}
