import { describe, expect, it } from 'vitest';
import { composeBrief, focusDeal } from './brief.ts';
import type { Contact, Deal, Handoff } from './index.ts';

const now = new Date('2026-11-24T12:00:00Z');
const ids = {
  contact: '00000000-0000-4000-8000-000000000001',
  sdr: '00000000-0000-4000-8000-0000000000a1',
  ae: '00000000-0000-4000-8000-0000000000a2',
  dealOld: '00000000-0000-4000-8000-0000000000d1',
  dealOpen: '00000000-0000-4000-8000-0000000000d2',
  dealWon: '00000000-0000-4000-8000-0000000000d3',
};
const contact: Contact = {
  id: ids.contact, name: 'Jordan Lee', emails: ['jordan@acme.test'], linkedinUrl: null, title: 'VP Sales', company: 'Acme',
  location: null, photoUrl: null, photoCapturedAt: null, ownerId: ids.sdr, createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z',
};
const deal = (id: string, stage: Deal['stage'], updatedAt: string, dueAt: string | null): Deal => ({
  id, contactId: ids.contact, title: `Deal ${id.slice(-2)}`, stage, ownerId: ids.ae, version: 2,
  qualification: { budget: null, authority: null, need: null, timeline: null },
  nextStep: { what: dueAt ? 'Demo' : null, dueAt, ownerId: ids.ae }, createdAt: '2026-11-01T00:00:00.000Z', updatedAt,
});
const handoff = (id: string, dealId: string, createdAt: string): Handoff => ({
  id, dealId, contactId: ids.contact, kind: 'sdr_to_ae', fromUserId: ids.sdr, toUserId: ids.ae, status: 'pending',
  trigger: 'Webinar', discussed: 'Pricing', objections: 'None raised',
  qualification: { budget: '40k', authority: 'VP', need: 'Context', timeline: 'Q1' },
  nextStep: { what: 'Demo', dueAt: '2026-11-26T10:00:00.000Z', ownerId: ids.ae }, warmIntro: 'intro_email',
  rejectionReason: null, createdAt, respondedAt: null, timeToAcceptMs: null,
});
const users = [
  { id: ids.sdr, name: 'Maya SDR', email: 'maya@baton.example', role: 'sdr' as const },
  { id: ids.ae, name: 'Ari AE', email: 'ari@baton.example', role: 'ae' as const },
];

describe('composeBrief', () => {
  it('focuses the most recently updated open deal and its latest handoff', () => {
    const deals = [
      deal(ids.dealWon, 'won', '2026-11-20T00:00:00.000Z', null),
      deal(ids.dealOpen, 'qualified', '2026-11-10T00:00:00.000Z', '2026-11-23T00:00:00.000Z'),
      deal(ids.dealOld, 'new', '2026-11-02T00:00:00.000Z', null),
    ];
    const brief = composeBrief(
      {
        contact, deals, users, timeline: [], nextCursor: null,
        handoffs: [
          handoff('00000000-0000-4000-8000-0000000000e1', ids.dealOpen, '2026-11-05T00:00:00.000Z'),
          handoff('00000000-0000-4000-8000-0000000000e2', ids.dealOpen, '2026-11-09T00:00:00.000Z'),
          handoff('00000000-0000-4000-8000-0000000000e3', ids.dealWon, '2026-11-19T00:00:00.000Z'),
        ],
      },
      now,
    );
    expect(brief.deal?.id).toBe(ids.dealOpen);
    expect(brief.otherDeals.map((d) => d.id).sort()).toEqual([ids.dealOld, ids.dealWon].sort());
    expect(brief.latestHandoff?.id).toBe('00000000-0000-4000-8000-0000000000e2');
    expect(brief.latestHandoff?.from?.name).toBe('Maya SDR');
    expect(brief.latestHandoff?.to?.name).toBe('Ari AE');
    expect(brief.owner?.name).toBe('Maya SDR');
    expect(brief.dealOwner?.name).toBe('Ari AE');
    expect(brief.nextStep).toMatchObject({ what: 'Demo', overdue: true, missing: false, owner: { name: 'Ari AE' } });
  });

  it('marks a missing next step and copes with no deals', () => {
    const noStep = composeBrief({ contact, deals: [deal(ids.dealOld, 'new', '2026-11-02T00:00:00.000Z', null)], users, handoffs: [], timeline: [], nextCursor: null }, now);
    expect(noStep.nextStep).toMatchObject({ missing: true, overdue: false });
    const none = composeBrief({ contact, deals: [], users: [], handoffs: [], timeline: [], nextCursor: null }, now);
    expect(none).toMatchObject({ deal: null, latestHandoff: null, nextStep: null, owner: null });
  });

  it('falls back to the latest closed deal when none is open', () => {
    expect(focusDeal([deal(ids.dealWon, 'won', '2026-11-20T00:00:00.000Z', null), deal(ids.dealOld, 'lost', '2026-11-02T00:00:00.000Z', null)])?.id).toBe(ids.dealWon);
    expect(focusDeal([])).toBeNull();
  });
});
