import type { ApiClient } from '../api-client/index.ts';
import type { BatonDb } from '../local/db.ts';
import { createSyncEngine } from '../local/sync.ts';
import { createBridgeClient, type BridgeClient } from './client.ts';
import type { BridgePort } from './port.ts';
import { startBridgeServer, type BridgeServer } from './server.ts';
import { BRIDGE_PORT } from './wire.ts';

/* Test support only: an in-memory runtime.connect, with both ends of each port, as Chrome gives them. */

type Sender = { id?: string; url?: string; tab?: { id?: number } };

class FakePort implements BridgePort {
  other: FakePort | null = null;
  disconnected = false;
  private readonly messageListeners = new Set<(message: unknown) => void>();
  private readonly disconnectListeners = new Set<() => void>();
  readonly onMessage = {
    addListener: (listener: (message: unknown) => void) => void this.messageListeners.add(listener),
    removeListener: (listener: (message: unknown) => void) => void this.messageListeners.delete(listener),
  };
  readonly onDisconnect = {
    addListener: (listener: () => void) => void this.disconnectListeners.add(listener),
    removeListener: (listener: () => void) => void this.disconnectListeners.delete(listener),
  };

  constructor(
    readonly name: string,
    readonly sender: Sender | undefined,
  ) {}

  postMessage(message: unknown): void {
    if (this.disconnected) throw new Error('Attempting to use a disconnected port object');
    // Chrome serialises port messages as JSON: whatever does not survive that must not be relied on.
    const copy: unknown = JSON.parse(JSON.stringify(message));
    const target = this.other;
    queueMicrotask(() => {
      if (target && !target.disconnected) for (const listener of [...target.messageListeners]) listener(copy);
    });
  }

  /** Like Chrome: the other end hears onDisconnect, this end does not. */
  disconnect(): void {
    if (this.disconnected) return;
    this.disconnected = true;
    const target = this.other;
    if (target === null || target.disconnected) return;
    target.disconnected = true;
    queueMicrotask(() => {
      for (const listener of [...target.disconnectListeners]) listener();
    });
  }
}

export function fakeRuntime(extensionId = 'bridgetestextensionidbridgetestx') {
  const origin = `chrome-extension://${extensionId}/`;
  const connectListeners = new Set<(port: BridgePort) => void>();
  const backgroundEnds = new Set<FakePort>();
  return {
    extensionId,
    origin,
    onConnect(listener: (port: BridgePort) => void): () => void {
      connectListeners.add(listener);
      return () => connectListeners.delete(listener);
    },
    /** `runtime.connect` from a page (by default our sidebar frame, in tab 7). */
    connect(sender: Sender = { id: extensionId, url: `${origin}sidebar.html#abc`, tab: { id: 7 } }, name = BRIDGE_PORT): BridgePort & { disconnected: boolean } {
      const page = new FakePort(name, undefined);
      const background = new FakePort(name, sender);
      page.other = background;
      background.other = page;
      backgroundEnds.add(background);
      for (const listener of connectListeners) listener(background);
      return page;
    },
    /** The worker was stopped: every page's port drops. */
    stopWorker(): void {
      for (const end of backgroundEnds) end.disconnect();
      backgroundEnds.clear();
    },
  };
}

export interface TestBridgeOptions {
  db: BatonDb;
  userId: string | null;
  /** The API client the background would build from settings; null: not configured. */
  client?: ApiClient | null;
  now?: () => Date;
}

/** A background (the real bridge server over `db`, syncing through a real engine) and one sidebar page's client. */
export function startTestBridge(options: TestBridgeOptions): { runtime: ReturnType<typeof fakeRuntime>; server: BridgeServer; bridge: BridgeClient } {
  const runtime = fakeRuntime();
  const client = options.client ?? null;
  const engine = createSyncEngine({ db: options.db, client: () => client, ...(options.now ? { now: options.now } : {}) });
  const server = startBridgeServer({
    db: options.db,
    extensionId: runtime.extensionId,
    extensionOrigin: runtime.origin,
    onConnect: runtime.onConnect,
    userId: async () => options.userId,
    client: async () => client,
    syncNow: async () => {
      await engine.drain({ force: true });
    },
    ...(options.now ? { now: options.now } : {}),
    changeDebounceMs: 5,
  });
  const bridge = createBridgeClient({ connect: () => runtime.connect() });
  return { runtime, server, bridge };
}
