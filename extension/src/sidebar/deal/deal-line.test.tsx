// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import type { Brief, Deal } from '@baton/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestBridge } from '../../bridge/testing.ts';
import { freshDb, syncFixture, type SyncFixture } from '../../local/testing.ts';
import type { Settings } from '../../settings/index.ts';
import { button, byLabel, click, renderInSidebar, type } from '../handoff/render-testing.tsx';
import { DealLine } from './deal-line.tsx';

let fx: SyncFixture;
beforeAll(async () => {
  fx = await syncFixture();
}, 120_000);
afterAll(() => fx.api.close());

describe('deal line', { timeout: 60_000 }, () => {
  it('edits the stage from a pick-list, and says in plain words when someone else changed the deal first', async () => {
    const db = freshDb();
    const sdr = fx.org.users.sdr;
    const { server, bridge } = startTestBridge({ db, userId: sdr.id, client: fx.client });
    const { contact } = await fx.client.resolveContact({ emails: [`${crypto.randomUUID()}@acme.example`], name: 'Jordan Lee', company: 'Acme' });
    const created = await fx.client.createDeal({ contactId: contact.id, title: 'Acme pilot' });
    await bridge.fetchBrief({ query: { contactId: contact.id } });
    const settings: Settings = { apiUrl: 'http://baton.test', token: sdr.token, hasToken: true, neverLogDomains: [], autoLog: false, user: { id: sdr.id, email: sdr.email, name: sdr.name, role: 'sdr', orgId: fx.org.id } };
    const brief = (await bridge.localBrief({ contactId: contact.id })) as Brief;
    const deal = brief.deal as Deal;
    const view = await renderInSidebar(<DealLine deal={deal} dealOwner={null} owner={null} />, { bridge, settings });

    await click(button(view.container, 'Edit'));
    expect(document.activeElement).toBe(byLabel(view.container, 'Deal title'));
    await type(byLabel(view.container, 'Stage'), 'discovery');
    await click(button(view.container, 'Save deal'));
    await vi.waitFor(async () => expect((await fx.client.getDeal(created.id)).stage).toBe('discovery'));

    // A teammate moves the deal on; this editor still holds the version it was opened with.
    const seen = await fx.client.getDeal(created.id);
    const stale = await renderInSidebar(<DealLine deal={{ ...seen }} dealOwner={null} owner={null} />, { bridge, settings });
    await fx.client.updateDeal(created.id, { version: seen.version, stage: 'proposal' });
    await click(button(stale.container, 'Edit'));
    await type(byLabel(stale.container, 'Stage'), 'lost');
    await click(button(stale.container, 'Save deal'));
    await vi.waitFor(() => expect(stale.container.querySelector('[role="alert"]')?.textContent).toContain('Someone else changed this deal while you were editing — it is now “Acme pilot”, Proposal'));
    expect((await fx.client.getDeal(created.id)).stage).toBe('proposal');
    // The cache holds the deal as it is now.
    expect((await db.deals.get(created.id))?.stage).toBe('proposal');
    await view.unmount();
    await stale.unmount();
    bridge.close();
    server.close();
  });
});
