import type { Brief, BriefHandoff } from '@baton/shared';
import { describe, expect, it } from 'vitest';
import { prospectEmail, wantsIntroDraft } from './use-intro-on-handoff.ts';

const me = '11111111-1111-4111-8111-111111111111';
const now = new Date('2026-11-24T12:00:00Z');
const handoff = {
  id: '22222222-2222-4222-8222-222222222222',
  fromUserId: me,
  status: 'pending',
  warmIntro: 'intro_email',
  createdAt: '2026-11-24T11:59:30Z',
} as BriefHandoff;

describe('wantsIntroDraft', () => {
  it('drafts for a fresh intro-email handoff this user just made', () => {
    expect(wantsIntroDraft(handoff, null, me, now)).toBe(true);
  });
  it.each([
    ['no handoff', null, null],
    ['the one already there when the thread opened', handoff, handoff.id],
    ['a handoff by someone else', { ...handoff, fromUserId: '33333333-3333-4333-8333-333333333333' }, null],
    ['a joint call plan', { ...handoff, warmIntro: 'joint_call' }, null],
    ['an accepted one', { ...handoff, status: 'accepted' }, null],
    ['one made minutes ago elsewhere', { ...handoff, createdAt: '2026-11-24T11:50:00Z' }, null],
  ] as const)('not for %s', (_label, candidate, baseline) => {
    expect(wantsIntroDraft(candidate as BriefHandoff | null, baseline, me, now)).toBe(false);
  });
});

describe('prospectEmail', () => {
  const brief = { contact: { emails: ['jordan.lee@globex.test', 'jordan@home.test'] } } as Brief;
  it('prefers the address the thread shows', () => {
    expect(prospectEmail(brief, { subject: null, people: [{ email: 'Jordan@Home.test' }] })).toBe('Jordan@Home.test');
    expect(prospectEmail(brief, { subject: null, people: [{ email: 'someone@else.test' }] })).toBe('jordan.lee@globex.test');
  });
});
