// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { bodyText } from './body-text.ts';

function body(html: string): Element {
  const element = document.createElement('div');
  element.innerHTML = html;
  return element;
}

describe('bodyText', () => {
  it.each([
    ['<div>a</div><div><br></div><div>b</div>', 'a\n\nb'],
    ['<p>one</p><p>two</p>', 'one\n\ntwo'],
    ['line one<br>line   two\n continued', 'line one\nline two continued'],
    ['<div>keep</div><div class="gmail_quote"><div class="gmail_attr">On Mon wrote:</div><blockquote>old</blockquote></div>', 'keep'],
    ['<div>keep</div><blockquote>quoted</blockquote><div class="adL">trimmed</div><div class="a6S">toolbar</div>', 'keep'],
    ['<div>a</div><div><br></div><div><br></div><div><br></div><div>b</div>', 'a\n\nb'],
    ['<div>visible</div><script>alert(1)</script><style>p{}</style>', 'visible'],
    ['<ul><li>x</li><li>y</li></ul>', 'x\ny'],
    ['<blockquote>only a quote</blockquote>', null],
  ])('%j', (html, text) => {
    expect(bodyText(body(html))).toBe(text);
  });

  it('does not modify the page', () => {
    const element = body('<div>a</div><blockquote>q</blockquote>');
    bodyText(element);
    expect(element.querySelector('blockquote')?.textContent).toBe('q');
  });
});
