import type { BriefHandoff } from '@baton/shared';
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

/** What the one handoff panel of this page is open for: a deal, and the sent-back handoff it fixes, if any. */
export interface OpenHandoff {
  dealId: string;
  /** "Fix & resend": the panel starts from everything this handoff had, with the reason it came back. */
  sentBack: BriefHandoff | null;
}

export interface HandoffSlot {
  opened: OpenHandoff | null;
  open(what: OpenHandoff): void;
  close(): void;
}

const Slot = createContext<HandoffSlot | null>(null);

/**
 * One handoff panel per page: every way to start a handoff (the thread's "Log & hand off", the
 * card's "Hand off", the brief's "Fix & resend") opens this slot, and the contact card renders
 * the panel, so two forms for one deal can never be open at once.
 */
export function HandoffSlotProvider({ children }: { children: ReactNode }) {
  const [opened, setOpened] = useState<OpenHandoff | null>(null);
  const value = useMemo<HandoffSlot>(() => ({ opened, open: setOpened, close: () => setOpened(null) }), [opened]);
  return <Slot.Provider value={value}>{children}</Slot.Provider>;
}

/** Outside a provider (a component rendered alone) the slot is a local one: still one panel. */
export function useHandoffSlot(): HandoffSlot {
  const slot = useContext(Slot);
  const [opened, setOpened] = useState<OpenHandoff | null>(null);
  const local = useMemo<HandoffSlot>(() => ({ opened, open: setOpened, close: () => setOpened(null) }), [opened]);
  return slot ?? local;
}
