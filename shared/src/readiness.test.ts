import { describe, expect, it } from 'vitest';
import { alwaysRequired, defaultTemplates, effectiveHandoff, fieldPaths, isPlaceholder, readiness, templateFor, type FieldPath } from './readiness.ts';
import type { HandoffDraft } from './schemas/handoff.ts';

const now = new Date('2026-11-24T12:00:00Z');
const emptyDeal = {
  qualification: { budget: null, authority: null, need: null, timeline: null },
  nextStep: { what: null, dueAt: null, ownerId: null },
};
const complete: HandoffDraft = {
  kind: 'sdr_to_ae',
  toUserId: '3b241101-e2bb-4255-8caf-4136c566a962',
  trigger: 'Downloaded the pricing guide after the webinar',
  discussed: 'Current tooling, team size',
  objections: 'None raised',
  qualification: { budget: '40k', authority: 'VP Sales signs', need: 'Handoffs lost', timeline: 'Q1' },
  nextStep: { what: 'Demo', dueAt: '2026-11-26T10:00:00Z' },
  warmIntro: 'intro_email',
};

describe('readiness', () => {
  it('is ready when every required field is filled', () => {
    expect(readiness(emptyDeal, complete, defaultTemplates.sdr_to_ae, now)).toEqual({ ready: true, missing: [], reasons: {} });
  });

  it.each<[string, Partial<HandoffDraft>, FieldPath[]]>([
    ['no trigger', { trigger: '' }, ['trigger']],
    ['blank discussed', { discussed: '   ' }, ['discussed']],
    ['no objections', { objections: null }, ['objections']],
    ['no recipient', { toUserId: undefined }, ['toUserId']],
    ['no budget', { qualification: { ...complete.qualification, budget: '' } }, ['qualification.budget']],
    ['no next step', { nextStep: { what: '', dueAt: '' } }, ['nextStep.what', 'nextStep.dueAt']],
    ['past due date', { nextStep: { what: 'Demo', dueAt: '2026-11-23T10:00:00Z' } }, ['nextStep.dueAt']],
    ['due right now', { nextStep: { what: 'Demo', dueAt: now.toISOString() } }, ['nextStep.dueAt']],
    ['unparsable date', { nextStep: { what: 'Demo', dueAt: 'next week' } }, ['nextStep.dueAt']],
    ['no warm intro plan', { warmIntro: null }, ['warmIntro']],
  ])('names what is missing: %s', (_label, change, missing) => {
    const result = readiness(emptyDeal, { ...complete, ...change }, defaultTemplates.sdr_to_ae, now);
    expect(result.ready).toBe(false);
    expect(result.missing).toEqual(missing);
    for (const path of missing) expect(result.reasons[path]).toBeTruthy();
  });

  it('falls back to what the deal already knows', () => {
    const deal = {
      qualification: { budget: '40k', authority: 'VP', need: 'Lost context', timeline: 'Q1' },
      nextStep: { what: 'Demo', dueAt: '2026-12-01T09:00:00Z', ownerId: null },
    };
    const draft: HandoffDraft = { ...complete, qualification: undefined, nextStep: undefined };
    expect(readiness(deal, draft, defaultTemplates.sdr_to_ae, now).ready).toBe(true);
    expect(effectiveHandoff(deal, { ...draft, qualification: { budget: '55k' } }).qualification.budget).toBe('55k');
  });

  it.each(['TBD', 'tbd.', ' n/a ', 'N/A', '?', '???', '-', '--', '…', '...', 'Unknown', 'TODO'])('refuses the placeholder %j as an answer', (answer) => {
    const result = readiness(emptyDeal, { ...complete, qualification: { ...complete.qualification, budget: answer }, discussed: answer }, defaultTemplates.sdr_to_ae, now);
    expect(result.missing).toEqual(['discussed', 'qualification.budget']);
    expect(result.reasons['qualification.budget']).toContain('placeholder');
  });

  it('refuses a placeholder the deal holds, and takes the organisation\'s own list', () => {
    const deal = { ...emptyDeal, qualification: { budget: 'TBD', authority: 'VP', need: 'Lost context', timeline: 'Q1' } };
    expect(readiness(deal, { ...complete, qualification: undefined }, defaultTemplates.sdr_to_ae, now).missing).toEqual(['qualification.budget']);
    const ours = { ...defaultTemplates.sdr_to_ae, placeholders: ['ask Sam', 'tbd'] };
    expect(readiness(emptyDeal, { ...complete, trigger: 'Ask Sam' }, ours, now).missing).toEqual(['trigger']);
    // An organisation's list replaces Baton's words, not the rule that "?" or "--" says nothing.
    expect(readiness(emptyDeal, { ...complete, trigger: 'unknown' }, ours, now).missing).toEqual([]);
    expect(isPlaceholder('--', ['ask Sam'])).toBe(true);
    expect(templateFor('sdr_to_ae', { sdr_to_ae: { required: ['trigger'], placeholders: ['ask Sam'] } }).placeholders).toEqual(['ask Sam']);
  });

  it('keeps real answers that merely contain a placeholder word', () => {
    for (const answer of ['Budget TBD by the COO in January', 'Unknown vendor today; wants one', 'N/A for the pilot, 30k for rollout']) {
      expect(isPlaceholder(answer)).toBe(false);
    }
  });

  it('accepts "None raised" as an explicit answer', () => {
    expect(readiness(emptyDeal, { ...complete, objections: 'None raised' }, defaultTemplates.sdr_to_ae, now).missing).toEqual([]);
  });

  it('follows the template per kind, and an organisation override', () => {
    const bare: HandoffDraft = { kind: 'marketing_to_sdr', toUserId: complete.toUserId, nextStep: complete.nextStep };
    expect(readiness(emptyDeal, bare, templateFor('marketing_to_sdr'), now).missing).toEqual(['trigger', 'discussed', 'qualification.need']);
    const relaxed = templateFor('marketing_to_sdr', { marketing_to_sdr: { required: ['trigger'] } });
    expect(readiness(emptyDeal, bare, relaxed, now).missing).toEqual(['trigger']);
  });

  it('always requires a recipient and a dated next step, whatever the template says', () => {
    const result = readiness(emptyDeal, { kind: 'ae_to_csm' }, { required: [] }, now);
    expect(result.missing).toEqual([...alwaysRequired]);
  });

  it('every default template only names known fields', () => {
    for (const template of Object.values(defaultTemplates)) {
      for (const path of template.required) expect(fieldPaths).toContain(path);
    }
  });
});
