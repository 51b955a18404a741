import { Link } from '@tanstack/react-router';
import { Page } from '../ui/page.tsx';

export function NotFound() {
  return (
    <main className="narrow">
      <Page title="Page not found">
        <p>There is no page at this address.</p>
        <Link to="/">Go to the console</Link>
      </Page>
    </main>
  );
}
