// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { loadGmailFixture, type GmailFixtureName } from './fixtures/load.ts';
import { readGmailPage } from './read-page.ts';
import { logBlocker } from './read-thread.ts';
import { GmailReadResultSchema, type GmailMessage, type GmailReadResult, type GmailThreadResult, type Person } from './types.ts';

const sam: Person = { name: 'Sam Seller', email: 'sam.seller@acme.test' };
const dana: Person = { name: 'Dana Buyer', email: 'dana.buyer@example.com' };
const lee: Person = { name: 'Lee Finance', email: 'lee.finance@example.com' };
const alex: Person = { name: 'Alex Procurement', email: 'alex.procurement@example.com' };
const jordan: Person = { name: 'Jordan Ops', email: 'jordan.ops@example.com' };

const message = (fields: Partial<GmailMessage> & Pick<GmailMessage, 'messageId'>): GmailMessage => ({
  legacyMessageId: null,
  collapsed: false,
  from: null,
  to: [],
  cc: [],
  date: null,
  dateText: null,
  dateTitle: null,
  bodyText: null,
  ...fields,
});

const expected: Record<GmailFixtureName, (result: GmailReadResult) => void> = {
  'thread-single': (result) => {
    expect(result).toEqual({
      kind: 'thread',
      threadId: '18f3c2a1b4d5e6f7',
      subject: 'Renewal quote for 2025',
      user: sam,
      participants: [dana],
      lang: 'en',
      missing: [],
      warnings: [],
      messages: [
        message({
          messageId: '1797994676030400247',
          legacyMessageId: '18f3c2a1b4d5e6f7',
          from: dana,
          to: [sam],
          date: '2025-03-04T10:15:00',
          dateText: '10:15 AM (2 days ago)',
          bodyText:
            'Hi Sam,\n\nCould you send the renewal quote for 2025? We need it before the board meeting on Friday.\n\nThanks,\nDana',
        }),
      ],
      matched: {
        main: 'div[role="main"] [2014]',
        subject: 'h2.hP [2019]',
        threadId: '[data-legacy-thread-id] [2018]',
        messages: 'div.adn[data-message-id] [2018]',
        sender: 'td.gF span.gD[email] [2014]',
        recipients: 'span.hb span.g2[email] [2014]',
        date: 'span.g3[title] [2014]',
        body: 'div.ii.gt div.a3s:not(.undefined) [2014]',
        user: 'a[aria-label^="Google Account:"] [2018]',
      },
    });
  },
  'thread-many': (result) => {
    if (result.kind !== 'thread') throw new Error(`expected a thread, got ${JSON.stringify(result)}`);
    expect(result.threadId).toBe('1902ab34cd56ef78');
    expect(result.subject).toBe('Pilot pricing and next steps');
    expect(result.participants).toEqual([dana, lee, alex]);
    expect(result.messages).toEqual([
      message({
        messageId: '1802191044173295480',
        legacyMessageId: '1902ab34cd56ef78',
        collapsed: true,
        from: dana,
        date: '2025-03-03T09:02:00',
        dateText: 'Mar 3',
      }),
      message({
        messageId: '1802191044173295481',
        legacyMessageId: '1902ab34cd56ef79',
        collapsed: true,
        from: sam,
        date: '2025-03-03T16:47:00',
        dateText: 'Mar 3',
      }),
      message({
        messageId: '1802191044173295482',
        legacyMessageId: '1902ab34cd56ef7a',
        from: lee,
        to: [sam],
        cc: [dana, alex],
        date: '2025-03-04T08:30:00',
        dateText: 'Mar 4',
        bodyText: 'Sam, the pilot price works for us if it includes onboarding.\n\nAlex from procurement will send the paperwork.',
      }),
      message({
        messageId: '1802191044173295483',
        legacyMessageId: '1902ab34cd56ef7b',
        from: sam,
        to: [lee, dana],
        date: '2025-03-04T14:05:00',
        dateText: '14:05',
        bodyText: 'Great news, Lee.\n\nOnboarding is included. I will send the order form today.',
      }),
    ]);
    expect(result.matched.recipients).toBe('table.ajC tr [2014]');
  },
  'reading-pane': (result) => {
    if (result.kind !== 'thread') throw new Error(`expected a thread, got ${JSON.stringify(result)}`);
    expect(result.threadId).toBe('19a0b1c2d3e4f506');
    expect(result.subject).toBe('Security review questionnaire');
    expect(result.matched.threadId).toBe('[data-thread-perm-id] [2018]');
    expect(result.participants).toEqual([jordan]);
    expect(result.messages.map((m) => [m.messageId, m.from?.email, m.to.map((p) => p.email), m.date, m.bodyText])).toEqual([
      ['1846671297558672646', jordan.email, [sam.email], '2025-03-06T11:40:00', 'Hello Sam,\nplease fill in the attached questionnaire.'],
      ['1846671297558672647', sam.email, [jordan.email], '2025-03-06T15:05:00', 'Done, see attached.'],
    ]);
  },
  'inbox-list': (result) => {
    expect(result).toEqual({
      kind: 'list',
      user: sam,
      senders: [dana, lee, alex],
      matched: { main: 'div[role="main"] [2014]', listRow: 'tr.zA [2012]', user: 'a[aria-label^="Google Account:"] [2018]' },
    });
  },
  settings: (result) => expect(result).toEqual({ kind: 'other', user: sam, view: 'settings' }),
  'not-gmail': (result) => {
    expect(result).toMatchObject({ kind: 'not_recognised', code: 'not_gmail' });
  },
  'thread-changed-markup': (result) => {
    expect(result).toMatchObject({ kind: 'not_recognised', code: 'thread_markup_unknown' });
    if (result.kind === 'not_recognised') expect(result.reason).toContain('FMfcgzGxSHmXJmDBmsXXdrzNGLtJJZDq');
  },
  'thread-url-token-only': (result) => {
    expect(result).toEqual({
      kind: 'thread',
      threadId: '19b7c6d5e4f30211',
      subject: 'Acme renewal: next steps',
      user: { name: null, email: sam.email },
      participants: [dana],
      lang: 'en',
      missing: [],
      warnings: [],
      messages: [
        message({
          messageId: '1853168393657713169',
          legacyMessageId: '19b7c6d5e4f30211',
          from: dana,
          to: [sam],
          date: '2025-04-02T12:00:00',
          dateText: 'Apr 2',
          bodyText: "Let's meet on Tuesday to walk through the renewal.\n\nDana",
        }),
      ],
      matched: expect.objectContaining({ subject: '.ha h2 [2014]', threadId: 'url token', user: 'title' }),
    });
  },
  'thread-perm-id-undefined': (result) => {
    const kim: Person = { name: 'Kim Lead', email: 'kim.lead@example.com' };
    const danaNoName: Person = { name: null, email: dana.email };
    expect(result).toEqual({
      kind: 'thread',
      threadId: '19c1d2e3f4a5b607',
      subject: 'Kickoff agenda',
      user: sam,
      participants: [kim, danaNoName],
      lang: 'en',
      missing: [{ field: 'messages.0.date', reason: 'no dated element (span.g3[title])' }],
      warnings: [],
      messages: [
        message({
          messageId: '1855996397957264904',
          legacyMessageId: '19c1d2e3f4a5b608',
          from: kim,
          to: [sam, danaNoName],
          dateText: 'Apr 7',
          bodyText: 'Agenda:\nGoals\nTimeline',
        }),
      ],
      matched: expect.objectContaining({
        threadId: 'url token',
        messages: 'div.adn[data-legacy-message-id] [2014]',
        body: '.adP [2012]',
      }),
    });
  },
  'thread-hostile-text': (result) => {
    if (result.kind !== 'thread') throw new Error(`expected a thread, got ${JSON.stringify(result)}`);
    expect(result.subject).toBe('Re: <script>alert("subject")</script> pricing');
    expect(result.messages[0]?.from).toEqual({ name: 'Mallory <img src=x onerror=alert(3)>', email: 'mallory@example.com' });
    expect(result.messages[0]?.date).toBe('2025-01-10T00:30:00');
    expect(result.messages[0]?.bodyText).toBe(
      'Try this: <img src=x onerror=alert(1)>\nOr <a href="javascript:alert(2)">click here</a> and javascript:void(0)',
    );
  },
  'thread-unknown-ids': (result) => {
    const jonas: Person = { name: 'Jonas Käufer', email: 'jonas.kaeufer@beispiel.test' };
    const thread = asThread(result);
    // Nothing here is in a spelling Baton knows: every id is kept as the page wrote it.
    expect(thread.threadId).toBe('opaque:not-hex-anymore');
    expect(thread.messages.map((m) => [m.messageId, m.from?.email, m.date])).toEqual([
      ['opaque:msg-x:Zk81Hq3Nw', jonas.email, '2025-03-03T09:12:00'],
      ['opaque:msg-x:Zk81Hq3Nx', sam.email, '2025-03-04T14:05:00'],
    ]);
    expect(thread.participants).toEqual([jonas]);
    expect(thread.lang).toBe('de');
    expect(thread.missing).toEqual([]);
    expect(thread.warnings).toHaveLength(3);
    expect(logBlocker(thread)).toBeNull();
  },
  'thread-no-heading-id': (result) => {
    const lucia: Person = { name: 'Lucía Compras', email: 'lucia.compras@ejemplo.test' };
    const thread = asThread(result);
    expect(thread.threadId).toBe('1958d7a3c2b1e0cb');
    expect(thread.matched.threadId).toBe('first message id');
    expect(thread.warnings).toEqual(['no thread id on the heading or in the address: the first message names the thread']);
    expect(thread.messages.map((m) => [m.messageId, m.date, m.bodyText])).toEqual([
      ['1826446747244814539', '2025-02-17T09:30:00', 'Hola Sam, ¿podemos empezar el piloto en marzo?'],
      ['1826446747244815279', '2025-02-18T16:45:00', 'Sí, el 3 de marzo.'],
    ]);
    expect(thread.participants).toEqual([lucia]);
    expect(thread.missing).toEqual([]);
  },
  'thread-collapsed-fr': (result) => {
    const chloe: Person = { name: 'Chloé Achats', email: 'chloe.achats@exemple.test' };
    const thread = asThread(result);
    expect(thread.threadId).toBe('thread-a:r-4417790012345678901');
    expect(thread.messages).toEqual([
      message({ messageId: 'msg-a:r-4417790012345678901', collapsed: true, from: sam, date: '2025-03-10T08:05:00', dateText: '10 mars' }),
      message({ messageId: 'msg-a:r-4417790012345678902', collapsed: true, from: chloe, date: '2025-03-11T17:40:00', dateText: '11 mars' }),
      message({
        messageId: 'msg-a:r-4417790012345678903',
        from: sam,
        to: [chloe],
        date: '2025-03-12T09:00:00',
        dateText: '09:00',
        bodyText: 'Bonjour Chloé, voici le devis.',
      }),
    ]);
    // Collapsed messages have no body on the page: not missing, and never invented.
    expect(thread.missing).toEqual([]);
    expect(thread.participants).toEqual([chloe]);
  },
  'conversation-off-ja': (result) => {
    const thread = asThread(result);
    expect(thread.threadId).toBe('18f9a8b7c6d5e4f3');
    expect(thread.subject).toBe('見積もりのご依頼');
    expect(thread.messages).toEqual([
      message({
        messageId: '1799655033379611891',
        legacyMessageId: '18f9a8b7c6d5e4f3',
        from: { name: '購買 陽翔', email: 'haruto.kobai@rei.test' },
        to: [sam],
        date: '2025-03-04T14:05:00',
        dateText: '14:05',
        bodyText: 'お見積もりをお願いします。',
      }),
    ]);
    expect(thread.missing).toEqual([]);
  },
  'thread-no-message-ids-ru': (result) => {
    const thread = asThread(result);
    expect(thread.threadId).toBe('19e2f3a4b5c6d7e8');
    expect(thread.participants).toEqual([{ name: 'Иван Закупки', email: 'ivan.zakupki@primer.test' }]);
    expect(thread.messages.map((m) => [m.messageId, m.date, m.dateTitle])).toEqual([
      [null, '2025-03-04T14:05:00', null],
      [null, null, 'позавчера, около полудня'],
    ]);
    expect(thread.missing.map((gap) => gap.field)).toEqual(['messages.0.id', 'messages.1.id', 'messages.1.date']);
    expect(logBlocker(thread)).toMatch(/without an id/);
  },
};

