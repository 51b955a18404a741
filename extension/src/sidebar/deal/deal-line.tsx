import { dealStages, type Brief, type Deal, type DealStage } from '@baton/shared';
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { isApiClientError } from '../../api-client/index.ts';
import { useBridge } from '../../bridge/react.tsx';
import { errorText } from '../../ui/error-text.ts';
import { stageLabel } from '../../ui/format.ts';

type Saving = { state: 'idle' } | { state: 'saving' } | { state: 'queued' } | { state: 'conflict'; message: string } | { state: 'failed'; message: string };

/** The stage the server holds now, in words, for the conflict message. */
function currentOf(error: unknown): Deal | null {
  if (!isApiClientError(error)) return null;
  const current = error.details.current as Partial<Deal> | undefined;
  return current && typeof current.stage === 'string' && typeof current.title === 'string' ? (current as Deal) : null;
}

/**
 * "Deal: title [stage]" with an inline editor for the title and the stage (a pick-list). Saved
 * against the version on screen: when someone else changed the deal meanwhile, the rep is told in
 * plain words and shown the deal as it is now, and nothing of theirs is written over it.
 */
export function DealLine({ deal, dealOwner, owner }: { deal: Deal; dealOwner: Brief['dealOwner']; owner: Brief['owner'] }) {
  const bridge = useBridge();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(deal.title);
  const [stage, setStage] = useState<DealStage>(deal.stage);
  const [saving, setSaving] = useState<Saving>({ state: 'idle' });
  const ids = useId();
  const editButton = useRef<HTMLButtonElement>(null);
  const titleInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (editing) titleInput.current?.focus();
  }, [editing]);

  const open = () => {
    setTitle(deal.title);
    setStage(deal.stage);
    setSaving({ state: 'idle' });
    setEditing(true);
  };
  const close = () => {
    setEditing(false);
    // Focus goes back where it came from.
    requestAnimationFrame(() => editButton.current?.focus());
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    if (title.trim() === '') {
      setSaving({ state: 'failed', message: 'Give the deal a title.' });
      return;
    }
    setSaving({ state: 'saving' });
    try {
      const result = await bridge.updateDealNow({
        dealId: deal.id,
        change: { version: deal.version, ...(title.trim() !== deal.title ? { title: title.trim() } : {}), ...(stage !== deal.stage ? { stage } : {}) },
      });
      if (result.status === 'queued') setSaving({ state: 'queued' });
      else setSaving({ state: 'idle' });
      close();
    } catch (error) {
      if (isApiClientError(error) && error.kind === 'conflict') {
        const now = currentOf(error);
        setSaving({
          state: 'conflict',
          message: `Someone else changed this deal while you were editing${now ? ` — it is now “${now.title}”, ${stageLabel(now.stage)}` : ''}. Your change was not saved; check it and save again.`,
        });
        // What the rep chose stays in the form; the next save is made against the version now cached.
      } else {
        setSaving({ state: 'failed', message: errorText(error) });
      }
    }
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
    }
  };

  if (!editing) {
    return (
      <div className="deal-line">
        <p className="small">
          Deal: {deal.title} <span className="pill">{stageLabel(deal.stage)}</span>
          {dealOwner && dealOwner.id !== owner?.id ? <span className="muted"> · deal owner {dealOwner.name}</span> : null}{' '}
          <button ref={editButton} type="button" className="link small" onClick={open} aria-label={`Edit deal ${deal.title}`}>
            Edit
          </button>
        </p>
        {saving.state === 'queued' ? (
          <p className="small muted" role="status">
            Saved on this device; sent when Baton reaches its API.
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <form className="deal-editor stack" aria-label="Edit deal" onSubmit={(event) => void save(event)} onKeyDown={onKeyDown}>
      <label htmlFor={`${ids}-title`}>Deal title</label>
      <input id={`${ids}-title`} ref={titleInput} type="text" value={title} maxLength={200} onChange={(event) => setTitle(event.target.value)} />
      <label htmlFor={`${ids}-stage`}>Stage</label>
      <select id={`${ids}-stage`} value={stage} onChange={(event) => setStage(event.target.value as DealStage)}>
          {dealStages.map((option) => (
            <option key={option} value={option}>
              {stageLabel(option)}
            </option>
          ))}
      </select>
      {saving.state === 'conflict' || saving.state === 'failed' ? (
        <p className="notice danger small" role="alert">
          {saving.message}
        </p>
      ) : null}
      <div className="row">
        <button type="submit" className="primary" disabled={saving.state === 'saving'}>
          {saving.state === 'saving' ? 'Saving…' : 'Save deal'}
        </button>
        <button type="button" onClick={close}>
          Cancel
        </button>
      </div>
    </form>
  );
}
