// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { composeUrl } from './compose-url.ts';
import { openIntroDraft } from './intro-draft.ts';

/*
 * A thread page shaped like Gmail's reply UI (made-up people). Gmail builds the reply box some
 * moments after the click and reveals Cc on its link; the handlers here do the same, asynchronously.
 */
const thread = (replyMarkup: string) => `
  <div role="main">
    <h2 class="hP">Pilot scope</h2>
    <div role="list"><div role="listitem">Hi Sam, could we see a demo? — Jordan</div></div>
    ${replyMarkup}
  </div>`;

const COMPOSE = `
  <form class="M9">
    <div class="to">To: jordan.lee@globex.test</div>
    <span role="link" aria-label="Add Cc recipients">Cc</span>
    <div class="cc" hidden><input aria-label="Cc recipients" /></div>
    <div contenteditable="true" role="textbox" aria-label="Message Body"><div class="gmail_signature">-- Sam</div></div>
  </form>`;

function gmailLikeReply(doc: Document): { cc: string[] } {
  const seen = { cc: [] as string[] };
  const main = doc.querySelector('div[role="main"]');
  doc.querySelector('[aria-label="Reply"]')?.addEventListener('click', () => {
    setTimeout(() => {
      main?.insertAdjacentHTML('beforeend', COMPOSE);
      const form = main?.querySelector('form');
      form?.querySelector('span[role="link"]')?.addEventListener('click', () => {
        setTimeout(() => form.querySelector('.cc')?.removeAttribute('hidden'), 5);
      });
      form?.querySelector('input')?.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') seen.cc.push((event.target as HTMLInputElement).value);
      });
    }, 10);
  });
  return seen;
}

const draft = { cc: 'ari.chen@acme.test', body: 'Hi Jordan —\n\nintroducing Ari Chen, our account executive.\n\nSam' };

describe('openIntroDraft', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('clicks Reply, waits for the box, types the introduction above the signature and adds the AE in Cc', async () => {
    document.body.innerHTML = thread('<div role="button" aria-label="Reply all">Reply all</div><div role="button" aria-label="Reply">Reply</div>');
    const seen = gmailLikeReply(document);

    await expect(openIntroDraft(document, draft, { timeoutMs: 1000 })).resolves.toEqual({ opened: 'reply', cc: true });

    const body = document.querySelector('[role="textbox"]');
    expect(body?.textContent).toBe('Hi Jordan —introducing Ari Chen, our account executive.Sam-- Sam');
    expect([...(body?.children ?? [])].map((line) => line.textContent)).toEqual(['Hi Jordan —', '', 'introducing Ari Chen, our account executive.', '', 'Sam', '-- Sam']);
    expect(seen.cc).toEqual(['ari.chen@acme.test']);
  });

  it('inserts markup-looking text as text, never as elements', async () => {
    document.body.innerHTML = thread('<span class="ams bkH" role="link">Reply</span>');
    const main = document.querySelector('div[role="main"]');
    document.querySelector('.ams')?.addEventListener('click', () => main?.insertAdjacentHTML('beforeend', COMPOSE));
    const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>';

    const result = await openIntroDraft(document, { cc: draft.cc, body: hostile }, { timeoutMs: 100 });

    expect(result.opened).toBe('reply');
    const body = document.querySelector('[role="textbox"]');
    expect(body?.querySelector('img, script')).toBeNull();
    expect(body?.firstElementChild?.textContent).toBe(hostile);
  });

  it('uses a Cc field that is already shown', async () => {
    document.body.innerHTML = thread('<div role="button" aria-label="Reply">Reply</div>');
    const main = document.querySelector('div[role="main"]');
    document.querySelector('[aria-label="Reply"]')?.addEventListener('click', () =>
      main?.insertAdjacentHTML('beforeend', '<form><textarea name="cc"></textarea><div contenteditable="true" role="textbox"></div></form>'),
    );
    await expect(openIntroDraft(document, draft, { timeoutMs: 1000 })).resolves.toEqual({ opened: 'reply', cc: true });
    expect(document.querySelector('textarea')?.value).toBe('ari.chen@acme.test');
  });

  it('reports a reply without a Cc field, so the rep is told to add the AE', async () => {
    document.body.innerHTML = thread('<div role="button" aria-label="Reply">Reply</div>');
    const main = document.querySelector('div[role="main"]');
    document.querySelector('[aria-label="Reply"]')?.addEventListener('click', () =>
      main?.insertAdjacentHTML('beforeend', '<form><div contenteditable="true" role="textbox"></div></form>'),
    );
    await expect(openIntroDraft(document, draft, { timeoutMs: 50 })).resolves.toEqual({ opened: 'reply', cc: false });
  });

  it('answers "none" when there is no Reply control, or the box never opens', async () => {
    document.body.innerHTML = thread('');
    await expect(openIntroDraft(document, draft, { timeoutMs: 50 })).resolves.toEqual({ opened: 'none', reason: 'no Reply control on this page' });

    document.body.innerHTML = thread('<div role="button" aria-label="Reply">Reply</div>');
    await expect(openIntroDraft(document, draft, { timeoutMs: 50 })).resolves.toEqual({ opened: 'none', reason: 'the reply box did not open' });
  });

  it('ignores a hidden Reply control', async () => {
    document.body.innerHTML = thread('<div hidden><div role="button" aria-label="Reply">Reply</div></div>');
    await expect(openIntroDraft(document, draft, { timeoutMs: 50 })).resolves.toMatchObject({ opened: 'none' });
  });
});

describe('composeUrl', () => {
  it('fills every field of Gmail compose, adding "Re:" once', () => {
    const url = new URL(composeUrl({ to: 'jordan.lee@globex.test', cc: 'ari.chen@acme.test', subject: 'Pilot scope', body: 'Hi Jordan —\nmeet Ari & co' }));
    expect(url.origin + url.pathname).toBe('https://mail.google.com/mail/');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      view: 'cm',
      fs: '1',
      to: 'jordan.lee@globex.test',
      cc: 'ari.chen@acme.test',
      su: 'Re: Pilot scope',
      body: 'Hi Jordan —\nmeet Ari & co',
    });
    expect(new URL(composeUrl({ to: 'a@b.test', cc: 'c@d.test', subject: 'RE: Pilot', body: 'x' })).searchParams.get('su')).toBe('RE: Pilot');
  });
});
