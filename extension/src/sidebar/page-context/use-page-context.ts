import { useEffect, useState } from 'react';
import type { PageContext } from '../../messages/to-sidebar.ts';
import { openPageChannel, type PageChannel } from './page-channel.ts';

export type PageState =
  | { status: 'connecting' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; channel: PageChannel; context: PageContext | null };

/** The page the sidebar sits beside, kept current as the user moves around Gmail. */
export function usePageContext(nonce: Promise<string>): PageState {
  const [state, setState] = useState<PageState>({ status: 'connecting' });
  useEffect(() => {
    const abort = new AbortController();
    let channel: PageChannel | null = null;
    let pending: PageContext | null = null;
    openPageChannel(
      nonce,
      (context) => {
        if (channel === null) pending = context;
        else setState({ status: 'ready', channel, context });
      },
      abort.signal,
    ).then(
      (opened) => {
        channel = opened;
        setState((previous) => ({
          status: 'ready',
          channel: opened,
          context: pending ?? (previous.status === 'ready' ? previous.context : null),
        }));
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => abort.abort();
  }, [nonce]);
  return state;
}
