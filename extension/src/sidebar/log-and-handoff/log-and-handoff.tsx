import type { Brief } from '@baton/shared';
import { useEffect, useState } from 'react';
import type { LoggableGmailThread } from '@baton/readers/gmail';
import { useBridge } from '../../bridge/react.tsx';
import { errorText } from '../../ui/error-text.ts';
import { sentBackByOthers, suggestedDealTitle } from '../handoff/handoff-entry.tsx';
import { useHandoffSlot } from '../handoff/handoff-slot.tsx';
import { useSidebarEnv } from '../shell/sidebar-env.tsx';

type Step = { state: 'idle' } | { state: 'logging'; done: number; total: number } | { state: 'creating' } | { state: 'failed'; message: string };

/**
 * One click from a thread to a handoff: logs the thread (idempotent by Gmail message id, so a
 * logged thread costs nothing), makes the deal if there is none, and opens the handoff panel
 * pre-filled from the deal and this thread.
 */
export function LogAndHandoff({ thread, brief }: { thread: LoggableGmailThread; brief: Brief }) {
  const bridge = useBridge();
  const { settings } = useSidebarEnv();
  const [step, setStep] = useState<Step>({ state: 'idle' });
  const slot = useHandoffSlot();
  const deal = brief.deal;
  const me = settings.user;

  // A deal made by this click arrives with the next brief: the panel opens for it then.
  useEffect(() => {
    if (step.state === 'creating' && deal !== null) {
      setStep({ state: 'idle' });
      slot.open({ dealId: deal.id, sentBack: null });
    }
  }, [step.state, deal, slot]);

  async function start() {
    setStep({ state: 'logging', done: 0, total: thread.messages.length });
    try {
      await bridge.logThread({ thread, target: { contactId: brief.contact.id, dealId: deal?.id ?? null } },
        { onProgress: (progress) => setStep({ state: 'logging', ...progress }) },
      );
      if (deal === null) {
        await bridge.createDeal({ input: { contactId: brief.contact.id, title: suggestedDealTitle(brief, thread.subject) } });
        setStep({ state: 'creating' });
      } else {
        setStep({ state: 'idle' });
        slot.open({ dealId: deal.id, sentBack: sentBackByOthers(brief, deal.id, me?.id) });
      }
    } catch (error) {
      setStep({ state: 'failed', message: errorText(error) });
    }
  }

  if (step.state === 'creating') {
    return (
      <p className="muted small" role="status">
        Creating the deal…
      </p>
    );
  }
  // The panel is open (on the contact card): this entry steps aside.
  if (slot.opened !== null) return null;

  const pending = deal !== null && brief.latestHandoff?.dealId === deal.id && brief.latestHandoff.status === 'pending';
  const mayHandOff = me !== null && (deal === null || deal.ownerId === me.id || me.role === 'manager' || me.role === 'admin');
  if (pending || !mayHandOff) return null;
  return (
    <div className="stack">
      <button type="button" onClick={() => void start()} disabled={step.state === 'logging'}>
        {step.state === 'logging' ? `Logging ${step.done} of ${step.total}…` : 'Log & hand off'}
      </button>
      {step.state === 'failed' ? (
        <p className="danger small" role="alert">
          {step.message}
        </p>
      ) : null}
    </div>
  );
}
