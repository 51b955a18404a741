import type { Brief, BriefHandoff } from '@baton/shared';
import { useEffect, useRef, useState } from 'react';
import { useSidebarEnv } from '../shell/sidebar-env.tsx';
import { introText } from './intro-text.ts';
import { openIntroDraft } from './open-intro-draft.ts';

/** A handoff older than this when first seen was made elsewhere (another tab, another day): no draft. */
const FRESH_MS = 2 * 60_000;

export interface IntroThread {
  subject: string | null;
  /** Participants outside the company, as the thread shows them. */
  people: readonly { email: string }[];
}

/** Whether `handoff` is one the user just made here, asking for an intro email. */
export function wantsIntroDraft(handoff: BriefHandoff | null, baseline: string | null, me: string | null, now: Date): handoff is BriefHandoff {
  if (handoff === null || me === null || handoff.id === baseline) return false;
  if (handoff.fromUserId !== me || handoff.status !== 'pending' || handoff.warmIntro !== 'intro_email') return false;
  return now.getTime() - new Date(handoff.createdAt).getTime() < FRESH_MS;
}

/** The prospect to write to: the contact's address as it appears on this thread, else their first. */
export function prospectEmail(brief: Brief, thread: IntroThread): string | null {
  const own = new Set(brief.contact.emails.map((email) => email.toLowerCase()));
  return thread.people.find((person) => own.has(person.email.toLowerCase()))?.email ?? brief.contact.emails[0] ?? null;
}

/**
 * Watches the thread's brief for the handoff the rep just made (from the "Hand off" button or
 * "Log & hand off") and, when its warm-intro plan is an intro email, opens the reply draft once.
 * Driven by the data rather than by the panel, so either entry point gets it.
 */
export function useIntroOnHandoff(brief: Brief | null | undefined, thread: IntroThread): string | null {
  const env = useSidebarEnv();
  const me = env.settings.user;
  const baseline = useRef<string | null | undefined>(undefined);
  const done = useRef(new Set<string>());
  const [status, setStatus] = useState<string | null>(null);
  const handoff = brief?.latestHandoff ?? null;

  useEffect(() => {
    if (brief === undefined) return;
    if (baseline.current === undefined) {
      baseline.current = handoff?.id ?? null;
      return;
    }
    if (!brief || !wantsIntroDraft(handoff, baseline.current, me?.id ?? null, new Date()) || done.current.has(handoff.id)) return;
    done.current.add(handoff.id);
    const to = prospectEmail(brief, thread);
    const cc = handoff.to?.email;
    if (!to || !cc) {
      setStatus('Handed off — write the intro email yourself: Baton does not know both addresses.');
      return;
    }
    const body = introText({ prospectName: brief.contact.name, aeName: handoff.to?.name ?? cc, senderName: me?.name ?? null, nextStep: handoff.nextStep });
    setStatus('Drafting the intro email…');
    openIntroDraft(env, { to, cc, subject: thread.subject ?? brief.deal?.title ?? '', body }).then(setStatus, (error: unknown) =>
      setStatus(`The intro email could not be drafted: ${error instanceof Error ? error.message : String(error)}`),
    );
  });

  return status;
}
