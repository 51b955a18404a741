import type { IntroDraft, IntroDraftReply } from '../../messages/to-content.ts';
import { closestOf, findShown, press, waitFor } from './find.ts';
import { insertPlainText } from './insert-text.ts';

export interface IntroDraftOptions {
  /** How long Gmail gets to build the reply box (and the Cc field) after a click. */
  timeoutMs?: number;
}

/**
 * Opens a reply on the open thread, puts the introduction in its body as text and the AE in Cc.
 * Never sends. Answers `none` with a reason when the reply UI is not there, and the sidebar then
 * opens Gmail's compose page instead.
 */
export async function openIntroDraft(doc: Document, draft: Pick<IntroDraft, 'cc' | 'body'>, options: IntroDraftOptions = {}): Promise<IntroDraftReply> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const root = doc.querySelector<HTMLElement>('div[role="main"]') ?? doc.body;
  const reply = findShown(root, 'replyButton')[0];
  if (!reply) return { opened: 'none', reason: 'no Reply control on this page' };

  const existing = new Set(findShown(root, 'body'));
  press(reply);
  const body = await waitFor(doc, () => findShown(root, 'body').find((candidate) => !existing.has(candidate)) ?? null, timeoutMs);
  if (!body) return { opened: 'none', reason: 'the reply box did not open' };

  insertPlainText(body, draft.body);
  const cc = await addCc(doc, closestOf(body, 'composeRoot') ?? root, draft.cc, timeoutMs);
  body.focus();
  return { opened: 'reply', cc };
}

async function addCc(doc: Document, compose: HTMLElement, email: string, timeoutMs: number): Promise<boolean> {
  let input = findShown(compose, 'ccInput')[0] ?? null;
  if (!input) {
    const link = findShown(compose, 'ccLink')[0];
    if (!link) return false;
    press(link);
    input = await waitFor(doc, () => findShown(compose, 'ccInput')[0] ?? null, timeoutMs);
  }
  if (!input) return false;
  // The table's Cc selectors match only <input> and <textarea>.
  const field = input as HTMLInputElement | HTMLTextAreaElement;
  const view = doc.defaultView ?? window;
  field.focus();
  field.value = email;
  field.dispatchEvent(new view.Event('input', { bubbles: true }));
  // Enter turns the typed address into a recipient chip.
  field.dispatchEvent(new view.KeyboardEvent('keydown', { bubbles: true, cancelable: true, key: 'Enter', code: 'Enter', keyCode: 13 }));
  return true;
}
