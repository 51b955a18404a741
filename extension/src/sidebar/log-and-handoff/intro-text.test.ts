import { describe, expect, it } from 'vitest';
import { introText, shortWhen } from './intro-text.ts';

describe('introText', () => {
  it('introduces the AE by name with the agreed next step and its time', () => {
    expect(
      introText({
        prospectName: 'Jordan Lee',
        aeName: 'Ari Chen',
        senderName: 'Maya Singh',
        nextStep: { what: 'Demo', dueAt: '2026-11-26T10:00:00Z' },
        timeZone: 'UTC',
      }),
    ).toBe('Hi Jordan —\n\nIntroducing Ari Chen, our account executive, who will take it from here for the demo on Thu 10:00. Ari, over to you.\n\nBest,\nMaya');
  });

  it('keeps acronyms and copes with unknown names and no next step', () => {
    expect(introText({ prospectName: null, aeName: 'Ari Chen', senderName: null, nextStep: { what: 'SSO review', dueAt: '2026-11-27T15:30:00Z' }, timeZone: 'UTC' })).toBe(
      'Hi —\n\nIntroducing Ari Chen, our account executive, who will take it from here for the SSO review on Fri 15:30. Ari, over to you.\n\nBest,',
    );
    expect(introText({ prospectName: 'Jordan', aeName: 'Ari', senderName: 'Maya', nextStep: null })).toBe(
      'Hi Jordan —\n\nIntroducing Ari, our account executive, who will take it from here. Ari, over to you.\n\nBest,\nMaya',
    );
  });

  it('shortWhen is empty for a date it cannot read', () => {
    expect(shortWhen('next week')).toBe('');
  });
});
