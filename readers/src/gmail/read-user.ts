import { normalizeEmail } from '@baton/shared';
import { describeFallback, GMAIL_SELECTORS } from './selectors.ts';
import { cleanName } from './person.ts';
import type { Person } from './types.ts';

const ACCOUNT_LABEL = /^Google Account:\s*([\s\S]*?)\s*\(([^()\s]+@[^()\s]+)\)\s*$/;
const TITLE_EMAIL = /\s-\s([^\s]+@[^\s]+)\s-\s*Gmail\s*$/;

export interface UserRead {
  user: Person | null;
  via: string | null;
}

/**
 * The signed-in account, from the account button ("Google Account: Name (email)") or, failing
 * that, the page title ("Inbox (3) - email - Gmail"). The button sits outside the main view, so
 * this is the one read not scoped to `div[role=main]`.
 */
export function readUser(doc: Document): UserRead {
  for (const fallback of GMAIL_SELECTORS.accountButton) {
    for (const button of doc.querySelectorAll(fallback.selector)) {
      const match = ACCOUNT_LABEL.exec(button.getAttribute('aria-label') ?? '');
      const email = normalizeEmail(match?.[2] ?? '');
      if (email !== null) return { user: { name: cleanName(match?.[1], email), email }, via: describeFallback(fallback) };
    }
  }
  const email = normalizeEmail(TITLE_EMAIL.exec(doc.title)?.[1] ?? '');
  return email === null ? { user: null, via: null } : { user: { name: null, email }, via: 'title' };
}
