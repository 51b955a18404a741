// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import { freshDb } from '../local/testing.ts';
import { createBridgeClient } from './client.ts';
import { BridgeProvider, useLiveQueries } from './react.tsx';
import { startTestBridge } from './testing.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function SyncLine() {
  const { data, error } = useQuery(useLiveQueries().syncStatus({}));
  if (error !== null) return <p>failed</p>;
  return <p>{data === undefined ? 'loading' : data.message}</p>;
}

function Contact({ email }: { email: string }) {
  const { data } = useQuery(useLiveQueries().findContactByEmails({ emails: [email] }));
  return <p>{data === undefined ? 'loading' : (data?.name ?? 'unknown')}</p>;
}

describe('live queries', () => {
  it('show the answer, then the new answer after another page wrote to the background database', async () => {
    const { runtime, server, bridge } = startTestBridge({ db: freshDb(), userId: null });
    const container = document.createElement('div');
    const root = createRoot(container);
    const queries = new QueryClient();
    const render = (ui: ReactNode) =>
      act(async () =>
        root.render(
          <QueryClientProvider client={queries}>
            <BridgeProvider client={bridge}>{ui}</BridgeProvider>
          </QueryClientProvider>,
        ),
      );
    await render(<SyncLine />);
    await vi.waitFor(() => expect(container.textContent).toBe('synced'));

    // Another page (the popup, say) writes; this one only hears `changed` and re-reads.
    const other = createBridgeClient({ connect: () => runtime.connect({ id: runtime.extensionId, url: `${runtime.origin}popup.html` }) });
    await other.addContact({ contact: { emails: ['jo@prospect.example'], name: 'Jo Prospect' } });
    await vi.waitFor(() => expect(container.textContent).toBe('1 waiting to sync'));

    // Other params are another query: the answer for the previous ones is never shown for them.
    await render(<Contact email="jo@prospect.example" />);
    await vi.waitFor(() => expect(container.textContent).toBe('Jo Prospect'));
    await render(<Contact email="sam@prospect.example" />);
    expect(container.textContent).toBe('loading');
    await vi.waitFor(() => expect(container.textContent).toBe('unknown'));
    await other.addContact({ contact: { emails: ['sam@prospect.example'], name: 'Sam Prospect' } });
    await vi.waitFor(() => expect(container.textContent).toBe('Sam Prospect'));

    await act(async () => root.unmount());
    other.close();
    bridge.close();
    server.close();
  });
});
