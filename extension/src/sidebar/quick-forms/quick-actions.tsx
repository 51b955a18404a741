import { useState } from 'react';
import { Section } from '../../ui/section.tsx';
import { AddNoteForm } from './add-note-form.tsx';
import { LogCallForm } from './log-call-form.tsx';

/** "Add note" and "Log call" on the contact: one form open at a time, saved locally at once. */
export function QuickActions({ contactId, dealId }: { contactId: string; dealId: string | null }) {
  const [open, setOpen] = useState<'note' | 'call' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const done = (what: string) => () => {
    setOpen(null);
    setSaved(what);
  };
  const close = () => setOpen(null);
  return (
    <Section title="Quick log">
      {open === 'note' ? (
        <AddNoteForm contactId={contactId} dealId={dealId} onSaved={done('Note saved')} onCancel={close} />
      ) : open === 'call' ? (
        <LogCallForm contactId={contactId} dealId={dealId} onSaved={done('Call logged')} onCancel={close} />
      ) : (
        <div className="row actions">
          <button type="button" onClick={() => { setSaved(null); setOpen('note'); }}>
            Add note
          </button>
          <button type="button" onClick={() => { setSaved(null); setOpen('call'); }}>
            Log call
          </button>
          {saved ? <span className="ok small" role="status">{saved}</span> : null}
        </div>
      )}
    </Section>
  );
}
