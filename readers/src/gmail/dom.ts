import { describeFallback, GMAIL_SELECTORS, type GmailSelectorKey, type SelectorFallback } from './selectors.ts';

/** An element with the fallback that found it, for `matched`. */
export interface Found<T = Element> {
  value: T;
  via: string;
}

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/**
 * Whether nothing between `element` and `root` hides it. Gmail keeps the previous thread's DOM
 * around hidden for a moment after navigation; reading it would show the wrong thread. Only inline
 * styles and `hidden` are checked: the reader has no layout (jsdom, CLI) and must stay pure.
 */
export function isShown(element: Element, root: Element): boolean {
  for (let node: Element | null = element; node !== null; node = node.parentElement) {
    if (node.hasAttribute('hidden') || HIDDEN_STYLE.test(node.getAttribute('style') ?? '')) return false;
    if (node === root) return true;
  }
  return true;
}

/**
 * All matches of the first fallback that has any, in document order. `shownOnly` drops hidden ones;
 * off inside one message, where Gmail hides parts (the recipient details) that are still true.
 */
export function findAll(root: Element, key: GmailSelectorKey, shownOnly = true): Found<Element[]> | null {
  for (const fallback of GMAIL_SELECTORS[key] as readonly SelectorFallback[]) {
    const shown = [...root.querySelectorAll(fallback.selector)].filter((el) => !shownOnly || isShown(el, root));
    if (shown.length > 0) return { value: shown, via: describeFallback(fallback) };
  }
  return null;
}

/** The first match of the first fallback that has one. */
export function findFirst(root: Element, key: GmailSelectorKey, shownOnly = true): Found | null {
  const all = findAll(root, key, shownOnly);
  const first = all?.value[0];
  return all && first ? { value: first, via: all.via } : null;
}

/** `textContent` with runs of whitespace collapsed; null when empty. */
export function cleanText(node: Node | null | undefined): string | null {
  const text = (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/**
 * The matches of every fallback together, in document order, each element once and none inside
 * another: for things a page can mix (messages with and without ids), where the first fallback
 * with a match would drop the rest. `via` names each fallback that contributed.
 */
export function findEvery(root: Element, key: GmailSelectorKey, exclude: (element: Element) => boolean): Found<Element[]> | null {
  const found = new Set<Element>();
  const vias: string[] = [];
  for (const fallback of GMAIL_SELECTORS[key] as readonly SelectorFallback[]) {
    let used = false;
    for (const element of root.querySelectorAll(fallback.selector)) {
      if (found.has(element) || exclude(element) || !isShown(element, root)) continue;
      found.add(element);
      used = true;
    }
    if (used) vias.push(describeFallback(fallback));
  }
  const all = [...found];
  const outer = all.filter((element) => !all.some((other) => other !== element && other.contains(element)));
  outer.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
  return outer.length === 0 ? null : { value: outer, via: vias.join(' + ') };
}
