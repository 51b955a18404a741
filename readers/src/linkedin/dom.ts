import { HIDDEN_TEXT, OUTSIDE_MAIN_COLUMN, type SelectorFallback } from './selectors.ts';

export interface Match {
  readonly element: Element;
  readonly selector: string;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** The viewer's own name and photo live in the nav, "Me" menu and side cards: never read those. */
export function isInMainColumn(element: Element): boolean {
  return element.closest(OUTSIDE_MAIN_COLUMN) === null;
}

/**
 * The first element, in fallback order, that is in the main column and passes `accept`. Scans all
 * matches of a selector rather than the first, so a trap earlier in the document cannot shadow it.
 */
export function firstMatch(
  root: ParentNode,
  fallbacks: readonly SelectorFallback[],
  accept: (element: Element) => boolean = () => true,
): Match | null {
  for (const { selector } of fallbacks) {
    for (const element of root.querySelectorAll(selector)) {
      if (isInMainColumn(element) && accept(element)) return { element, selector };
    }
  }
  return null;
}

/** Visible text with whitespace collapsed, skipping screen-reader-only helpers; null when empty. */
export function visibleText(element: Element): string | null {
  const parts: string[] = [];
  const stack: Node[] = [element];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    if (node.nodeType === TEXT_NODE) {
      parts.push(node.nodeValue ?? '');
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const el = node as Element;
    if (el !== element && el.matches(HIDDEN_TEXT)) continue;
    if (['SCRIPT', 'STYLE', 'TEMPLATE'].includes(el.tagName)) continue;
    const children = Array.from(el.childNodes);
    for (let i = children.length - 1; i >= 0; i -= 1) {
      const child = children[i];
      if (child !== undefined) stack.push(child);
    }
  }
  return nonEmpty(parts.join(''));
}

export function nonEmpty(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim() ?? '';
  return text === '' ? null : text;
}

/** Parses `href` against the page URL; null for values no browser would follow. */
export function resolveUrl(href: string, base: string): URL | null {
  return URL.canParse(href, base) ? new URL(href, base) : null;
}
