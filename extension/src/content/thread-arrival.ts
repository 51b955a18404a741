import { parseGmailUrl, readGmailPage, resultIdentity, type GmailReadResult } from '@baton/readers/gmail';

// How long after an address change a thread is awaited at frame rate; the watcher covers the rest.
const PENDING_MS = 2000;

/**
 * Reads a thread the moment it is there after Gmail's address changes, instead of after the
 * watcher's quiet time: at the hash change itself (Gmail often has the view swapped by then), else
 * once per animation frame while the DOM changes, for a short while. Only a `thread` result is
 * passed on, and the reader returns one only when the DOM's thread id matches the address, so a
 * read can never pair the new address with the previous thread's people. Where the ids cannot be
 * compared with the address (a spelling Baton does not know), a read identical to the last thread
 * seen is the previous thread still on screen: it is waited out, not passed on.
 */
export function watchThreadArrival(win: Window, onThread: (read: GmailReadResult) => void, signal: AbortSignal): void {
  const { MutationObserver: Observer } = win as Window & typeof globalThis;
  let until = 0;
  let frame: number | null = null;
  // Not read at start (the watcher reads the first page); from the first thread passed on.
  let lastThread: string | null = null;
  const remember = (read: GmailReadResult): void => {
    if (read.kind === 'thread') lastThread = resultIdentity(read);
  };
  const tryRead = (): boolean => {
    const read = readGmailPage(win.document, win.location.href);
    if (read.kind !== 'thread' || resultIdentity(read) === lastThread) return false;
    remember(read);
    stop();
    onThread(read);
    return true;
  };
  const observer = new Observer(() => {
    if (frame !== null) return;
    frame = win.requestAnimationFrame(() => {
      frame = null;
      if (Date.now() > until) stop();
      else tryRead();
    });
  });
  function stop(): void {
    observer.disconnect();
    if (frame !== null) win.cancelAnimationFrame(frame);
    frame = null;
  }
  const onAddress = (): void => {
    stop();
    if (signal.aborted || tryRead()) return;
    const address = parseGmailUrl(win.location.href);
    if (!address.ok || address.token === null) return;
    until = Date.now() + PENDING_MS;
    observer.observe(win.document.body ?? win.document.documentElement, { childList: true, subtree: true });
  };
  win.addEventListener('hashchange', onAddress);
  win.addEventListener('popstate', onAddress);
  signal.addEventListener(
    'abort',
    () => {
      stop();
      win.removeEventListener('hashchange', onAddress);
      win.removeEventListener('popstate', onAddress);
    },
    { once: true },
  );
}
