// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import { freshDb } from '../local/testing.ts';
import { createBridgeClient } from './client.ts';
import { BridgeProvider, useBridgeQuery } from './react.tsx';
import { startBridgeServer } from './server.ts';
import { fakeRuntime } from './testing.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function SyncLine() {
  const { data, error } = useBridgeQuery('syncStatus', {}, []);
  if (error !== undefined) return <p>failed</p>;
  return <p>{data === undefined ? 'loading' : data.message}</p>;
}

describe('useBridgeQuery', () => {
  it('shows the answer, and the new answer after the background database changes', async () => {
    const db = freshDb();
    const runtime = fakeRuntime();
    const server = startBridgeServer({
      db,
      extensionId: runtime.extensionId,
      extensionOrigin: runtime.origin,
      onConnect: runtime.onConnect,
      userId: async () => null,
      client: async () => null,
      changeDebounceMs: 5,
    });
    const bridge = createBridgeClient({ connect: () => runtime.connect() });
    const container = document.createElement('div');
    const root = createRoot(container);
    await act(async () => root.render(<BridgeProvider client={bridge}><SyncLine /></BridgeProvider>));
    await vi.waitFor(() => expect(container.textContent).toBe('synced'));

    // Another page (the popup, say) writes; this one only hears `changed` and re-reads.
    const other = createBridgeClient({ connect: () => runtime.connect({ id: runtime.extensionId, url: `${runtime.origin}popup.html` }) });
    await other.call('addContact', { contact: { emails: ['jo@prospect.example'] } });
    await vi.waitFor(() => expect(container.textContent).toBe('1 waiting to sync'));

    await act(async () => root.unmount());
    other.close();
    bridge.close();
    server.close();
  });
});
