import { GmailReadResultSchema } from '@baton/readers/gmail';
import { LinkedinReadResultSchema } from '@baton/readers/linkedin';
import { CensoredPageSchema } from '@baton/readers/support-report';
import { z } from 'zod';
import { Nonce } from './nonce.ts';
import { fromThisExtension, fromTopFrameOf, reject, type Sender, type Verdict } from './sender.ts';

/**
 * When the page was not (fully) recognised: its address, language and censored structure, from
 * which the sidebar builds "Copy a report for support". Nothing here is page text.
 */
export const PageSupport = z.object({
  url: z.string().max(4000),
  lang: z.string().max(100).nullable(),
  structure: CensoredPageSchema,
});
export type PageSupport = z.infer<typeof PageSupport>;

/**
 * What a page reader saw, tagged by site.
 */
export const PageContext = z.discriminatedUnion('site', [
  z.object({ site: z.literal('gmail'), read: GmailReadResultSchema, support: PageSupport.optional() }),
  z.object({ site: z.literal('linkedin'), read: LinkedinReadResultSchema, support: PageSupport.optional() }),
]);
export type PageContext = z.infer<typeof PageContext>;

/** Content script → its sidebar frame, via `runtime.sendMessage`; also the answer to `sidebar-ready`. */
export const PageContextMessage = z.object({
  type: z.literal('page-context'),
  nonce: Nonce,
  context: PageContext,
});
export type PageContextMessage = z.infer<typeof PageContextMessage>;

/**
 * `runtime.sendMessage` reaches every extension page (other tabs' sidebars, the popup, the
 * background), so the sidebar takes only page context from this extension, from the top frame of
 * its own tab, carrying its own nonce — and only after the payload parses.
 */
export function acceptPageContext(
  raw: unknown,
  sender: Sender,
  own: { extensionId: string; tabId: number; nonce: string },
): Verdict<PageContextMessage> {
  if (!fromThisExtension(sender, own.extensionId)) return reject('foreign sender');
  if (!fromTopFrameOf(sender, own.tabId)) return reject('another tab or frame');
  const parsed = PageContextMessage.safeParse(raw);
  if (!parsed.success) return reject('malformed message');
  if (parsed.data.nonce !== own.nonce) return reject('wrong nonce');
  return { ok: true, message: parsed.data };
}
