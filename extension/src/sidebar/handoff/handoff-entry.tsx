import type { Brief } from '@baton/shared';
import { useState, type FormEvent } from 'react';
import { useBridge } from '../../bridge/react.tsx';
import { errorText } from '../../ui/error-text.ts';
import { useSidebarEnv } from '../shell/sidebar-env.tsx';
import { HandoffPanel } from './handoff-panel.tsx';
import { useHandoffSlot } from './handoff-slot.tsx';

/** A deal title from what is known: the company and the thread's subject. */
export function suggestedDealTitle(brief: Pick<Brief, 'contact'>, threadSubject: string | null | undefined): string {
  const company = brief.contact.company?.trim();
  const subject = threadSubject?.trim();
  return [company, subject].filter(Boolean).join(' — ') || brief.contact.name || 'New deal';
}

function CreateDeal({ brief, threadSubject }: { brief: Brief; threadSubject: string | null | undefined }) {
  const bridge = useBridge();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(() => suggestedDealTitle(brief, threadSubject));
  const [error, setError] = useState<string | null>(null);

  async function create(event: FormEvent) {
    event.preventDefault();
    if (title.trim() === '') {
      setError('Give the deal a title.');
      return;
    }
    try {
      await bridge.createDeal({ input: { contactId: brief.contact.id, title: title.trim() } });
      setOpen(false);
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  if (!open) {
    return (
      <div className="row">
        <span className="small muted">A handoff needs a deal.</span>
        <button type="button" onClick={() => setOpen(true)}>
          Create deal
        </button>
      </div>
    );
  }
  return (
    <form aria-label="Create deal" onSubmit={(event) => void create(event)}>
      <label>
        <span>Deal title</span>
        <input type="text" value={title} maxLength={200} onChange={(event) => setTitle(event.target.value)} autoFocus />
      </label>
      {error ? <p className="danger small" role="alert">{error}</p> : null}
      <div className="row">
        <button type="submit" className="primary">
          Create deal
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/**
 * On the contact: the handoff panel when the page's one slot is open for this deal; otherwise
 * "Hand off" for the deal's owner (or "Create deal" first) — unless the page offers its own entry
 * (a Gmail thread's "Log & hand off"), so there is one way to start per context.
 */
export function HandoffEntry({ brief, threadSubject, entryElsewhere = false }: { brief: Brief; threadSubject?: string | null; entryElsewhere?: boolean }) {
  const bridge = useBridge();
  const { settings } = useSidebarEnv();
  const slot = useHandoffSlot();
  const deal = brief.deal;
  if (deal !== null && slot.opened?.dealId === deal.id) {
    return (
      <HandoffPanel
        deal={deal}
        timeline={brief.timeline}
        threadSubject={threadSubject ?? null}
        sentBack={slot.opened.sentBack}
        onClose={slot.close}
        onReload={() => bridge.fetchBrief({ query: { contactId: brief.contact.id } })}
      />
    );
  }
  if (entryElsewhere) return null;
  if (deal === null) return <CreateDeal brief={brief} threadSubject={threadSubject} />;
  const pending = brief.latestHandoff?.dealId === deal.id && brief.latestHandoff.status === 'pending';
  const me = settings.user;
  const mayHandOff = me !== null && (deal.ownerId === me.id || me.role === 'manager' || me.role === 'admin');
  if (pending || !mayHandOff) return null;
  return (
    <div className="row">
      <button type="button" className="primary" onClick={() => slot.open({ dealId: deal.id, sentBack: sentBackByOthers(brief, deal.id, me.id) })}>
        Hand off
      </button>
    </div>
  );
}

/** The deal's latest handoff when it was this rep's and came back: a new handoff starts from it. */
export function sentBackByOthers(brief: Pick<Brief, 'latestHandoff'>, dealId: string, me: string | undefined): Brief['latestHandoff'] {
  const latest = brief.latestHandoff;
  return latest !== null && latest.dealId === dealId && latest.status === 'rejected' && latest.fromUserId === me ? latest : null;
}
