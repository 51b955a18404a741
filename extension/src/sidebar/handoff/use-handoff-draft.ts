import { useCallback, useEffect, useRef, useState } from 'react';
import { useBridge } from '../../bridge/react.tsx';
import { fromDraft, toDraft, type HandoffForm } from './handoff-form.ts';

const SAVE_AFTER_MS = 400;

export interface HandoffDraftState {
  /** null while the saved draft is read. */
  form: HandoffForm | null;
  /** True when the form came from a draft saved earlier (rather than fresh pre-fill). */
  restored: boolean;
  saveError: unknown;
  update(patch: Partial<HandoffForm>): void;
  /** Forgets the draft (after a successful handoff): nothing pending is saved afterwards. */
  discard(): Promise<void>;
}

/**
 * The handoff form, saved on this device through the background as the rep types (debounced, and
 * at once when the panel closes), so closing the tab loses nothing.
 */
export function useHandoffDraft(dealId: string, initial: () => HandoffForm): HandoffDraftState {
  const bridge = useBridge();
  const [form, setForm] = useState<HandoffForm | null>(null);
  const [restored, setRestored] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(undefined);
  const current = useRef<HandoffForm | null>(null);
  const unsaved = useRef<HandoffForm | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const initialRef = useRef(initial);
  initialRef.current = initial;

  useEffect(() => {
    let live = true;
    bridge.getDraft({ dealId }).then(
      (row) => {
        if (!live) return;
        const loaded = row ? fromDraft(row.draft) : initialRef.current();
        current.current = loaded;
        setRestored(row !== null);
        setForm(loaded);
      },
      (error: unknown) => {
        if (!live) return;
        console.warn('[baton] the saved handoff draft could not be read; starting from what Baton knows', error);
        current.current = initialRef.current();
        setSaveError(error);
        setForm(current.current);
      },
    );
    return () => {
      live = false;
    };
  }, [bridge, dealId]);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const pending = unsaved.current;
    if (pending === null) return;
    unsaved.current = null;
    bridge.saveDraft({ dealId, draft: toDraft(pending) }).then(
      () => setSaveError(undefined),
      (error: unknown) => setSaveError(error),
    );
  }, [bridge, dealId]);

  // Closing the panel (or the tab's sidebar) saves what was typed in the last moments.
  useEffect(() => flush, [flush]);

  const update = useCallback(
    (patch: Partial<HandoffForm>) => {
      if (current.current === null) return;
      const next = { ...current.current, ...patch };
      current.current = next;
      unsaved.current = next;
      setForm(next);
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, SAVE_AFTER_MS);
    },
    [flush],
  );

  const discard = useCallback(async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    unsaved.current = null;
    await bridge.deleteDraft({ dealId });
  }, [bridge, dealId]);

  return { form, restored, saveError, update, discard };
}
