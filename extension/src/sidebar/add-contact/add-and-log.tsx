import type { LoggableGmailThread, Person } from '@baton/readers/gmail';
import { normalizeEmail } from '@baton/shared';
import { useState } from 'react';
import { useBridge } from '../../bridge/react.tsx';
import { errorText } from '../../ui/error-text.ts';

type Run = { state: 'idle' } | { state: 'running' } | { state: 'failed'; message: string };

/**
 * The common path for an unknown sender in one click: the contact is added from what the thread
 * shows and the thread is logged to it (both saved on this device first, synced when they can be).
 */
export function AddAndLog({ person, thread }: { person: Person; thread: LoggableGmailThread }) {
  const bridge = useBridge();
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const who = person.name ?? person.email;

  async function start() {
    const address = normalizeEmail(person.email);
    if (address === null) return setRun({ state: 'failed', message: `${person.email} is not an address Baton can store.` });
    setRun({ state: 'running' });
    try {
      const contact = await bridge.addContact({ contact: { emails: [address], name: person.name?.trim() || null, company: null, title: null } });
      await bridge.logThread({ thread, target: { contactId: contact.id, dealId: null } });
      setRun({ state: 'idle' });
    } catch (error) {
      setRun({ state: 'failed', message: errorText(error) });
    }
  }

  return (
    <div className="stack">
      <button type="button" className="primary" onClick={() => void start()} disabled={run.state === 'running'}>
        {run.state === 'running' ? 'Adding and logging…' : `Add ${who} and log thread`}
      </button>
      {run.state === 'failed' ? (
        <p className="danger small" role="alert">
          {run.message}
        </p>
      ) : null}
    </div>
  );
}
