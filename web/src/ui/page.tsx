import { useEffect, type ReactNode } from 'react';

/** A page's heading and body; the heading names the page for screen readers and the tab title. */
export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Baton`;
  }, [title]);
  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-head">
        <h1 id="page-title">{title}</h1>
        {actions && <div className="row">{actions}</div>}
      </header>
      {children}
    </section>
  );
}
