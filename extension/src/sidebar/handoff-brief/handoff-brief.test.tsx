// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import type { BriefHandoff } from '@baton/shared';
import { describe, expect, it, vi } from 'vitest';
import { startTestBridge } from '../../bridge/testing.ts';
import { freshDb } from '../../local/testing.ts';
import type { Settings } from '../../settings/index.ts';
import { button, byLabel, click, renderInSidebar, type } from '../handoff/render-testing.tsx';
import { HandoffBrief } from './handoff-brief.tsx';
import { formatDuration } from '../../ui/duration.ts';

const ae = { id: '00000000-0000-4000-8000-0000000000ae', name: 'Sam AE', email: 'sam@org.example', role: 'ae' as const };
const sdr = { id: '00000000-0000-4000-8000-000000000005', name: 'Maya SDR', email: 'maya@org.example', role: 'sdr' as const };
const settings: Settings = { apiUrl: null, token: null, hasToken: false, neverLogDomains: [], autoLog: false, user: { ...ae, orgId: '00000000-0000-4000-8000-00000000000a' } };

/** The AE's background and sidebar, with one pending handoff to them in the cache. */
async function aeSidebar() {
  const db = freshDb();
  const { server, bridge } = startTestBridge({ db, userId: ae.id });
  const handoff: BriefHandoff = {
    id: crypto.randomUUID(),
    dealId: crypto.randomUUID(),
    contactId: crypto.randomUUID(),
    kind: 'sdr_to_ae',
    fromUserId: sdr.id,
    toUserId: ae.id,
    status: 'pending',
    trigger: 'Webinar on onboarding',
    discussed: 'Pilot for two teams',
    objections: 'None raised',
    qualification: { budget: '€40k', authority: 'VP Ops', need: 'Faster onboarding', timeline: 'Q3' },
    nextStep: { what: 'Demo', dueAt: '2020-01-02T10:00:00.000Z', ownerId: ae.id },
    warmIntro: 'intro_email',
    rejectionReason: null,
    createdAt: '2020-01-01T09:00:00.000Z',
    respondedAt: null,
    timeToAcceptMs: null,
    from: sdr,
    to: ae,
  };
  const { from: _from, to: _to, ...plain } = handoff;
  await db.handoffs.put({ ...plain, synced: true });
  return { db, bridge, server, handoff };
}

describe('handoff brief', { timeout: 30_000 }, () => {
  it('shows every field the sender wrote, the overdue next step in red, and accepts through the bridge', async () => {
    const side = await aeSidebar();
    const view = await renderInSidebar(<HandoffBrief handoff={side.handoff} />, { bridge: side.bridge, settings });
    const text = view.container.textContent ?? '';
    for (const value of ['from Maya SDR to you', 'Webinar on onboarding', 'Pilot for two teams', 'None raised', '€40k', 'VP Ops', 'Faster onboarding', 'Q3', 'Demo', 'Intro email']) {
      expect(text).toContain(value);
    }
    expect(view.container.querySelector('.danger')?.textContent).toContain('overdue since');

    await click(button(view.container, 'Accept'));
    await vi.waitFor(async () => expect(await side.db.handoffs.get(side.handoff.id)).toMatchObject({ status: 'accepted', synced: false }));
    expect((await side.db.outbox.toArray()).map((op) => [op.kind, op.payload])).toEqual([['acceptHandoff', { handoffId: side.handoff.id }]]);
    await view.unmount();

    // Once accepted, the brief says how long it took.
    const accepted = { ...side.handoff, status: 'accepted' as const, respondedAt: '2020-01-01T11:30:00.000Z', timeToAcceptMs: 150 * 60_000 };
    const after = await renderInSidebar(<HandoffBrief handoff={accepted} />, { bridge: side.bridge, settings });
    expect(after.container.textContent).toContain(`Accepted after ${formatDuration(150 * 60_000)}`);
    expect(() => button(after.container, 'Accept')).toThrow();
    await after.unmount();
    side.bridge.close();
    side.server.close();
  });

  it('sends back only with a reason, through the bridge', async () => {
    const side = await aeSidebar();
    const view = await renderInSidebar(<HandoffBrief handoff={side.handoff} />, { bridge: side.bridge, settings });
    await click(button(view.container, 'Send back'));
    const reason = byLabel(view.container, 'Reason for sending back');
    await click(button(view.container, 'Send back to Maya SDR'));
    expect(view.container.querySelector('[role="alert"]')?.textContent).toBe('Say why, so Maya SDR can fix it.');
    expect(document.activeElement).toBe(reason);
    expect(await side.db.outbox.count()).toBe(0);

    await type(reason, 'No budget owner named yet');
    await click(button(view.container, 'Send back to Maya SDR'));
    await vi.waitFor(async () => expect(await side.db.handoffs.get(side.handoff.id)).toMatchObject({ status: 'rejected', rejectionReason: 'No budget owner named yet' }));
    expect((await side.db.outbox.toArray()).map((op) => [op.kind, op.payload])).toEqual([['rejectHandoff', { handoffId: side.handoff.id, reason: 'No budget owner named yet' }]]);
    await view.unmount();
    side.bridge.close();
    side.server.close();
  });
});
