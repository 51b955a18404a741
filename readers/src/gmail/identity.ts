import type { GmailReadResult } from './types.ts';

/**
 * What makes two reads "the same page" for the sidebar: kind, thread and message ids. Body edits
 * or a lazily loaded avatar change the DOM constantly and must not re-render the sidebar.
 */
export function resultIdentity(result: GmailReadResult): string {
  switch (result.kind) {
    case 'thread':
      return `thread:${result.threadId ?? '?'}:${result.subject ?? ''}:${result.messages.map((m) => `${m.messageId ?? m.from?.email ?? '?'}${m.collapsed ? 'c' : 'e'}`).join(',')}:${result.missing.length}`;
    case 'list':
      return `list:${result.senders.map((p) => p.email).join(',')}`;
    case 'other':
      return `other:${result.view}`;
    case 'not_recognised':
      return `not_recognised:${result.code}`;
  }
}