function asThread(result: GmailReadResult): GmailThreadResult {
  if (result.kind !== 'thread') throw new Error(`expected a thread, got ${JSON.stringify(result)}`);
  return result;
}

describe('readGmailPage over the fixture pages', () => {
  it.each(Object.keys(expected) as GmailFixtureName[])('%s', (name) => {
    const { document, url } = loadGmailFixture(name);
    const result = readGmailPage(document, url);
    expect(GmailReadResultSchema.parse(result)).toEqual(result);
    expected[name](result);
  });

  it('leaves hostile text as text: reading creates no elements and changes nothing', () => {
    const { document, url } = loadGmailFixture('thread-hostile-text');
    const before = document.documentElement.outerHTML;
    readGmailPage(document, url);
    expect(document.documentElement.outerHTML).toBe(before);
    expect(document.querySelectorAll('script, img[onerror], a[href^="javascript:"]')).toHaveLength(0);
  });

  it('reports a stale thread when the address has moved on but the old thread is still shown', () => {
    const { document } = loadGmailFixture('thread-single');
    const result = readGmailPage(document, 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQVxHZZrDksNFGVSBwZlxTgxGbV');
    expect(result).toMatchObject({ kind: 'not_recognised', code: 'stale_thread' });
  });

  it('reads the thread, not the list, in reading-pane mode even from a list address', () => {
    const { document } = loadGmailFixture('reading-pane');
    const result = readGmailPage(document, 'https://mail.google.com/mail/u/0/#inbox');
    expect(result).toMatchObject({ kind: 'thread', threadId: '19a0b1c2d3e4f506' });
  });

  it('treats a page without a main view as not recognised', () => {
    const { document, url } = loadGmailFixture('thread-single');
    document.querySelector('[role="main"]')?.removeAttribute('role');
    expect(readGmailPage(document, url)).toMatchObject({ kind: 'not_recognised', code: 'no_main_view' });
  });

  it('reads a heading with no messages as a thread, naming what is missing', () => {
    const { document, url } = loadGmailFixture('thread-single');
    document.querySelector('[role="list"]')?.remove();
    const thread = asThread(readGmailPage(document, url));
    expect(thread).toMatchObject({ threadId: '18f3c2a1b4d5e6f7', subject: 'Renewal quote for 2025', messages: [], participants: [] });
    expect(thread.missing).toEqual([{ field: 'messages', reason: 'a subject is shown but no message element matched' }]);
    expect(logBlocker(thread)).toMatch(/any message/);
  });

  it('reads messages without a heading, and a thread with no id anywhere, as a thread', () => {
    const { document } = loadGmailFixture('thread-no-message-ids-ru');
    document.querySelector('h2.hP')?.remove();
    const thread = asThread(readGmailPage(document, 'https://mail.google.com/mail/u/0/#label/Pilot'));
    expect(thread.threadId).toBeNull();
    expect(thread.subject).toBeNull();
    expect(thread.messages).toHaveLength(2);
    expect(thread.missing.map((gap) => gap.field)).toEqual(expect.arrayContaining(['threadId', 'subject']));
  });

  it('keeps the stale rule when the heading and the address name different threads in known spellings', () => {
    const { document } = loadGmailFixture('thread-collapsed-fr');
    document.querySelector('h2.hP')?.setAttribute('data-thread-perm-id', 'thread-f:1797994676030400247');
    const stale = readGmailPage(document, 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQVxHZZrDksNFGVSBwZlxTgxGbV');
    expect(stale).toMatchObject({ kind: 'not_recognised', code: 'stale_thread' });
    // An id in an unknown spelling cannot be compared: the page is read, not called stale.
    const { document: unknown } = loadGmailFixture('thread-unknown-ids');
    expect(readGmailPage(unknown, 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQVxHZZrDksNFGVSBwZlxTgxGbV')).toMatchObject({ kind: 'thread' });
  });

  it('reads messages with and without ids in one thread, in page order', () => {
    const { document, url } = loadGmailFixture('thread-unknown-ids');
    document.querySelectorAll('div.adn')[1]?.removeAttribute('data-message-id');
    const thread = asThread(readGmailPage(document, url));
    expect(thread.messages.map((m) => m.messageId)).toEqual(['opaque:msg-x:Zk81Hq3Nw', null]);
    expect(logBlocker(thread)).toMatch(/1 of 2 messages/);
  });
});
