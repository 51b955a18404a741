import { isShown } from '@baton/readers/gmail';
import { COMPOSE_SELECTORS, type ComposeSelector, type ComposeSelectorKey } from './compose-selectors.ts';

/** Shown matches of the first fallback that has any, in document order. */
export function findShown(root: ParentNode & Element, key: ComposeSelectorKey): HTMLElement[] {
  for (const fallback of COMPOSE_SELECTORS[key] as readonly ComposeSelector[]) {
    const shown = [...root.querySelectorAll<HTMLElement>(fallback.selector)].filter((element) => isShown(element, root));
    if (shown.length > 0) return shown;
  }
  return [];
}

/** The nearest enclosing element matching a fallback of `key`, or null. */
export function closestOf(element: Element, key: ComposeSelectorKey): HTMLElement | null {
  for (const fallback of COMPOSE_SELECTORS[key] as readonly ComposeSelector[]) {
    const found = element.closest<HTMLElement>(fallback.selector);
    if (found) return found;
  }
  return null;
}

/**
 * Resolves with what `probe` finds once it finds something, re-checking on every DOM change
 * (Gmail builds the reply box some moments after the click); null after `timeoutMs`.
 */
export function waitFor<T>(doc: Document, probe: () => T | null, timeoutMs: number): Promise<T | null> {
  const now = probe();
  if (now !== null) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = (value: T | null) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(value);
    };
    const observer = new MutationObserver(() => {
      const found = probe();
      if (found !== null) done(found);
    });
    observer.observe(doc.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['hidden', 'style', 'class'] });
    const timer = setTimeout(() => done(null), timeoutMs);
  });
}

/** Gmail's controls react to the whole mouse sequence, not to `click` alone. */
export function press(element: HTMLElement): void {
  const Mouse = element.ownerDocument.defaultView?.MouseEvent ?? MouseEvent;
  for (const type of ['mousedown', 'mouseup', 'click'] as const) {
    element.dispatchEvent(new Mouse(type, { bubbles: true, cancelable: true }));
  }
}
