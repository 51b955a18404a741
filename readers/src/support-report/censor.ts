/**
 * A copy of a page's structure with nothing personal in it, for a support report: tag names,
 * roles, class names and attribute *names* are kept (they are what the readers' selectors match);
 * every text and attribute value becomes its length, and one holding an e-mail address `x@y`.
 */

/** An element: tag, class, role, other attributes (name -> length or 'x@y'), children. */
export interface CensoredElement {
  t: string;
  c?: string;
  r?: string;
  a?: Record<string, number | 'x@y'>;
  k?: CensoredNode[];
}
/** A text node is its length (or 'x@y'). */
export type CensoredNode = CensoredElement | number | 'x@y';

const EMAIL = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[^\s@<>()"',;:]+/;
// Their insides are never page structure a reader looks at.
const OPAQUE = new Set(['script', 'style', 'svg', 'noscript', 'template', 'iframe', 'canvas', 'video', 'audio']);

export const censorValue = (value: string): number | 'x@y' => (EMAIL.test(value) ? 'x@y' : value.length);

export interface CensorOptions {
  /** Most elements copied; beyond it the copy stops (`truncated`). Keeps a report pasteable. */
  maxElements?: number;
}

export interface CensoredPage {
  tree: CensoredElement;
  elements: number;
  truncated: boolean;
}

export function censorStructure(root: Element, { maxElements = 500 }: CensorOptions = {}): CensoredPage {
  let budget = maxElements;
  let truncated = false;
  const copy = (element: Element): CensoredElement => {
    budget -= 1;
    const node: CensoredElement = { t: element.tagName.toLowerCase() };
    const attributes: Record<string, number | 'x@y'> = {};
    for (const attribute of element.attributes) {
      if (attribute.name === 'class') node.c = attribute.value.replace(/\s+/g, ' ').trim().slice(0, 200);
      else if (attribute.name === 'role') node.r = attribute.value.slice(0, 40);
      else attributes[attribute.name] = censorValue(attribute.value);
    }
    if (Object.keys(attributes).length > 0) node.a = attributes;
    if (OPAQUE.has(node.t)) return node;
    const children: CensoredNode[] = [];
    for (const child of element.childNodes) {
      if (child.nodeType === 3) {
        const text = (child.nodeValue ?? '').replace(/\s+/g, ' ').trim();
        if (text !== '') children.push(censorValue(text));
      } else if (child.nodeType === 1) {
        if (budget <= 0) {
          truncated = true;
          break;
        }
        children.push(copy(child as Element));
      }
    }
    if (children.length > 0) node.k = children;
    return node;
  };
  const tree = copy(root);
  return { tree, elements: maxElements - budget, truncated };
}

/**
 * The structure back as a document fragment's HTML, values as placeholders of the same length
 * (`x@y.invalid` for an address): what `baton doctor` runs the readers on.
 */
export function rebuildHtml(node: CensoredNode): string {
  if (node === 'x@y') return 'x@y.invalid';
  if (typeof node === 'number') return 'x'.repeat(Math.min(node, 1000));
  const tag = /^[a-z][a-z0-9-]*$/.test(node.t) ? node.t : 'div';
  const attrs = [
    node.c === undefined ? '' : ` class="${escapeAttribute(node.c)}"`,
    node.r === undefined ? '' : ` role="${escapeAttribute(node.r)}"`,
    ...Object.entries(node.a ?? {})
      .filter(([name]) => /^[a-z][\w:.-]*$/i.test(name) && !/^on/i.test(name))
      .map(([name, value]) => ` ${name}="${value === 'x@y' ? 'x@y.invalid' : 'x'.repeat(Math.min(value, 1000))}"`),
  ].join('');
  return `<${tag}${attrs}>${(node.k ?? []).map(rebuildHtml).join('')}</${tag}>`;
}

const escapeAttribute = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The part of a page the report copies: the main view when there is one (the readers look there). */
export function reportRoot(doc: Document, site: 'gmail' | 'linkedin'): Element | null {
  const main = doc.querySelector(site === 'gmail' ? 'div[role="main"]' : 'main');
  return main ?? doc.body ?? doc.documentElement;
}

/** The page's censored structure, built where the page is (the content script). */
export function censorPage(doc: Document, site: 'gmail' | 'linkedin'): CensoredPage | null {
  const root = reportRoot(doc, site);
  return root === null ? null : censorStructure(root);
}


/** The address with only its shape: host, the view's name, other parts as their lengths. */
export function censorUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    if (error instanceof TypeError) return `<${url.length}>`;
    throw error;
  }
  const part = (segment: string, index: number): string =>
    index === 0 || /^(?:u|\d{1,2}|in|company|mail)$/.test(segment) ? segment.slice(0, 40) : `<${segment.length}>`;
  const path = parsed.pathname.split('/').map((segment, index) => (segment === '' ? '' : part(segment, index - 1))).join('/');
  const hash = parsed.hash.replace(/^#/, '').split('/').filter((s) => s !== '').map(part).join('/');
  return `${parsed.protocol}//${parsed.host}${path}${hash === '' ? '' : `#${hash}`}`;
}

