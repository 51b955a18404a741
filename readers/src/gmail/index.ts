export { readGmailPage } from './read-page.ts';
export { asLoggable, logBlocker, type LoggableGmailThread } from './read-thread.ts';
export { parseGmailDate } from './message-date.ts';
export { watchGmail, type WatchGmailOptions } from './watch.ts';
export { resultIdentity } from './identity.ts';
export { parseGmailUrl, type GmailUrl } from './gmail-url.ts';
export {
  decimalToHexId,
  decodeThreadToken,
  encodeThreadToken,
  hexIdToDecimal,
  normalizeThreadId,
} from './thread-id.ts';
export { GMAIL_SELECTORS, type GmailSelectorKey, type SelectorFallback } from './selectors.ts';
export * from './types.ts';
export { isShown } from './dom.ts';
