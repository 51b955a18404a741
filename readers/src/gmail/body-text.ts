import { GMAIL_SELECTORS } from './selectors.ts';

const QUOTED = GMAIL_SELECTORS.quoted.map((fallback) => fallback.selector).join(', ');
// Never part of what a person wrote; a hostile mail can still smuggle them in as markup.
const NOT_TEXT = 'script, style, template, noscript, head, title';
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2',
  'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'OL', 'PRE', 'SECTION', 'TABLE', 'TR', 'UL',
]);
const PARAGRAPH = new Set(['P']);

/**
 * The plain text of a message body, without quoted history, keeping line and paragraph breaks.
 * Works on a detached clone so the page's DOM is never modified, and only ever reads textContent.
 */
export function bodyText(body: Element): string | null {
  const copy = body.cloneNode(true) as Element;
  for (const unwanted of copy.querySelectorAll(`${QUOTED}, ${NOT_TEXT}`)) unwanted.remove();
  const out: string[] = [];
  // Newlines at the end of `out` (spaces ignored), so block edges never stack extra blank lines.
  let trailingBreaks = 0;
  const push = (piece: string): void => {
    out.push(piece);
    // Text nodes arrive with their newlines collapsed, so a piece is either all breaks or text.
    if (piece.startsWith('\n')) trailingBreaks += piece.length;
    else if (piece.trim() !== '') trailingBreaks = 0;
  };
  const breakLine = (count: 1 | 2): void => {
    if (out.length > 0 && trailingBreaks < count) push('\n'.repeat(count - trailingBreaks));
  };
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      push((node.nodeValue ?? '').replace(/[ \t\r\n\f\u00a0]+/g, ' '));
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (tag === 'BR') {
      push('\n');
      return;
    }
    const gap = PARAGRAPH.has(tag) ? 2 : BLOCK.has(tag) ? 1 : 0;
    if (gap > 0) breakLine(gap as 1 | 2);
    for (const child of node.childNodes) walk(child);
    if (gap > 0) breakLine(gap as 1 | 2);
  };
  walk(copy);
  const text = out
    .join('')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text === '' ? null : text;
}
