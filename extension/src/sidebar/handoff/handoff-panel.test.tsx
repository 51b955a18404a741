// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { fieldLabels, handoffKinds, readiness, templateFor, type Brief, type Deal } from '@baton/shared';
import { QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestBridge } from '../../bridge/testing.ts';
import { freshDb, syncFixture, type SyncFixture } from '../../local/testing.ts';
import type { Settings } from '../../settings/index.ts';
import { HandoffPanel } from './handoff-panel.tsx';
import { prefill, toDraft } from './handoff-form.ts';
import { button, byLabel, click, renderInSidebar, type, waitForButton } from './render-testing.tsx';

let fx: SyncFixture;
beforeAll(async () => {
  fx = await syncFixture();
}, 120_000);
afterAll(() => fx.api.close());

/** The SDR's background (real bridge server over a fresh database, the real API) and their sidebar's bridge client. */
async function sdrSidebar(subject = 'Pilot for Acme') {
  const db = freshDb();
  const sdr = fx.org.users.sdr;
  const { server, bridge } = startTestBridge({ db, userId: sdr.id, client: fx.client });
  const { contact } = await fx.client.resolveContact({ emails: [`${crypto.randomUUID()}@acme.example`], name: 'Jordan Lee', company: 'Acme' });
  const created = await fx.client.createDeal({ contactId: contact.id, title: `Acme ${subject}` });
  await bridge.fetchBrief({ query: { contactId: contact.id } });
  const brief = (await bridge.localBrief({ contactId: contact.id })) as Brief;
  const settings: Settings = {
    apiUrl: 'http://baton.test',
    token: sdr.token,
    hasToken: true,
    neverLogDomains: [],
    autoLog: false,
    user: { id: sdr.id, email: sdr.email, name: sdr.name, role: 'sdr', orgId: fx.org.id },
  };
  return { db, bridge, server, settings, deal: brief.deal ?? created, brief };
}

const panel = (deal: Deal, brief: Brief, subject = 'Pilot for Acme') => (
  <HandoffPanel deal={deal} timeline={brief.timeline} threadSubject={subject} onClose={() => undefined} onReload={() => Promise.resolve()} />
);

const checklistNames = (container: HTMLElement) =>
  [...container.querySelectorAll('[aria-label="Readiness checklist"] li button')].map((item) => item.textContent?.trim());

