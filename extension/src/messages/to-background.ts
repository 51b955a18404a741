import { z } from 'zod';
import { fromThisExtension, reject, type Sender, type Verdict } from './sender.ts';

/** Messages the background accepts from extension pages, each with the answer it gets. */
export const SyncNow = z.object({ type: z.literal('sync-now') });
export const OpenOptions = z.object({ type: z.literal('open-options') });
/** The sidebar frame asks which tab hosts it, to know whose page context to trust. */
export const WhichTab = z.object({ type: z.literal('which-tab') });

export const BackgroundMessage = z.discriminatedUnion('type', [SyncNow, OpenOptions, WhichTab]);
export type BackgroundMessage = z.infer<typeof BackgroundMessage>;

export interface BackgroundReplies {
  'sync-now': { ok: true };
  'open-options': { ok: true };
  'which-tab': { tabId: number | null };
}

export const WhichTabReply = z.object({ tabId: z.number().int().nullable() });

/**
 * The background also hears every `page-context` broadcast from content scripts; those (and
 * anything malformed) are not for it and are ignored.
 */
export function acceptBackgroundMessage(raw: unknown, sender: Sender, extensionId: string): Verdict<BackgroundMessage> {
  if (!fromThisExtension(sender, extensionId)) return reject('foreign sender');
  const parsed = BackgroundMessage.safeParse(raw);
  return parsed.success ? { ok: true, message: parsed.data } : reject('not a background message');
}
