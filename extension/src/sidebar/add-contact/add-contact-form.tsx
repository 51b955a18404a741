import { normalizeEmail } from '@baton/shared';
import { useState, type FormEvent } from 'react';
import { useBridge } from '../../bridge/react.tsx';
import { errorText } from '../../ui/error-text.ts';

export interface ContactDraft {
  name: string;
  email: string;
}

/** New contact, pre-filled from what the thread showed; saved locally first, synced later. */
export function AddContactForm({ initial, onSaved, onCancel }: { initial: ContactDraft; onSaved: () => void; onCancel?: () => void }) {
  const bridge = useBridge();
  const [name, setName] = useState(initial.name);
  const [email, setEmail] = useState(initial.email);
  const [company, setCompany] = useState('');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const address = normalizeEmail(email);
    if (address === null) return setError('Enter a valid email address.');
    try {
      await bridge.addContact({
        contact: {
          emails: [address],
          name: name.trim() || null,
          company: company.trim() || null,
          title: title.trim() || null,
        },
      });
      onSaved();
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} aria-label="Add contact" className="stack">
      <label>
        <span>Name</span>
        <input value={name} onChange={(event) => setName(event.target.value)} autoComplete="off" />
      </label>
      <label>
        <span>Email</span>
        <input type="email" value={email} onChange={(event) => setEmail(event.target.value)} autoComplete="off" required />
      </label>
      <label>
        <span>Company</span>
        <input value={company} onChange={(event) => setCompany(event.target.value)} autoComplete="off" />
      </label>
      <label>
        <span>Title</span>
        <input value={title} onChange={(event) => setTitle(event.target.value)} autoComplete="off" />
      </label>
      {error ? <p className="danger" role="alert">{error}</p> : null}
      <div className="row">
        <button type="submit" className="primary">
          Save contact
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