describe('handoff panel', { timeout: 60_000 }, () => {
  it('names exactly the fields the shared rule finds missing, for every kind, and keeps "Hand off" disabled', async () => {
    const side = await sdrSidebar();
    const view = await renderInSidebar(panel(side.deal, side.brief), side);
    await vi.waitFor(() => expect(view.container.querySelector('[aria-label="Readiness checklist"]')).not.toBeNull());
    for (const kind of handoffKinds) {
      await type(byLabel(view.container, 'Handoff kind'), kind);
      const expected = readiness(side.deal, toDraft(prefill({ kind, deal: side.deal, threadSubject: 'Pilot for Acme', timeline: side.brief.timeline })), templateFor(kind));
      await vi.waitFor(() => expect(checklistNames(view.container)).toEqual(expected.missing.map((path) => fieldLabels[path])));
      const handOff = button(view.container, 'Hand off');
      expect(handOff.getAttribute('aria-disabled')).toBe('true');
      expect(view.container.querySelector(`#${handOff.getAttribute('aria-describedby') ?? 'none'}`)?.textContent).toContain(`${expected.missing.length} missing`);
    }
    // Each checklist entry takes the rep to its input.
    await click(button(view.container, 'Budget'));
    expect(document.activeElement).toBe(byLabel(view.container, 'Budget'));
    await view.unmount();
    side.bridge.close();
    side.server.close();
  });

  it('refuses "TBD" and other placeholders as answers, naming why, like the API', async () => {
    const side = await sdrSidebar('Placeholders');
    const view = await renderInSidebar(panel(side.deal, side.brief, 'Placeholders'), side);
    await vi.waitFor(() => expect(view.container.querySelector('[aria-label="Readiness checklist"]')).not.toBeNull());
    await type(byLabel(view.container, 'Budget'), 'TBD');
    await type(byLabel(view.container, 'Timeline'), '?');
    await vi.waitFor(() => expect(checklistNames(view.container)).toEqual(expect.arrayContaining(['Budget', 'Timeline'])));
    const checklist = view.container.querySelector('[aria-label="Readiness checklist"]');
    expect(checklist?.textContent).toContain('"TBD" is a placeholder, not an answer');
    await type(byLabel(view.container, 'Budget'), '40k approved for Q1');
    await vi.waitFor(() => expect(checklistNames(view.container)).not.toContain('Budget'));
    expect(button(view.container, 'Hand off').getAttribute('aria-disabled')).toBe('true');
    await view.unmount();
    side.bridge.close();
    side.server.close();
  });

  it('saves the draft as the rep types and brings it back when the panel opens again', async () => {
    const side = await sdrSidebar('Draft');
    const first = await renderInSidebar(panel(side.deal, side.brief, 'Draft'), side);
    // The subject is offered, not entered: the field stays empty until the rep takes it.
    const useSubject = await waitForButton(first.container, 'Use “Email: Draft”');
    expect(byLabel(first.container, 'What was discussed').value).toBe('');
    expect(checklistNames(first.container)).toContain('What was discussed');
    await click(useSubject);
    expect(byLabel(first.container, 'What was discussed').value).toBe('Email: Draft');
    await type(byLabel(first.container, 'Why they engaged'), 'Webinar on onboarding');
    await click(button(first.container, 'None raised'));
    await vi.waitFor(async () => expect((await side.db.drafts.get(side.deal.id))?.draft).toMatchObject({ trigger: 'Webinar on onboarding', objections: 'None raised' }));
    await type(byLabel(first.container, 'Budget'), '€50k');
    // Closed before the debounce ran out: what was typed last is saved on the way out.
    await first.unmount();
    await vi.waitFor(async () => expect((await side.db.drafts.get(side.deal.id))?.draft.qualification?.budget).toBe('€50k'));

    const again = await renderInSidebar(panel(side.deal, side.brief, 'Draft'), side);
    await vi.waitFor(() => expect(byLabel(again.container, 'Why they engaged').value).toBe('Webinar on onboarding'));
    expect(byLabel(again.container, fieldLabels.objections).value).toBe('None raised');
    expect(byLabel(again.container, 'Budget').value).toBe('€50k');
    expect(again.container.textContent).toContain('Your saved draft is back.');
    await again.unmount();
    side.bridge.close();
    side.server.close();
  });

  it('shows a 422 from the API next to each field it names, then hands off once fixed and clears the draft', async () => {
    const side = await sdrSidebar('Stale template');
    const queries = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    const view = await renderInSidebar(panel(side.deal, side.brief, 'Stale template'), { ...side, queries });
    await vi.waitFor(() => expect(checklistNames(view.container).length).toBeGreaterThan(0));
    await type(byLabel(view.container, 'Handoff kind'), 'ae_to_csm');
    const csm = fx.org.users.csm;
    await vi.waitFor(() => expect([...byLabel(view.container, 'Recipient').querySelectorAll('option')].map((o) => o.textContent)).toContain(csm.name));
    expect(checklistNames(view.container)).not.toContain('Why they engaged');

    // A manager tightens the organisation's template after this panel read it.
    const put = await fx.api.request('PUT', '/v1/handoff-templates/ae_to_csm', {
      token: fx.org.users.manager.token,
      body: { required: [...templateFor('ae_to_csm').required, 'trigger'] },
    });
    expect(put.status).toBe(200);

    await type(byLabel(view.container, 'Recipient'), csm.id);
    await type(byLabel(view.container, 'What was discussed'), 'Rollout to two teams');
    await click(button(view.container, 'None raised'));
    await type(byLabel(view.container, 'Budget'), '€40k');
    await type(byLabel(view.container, 'Need'), 'Onboarding in a week');
    await type(byLabel(view.container, 'Timeline'), 'Q3');
    await type(byLabel(view.container, 'Agreed next step'), 'Kick-off call');
    await type(byLabel(view.container, 'Next step date'), '2031-05-01T10:00');
    await click(byLabel(view.container, 'Joint call') as HTMLInputElement);
    await vi.waitFor(() => expect(view.container.textContent).toContain('Ready to hand off'));

    await click(button(view.container, 'Hand off'));
    const trigger = byLabel(view.container, 'Why they engaged');
    await vi.waitFor(() => expect(view.container.querySelector('#handoff-trigger-error')?.textContent).toBe('Why they engaged is required'));
    expect(trigger.getAttribute('aria-invalid')).toBe('true');
    expect(trigger.getAttribute('aria-describedby')).toBe('handoff-trigger-error');
    expect(view.container.querySelector('[role="alert"]')?.textContent).toContain('one field is not ready');
    expect(view.container.querySelector('#handoff-qualification-budget-error')).toBeNull();

    await type(trigger, 'Asked for a pilot after the webinar');
    expect(view.container.querySelector('#handoff-trigger-error')).toBeNull();
    await click(button(view.container, 'Hand off'));
    await vi.waitFor(() => expect(view.container.querySelector('[role="status"]')?.textContent).toBe(`Handed off to ${csm.name}`));
    expect(await side.db.drafts.get(side.deal.id)).toBeUndefined();
    const [sent] = await fx.client.listHandoffs({ dealId: side.deal.id });
    expect(sent).toMatchObject({ kind: 'ae_to_csm', toUserId: csm.id, objections: 'None raised', warmIntro: 'joint_call', trigger: 'Asked for a pilot after the webinar' });
    await view.unmount();
    side.bridge.close();
    side.server.close();
  });
});
