import type { Activity, Deal } from '@baton/shared';
import { describe, expect, it } from 'vitest';
import { defaultKind, fromDraft, prefill, suggestions, toDraft, toLocalInput } from './handoff-form.ts';

const deal: Pick<Deal, 'qualification' | 'nextStep'> = {
  qualification: { budget: '€40k', authority: null, need: 'Faster onboarding', timeline: null },
  nextStep: { what: 'Demo', dueAt: '2031-03-04T10:00:00.000Z', ownerId: null },
};
const activity = (overrides: Partial<Activity>): Activity => ({
  id: crypto.randomUUID(),
  contactId: 'c1',
  dealId: null,
  type: 'note',
  occurredAt: '2030-01-01T00:00:00.000Z',
  subject: null,
  body: null,
  source: null,
  details: null,
  actorId: 'u1',
  createdAt: '2030-01-01T00:00:00.000Z',
  ...overrides,
});

describe('prefill', () => {
  it('takes qualification and next step from the deal; the thread subject is only a suggestion for "discussed"', () => {
    const form = prefill({ kind: 'sdr_to_ae', deal, threadSubject: 'Pilot for Acme', timeline: [] });
    expect(form).toMatchObject({ budget: '€40k', authority: '', need: 'Faster onboarding', nextWhat: 'Demo', discussed: '', trigger: '' });
    expect(suggestions({ kind: 'sdr_to_ae', deal, threadSubject: 'Pilot for Acme', timeline: [] })).toEqual({ discussed: 'Email: Pilot for Acme' });
    expect(form.nextDue).toBe(toLocalInput('2031-03-04T10:00:00.000Z'));
    expect(toDraft(form).nextStep?.dueAt).toBe('2031-03-04T10:00:00.000Z');
  });

  it('suggests the LinkedIn headline for "why they engaged", and falls back to the first logged email subject', () => {
    const timeline = [
      activity({ type: 'email', subject: 'Re: Pricing', occurredAt: '2030-01-03T00:00:00.000Z' }),
      activity({ type: 'linkedin_profile', subject: 'VP Ops at Acme', details: { profile: { headline: 'VP Operations · scaling support' } } as Activity['details'] }),
      activity({ type: 'email', subject: 'Intro to Baton', occurredAt: '2030-01-01T00:00:00.000Z' }),
    ];
    const offered = suggestions({ kind: 'sdr_to_ae', deal, threadSubject: null, timeline });
    expect(offered.trigger).toBe('LinkedIn: VP Operations · scaling support');
    expect(offered.discussed).toBe('Email: Intro to Baton');
    expect(prefill({ kind: 'sdr_to_ae', deal, threadSubject: null, timeline })).toMatchObject({ trigger: '', discussed: '' });
  });

  it('leaves fields empty when nothing is known', () => {
    const empty = { qualification: { budget: null, authority: null, need: null, timeline: null }, nextStep: { what: null, dueAt: null, ownerId: null } };
    expect(prefill({ kind: 'ae_to_csm', deal: empty, timeline: [] })).toMatchObject({ kind: 'ae_to_csm', trigger: '', discussed: '', budget: '', nextDue: '' });
  });
});

describe('draft round trip', () => {
  it('keeps what was typed, blanks as absent', () => {
    const form = { ...prefill({ kind: 'marketing_to_sdr', deal, threadSubject: 'Hi', timeline: [] }), objections: 'None raised', warmIntro: 'joint_call' as const, authority: '  ' };
    const draft = toDraft(form);
    expect(draft.qualification?.authority).toBeUndefined();
    expect(fromDraft(draft)).toEqual({ ...form, authority: '' });
  });

  it('defaults the kind from the role', () => {
    expect([defaultKind('sdr'), defaultKind('marketing'), defaultKind('ae'), defaultKind('manager'), defaultKind(undefined)]).toEqual([
      'sdr_to_ae',
      'marketing_to_sdr',
      'ae_to_csm',
      'sdr_to_ae',
      'sdr_to_ae',
    ]);
  });
});
